"""Local parallelism: tasks on a pool of worker processes on this machine (``agent.workers``).

Processes, not threads: classification is CPU-bound Python. The processes
come from a ``forkserver`` that has already imported the detection engine
and the drivers, so each starts in milliseconds, and none inherits anything
of the coordinator (its connections, its threads, a broker client's sockets);
each worker keeps one connector (one connection pool) per source for the
whole scan and closes them when the pool shuts down. The pool starts only
when there is enough to do: listings, reviews and a batch of fewer than
``agent.inline_below`` datasets run in this process (``inline``), which
would otherwise wait two or three seconds for the pool's processes. A per-source
cap (:class:`~agent.scan.executors.throttle.Throttle`) bounds the queries one
source sees at once.

A worker that dies (killed, out of memory) breaks the pool; the tasks it may
have been running are given to a fresh pool once more, and a task that
breaks a pool twice is reported as failed — no dataset is silently lost.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.util import Finalize

from agent.scan.executors.base import Outcome, StopCheck, Task, failed_outcome, perform
from agent.scan.executors.throttle import Throttle
from agent.scan.tasks import DatasetTask
from agent.scan.work import ScanContext, ScanWorker

log = logging.getLogger(__name__)

#: How many times a task may be running when a worker process dies before it is given up.
MAX_ATTEMPTS = 2
DIED = "the worker process scanning it died (killed or out of memory)"

_child_worker: ScanWorker | None = None


#: Imported once by the fork server, so that every pool process starts with them loaded.
PRELOAD = [
    "agent.scan.work",
    "scanners.detection.engine",
    "connectors.sql.database",
    "connectors.files.connector",
]


def _pool_context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


@dataclass(frozen=True)
class LogSettings:
    """The coordinator's logging, repeated in each pool process (a fork server starts bare)."""

    level: int
    format: str | None

    @staticmethod
    def current() -> LogSettings:
        root = logging.getLogger()
        formatter = next((h.formatter for h in root.handlers if h.formatter), None)
        return LogSettings(root.level, formatter._fmt if formatter is not None else None)

    def apply(self) -> None:
        if self.format is not None:
            logging.basicConfig(level=self.level, format=self.format)
        logging.getLogger().setLevel(self.level)


def secret_variables(context: ScanContext) -> dict[str, str | None]:
    """The coordinator's values of the variables the sources read their passwords from.

    The fork server's environment is the one it started with; a pool process
    must see the coordinator's environment as it is now (None: unset).
    """
    names = {s.password_env for s in context.loaded.config.sources if s.password_env}
    return {name: os.environ.get(name) for name in sorted(names)}


def _init_child(context: ScanContext, logs: LogSettings, secrets: dict[str, str | None]) -> None:
    """In each pool process: a fresh worker with its own engine and connections."""
    global _child_worker
    logs.apply()
    for name, value in secrets.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the coordinator's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _child_worker = ScanWorker(context)
    _child_worker.engine.warm_up()
    Finalize(None, _child_worker.close, exitpriority=10)


def _perform_in_child(task: Task) -> Outcome:
    assert _child_worker is not None, "pool process not initialised"
    return perform(_child_worker, task)


class LocalPoolExecutor:
    """Runs tasks on ``workers`` forked processes, at most ``caps[source]`` per source at once."""

    def __init__(
        self,
        context: ScanContext,
        workers: int,
        caps: Mapping[str, int],
        inline: ScanWorker | None = None,
        inline_below: int = 0,
    ) -> None:
        self.context = context
        self.workers = workers
        self.caps = dict(caps)
        self.inline = inline
        self.inline_below = inline_below
        self._pool: ProcessPoolExecutor | None = None

    def _runs_inline(self, tasks: Sequence[Task]) -> bool:
        """Whether ``tasks`` are better done in this process: no pool started yet, and
        listings and reviews only, or fewer datasets than ``inline_below``."""
        if self.inline is None or self._pool is not None:
            return False
        datasets = sum(1 for task in tasks if isinstance(task, DatasetTask))
        return datasets == 0 or datasets < self.inline_below

    def _fresh_pool(self) -> ProcessPoolExecutor:
        if self.inline is not None:
            self.inline.close()  # its connections (the listing's) are the pool's to use now
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        log.info("starting a pool of %d scan processes", self.workers)
        self._pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_pool_context(),
            initializer=_init_child,
            initargs=(self.context, LogSettings.current(), secret_variables(self.context)),
        )
        return self._pool

    def run(
        self, tasks: Sequence[Task], should_stop: StopCheck | None = None
    ) -> Iterator[tuple[Task, Outcome]]:
        if self._runs_inline(tasks):
            assert self.inline is not None
            for task in tasks:
                if should_stop is not None and should_stop():
                    return
                yield task, perform(self.inline, task)
            return
        throttle: Throttle[Task] = Throttle(tasks, self.caps)
        attempts: dict[int, int] = {}
        running: dict[Future[Outcome], Task] = {}
        pool: ProcessPoolExecutor | None = self._pool or self._fresh_pool()
        stopping = False
        while throttle.pending or running:
            stopping = stopping or (should_stop is not None and should_stop())
            while not stopping and len(running) < self.workers:
                task = throttle.next_task()
                if task is None:
                    break
                attempts[id(task)] = attempts.get(id(task), 0) + 1
                assert pool is not None
                running[pool.submit(_perform_in_child, task)] = task
            if not running:
                return  # stopping, or nothing can start
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            if any(isinstance(f.exception(), BrokenProcessPool) for f in finished):
                # A dead worker broke the pool: every unfinished task in it is lost with it.
                finished = set(running)
                pool = None
            for future in finished:
                task = running.pop(future)
                try:
                    outcome = future.result() if future.done() else None
                except BrokenProcessPool:
                    outcome = None
                if outcome is None:
                    if attempts[id(task)] < MAX_ATTEMPTS:
                        log.warning("a worker process died; %s will be scanned again", _name(task))
                        throttle.retry(task)
                        continue
                    outcome = failed_outcome(task, DIED)
                throttle.done(task)
                yield task, outcome
            if pool is None:
                pool = self._fresh_pool()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self.inline is not None:
            self.inline.close()


def _name(task: Task) -> str:
    dataset = getattr(task, "dataset", None)
    return f"{task.source}/{dataset}" if dataset else f"source {task.source}"
