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
) -> Executor:
    """The executor for ``agent.executor`` / ``agent.workers``."""
    settings = context.loaded.config.agent
    caps = {source.name: source.max_concurrency for source in sources}
    if settings.executor == "celery":
        from agent.scan.executors.celery_executor import CeleryExecutor

        return CeleryExecutor(context, sources, caps)
    if settings.workers <= 1:
        return InlineExecutor(ScanWorker(context, engine))
    return LocalPoolExecutor(context, settings.workers, caps)
