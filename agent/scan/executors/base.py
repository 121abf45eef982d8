"""The executor interface, and the two functions every executor shares.

:func:`perform` runs one task on a :class:`~agent.scan.work.ScanWorker`;
:func:`failed_outcome` is the outcome of a task that could not run at all (its
worker died, no worker took it in time), so the coordinator reports it as a
``SCAN_ERROR`` like any other failure instead of losing the dataset.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Protocol

from agent.scan.tasks import (
    DatasetOutcome,
    DatasetTask,
    ListTask,
    ReviewOutcome,
    ReviewTask,
    SourceListing,
)
from agent.scan.work import ScanWorker
from scanners.checks.scan_error import scan_error
from scanners.model.result import DatasetResult

Task = ListTask | DatasetTask | ReviewTask
Outcome = SourceListing | DatasetOutcome | ReviewOutcome
StopCheck = Callable[[], bool]


class Executor(Protocol):
    """Runs tasks and yields ``(task, outcome)`` pairs as they complete, in any order."""

    def run(
        self, tasks: Sequence[Task], should_stop: StopCheck | None = None
    ) -> Iterator[tuple[Task, Outcome]]:
        """Every task's outcome; after ``should_stop()`` turns true, no task is started."""
        ...

    def close(self) -> None:
        """Release workers, pools and connections."""
        ...


def perform(worker: ScanWorker, task: Task) -> Outcome:
    """Run ``task`` on ``worker``."""
    if isinstance(task, DatasetTask):
        return worker.scan(task)
    if isinstance(task, ListTask):
        return worker.list_source(task)
    return worker.review(task)


def failed_outcome(task: Task, reason: str) -> Outcome:
    """The outcome of ``task`` when it could not be run; the reason becomes a SCAN_ERROR."""
    if isinstance(task, ListTask):
        return SourceListing(task.source, error=reason)
    if isinstance(task, ReviewTask):
        return ReviewOutcome(task.source, problem=reason)
    result = DatasetResult(task.source, task.dataset, "unknown", None, task.register_id, (), reason)
    return DatasetOutcome(result, (scan_error(task.source, task.dataset, reason),))
