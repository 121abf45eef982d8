"""The units of work of a scan and what each one returns, as plain frozen values.

A scan is split so that any executor (this process, a local process pool,
Celery workers in another network zone) can do the reading while one
coordinator decides, gathers and records:

- :class:`ListTask` → :class:`SourceListing` — open a source, list its datasets
  (and their change keys);
- :class:`DatasetTask` → :class:`DatasetOutcome` — describe, sample, classify
  one dataset and run its register checks;
- :class:`ReviewTask` → :class:`ReviewOutcome` — a source's access review.

Every value here is already masked (see :mod:`scanners.model.result`), so it may
cross a process boundary or a message broker without carrying a raw value.
"""

from __future__ import annotations

from dataclasses import dataclass

from scanners.model.result import AccessReview, ColumnResult, DatasetResult, Finding


@dataclass(frozen=True)
class FileKey:
    """What identifies a file's content for the incremental cache."""

    size: int
    mtime: float
    digest: str  # SHA-256 of the first bytes (see agent.scan.file_cache)


@dataclass(frozen=True)
class CachedFile:
    """A file's previous classification, handed to the worker that may reuse it."""

    key: FileKey
    kind: str
    row_count: int | None
    columns: tuple[ColumnResult, ...]


@dataclass(frozen=True)
class ReusedClassification:
    """A table's stored classification, reused because its change key has not moved."""

    kind: str
    row_count: int | None
    columns: tuple[ColumnResult, ...]


@dataclass(frozen=True)
class ListTask:
    """List the datasets of one source (and read their change keys when asked)."""

    source: str
    change_keys: bool = False


@dataclass(frozen=True)
class SourceListing:
    """A source's datasets, or why it could not be opened."""

    source: str
    datasets: tuple[str, ...] = ()
    error: str | None = None
    skipped: tuple[tuple[str, str], ...] = ()  # (file, reason): listed but not scannable
    change_keys: tuple[tuple[str, str], ...] = ()  # (dataset, key): agent.scan.table_cache


@dataclass(frozen=True)
class DatasetTask:
    """Scan one dataset (and run its register checks when it is registered)."""

    source: str
    dataset: str
    register_id: str | None = None
    cache_files: bool = False  # compute the file key so the coordinator can cache the result
    cached: CachedFile | None = None  # the previous classification, if any
    reuse: ReusedClassification | None = None  # an unchanged table's: not read again


@dataclass(frozen=True)
class DatasetOutcome:
    """One dataset's result and findings (register checks and PII_UNREGISTERED)."""

    result: DatasetResult
    findings: tuple[Finding, ...] = ()
    file_key: FileKey | None = None  # set when the coordinator should cache ``result``
    from_cache: bool = False  # the file was unchanged: ``result`` is the cached one
    config_error: str | None = None  # a user configuration error: the scan must stop


@dataclass(frozen=True)
class ReviewTask:
    """The access review of one source, given its scanned datasets."""

    source: str
    datasets: tuple[DatasetResult, ...]


@dataclass(frozen=True)
class ReviewOutcome:
    """The review, or the one-line reason it could not be made."""

    source: str
    review: AccessReview | None = None
    problem: str | None = None
