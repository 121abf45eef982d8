"""Choose the executor the config asks for: in-process, a local process pool, or Celery."""

from __future__ import annotations

from collections.abc import Sequence

from agent.inputs.config import DatabaseSource, FilesSource
from agent.scan.executors.base import Executor
from agent.scan.executors.inline import InlineExecutor
from agent.scan.executors.local_pool import LocalPoolExecutor
from agent.scan.work import ScanContext, ScanWorker
from scanners.detection.engine import DetectionEngine


def build_executor(
    context: ScanContext,
    engine: DetectionEngine,
    sources: Sequence[DatabaseSource | FilesSource],
    coordinator: ScanWorker | None = None,
) -> Executor:
    """The executor for ``agent.executor`` / ``agent.workers``.

    ``coordinator`` is this process's own worker: with ``workers = 1`` it does
    everything, and a local pool leaves it the listing and any batch of
    datasets smaller than ``agent.inline_below`` (a pool's start-up would cost
    more than it saves).
    """
    settings = context.loaded.config.agent
    caps = {source.name: source.max_concurrency for source in sources}
    if settings.executor == "celery":
        from agent.scan.executors.celery_executor import CeleryExecutor

        return CeleryExecutor(context, sources, caps)
    worker = coordinator or ScanWorker(context, engine)
    if settings.workers <= 1:
        return InlineExecutor(worker)
    return LocalPoolExecutor(context, settings.workers, caps, worker, settings.inline_below)
