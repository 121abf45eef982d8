"""``executor = "celery"``: the coordinator's side, sending tasks to workers and gathering outcomes.

Each task goes to its source's zone queue as one JSON message carrying the
plan digest and today's date; at most ``max_concurrency`` tasks per source
are in flight (so at most that many queries reach the source at once), and
at most :data:`MAX_IN_FLIGHT` in all. Before the first task of a queue is
sent, the coordinator asks the workers which queues they consume: a zone
nobody serves is a SCAN_ERROR naming the zone, not a scan that hangs. An
unreachable broker, a refused task or a task with no result after
``agent.task_timeout_s`` is a SCAN_ERROR for that task; the scan goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from celery.result import AsyncResult

from agent.inputs.config import DatabaseSource, FilesSource
from agent.scan.executors.base import Outcome, StopCheck, Task, failed_outcome
from agent.scan.executors.celery_app import MESSAGE_VERSION, TASK_NAME, make_app, queue_for, shown
from agent.scan.executors.throttle import Throttle
from agent.scan.plain_codec import from_plain, to_plain
from agent.scan.plan_digest import plan_digest
from agent.scan.tasks import (
    DatasetOutcome,
    DatasetTask,
    ListTask,
    ReviewOutcome,
    SourceListing,
)
from agent.scan.work import ScanContext

log = logging.getLogger(__name__)

MAX_IN_FLIGHT = 256
POLL_S = 0.1
INSPECT_TIMEOUT_S = 1.0
OUTCOME_TYPES: dict[str, type] = {
    "list": SourceListing,
    "dataset": DatasetOutcome,
    "review": ReviewOutcome,
}


@dataclass
class _Sent:
    task: Task
    result: AsyncResult
    sent_at: float


class CeleryExecutor:
    """Runs tasks on Celery workers through ``agent.broker``."""

    def __init__(
        self,
        context: ScanContext,
        sources: Sequence[DatabaseSource | FilesSource],
        caps: Mapping[str, int],
    ) -> None:
        self.settings = context.loaded.config.agent
        self.app = make_app(self.settings)
        self.zones = {source.name: source.zone for source in sources}
        self.caps = dict(caps)
        self.today = context.today.isoformat()
        self.digest = plan_digest(context)
        self.decided = [to_plain(override) for override in context.decided]
        self._served: dict[str, str | None] | None = None  # queue → why unusable (None: usable)

    def run(
        self, tasks: Sequence[Task], should_stop: StopCheck | None = None
    ) -> Iterator[tuple[Task, Outcome]]:
        throttle: Throttle[Task] = Throttle(tasks, self.caps)
        sent: list[_Sent] = []
        stopping = False
        while throttle.pending or sent:
            stopping = stopping or (should_stop is not None and should_stop())
            while not stopping and len(sent) < MAX_IN_FLIGHT:
                task = throttle.next_task()
                if task is None:
                    break
                queue = queue_for(self.zones.get(task.source))
                problem = self._queue_problem(queue)
                if problem is None:
                    try:
                        sent.append(_Sent(task, self._send(task, queue), time.monotonic()))
                        continue
                    except Exception as exc:  # the broker went away: this task fails, not the scan
                        problem = f"cannot send to the Celery broker {shown(self.settings.broker)}"
                        log.warning("%s: %s", problem, type(exc).__name__)
                throttle.done(task)
                yield task, failed_outcome(task, problem)
            if not sent:
                return
            finished = [item for item in sent if self._finished(item)]
            for item in finished:
                sent.remove(item)
                throttle.done(item.task)
                yield item.task, self._outcome(item)
            if not finished:
                time.sleep(POLL_S)

    def _send(self, task: Task, queue: str) -> AsyncResult:
        message = {
            "version": MESSAGE_VERSION,
            "kind": _kind(task),
            "task": to_plain(task),
            "today": self.today,
            "digest": self.digest,
            "decided": self.decided,  # the state store's overrides: workers may not reach it
        }
        return self.app.send_task(TASK_NAME, args=[message], queue=queue)

    def _finished(self, item: _Sent) -> bool:
        if time.monotonic() - item.sent_at > self.settings.task_timeout_s:
            return True
        try:
            return bool(item.result.ready())
        except Exception as exc:  # the result backend went away; retried on the next poll
            log.warning("result backend unreachable (%s)", type(exc).__name__)
            return False

    def _outcome(self, item: _Sent) -> Outcome:
        task = item.task
        if not item.result.ready():
            item.result.revoke()
            timeout = round(self.settings.task_timeout_s)
            return failed_outcome(task, f"no worker finished it within {timeout} s")
        try:
            reply: Any = item.result.get(propagate=False, timeout=10)
            item.result.forget()
        except Exception as exc:  # the backend lost it: the dataset is reported, not dropped
            return failed_outcome(task, f"its result could not be read ({type(exc).__name__})")
        if not isinstance(reply, dict):
            return failed_outcome(task, "the worker failed without a reason")
        if "refused" in reply:
            return failed_outcome(task, str(reply["refused"])[:400])
        try:
            return from_plain(OUTCOME_TYPES[_kind(task)], reply["outcome"])
        except (KeyError, TypeError, ValueError) as exc:
            return failed_outcome(task, f"the worker's reply was malformed ({type(exc).__name__})")

    def _queue_problem(self, queue: str) -> str | None:
        """Why tasks cannot be sent to ``queue`` (no broker, no worker), or None."""
        if self._served is None:
            self._served = self._inspect_queues()
        if queue not in self._served:
            zone = queue.removeprefix("pdpa-agent").removeprefix(".") or None
            start = f"pdpa-agent worker --zone {zone}" if zone else "pdpa-agent worker"
            where = f"zone {zone!r}" if zone else "sources without a zone"
            self._served[queue] = (
                f"no pdpa-agent worker consumes queue {queue} ({where}); start one with `{start}`"
            )
        return self._served[queue]

    def _inspect_queues(self) -> dict[str, str | None]:
        """The queues some running worker consumes (each mapped to None: usable)."""
        try:
            with self.app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=5)
        except Exception as exc:  # every task of this scan fails with the same clear reason
            reason = f"cannot reach the Celery broker {shown(self.settings.broker)}"
            log.warning("%s: %s", reason, type(exc).__name__)
            return _Unreachable(reason)
        replies = self.app.control.inspect(timeout=INSPECT_TIMEOUT_S).active_queues() or {}
        served: dict[str, str | None] = {}
        for queues in replies.values():
            for queue in queues or ():
                served[queue["name"]] = None
        log.info("celery: %d worker(s) serve %s", len(replies), ", ".join(sorted(served)) or "-")
        return served

    def close(self) -> None:
        self.app.close()


class _Unreachable(dict[str, str | None]):
    """Every queue maps to the same reason: the broker cannot be reached."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def __contains__(self, key: object) -> bool:
        return True

    def __getitem__(self, key: str) -> str | None:
        return self.reason


def _kind(task: Task) -> str:
    if isinstance(task, DatasetTask):
        return "dataset"
    return "list" if isinstance(task, ListTask) else "review"
