"""The reading half of a scan: what a worker does with one task.

A :class:`ScanWorker` holds the rules of the scan
(:class:`~agent.scan.context.ScanContext`: the config, register, due erasure
requests, access list, classification overrides and today's date), the
detection engine, and one open connector — hence one connection pool — per
source it has been asked about. It runs in the coordinating process, in each
process of a local pool, or in each Celery worker process; the tasks and
outcomes are the values of :mod:`agent.scan.tasks`.

Nothing here raises for a source or dataset failure: the outcome carries the
reason, and the coordinator turns it into a ``SCAN_ERROR`` finding.
Classification overrides are applied right after classification (and to a
file's cached classification), so every check sees the decided types. A dataset
whose connection is lost under it (the server terminated the backend, a
failover, a network cut) is read once more, on a freshly opened connector;
only a second loss is reported. What a read budget cut from a dataset (a file
read in part, giant cells, values analysed in part) is on its result as
``truncated``; such a file is never kept in the incremental cache.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from agent.scan.context import ScanContext
from agent.scan.facts.access import safe_review
from agent.scan.facts.gather import gather_facts
from agent.scan.file_cache import file_key
from agent.scan.sources import build_connector
from agent.scan.tasks import (
    DatasetOutcome,
    DatasetTask,
    FileKey,
    ListTask,
    ReviewOutcome,
    ReviewTask,
    SourceListing,
)
from connectors.base import (
    ChangeTracker,
    Connector,
    FileBacked,
    SkipReporter,
    TruncationReporter,
)
from connectors.errors import ConfigError
from connectors.model import DatasetSample
from connectors.sql.dialects import ConnectionLostError
from scanners.checks.register.pii_unregistered import check_pii_unregistered
from scanners.checks.register.run import run_register_checks
from scanners.checks.scan_error import scan_error
from scanners.classification.cell_values import MAX_VALUE_CHARS, cut_values
from scanners.classification.classify import classify_dataset
from scanners.classification.overrides import apply_overrides
from scanners.detection.engine import DetectionEngine
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult, Finding, Truncation
from scanners.reasons import error_reason

log = logging.getLogger(__name__)

#: How many times a dataset is read when its connection is lost under it.
LOST_CONNECTION_ATTEMPTS = 2


def truncations(connector: Connector, name: str, sample: DatasetSample) -> tuple[Truncation, ...]:
    """What a read budget cut from one dataset: the connector's cuts (a file read in part,
    giant cells, rows past the limit) and, per column, sampled values analysed in part."""
    found: list[Truncation] = []
    if isinstance(connector, TruncationReporter):
        try:
            found.extend(Truncation(reason) for reason in connector.truncated(name))
        except Exception as exc:  # the notes are a courtesy: never fail the dataset over them
            log.debug("dataset %s: truncation notes unavailable (%s)", name, type(exc).__name__)
    for column in sample.columns:
        if count := cut_values(column.values):
            reason = (
                f"{count} sampled value(s) longer than {MAX_VALUE_CHARS} characters: "
                f"only their first {MAX_VALUE_CHARS} analysed"
            )
            found.append(Truncation(reason, column.column.name))
    return tuple(found)


class ScanWorker:
    """Does list, dataset and review tasks; keeps each source's connector open between tasks."""

    def __init__(
        self,
        context: ScanContext,
        engine: DetectionEngine | None = None,
        engine_factory: Callable[[], DetectionEngine] | None = None,
    ) -> None:
        self.context = context
        self._engine = engine
        self._engine_factory = engine_factory
        self._connectors: dict[str, Connector] = {}

    @property
    def engine(self) -> DetectionEngine:
        """The detection engine, built on first use (a listing-only worker never needs it)."""
        if self._engine is None:
            languages = self.context.loaded.config.detection.languages
            factory = self._engine_factory or (lambda: DetectionEngine(languages))
            self._engine = factory()
        return self._engine

    def connector(self, source: str) -> Connector:
        """The open connector of ``source`` (opened on first use; SourceError when it cannot)."""
        connector = self._connectors.get(source)
        if connector is None:
            connector = build_connector(self.context.source(source), self.context.loaded)
            try:
                connector.open()
            except BaseException:
                connector.close()
                raise
            self._connectors[source] = connector
        return connector

    def close(self) -> None:
        """Close every connector (and its pool)."""
        connectors, self._connectors = self._connectors, {}
        for connector in connectors.values():
            try:
                connector.close()
            except Exception as exc:  # closing must never hide the scan's own outcome
                log.debug("closing a connector failed: %s", type(exc).__name__)

    def forget(self, source: str) -> None:
        """Close and drop ``source``'s connector (the next task opens a fresh one)."""
        connector = self._connectors.pop(source, None)
        if connector is not None:
            connector.close()

    # -- tasks -------------------------------------------------------------

    def list_source(self, task: ListTask) -> SourceListing:
        """The source's datasets, or the reason it failed."""
        try:
            connector = self.connector(task.source)
            datasets = tuple(connector.list_datasets())
        except ConfigError:
            raise
        except Exception as exc:  # any failure of one source must not stop the others
            reason = error_reason(exc)
            log.warning("source %s failed: %s", task.source, reason)
            self.forget(task.source)
            return SourceListing(task.source, error=reason)
        log.info("source %s: %d dataset(s)", task.source, len(datasets))
        skipped = tuple(connector.skipped) if isinstance(connector, SkipReporter) else ()
        keys: tuple[tuple[str, str], ...] = ()
        if task.change_keys and isinstance(connector, ChangeTracker):
            found = connector.change_keys()  # never raises: {} when the catalogue fails
            keys = tuple((name, found[name]) for name in datasets if name in found)
        return SourceListing(task.source, datasets, skipped=skipped, change_keys=keys)

    def scan(self, task: DatasetTask) -> DatasetOutcome:
        """Scan one dataset; a failure is the outcome's error, a user config error stops all."""
        try:
            entry = self.context.entry(task.register_id)
            outcome = self._scan(task, entry)
        except ConfigError as exc:
            return DatasetOutcome(self._failed(task, str(exc)), config_error=str(exc))
        result = outcome.result
        if result.error is not None:
            finding: Finding | None = scan_error(task.source, task.dataset, result.error)
        else:
            finding = check_pii_unregistered(result)
        if finding is None:
            return outcome
        return replace(outcome, findings=(*outcome.findings, finding))

    def review(self, task: ReviewTask) -> ReviewOutcome:
        """The source's access review, or why it could not be made."""
        if self.context.grants is None:
            return ReviewOutcome(task.source, problem="no access list is configured")
        try:
            connector = self.connector(task.source)
        except ConfigError:
            raise
        except Exception as exc:  # reported as the source's SCAN_ERROR
            return ReviewOutcome(task.source, problem=f"access review failed: {error_reason(exc)}")
        review, problem = safe_review(
            connector, task.source, task.datasets, self.context.grants, self.context.today
        )
        return ReviewOutcome(task.source, review, problem)

    # -- one dataset -------------------------------------------------------

    def _failed(self, task: DatasetTask, reason: str) -> DatasetResult:
        return DatasetResult(
            task.source, task.dataset, "unknown", None, task.register_id, (), reason
        )

    def _scan(self, task: DatasetTask, entry: RegisterEntry | None) -> DatasetOutcome:
        """One dataset, read again on a fresh connector when its connection was lost."""
        reason = "connection lost"
        for attempt in range(1, LOST_CONNECTION_ATTEMPTS + 1):
            try:
                return self._attempt(task, entry)
            except ConnectionLostError as exc:
                reason = error_reason(exc)
                where = f"dataset {task.source}/{task.dataset}"
                self.forget(task.source)  # its pool may hold more dead connections
                if attempt < LOST_CONNECTION_ATTEMPTS:
                    log.warning("%s: %s; reading it again on a new connection", where, reason)
                    continue
                log.warning("%s failed: %s", where, reason)
        reason = f"{reason} (read {LOST_CONNECTION_ATTEMPTS} times, each on a new connection)"
        return DatasetOutcome(self._failed(task, reason))

    def _attempt(self, task: DatasetTask, entry: RegisterEntry | None) -> DatasetOutcome:
        """One try at one dataset; ConnectionLostError propagates to :meth:`_scan`."""
        source, name = task.source, task.dataset
        if task.reuse is not None:
            return self._reused(task, entry)
        try:
            connector = self.connector(source)
            key = self._file_key(connector, name) if task.cache_files else None
            if key is not None and task.cached is not None and task.cached.key == key:
                log.info("dataset %s/%s: unchanged since the last scan, not read", source, name)
                cached = task.cached
                columns = apply_overrides(self.context.every_override, source, name, cached.columns)
                result = DatasetResult(
                    source, name, cached.kind, cached.row_count, task.register_id, columns
                )
                return self._with_register_checks(connector, result, entry, from_cache=True)
            info = connector.describe(name)
            detection = self.context.loaded.config.detection
            sample = connector.sample(info, detection.sample_rows)
            columns = classify_dataset(
                sample, self.engine, detection.min_match_ratio, adaptive=detection.adaptive_sampling
            )
            columns = apply_overrides(self.context.every_override, source, name, columns)
        except (ConfigError, ConnectionLostError):
            raise
        except Exception as exc:  # one dataset's failure is reported, the scan goes on
            reason = error_reason(exc)
            log.warning("dataset %s/%s failed: %s", source, name, reason)
            return DatasetOutcome(self._failed(task, reason))
        log.info("dataset %s/%s: %d row(s) sampled", source, name, sample.rows_sampled)
        result = DatasetResult(
            source,
            name,
            info.kind,
            info.row_count,
            task.register_id,
            columns,
            truncated=truncations(connector, name, sample),
        )
        outcome = self._with_register_checks(connector, result, entry)
        # A file read in part is read again next time, so its notes are never lost.
        return replace(outcome, file_key=None if result.truncated else key)

    def _reused(self, task: DatasetTask, entry: RegisterEntry | None) -> DatasetOutcome:
        """An unchanged table's stored classification, overrides applied again; only a
        registered table needs its source (its register counts are always made afresh)."""
        reuse = task.reuse
        assert reuse is not None
        log.info("dataset %s/%s: unchanged since it was last read", task.source, task.dataset)
        columns = apply_overrides(
            self.context.every_override, task.source, task.dataset, reuse.columns
        )
        result = DatasetResult(
            task.source, task.dataset, reuse.kind, reuse.row_count, task.register_id, columns
        )
        if entry is None:
            return DatasetOutcome(result, from_cache=True)
        try:
            connector = self.connector(task.source)
        except ConfigError:
            raise
        except Exception as exc:  # the source is unreachable: the dataset's error
            return DatasetOutcome(replace(result, error=error_reason(exc)), from_cache=True)
        return self._with_register_checks(connector, result, entry, from_cache=True)

    def _with_register_checks(
        self,
        connector: Connector,
        result: DatasetResult,
        entry: RegisterEntry | None,
        from_cache: bool = False,
    ) -> DatasetOutcome:
        """Facts from the source, then the register checks; a failure is the dataset's error."""
        if entry is None:
            return DatasetOutcome(result, from_cache=from_cache)
        context = self.context
        try:
            facts = gather_facts(connector, result, entry, context.today, context.requests)
        except ConnectionLostError:
            raise  # the whole dataset is read again
        except Exception as exc:  # a check that cannot run says so, never a silent pass
            reason = error_reason(exc)
            log.warning(
                "dataset %s/%s: register checks failed: %s", result.source, result.name, reason
            )
            return DatasetOutcome(replace(result, error=reason), from_cache=from_cache)
        outcome = run_register_checks(result, entry, facts)
        result = replace(result, exemptions=outcome.exemptions)
        return DatasetOutcome(result, tuple(outcome.findings), from_cache=from_cache)

    @staticmethod
    def _file_key(connector: Connector, name: str) -> FileKey | None:
        """A file dataset's content key for the incremental cache (None: not a file)."""
        if not isinstance(connector, FileBacked):
            return None
        return file_key(connector.fs, connector.fs.stat(connector.file_of(name)))
