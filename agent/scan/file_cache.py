"""Incremental file scans: a file unchanged since the last scan is not read again.

A file's fingerprint is its size, its modification time and a SHA-256 of its
first 128 KiB; the detectors' fingerprint is a hash of the tool
version and of every file the detection depends on (recognizer modules,
lexicons, name lists, the PERSON model). When both match what the state
store recorded, the previous classification (masked evidence only) is reused.
What is stored is the classification detection gave, before any
classification override: overrides are applied to it again on every scan,
so an edited overrides file takes effect without reading the file again.
The cache lives in the agent's state database (``agent.state``), table
``pdpa_file_cache``, declared with the store's tables (``agent.state.tables``):
opening the cache brings the store to this release's schema by the store's
own migrations (``agent.state.migrate``), as opening the store does.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine

import scanners
from agent import __version__
from agent.scan.tasks import CachedFile, DatasetOutcome, DatasetTask, FileKey
from agent.state.migrate import upgrade_store
from agent.state.tables import FILE_CACHE
from connectors.files.share_fs import FileStat, ShareFS
from scanners.classification.overrides import detected_columns
from scanners.model.result import ColumnResult, DatasetResult, PiiMatch
from scanners.reasons import error_reason

__all__ = [
    "FILE_CACHE",
    "SAMPLED_BYTES",
    "FileCache",
    "SafeFileCache",
    "column_from_plain",
    "column_to_plain",
    "detectors_fingerprint",
    "file_fingerprint",
    "file_key",
]

SAMPLED_BYTES = 128 * 1024


@cache
def detectors_fingerprint() -> str:
    """Changes whenever anything that decides a classification changes."""
    digest = hashlib.sha256(__version__.encode())
    root = Path(scanners.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".txt", ".json", ".gz", ".crfsuite"}:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_fingerprint(fs: ShareFS, stat: FileStat) -> str:
    """SHA-256 over the file's first 128 KiB (the bytes sampling reads first)."""
    return hashlib.sha256(fs.read(stat.path, SAMPLED_BYTES)).hexdigest()


class FileCache:
    """Previous classifications of files, keyed by source and dataset name."""

    def __init__(self, state_url: str) -> None:
        """Open the cache in the state store at ``state_url``, upgrading the store's schema.

        Raises when the database is unusable (unreachable, locked, of a newer
        release): callers then scan without a cache.
        """
        self.engine: Engine = create_engine(state_url)
        try:
            upgrade_store(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def previous(self, source: str, dataset: str) -> CachedFile | None:
        """The file's last classification, when the detectors have not changed since."""
        table = FILE_CACHE
        query = select(table).where(table.c.source == source, table.c.dataset == dataset)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is None or row["detectors"] != detectors_fingerprint():
            return None
        return CachedFile(
            key=FileKey(size=row["size"], mtime=row["mtime"], digest=row["digest"]),
            kind=row["kind"],
            row_count=row["row_count"],
            columns=tuple(column_from_plain(item) for item in json.loads(row["columns"])),
        )

    def save(self, source: str, dataset: str, key: FileKey, result: DatasetResult) -> None:
        """Remember ``result`` (masked columns, as detected) for the file with content ``key``."""
        columns = detected_columns(result.columns)
        values = {
            "source": source,
            "dataset": dataset,
            "size": key.size,
            "mtime": key.mtime,
            "digest": key.digest,
            "detectors": detectors_fingerprint(),
            "kind": result.kind,
            "row_count": result.row_count,
            "columns": json.dumps([column_to_plain(c) for c in columns], ensure_ascii=False),
        }
        table = FILE_CACHE
        with self.engine.begin() as conn:
            conn.execute(table.delete().where(table.c.source == source, table.c.dataset == dataset))
            conn.execute(table.insert().values(**values))


def file_key(fs: ShareFS, stat: FileStat) -> FileKey:
    """The cache key of the file ``stat`` describes (reads its first 128 KiB)."""
    return FileKey(size=stat.size, mtime=stat.mtime, digest=file_fingerprint(fs, stat))


def column_to_plain(column: ColumnResult) -> dict:
    """A detected column as JSON-ready values (the override, always None here, left out)."""
    item = asdict(column)
    item.pop("override", None)
    return item


def column_from_plain(item: dict) -> ColumnResult:
    """The column :func:`column_to_plain` wrote."""
    return ColumnResult(
        name=item["name"],
        sampled=item["sampled"],
        pii=tuple(PiiMatch(**match) for match in item["pii"]),
        evidence=tuple(item["evidence"]),
        reasons=tuple(item["reasons"]),
    )


class SafeFileCache:
    """The file cache, switched off for the rest of the scan at its first failure."""

    def __init__(self, cache: FileCache | None) -> None:
        self._cache = cache

    @property
    def usable(self) -> bool:
        return self._cache is not None

    def previous(self, source: str, dataset: str) -> CachedFile | None:
        if self._cache is None:
            return None
        try:
            return self._cache.previous(source, dataset)
        except Exception as exc:  # the state database failed: read the files instead
            self._give_up(exc)
            return None

    def save(self, task: DatasetTask, outcome: DatasetOutcome) -> None:
        if self._cache is None or outcome.file_key is None:
            return
        try:
            self._cache.save(task.source, task.dataset, outcome.file_key, outcome.result)
        except Exception as exc:  # the next scan reads this file again, nothing worse
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        reason = error_reason(exc)
        logging.getLogger(__name__).warning(
            "file cache unusable (%s); every file is read for the rest of the scan", reason
        )
        self._cache = None
