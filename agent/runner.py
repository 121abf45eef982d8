"""One discovery scan: open each source, sample and classify each dataset, run the checks.

Per-dataset and per-source failures become SCAN_ERROR findings and the scan
goes on; only configuration errors stop it. Nothing here holds a raw value
beyond the classification of one column.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from agent import __version__
from agent.access_run import safe_review
from agent.config import DatabaseSource, FilesSource
from agent.config_loader import LoadedConfig
from agent.erasure import ErasureRequest
from agent.facts import gather_facts
from agent.file_cache import FileCache, file_fingerprint
from agent.progress import Progress
from agent.reasons import error_reason
from agent.sources import build_connector
from connectors.base import Connector
from connectors.errors import ConfigError
from connectors.share_fs import FileStat, ShareFS
from scanners.access import ApprovedGrant
from scanners.access_review import AccessReview
from scanners.checks.pii_unregistered import check_pii_unregistered
from scanners.checks.register_checks import run_register_checks
from scanners.checks.scan_error import scan_error
from scanners.classify import classify_dataset
from scanners.engine import DetectionEngine
from scanners.register import RegisterEntry, match_entry
from scanners.result import DatasetResult, Finding, ScanInfo, ScanResult, SourceStatus

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
    scan_id: str = field(default_factory=lambda: new_scan_id(datetime.now(UTC)))
    should_stop: Callable[[], bool] | None = None  # checked between datasets (SIGTERM, SIGINT)


@dataclass
class SourceRun:
    source: DatabaseSource | FilesSource
    connector: Connector | None = None
    datasets: list[str] = field(default_factory=list)
    error: str | None = None


def run_scan(
    plan: ScanPlan, engine: DetectionEngine, progress: Progress | None = None
) -> ScanResult:
    """Scan every planned source and return the result (never raises for source failures)."""
    progress = progress or Progress(enabled=False)
    started = datetime.now(UTC)
    runs = [open_source(source, plan.loaded) for source in plan.sources]
    total = sum(len(run.datasets) for run in runs)
    datasets: list[DatasetResult] = []
    findings: list[Finding] = []
    reviews: list[AccessReview] = []
    stopped = False
    done = 0
    for run in runs:
        if run.error is not None:
            findings.append(scan_error(run.source.name, None, run.error))
            continue
        assert run.connector is not None
        try:
            for name in run.datasets:
                if plan.should_stop is not None and plan.should_stop():
                    stopped = True
                    break
                progress.update(done, total, run.source.name, name)
                entry = match_entry(plan.register, run.source.name, name)  # ConfigError: user's
                result = _scan_dataset(run.connector, name, plan, engine, entry)
                if result.error is None and entry is not None:
                    result, found = _register_checks(run.connector, result, entry, plan)
                    findings.extend(found)
                datasets.append(result)
                if result.error is not None:
                    findings.append(scan_error(run.source.name, name, result.error))
                elif (finding := check_pii_unregistered(result)) is not None:
                    findings.append(finding)
                done += 1
            if plan.grants is not None and not stopped:
                mine = [d for d in datasets if d.source == run.source.name]
                findings.extend(_access(run, mine, plan, reviews))
        finally:
            run.connector.close()
    progress.finish()
    sources = tuple(
        SourceStatus(
            name=run.source.name,
            status="error" if run.error else "ok",
            error=run.error,
            datasets=len(run.datasets),
            skipped=tuple(getattr(run.connector, "skipped", ())),
        )
        for run in runs
    )
    finished = datetime.now(UTC)
    info = ScanInfo(
        id=plan.scan_id,
        started_at=started.isoformat(timespec="seconds"),
        finished_at=finished.isoformat(timespec="seconds"),
        tool_version=__version__,
    )
    return ScanResult(
        scan=info,
        sources=sources,
        datasets=tuple(datasets),
        findings=tuple(findings),
        access_reviews=tuple(reviews),
        complete=not stopped,
    )


def new_scan_id(started: datetime) -> str:
    """A sortable, unique scan id: ``20261125T020000Z-1a2b3c4d``."""
    return f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def open_source(source: DatabaseSource | FilesSource, loaded: LoadedConfig) -> SourceRun:
    run = SourceRun(source)
    try:
        run.connector = build_connector(source, loaded)
        run.connector.open()
        run.datasets = run.connector.list_datasets()
        log.info("source %s: %d dataset(s)", source.name, len(run.datasets))
    except Exception as exc:  # any failure of one source must not stop the others
        run.error = error_reason(exc)
        log.warning("source %s failed: %s", source.name, run.error)
        if run.connector is not None:
            run.connector.close()
    return run


def _access(
    run: SourceRun, datasets: list[DatasetResult], plan: ScanPlan, reviews: list[AccessReview]
) -> list[Finding]:
    """The source's access review (kept in ``reviews``) and its findings, or a SCAN_ERROR."""
    assert plan.grants is not None
    source = run.source.name
    review, problem = safe_review(run.connector, source, datasets, plan.grants, plan.today)
    if review is None:
        return [scan_error(source, None, problem or "access review failed")]
    reviews.append(review)
    return [_with_owner(finding, plan.register) for finding in review.findings]


def _with_owner(finding: Finding, register: tuple[RegisterEntry, ...]) -> Finding:
    """An access finding on a registered dataset goes to that dataset's owner."""
    if finding.dataset is None or finding.owner is not None:
        return finding
    entry = next((e for e in register if e.covers(finding.source, finding.dataset)), None)
    return replace(finding, owner=entry.owner, register_id=entry.id) if entry else finding


def _register_checks(
    connector: Connector, result: DatasetResult, entry: RegisterEntry, plan: ScanPlan
) -> tuple[DatasetResult, list[Finding]]:
    """Facts from the source, then the register checks; a failure becomes the dataset's error."""
    try:
        facts = gather_facts(connector, result, entry, plan.today, plan.requests)
    except Exception as exc:  # a check that cannot run says so, never a silent pass
        reason = error_reason(exc)
        log.warning("dataset %s/%s: register checks failed: %s", result.source, result.name, reason)
        return replace(result, error=reason), []
    outcome = run_register_checks(result, entry, facts)
    return replace(result, exemptions=outcome.exemptions), list(outcome.findings)


def _file_key(connector: Connector, name: str) -> tuple[FileStat, str] | None:
    """A file dataset's stat and fingerprint, for the incremental cache (None: not a file)."""
    fs = getattr(connector, "fs", None)
    file_of = getattr(connector, "file_of", None)
    if not isinstance(fs, ShareFS) or file_of is None:
        return None
    stat = fs.stat(file_of(name))
    return stat, file_fingerprint(fs, stat)


def _scan_dataset(
    connector: Connector,
    name: str,
    plan: ScanPlan,
    engine: DetectionEngine,
    entry: RegisterEntry | None,
) -> DatasetResult:
    source = connector.name
    register_id = entry.id if entry else None
    try:
        key = _file_key(connector, name) if plan.file_cache is not None else None
        if key is not None and plan.file_cache is not None:
            hit = plan.file_cache.lookup(source, name, *key)
            if hit is not None:
                log.info("dataset %s/%s: unchanged since the last scan, not read", source, name)
                kind, row_count, cached = hit
                return DatasetResult(source, name, kind, row_count, register_id, cached)
        info = connector.describe(name)
        sample = connector.sample(info, plan.loaded.config.detection.sample_rows)
        ratio = plan.loaded.config.detection.min_match_ratio
        columns = classify_dataset(sample, engine, ratio)
        if key is not None and plan.file_cache is not None:
            plan.file_cache.store(source, name, *key, info.kind, info.row_count, columns)
    except ConfigError:
        raise
    except Exception as exc:  # one dataset's failure is reported, the scan goes on
        reason = error_reason(exc)
        log.warning("dataset %s/%s failed: %s", source, name, reason)
        return DatasetResult(source, name, "unknown", None, register_id, (), reason)
    log.info("dataset %s/%s: %d row(s) sampled", source, name, sample.rows_sampled)
    return DatasetResult(source, name, info.kind, info.row_count, register_id, columns)


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
