"""``pdpa-agent worker``: a Celery worker that does scan tasks for the zones it is given.

The worker reads its own config file (with its own secrets in its own
environment: no password ever travels through the broker), builds the
detection engine once before forking its pool, and answers each
``pdpa_agent.perform`` message with the task's outcome as JSON. A message
whose plan digest differs from the worker's (another register, another
version) is refused with a reason the coordinator reports as a SCAN_ERROR;
the worker first re-reads its files once, so edits reach it without a
restart.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from celery.signals import worker_process_shutdown

from agent.inputs.config_loader import LoadedConfig, load_config
from agent.inputs.user_files import (
    load_due_requests,
    load_grants_for,
    load_overrides_for,
    load_register_for,
)
from agent.scan.executors.base import perform
from agent.scan.executors.celery_app import MESSAGE_VERSION, TASK_NAME, make_app, queue_for, shown
from agent.scan.plain_codec import from_plain, to_plain
from agent.scan.plan_digest import plan_digest
from agent.scan.tasks import DatasetTask, ListTask, ReviewTask
from agent.scan.work import ScanContext, ScanWorker
from connectors.errors import ConfigError, PdpaAgentError
from scanners.classification.overrides import Override
from scanners.detection.engine import DetectionEngine
from scanners.reasons import error_reason

log = logging.getLogger(__name__)

TASK_TYPES: dict[str, type] = {"list": ListTask, "dataset": DatasetTask, "review": ReviewTask}


@dataclass
class WorkerState:
    """What one worker process keeps between tasks."""

    config_path: Path
    loaded: LoadedConfig
    engine: DetectionEngine
    hostname: str
    current: tuple[str, ScanWorker] | None = None  # (plan digest, worker)
    refusals: dict[str, str] = field(default_factory=dict)  # digest → why it was refused

    def worker_for(
        self, today: date, digest: str, decided: tuple[Override, ...] = ()
    ) -> ScanWorker:
        """The worker for the coordinator's plan ``digest``; ConfigError when ours differs.

        ``decided``: the overrides false positives recorded in the coordinator's state
        store (SPEC §9), which travel in the message because a worker may not reach it.
        """
        worker = self._worker_for(today, digest)
        if worker.context.decided != decided:
            worker.context = replace(worker.context, decided=decided)
        return worker

    def _worker_for(self, today: date, digest: str) -> ScanWorker:
        if self.current is not None and self.current[0] == digest:
            return self.current[1]
        if digest in self.refusals:
            raise ConfigError(self.refusals[digest])
        worker = self._build(today, digest, reload=False) or self._build(today, digest, True)
        if worker is None:
            reason = (
                f"worker {self.hostname}: its configuration, register, access list, erasure "
                "requests, classification overrides or pdpa-agent version differ from the "
                "coordinator's; give every worker the same files and version"
            )
            self.refusals[digest] = reason
            raise ConfigError(reason)
        if self.current is not None:
            self.current[1].close()
        self.current = (digest, worker)
        return worker

    def _build(self, today: date, digest: str, reload: bool) -> ScanWorker | None:
        if reload:
            self.loaded = load_config(self.config_path)
        loaded = self.loaded
        context = ScanContext(
            loaded,
            load_register_for(loaded),
            load_due_requests(loaded, today),
            today,
            load_grants_for(loaded),
            load_overrides_for(loaded),
        )
        if plan_digest(context) != digest:
            return None
        return ScanWorker(context, self.engine)

    def close(self) -> None:
        if self.current is not None:
            self.current[1].close()
            self.current = None


_state: WorkerState | None = None


def handle(message: dict[str, Any]) -> dict[str, Any]:
    """The body of ``pdpa_agent.perform``: one task in, its outcome (or a refusal) out."""
    assert _state is not None, "worker state not initialised"
    try:
        if not isinstance(message, dict) or message.get("version") != MESSAGE_VERSION:
            raise ConfigError("message of an unknown version; coordinator and worker differ")
        kind = message["kind"]
        task = from_plain(TASK_TYPES[kind], message["task"])
        decided = tuple(from_plain(Override, item) for item in message.get("decided", []))
        worker = _state.worker_for(date.fromisoformat(message["today"]), message["digest"], decided)
        outcome = perform(worker, task)
    except (KeyError, TypeError, ValueError) as exc:
        return {"refused": f"worker {_state.hostname}: malformed message ({type(exc).__name__})"}
    except PdpaAgentError as exc:
        return {"refused": str(exc)}
    except Exception as exc:  # reported to the coordinator, never lost
        return {"refused": f"worker {_state.hostname}: {error_reason(exc)}"}
    log.info("task done: %s %s/%s", kind, task.source, getattr(task, "dataset", ""))
    return {"kind": kind, "outcome": to_plain(outcome), "worker": _state.hostname}


@worker_process_shutdown.connect
def _close_connections(**_kwargs: object) -> None:
    if _state is not None:
        _state.close()


def run_worker(
    config_path: Path, zones: list[str], concurrency: int, hostname: str | None = None
) -> None:
    """Start a Celery worker for ``zones`` (the unzoned queue when none); blocks until stopped."""
    global _state
    loaded = load_config(config_path)
    settings = loaded.config.agent
    if settings.broker is None:
        raise ConfigError(f"{loaded.path}: [agent] broker is not set; a worker needs one")
    app = make_app(settings)
    app.task(name=TASK_NAME, acks_late=True, reject_on_worker_lost=True)(handle)
    name = hostname or "pdpa-agent"
    name = name if "@" in name else f"{name}@{socket.gethostname()}"
    engine = DetectionEngine(loaded.config.detection.languages)
    _state = WorkerState(config_path, loaded, engine, name)
    queues = sorted({queue_for(zone) for zone in zones} or {queue_for(None)})
    print(f"pdpa-agent worker {name}: queues {', '.join(queues)} on {shown(settings.broker)}")
    app.worker_main(
        [
            "worker",
            f"--concurrency={concurrency}",
            f"--queues={','.join(queues)}",
            f"--hostname={name}",
            "--loglevel=INFO",
            "--pool=prefork",
            "--without-gossip",
            "--without-mingle",
        ]
    )
