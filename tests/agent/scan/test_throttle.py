"""The per-source throttle: round-robin over sources, never more than a source's cap in flight.

Tasks are named ``<source letter><number>`` (``a1`` belongs to source ``a``).
Each table case is a script of operations on one :class:`Throttle` —
``next`` (and the task it must hand out, or None), ``done``, ``retry`` and
``counts`` (pending, running) — run step by step. A hypothesis property then
drives random interleavings of ``next``/``done``/``retry`` and checks the
cap after every step and that every task is eventually done exactly once.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.scan.executors.throttle import Throttle


@dataclass(frozen=True)
class Job:
    """A task of source ``name[0]``."""

    name: str

    @property
    def source(self) -> str:
        return self.name[0]


Step = tuple[str, str | None] | tuple[str, int, int]  # (op, task) or ("counts", pending, running)


@dataclass(frozen=True)
class Case:
    title: str
    tasks: tuple[str, ...]
    caps: dict[str, int]
    script: tuple[Step, ...]
    default_cap: int | None = None


def nexts(*names: str | None) -> tuple[Step, ...]:
    return tuple(("next", name) for name in names)


CASES = [
    Case(
        "round robin over sources, in the order they first appear",
        ("a1", "a2", "a3", "b1", "b2", "c1"),
        {"a": 9, "b": 9, "c": 9},
        (*nexts("a1", "b1", "c1", "a2", "b2", "a3", None), ("counts", 0, 6)),
    ),
    Case(
        "source order is first appearance, not alphabetical; each source keeps its own order",
        ("c1", "a1", "c2", "b1", "a2"),
        {"a": 9, "b": 9, "c": 9},
        nexts("c1", "a1", "b1", "c2", "a2", None),
    ),
    Case(
        "a source at its cap is skipped; the others go on",
        ("a1", "a2", "a3", "b1", "b2", "b3"),
        {"a": 1, "b": 2},
        (
            *nexts("a1", "b1", "b2", None),
            ("counts", 3, 3),
            ("done", "b1"),
            *nexts("b3", None),
            ("done", "a1"),
            *nexts("a2", None),
            ("counts", 1, 3),
        ),
    ),
    Case(
        "done frees exactly one place of that source",
        ("a1", "a2", "a3", "a4"),
        {"a": 2},
        (
            *nexts("a1", "a2", None),
            ("done", "a2"),
            *nexts("a3", None),
            ("done", "a1"),
            ("done", "a3"),
            *nexts("a4", None),
            ("done", "a4"),
            ("counts", 0, 0),
            *nexts(None),
        ),
    ),
    Case(
        "no caps given: the default cap is one per source",
        ("a1", "a2", "b1", "b2"),
        {},
        (*nexts("a1", "b1", None), ("done", "a1"), *nexts("a2", None)),
    ),
    Case(
        "an explicit default cap applies to sources without their own",
        ("a1", "a2", "a3", "b1", "b2"),
        {"b": 1},
        (*nexts("a1", "b1", "a2", "a3", None), ("counts", 1, 4)),
        default_cap=3,
    ),
    Case(
        "a cap of zero is treated as one",
        ("a1", "a2"),
        {"a": 0},
        (*nexts("a1", None), ("done", "a1"), *nexts("a2", None)),
    ),
    Case(
        "a negative cap is treated as one",
        ("a1", "a2", "b1"),
        {"a": -3, "b": -1},
        (*nexts("a1", "b1", None), ("counts", 1, 2)),
    ),
    Case(
        "a default cap below one is treated as one",
        ("a1", "a2"),
        {},
        (*nexts("a1", None),),
        default_cap=0,
    ),
    Case(
        "retry puts the task back at the front of its source's queue and frees its place",
        ("a1", "a2", "a3", "b1"),
        {"a": 2, "b": 1},
        (
            *nexts("a1", "b1", "a2", None),
            ("counts", 1, 3),
            ("retry", "a1"),
            ("counts", 2, 2),
            *nexts("a1", None),
            ("done", "a1"),
            *nexts("a3", None),
        ),
    ),
    Case(
        "several retries come back most recent first",
        ("a1", "a2", "a3"),
        {"a": 3},
        (
            *nexts("a1", "a2", "a3"),
            ("retry", "a1"),
            ("retry", "a3"),
            ("counts", 2, 1),
            *nexts("a3", "a1", None),
        ),
    ),
    Case(
        "nothing to do",
        (),
        {"a": 2},
        (("counts", 0, 0), *nexts(None)),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.title for case in CASES])
def test_throttle_script(case: Case) -> None:
    jobs = {name: Job(name) for name in case.tasks}
    if case.default_cap is None:
        throttle: Throttle[Job] = Throttle(list(jobs.values()), case.caps)
    else:
        throttle = Throttle(list(jobs.values()), case.caps, default_cap=case.default_cap)
    for number, step in enumerate(case.script):
        where = f"step {number}: {step}"
        if step[0] == "next":
            got = throttle.next_task()
            assert (got.name if got is not None else None) == step[1], where
            if got is not None:
                assert got is jobs[got.name], where
        elif step[0] == "done":
            throttle.done(jobs[str(step[1])])
        elif step[0] == "retry":
            throttle.retry(jobs[str(step[1])])
        else:
            assert step[0] == "counts"
            assert (throttle.pending, throttle.running) == (step[1], step[2]), where


def test_round_robin_interleaves_sources_whatever_the_input_order() -> None:
    names = [f"{source}{i}" for source in "abc" for i in range(1, 5)]
    throttle: Throttle[Job] = Throttle([Job(n) for n in names], {"a": 99, "b": 99, "c": 99})
    order = []
    while (task := throttle.next_task()) is not None:
        order.append(task.name)
    assert order == [f"{source}{i}" for i in range(1, 5) for source in "abc"]


@st.composite
def workloads(draw: st.DrawFn) -> tuple[list[Job], dict[str, int], int]:
    sources = draw(st.lists(st.sampled_from("abcdef"), min_size=1, max_size=6, unique=True))
    counts = {source: draw(st.integers(0, 8)) for source in sources}
    jobs = [Job(f"{source}{i}") for source in sources for i in range(counts[source])]
    jobs = draw(st.permutations(jobs))
    caps = {
        source: draw(st.integers(-2, 4))
        for source in sources
        if draw(st.booleans())  # some sources have no cap of their own
    }
    default_cap = draw(st.integers(-1, 3))
    return jobs, caps, default_cap


@settings(max_examples=300, deadline=None)
@given(workloads(), st.randoms(use_true_random=False), st.integers(0, 100))
def test_random_schedules_never_exceed_a_cap_and_finish_every_task(
    workload: tuple[list[Job], dict[str, int], int], rng: random.Random, retry_percent: int
) -> None:
    jobs, caps, default_cap = workload
    limit = {job.source: max(1, caps.get(job.source, default_cap)) for job in jobs}
    throttle: Throttle[Job] = Throttle(jobs, caps, default_cap=default_cap)
    in_flight: list[Job] = []
    finished: Counter[str] = Counter()
    retries_left = 2 * len(jobs)
    for _ in range(20 * len(jobs) + 10):
        if not in_flight and throttle.pending == 0:
            break
        if in_flight and rng.random() < 0.5:  # some running task ends (or must run again)
            job = in_flight.pop(rng.randrange(len(in_flight)))
            if retries_left and rng.randrange(100) < retry_percent // 4:
                retries_left -= 1
                throttle.retry(job)
            else:
                throttle.done(job)
                finished[job.name] += 1
        else:
            job_or_none = throttle.next_task()
            if job_or_none is None:
                # Nothing can start only when every source with work is at its cap.
                busy = Counter(job.source for job in in_flight)
                waiting = {j.source for j in jobs if not finished[j.name] and j not in in_flight}
                for source in waiting:
                    assert busy[source] == limit[source], (source, busy, limit)
            else:
                assert job_or_none not in in_flight
                in_flight.append(job_or_none)
        busy = Counter(job.source for job in in_flight)
        assert all(busy[source] <= limit[source] for source in busy), (busy, limit)
        assert throttle.running == len(in_flight)
        assert throttle.pending + throttle.running + sum(finished.values()) == len(jobs)
    # Drain what is left: every task is done exactly once.
    for job in in_flight:
        throttle.done(job)
        finished[job.name] += 1
    while (job_or_none := throttle.next_task()) is not None:
        throttle.done(job_or_none)
        finished[job_or_none.name] += 1
    assert finished == Counter(job.name for job in jobs)
    assert (throttle.pending, throttle.running) == (0, 0)
