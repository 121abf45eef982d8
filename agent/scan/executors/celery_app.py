"""The Celery application shared by the coordinator (``executor = "celery"``) and the workers.

One task, ``pdpa_agent.perform``, carries one scan task as JSON. Queues are
per network zone: a source without ``zone`` goes to ``pdpa-agent``, one with
``zone = "dc1"`` to ``pdpa-agent.dc1``, consumed only by workers started with
``pdpa-agent worker --zone dc1``. Delivery is at-least-once: tasks are
acknowledged after they finish (``acks_late``), a worker process that dies
rejects its task back to the queue, and on Redis a task whose worker vanished
is delivered again after ``agent.task_visibility_timeout_s``. Every task is
idempotent (it only reads), so a repeat is harmless.
"""

from __future__ import annotations

from typing import Any

from celery import Celery
from kombu.utils.url import maybe_sanitize_url

from agent.inputs.config import AgentSettings

QUEUE = "pdpa-agent"
TASK_NAME = "pdpa_agent.perform"
MESSAGE_VERSION = 1


def queue_for(zone: str | None) -> str:
    """The queue of a zone's tasks (``pdpa-agent`` for sources without a zone)."""
    return QUEUE if zone is None else f"{QUEUE}.{zone}"


def result_backend(settings: AgentSettings) -> str:
    """Where results go: the configured backend, else the Redis broker, else ``rpc://``."""
    if settings.result_backend:
        return settings.result_backend
    broker = settings.broker or ""
    return broker if broker.startswith(("redis://", "rediss://")) else "rpc://"


def shown(url: str | None) -> str:
    """A broker URL fit for messages and logs (password masked)."""
    return str(maybe_sanitize_url(url, mask="***")) if url else "(none)"


def make_app(settings: AgentSettings) -> Celery:
    """A Celery app for ``settings`` (the worker registers the task body on it)."""
    app = Celery("pdpa_agent", broker=settings.broker, backend=result_backend(settings))
    visibility = settings.task_visibility_timeout_s
    transport: dict[str, Any] = {
        "visibility_timeout": visibility,
        # Sweep for abandoned tasks often enough to honour a short visibility timeout.
        "unacked_restore_interval": max(1, min(10, round(visibility / 4))),
        "unacked_restore_throttle": 1,
        "socket_connect_timeout": 5,
        "socket_timeout": 30,
    }
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=QUEUE,
        broker_transport_options=transport,
        result_backend_transport_options=transport,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=3,
        result_expires=max(3600, int(settings.task_timeout_s) * 2),
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    return app
