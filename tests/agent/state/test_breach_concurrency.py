"""Breach register writes while others write the state store: nothing doubled, nothing lost.

On both backends, several ``run`` processes (threads here, each with its own
connection) claim the same deadline reminders at once: each reminder is
given to exactly one of them, so the DPO gets one e-mail; two closes of one
breach at once, or two opens of one id: one is recorded, the other refused;
an update racing a close is either recorded before the close or refused
after it, never kept on a closed breach. On SQLite, a claim and an update
made while a scan holds the store's write lock wait for it and land.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Connection, create_engine, select
from sqlalchemy.pool import NullPool

from agent.state.breaches import (
    claim_reminders,
    close_breach,
    get_breach,
    open_breach,
    update_breach,
)
from agent.state.store import StateStore
from agent.state.tables import BREACHES
from connectors.errors import ConfigError
from tests.agent.state.breach_support import AWARE, _assessment, _breach
from tests.agent.state.conftest import BANGKOK, _finding, _scan_s6

AT = datetime(2026, 12, 6, 9, 30, tzinfo=BANGKOK)
HOLD_S = 0.5  # how long the other writer keeps its lock: far below the busy timeout
JOIN_S = 30.0
CLAIMERS = 4


def _opened(store: StateStore, breach_id: str) -> None:
    open_breach(store, _breach(breach_id), _assessment(breach_id, datasets=2))


@contextmanager
def _other_writer(url: str, breach_id: str) -> Iterator[Connection]:
    """A writer in the middle of its transaction: SQLite's write lock, PostgreSQL's row lock."""
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.execute(
                    select(BREACHES.c.id).where(BREACHES.c.id == breach_id).with_for_update()
                )
            yield conn
            conn.rollback()
    finally:
        engine.dispose()


def _together(url: str, breach_id: str, jobs: list[Callable[[], object]]) -> list[object]:
    """Start ``jobs`` in threads at once, behind another writer's lock; their results or errors."""
    results: list[object] = [None] * len(jobs)
    gate = threading.Barrier(len(jobs) + 1)

    def work(n: int) -> None:
        gate.wait()
        try:
            results[n] = jobs[n]()
        except Exception as exc:  # the test looks at it
            results[n] = exc

    threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(len(jobs))]
    with _other_writer(url, breach_id):
        for thread in threads:
            thread.start()
        gate.wait()
        time.sleep(HOLD_S)  # every job now waits for the lock
    for thread in threads:
        thread.join(JOIN_S)
        assert not thread.is_alive()
    return results


def test_reminders_claimed_at_once_are_each_given_once(state_url: str) -> None:
    with StateStore(state_url) as store:
        _opened(store, "BR-1")

        def claim() -> tuple[int, ...]:
            return claim_reminders(store, "BR-1", (24, 6))

        results = _together(state_url, "BR-1", [claim] * CLAIMERS)
        assert not [r for r in results if isinstance(r, Exception)], results
        given = [hour for r in results for hour in r]  # type: ignore[attr-defined]
        assert sorted(given) == [6, 24]  # one e-mail each, whoever sends it
        assert results.count(()) >= CLAIMERS - 2
        again = _together(state_url, "BR-1", [claim] * 2)
        assert again == [(), ()]
        found = get_breach(store, "BR-1")
        assert found is not None and sorted(found.reminders_sent) == [6, 24]


def test_the_same_hour_claimed_by_two_at_once_is_given_to_one(state_url: str) -> None:
    with StateStore(state_url) as store:
        _opened(store, "BR-1")
        _opened(store, "BR-2")
        results = _together(
            state_url,
            "BR-1",
            [
                lambda: claim_reminders(store, "BR-1", (24,)),
                lambda: claim_reminders(store, "BR-1", (24,)),
                lambda: claim_reminders(store, "BR-2", (24,)),  # another breach: its own
            ],
        )
        assert sorted(results[:2]) == [(), (24,)], results  # type: ignore[type-var]
        assert results[2] == (24,)


def test_one_id_opened_twice_at_once_is_recorded_once(state_url: str) -> None:
    with StateStore(state_url) as store:
        results = _together(state_url, "BR-1", [lambda: _opened(store, "BR-1")] * 2)
        refused = [r for r in results if isinstance(r, ConfigError)]
        assert len(refused) == 1 and results.count(None) == 1, results
        assert "BR-1 is already in the register" in str(refused[0])
        found = get_breach(store, "BR-1")
        assert found is not None and len(found.assessments) == 1


def test_two_closes_at_once_one_wins(state_url: str) -> None:
    with StateStore(state_url) as store:
        _opened(store, "BR-1")
        results = _together(
            state_url,
            "BR-1",
            [
                lambda: close_breach(store, "BR-1", "notified", "dpo", AT),
                lambda: close_breach(store, "BR-1", "not_required", "deputy", AT),
            ],
        )
        refused = [r for r in results if isinstance(r, ConfigError)]
        assert len(refused) == 1, results
        assert "BR-1 is already closed" in str(refused[0])
        final = get_breach(store, "BR-1")
        assert final is not None and final.status == "closed"
        assert final in results  # the close that won returned the breach as it stands


def test_an_update_racing_a_close_is_never_kept_on_a_closed_breach(state_url: str) -> None:
    with StateStore(state_url) as store:
        _opened(store, "BR-1")
        second = _assessment("BR-1", "risk", at=AT, datasets=2)
        deadline = AWARE + timedelta(hours=72)
        results = _together(
            state_url,
            "BR-1",
            [
                lambda: update_breach(store, "BR-1", second, "t", AWARE, deadline, 3, ("crm",)),
                lambda: close_breach(store, "BR-1", "not_required", "dpo", AT),
            ],
        )
        final = get_breach(store, "BR-1")
        assert final is not None and final.status == "closed"
        assert not isinstance(results[1], Exception), results
        if isinstance(results[0], ConfigError):  # the close came first
            assert "BR-1 is closed" in str(results[0])
            assert (len(final.assessments), final.grade) == (1, "high")
        else:  # the update came first and the close saw it
            assert (len(final.assessments), final.grade, final.people) == (2, "risk", 3)


def test_a_claim_and_an_update_wait_for_a_scan_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    with StateStore(url) as store:
        _opened(store, "BR-1")
        _opened(store, "BR-2")
        store.begin_scan("s6", "2024-04-06T02:00:00+07:00", "0.2.0")
        scan = _scan_s6((_finding("f1", "hr", "public.employees"),))
        second = _assessment("BR-2", "none", at=AT, datasets=2)
        deadline = AWARE + timedelta(hours=72)
        results = _together(
            url,
            "BR-1",
            [
                lambda: claim_reminders(store, "BR-1", (24,)),
                lambda: update_breach(store, "BR-2", second, "t", AWARE, deadline, 0, ()),
                lambda: store.record_scan(scan),
            ],
        )
        assert not [r for r in results if isinstance(r, Exception)], results
        assert results[0] == (24,)
        updated = get_breach(store, "BR-2")
        assert updated is not None and [a.grade for a in updated.assessments] == ["high", "none"]
        scanned = store.scan("s6")
        assert scanned is not None and scanned.status == "complete"
