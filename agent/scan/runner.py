"""One discovery scan, coordinated: plan the tasks, hand them to an executor, gather the result.

Listing sources, scanning datasets and reviewing access are tasks
(:mod:`agent.scan.tasks`) done by a worker (:mod:`agent.scan.work`) in this
process, a local process pool or Celery workers; this module decides what
to do, keeps the report's order stable whatever order the outcomes arrive
in, and owns the file cache. Per-dataset and per-source failures become
SCAN_ERROR findings and the scan goes on; only configuration errors stop
it. The file cache is an optimisation: when the state database fails under
it (locked, gone), the scan goes on reading every file. Nothing here holds
a raw value.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from itertools import chain

from agent import __version__
from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.erasure import ErasureRequest
from agent.scan.executors.base import Executor
from agent.scan.executors.select import build_executor
from agent.scan.file_cache import FileCache, SafeFileCache
from agent.scan.progress import Progress
from agent.scan.table_cache import TableCache
from agent.scan.tasks import (
    DatasetOutcome,
    DatasetTask,
    ListTask,
    ReviewOutcome,
    ReviewTask,
    SourceListing,
)
from agent.scan.work import ScanContext, ScanWorker
from connectors.errors import ConfigError
from scanners.checks.scan_error import scan_error
from scanners.classification.overrides import Override
from scanners.detection.engine import DetectionEngine
from scanners.model.access import ApprovedGrant
from scanners.model.register import RegisterEntry, match_entry
from scanners.model.result import DatasetResult, Finding, ScanInfo, ScanResult, SourceStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanPlan:
    """What to scan and with which rules."""

    loaded: LoadedConfig
    sources: tuple[DatabaseSource | FilesSource, ...]
    register: tuple[RegisterEntry, ...] = ()
    requests: tuple[ErasureRequest, ...] = ()  # erasure requests past their grace period
    today: date = field(default_factory=date.today)
    grants: tuple[ApprovedGrant, ...] | None = None  # the access list; None: no access review
    file_cache: FileCache | None = None  # incremental file scans; None: read every file
    table_cache: TableCache | None = None  # incremental table scans; None: read every table
    reuse_unchanged: bool = True  # False (scan --full): read all, keep the caches up to date
    scan_id: str = field(default_factory=lambda: new_scan_id(datetime.now(UTC)))
    should_stop: Callable[[], bool] | None = None  # checked between datasets (SIGTERM, SIGINT)
    overrides: tuple[Override, ...] = ()  # classification overrides (SPEC §9), in file order
    decided: tuple[Override, ...] = ()  # overrides false positives recorded (state store)


def run_scan(
    plan: ScanPlan,
    engine: DetectionEngine,
    progress: Progress | None = None,
    executor: Executor | None = None,
) -> ScanResult:
    """Scan every planned source and return the result (never raises for source failures).

    The reading is done by ``executor`` (by default the one ``agent.executor``
    and ``agent.workers`` choose); this process plans the tasks, gathers the
    outcomes in a stable order, updates the file cache and builds the result.
    """
    progress = progress or Progress(enabled=False)
    started = datetime.now(UTC)
    context = ScanContext(
        plan.loaded,
        plan.register,
        plan.requests,
        plan.today,
        plan.grants,
        plan.overrides,
        plan.decided,
    )
    coordinator = ScanWorker(context, engine)  # lists, and uses what unchanged tables kept
    executor = executor or build_executor(context, engine, plan.sources, coordinator)
    cache = SafeFileCache(plan.file_cache)
    try:
        listings = _list_sources(plan, executor)
        tasks = _dataset_tasks(plan, listings, cache)
        keys = {
            (source, name): key
            for source, listing in listings.items()
            for name, key in listing.change_keys
        }
        tables = plan.table_cache if plan.reuse_unchanged else None
        kept = _reuse_unchanged(tables, listings, tasks)
        local = [t for t in kept if t.reuse is not None and t.register_id is None]
        remote = [t for t in kept if t.reuse is None or t.register_id is not None]
        outcomes: dict[tuple[str, str], DatasetOutcome] = {}
        done = _performed_here(coordinator, local, plan.should_stop)
        for task, outcome in chain(done, executor.run(remote, plan.should_stop)):
            assert isinstance(task, DatasetTask) and isinstance(outcome, DatasetOutcome)
            if outcome.config_error is not None:
                raise ConfigError(outcome.config_error)
            _remember(cache, plan.table_cache, task, outcome, keys.get((task.source, task.dataset)))
            outcomes[(task.source, task.dataset)] = outcome
            progress.update(len(outcomes), len(tasks), task.source, task.dataset)
        stopped = len(outcomes) < len(tasks) or len(listings) < len(plan.sources)
        reviews = {} if stopped else _reviews(plan, listings, outcomes, executor)
    finally:
        if plan.table_cache is not None:
            plan.table_cache.flush()
        executor.close()
        coordinator.close()
        progress.finish()
    datasets: list[DatasetResult] = []
    findings: list[Finding] = []
    for source in plan.sources:
        listing = listings.get(source.name)
        if listing is not None and listing.error is not None:
            findings.append(scan_error(source.name, None, listing.error))
            continue
        for name in listing.datasets if listing is not None else ():
            if (found := outcomes.get((source.name, name))) is not None:
                datasets.append(found.result)
                findings.extend(found.findings)
        if (review := reviews.get(source.name)) is not None:
            if review.review is None:
                findings.append(
                    scan_error(source.name, None, review.problem or "access review failed")
                )
            else:
                findings.extend(_with_owner(f, plan.register) for f in review.review.findings)
    statuses = tuple(_status(source.name, listings.get(source.name)) for source in plan.sources)
    finished = datetime.now(UTC)
    info = ScanInfo(
        id=plan.scan_id,
        started_at=started.isoformat(timespec="seconds"),
        finished_at=finished.isoformat(timespec="seconds"),
        tool_version=__version__,
    )
    return ScanResult(
        scan=info,
        sources=statuses,
        datasets=tuple(datasets),
        findings=tuple(findings),
        access_reviews=tuple(
            review.review
            for source in plan.sources
            if (review := reviews.get(source.name)) is not None and review.review is not None
        ),
        complete=not stopped,
    )


def _list_sources(plan: ScanPlan, executor: Executor) -> dict[str, SourceListing]:
    tracked = plan.table_cache is not None
    tasks = [
        ListTask(source.name, change_keys=tracked and isinstance(source, DatabaseSource))
        for source in plan.sources
    ]
    listings: dict[str, SourceListing] = {}
    # Listing is short; the stop request is honoured between datasets (ScanPlan.should_stop).
    for task, listing in executor.run(tasks):
        assert isinstance(listing, SourceListing)
        listings[task.source] = listing
    return listings


def _dataset_tasks(
    plan: ScanPlan, listings: dict[str, SourceListing], cache: SafeFileCache
) -> list[DatasetTask]:
    """One task per listed dataset, with its register entry and its cached classification."""
    tasks: list[DatasetTask] = []
    for source in plan.sources:
        listing = listings.get(source.name)
        if listing is None or listing.error is not None:
            continue
        cached = cache.usable and isinstance(source, FilesSource)
        reuse = cached and plan.reuse_unchanged
        for name in listing.datasets:
            entry = match_entry(plan.register, source.name, name)  # ConfigError: user's
            tasks.append(
                DatasetTask(
                    source.name,
                    name,
                    entry.id if entry else None,
                    cache_files=cached,
                    cached=cache.previous(source.name, name) if reuse else None,
                )
            )
    return tasks


def _performed_here(
    worker: ScanWorker, tasks: list[DatasetTask], should_stop: Callable[[], bool] | None
) -> Iterator[tuple[DatasetTask, DatasetOutcome]]:
    """Unchanged tables done in this process (no source is read), the stop request honoured."""
    for task in tasks:
        if should_stop is not None and should_stop():
            return
        yield task, worker.scan(task)


def _reuse_unchanged(
    tables: TableCache | None, listings: dict[str, SourceListing], tasks: list[DatasetTask]
) -> list[DatasetTask]:
    """``tasks``, each unchanged table's carrying its stored classification."""
    if tables is None:
        return tasks
    reusable = {
        (source, name): stored
        for source, listing in listings.items()
        for name, stored in tables.reusable(source, dict(listing.change_keys)).items()
    }
    return [replace(t, reuse=reusable.get((t.source, t.dataset))) for t in tasks]


def _remember(
    files: SafeFileCache,
    tables: TableCache | None,
    task: DatasetTask,
    outcome: DatasetOutcome,
    change_key: str | None,
) -> None:
    """Store a freshly classified file or table in its incremental cache."""
    if outcome.from_cache:
        return
    files.save(task, outcome)
    result = outcome.result
    if tables is not None and change_key is not None and not (result.error or result.truncated):
        tables.save(task.source, task.dataset, change_key, result)


def _reviews(
    plan: ScanPlan,
    listings: dict[str, SourceListing],
    outcomes: dict[tuple[str, str], DatasetOutcome],
    executor: Executor,
) -> dict[str, ReviewOutcome]:
    """Each listed source's access review, when an access list is configured."""
    if plan.grants is None:
        return {}
    tasks = []
    for source, listing in listings.items():
        if listing.error is None:
            results = tuple(
                outcomes[(source, name)].result
                for name in listing.datasets
                if (source, name) in outcomes
            )
            tasks.append(ReviewTask(source, results))
    reviews: dict[str, ReviewOutcome] = {}
    for task, outcome in executor.run(tasks):
        assert isinstance(outcome, ReviewOutcome)
        reviews[task.source] = outcome
    return reviews


def _status(name: str, listing: SourceListing | None) -> SourceStatus:
    if listing is None:
        return SourceStatus(name=name, status="ok", error=None, datasets=0)
    return SourceStatus(
        name=name,
        status="error" if listing.error else "ok",
        error=listing.error,
        datasets=len(listing.datasets),
        skipped=listing.skipped,
    )


def new_scan_id(started: datetime) -> str:
    """A sortable, unique scan id: ``20261125T020000Z-1a2b3c4d``."""
    return f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def _with_owner(finding: Finding, register: tuple[RegisterEntry, ...]) -> Finding:
    """An access finding on a registered dataset goes to that dataset's owner."""
    if finding.dataset is None or finding.owner is not None:
        return finding
    entry = next((e for e in register if e.covers(finding.source, finding.dataset)), None)
    return replace(finding, owner=entry.owner, register_id=entry.id) if entry else finding


def select_sources(
    loaded: LoadedConfig, names: Sequence[str]
) -> tuple[DatabaseSource | FilesSource, ...]:
    """The configured sources named in ``names`` (all when empty); unknown names are errors."""
    sources = loaded.config.sources
    if not names:
        return tuple(sources)
    known = {source.name for source in sources}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ConfigError(f"{loaded.path}: no source named {', '.join(map(repr, unknown))}")
    return tuple(source for source in sources if source.name in names)
