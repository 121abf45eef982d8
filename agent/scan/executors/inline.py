"""The simplest executor: every task in this process, one after the other (``workers = 1``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from agent.scan.executors.base import Outcome, StopCheck, Task, perform
from agent.scan.work import ScanWorker


class InlineExecutor:
    """Runs tasks on one :class:`ScanWorker` in the calling process."""

    def __init__(self, worker: ScanWorker) -> None:
        self.worker = worker

    def run(
        self, tasks: Sequence[Task], should_stop: StopCheck | None = None
    ) -> Iterator[tuple[Task, Outcome]]:
        for task in tasks:
            if should_stop is not None and should_stop():
                return
            yield task, perform(self.worker, task)

    def close(self) -> None:
        self.worker.close()
