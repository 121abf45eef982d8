"""The agent's own store (``agent.state``, SPEC §4): scans, datasets, findings, audit.

``StateStore(url)`` opens any SQLAlchemy URL (SQLite by default, PostgreSQL
supported) and creates its ``pdpa_*`` tables (``agent.state_tables``).

One scan is recorded in two steps:

- ``begin_scan`` inserts a ``running`` scan row and commits it at once, after
  marking any scan still ``running`` from an earlier crash as ``failed``;
- ``record_scan`` stores the whole ``ScanResult`` in ONE transaction: the scan
  becomes ``complete``, its datasets, columns (masked evidence only) and audit
  rows are inserted, its findings are upserted by their stable id (SPEC §8), and
  every open finding of a source that was scanned ``ok`` but not seen again is
  resolved. A source that failed, or a dataset whose scan failed, keeps its
  findings open: they were not looked at.

A crash between the two steps leaves only a ``running`` scan row; the next
``begin_scan`` marks it ``failed``; a ``record_scan`` that fails (the store is
locked or unreachable) leaves the store as it was. A SQLite store waits
:data:`BUSY_TIMEOUT_S` for another process's lock, a server store
:data:`CONNECT_TIMEOUT_S` to connect, before the operation fails.
Timestamps are ISO 8601 UTC strings of fixed width on every backend. Nothing
stored comes from anywhere but the ``ScanResult`` (already masked) and the
audit entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, create_engine, func, or_, select
from sqlalchemy.engine import URL, Engine, make_url

from agent.state_tables import (
    AUDIT,
    COLUMNS,
    DATASETS,
    FINDING_OPEN,
    FINDING_RESOLVED,
    FINDINGS,
    SCAN_COMPLETE,
    SCAN_FAILED,
    SCAN_RUNNING,
    SCANS,
    FindingRecord,
    ScanDiff,
    ScanRecord,
    finding_record,
    iso_utc,
    metadata,
    scan_record,
)
from scanners.result import Finding, ScanResult

__all__ = [
    "AuditEntry",
    "FindingRecord",
    "ScanDiff",
    "ScanRecord",
    "StateStore",
    "UnknownScanError",
    "iso_utc",
]


#: Seconds a SQLite store waits for another process's lock before an operation fails.
BUSY_TIMEOUT_S = 5.0
#: Seconds connecting to a server store (PostgreSQL) may take.
CONNECT_TIMEOUT_S = 10


def store_engine(url: str | URL) -> Engine:
    """An engine on the state database whose waits are bounded (see the module docstring)."""
    url = make_url(url)
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        connect_args["timeout"] = BUSY_TIMEOUT_S
    elif url.get_driver_name() in ("psycopg2", "psycopg", "pymysql", "mysqldb"):
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    return create_engine(url, connect_args=connect_args)


class UnknownScanError(LookupError):
    """A scan id that the state store has never recorded."""


@dataclass(frozen=True)
class AuditEntry:
    """What the agent itself read: ``rows_sampled`` rows of one dataset."""

    scan_id: str
    source: str
    dataset: str
    rows_sampled: int
    at: str | datetime  # ISO 8601 or datetime; stored as ISO UTC


def _json(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _finding_values(finding: Finding) -> dict[str, Any]:
    return {
        "type": finding.type,
        "severity": finding.severity,
        "source": finding.source,
        "dataset": finding.dataset,
        "columns": _json(finding.columns),
        "count": finding.count,
        "register_id": finding.register_id,
        "owner": finding.owner,
        "principal": finding.principal,
        "privileges": _json(finding.privileges),
        "law": finding.law,
        "message_th": finding.message_th,
        "message_en": finding.message_en,
        "remediation": finding.remediation,
    }


class StateStore:
    """Scans, datasets, columns, findings and audit rows in the agent's state database."""

    def __init__(self, url: str | URL) -> None:
        self.engine: Engine = store_engine(url)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- scans -------------------------------------------------------------

    def abandon_stale_runs(self) -> tuple[str, ...]:
        """Mark every scan still ``running`` as ``failed``; returns their ids."""
        with self.engine.begin() as conn:
            ids = tuple(
                conn.execute(select(SCANS.c.id).where(SCANS.c.status == SCAN_RUNNING)).scalars()
            )
            if ids:
                conn.execute(
                    SCANS.update().where(SCANS.c.status == SCAN_RUNNING).values(status=SCAN_FAILED)
                )
        return ids

    def begin_scan(self, scan_id: str, started_at: str | datetime, tool_version: str) -> None:
        """Record that a scan started (committed at once); stale ``running`` scans fail."""
        self.abandon_stale_runs()
        with self.engine.begin() as conn:
            conn.execute(
                SCANS.insert().values(
                    id=scan_id,
                    started_at=iso_utc(started_at),
                    finished_at=None,
                    status=SCAN_RUNNING,
                    tool_version=tool_version,
                )
            )

    def record_scan(self, result: ScanResult, audit: Sequence[AuditEntry] = ()) -> ScanDiff:
        """Store one finished scan in a single transaction; see the module docstring."""
        info = result.scan
        started = iso_utc(info.started_at)
        with self.engine.begin() as conn:
            row = conn.execute(select(SCANS).where(SCANS.c.id == info.id)).mappings().first()
            scan_values = {
                "started_at": started,
                "finished_at": iso_utc(info.finished_at),
                "status": SCAN_COMPLETE,
                "tool_version": info.tool_version,
            }
            if row is None:
                conn.execute(SCANS.insert().values(id=info.id, **scan_values))
            elif row["status"] == SCAN_COMPLETE:
                raise ValueError(f"scan {info.id!r} is already recorded")
            else:
                conn.execute(SCANS.update().where(SCANS.c.id == info.id).values(**scan_values))
            self._insert_details(conn, result, audit)
            new, resolved, reopened, first_seen = self._merge_findings(conn, result, started)
            still_open = conn.execute(
                select(func.count()).select_from(FINDINGS).where(FINDINGS.c.status == FINDING_OPEN)
            ).scalar_one()
        return ScanDiff(
            new=new,
            resolved=resolved,
            still_open=still_open,
            reopened=reopened,
            first_seen=first_seen,
        )

    def _insert_details(
        self, conn: Connection, result: ScanResult, audit: Sequence[AuditEntry]
    ) -> None:
        scan_id = result.scan.id
        datasets = [
            {
                "scan_id": scan_id,
                "source": d.source,
                "name": d.name,
                "kind": d.kind,
                "row_count": d.row_count,
                "register_id": d.register_id,
                "error": d.error,
            }
            for d in result.datasets
        ]
        columns = [
            {
                "scan_id": scan_id,
                "source": d.source,
                "dataset": d.name,
                "column": c.name,
                "sampled": c.sampled,
                "pii": _json(asdict(match) for match in c.pii),
                "evidence": _json(c.evidence),
                "reasons": _json(c.reasons),
            }
            for d in result.datasets
            for c in d.columns
        ]
        entries = [
            {
                "scan_id": entry.scan_id,
                "source": entry.source,
                "dataset": entry.dataset,
                "rows_sampled": entry.rows_sampled,
                "at": iso_utc(entry.at),
            }
            for entry in audit
        ]
        for table, rows in ((DATASETS, datasets), (COLUMNS, columns), (AUDIT, entries)):
            if rows:
                conn.execute(table.insert(), rows)

    def _merge_findings(
        self, conn: Connection, result: ScanResult, at: str
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
        scan_id = result.scan.id
        seen = {finding.id: finding for finding in result.findings}  # last one wins
        known: dict[str, str] = {}
        known_since: dict[str, str] = {}
        query = select(FINDINGS.c.id, FINDINGS.c.status, FINDINGS.c.first_seen_at)
        for fid, status, since in conn.execute(query):
            known[fid] = status
            known_since[fid] = since
        inserts = [
            {
                "id": fid,
                **_finding_values(f),
                "first_seen_scan": scan_id,
                "first_seen_at": at,
                "last_seen_scan": scan_id,
                "last_seen_at": at,
                "status": FINDING_OPEN,
                "resolved_scan": None,
                "resolved_at": None,
            }
            for fid, f in seen.items()
            if fid not in known
        ]
        updates = [
            {
                "fid": fid,
                **_finding_values(f),
                "last_seen_scan": scan_id,
                "last_seen_at": at,
                "status": FINDING_OPEN,
                "resolved_scan": None,
                "resolved_at": None,
            }
            for fid, f in seen.items()
            if fid in known
        ]
        if inserts:
            conn.execute(FINDINGS.insert(), inserts)
        if updates:
            statement = FINDINGS.update().where(FINDINGS.c.id == bindparam("fid"))
            conn.execute(statement, updates)
        # Only what this scan actually looked at can be resolved.
        ok_sources = {s.name for s in result.sources if s.status == "ok"}
        failed_datasets = {(d.source, d.name) for d in result.datasets if d.error}
        open_rows = conn.execute(
            select(FINDINGS.c.id, FINDINGS.c.source, FINDINGS.c.dataset).where(
                FINDINGS.c.status == FINDING_OPEN
            )
        ).all()
        resolved = sorted(
            fid
            for fid, source, dataset in open_rows
            if fid not in seen and source in ok_sources and (source, dataset) not in failed_datasets
        )
        if resolved:
            conn.execute(
                FINDINGS.update().where(FINDINGS.c.id == bindparam("fid")),
                [
                    {
                        "fid": fid,
                        "status": FINDING_RESOLVED,
                        "resolved_scan": scan_id,
                        "resolved_at": at,
                    }
                    for fid in resolved
                ],
            )
        new = tuple(sorted(row["id"] for row in inserts))
        reopened = tuple(sorted(fid for fid in seen if known.get(fid) == FINDING_RESOLVED))
        first_seen = tuple(sorted((fid, known_since.get(fid, at)) for fid in seen))
        return new, tuple(resolved), reopened, first_seen

    # --- queries -----------------------------------------------------------

    def scan(self, scan_id: str) -> ScanRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(SCANS).where(SCANS.c.id == scan_id)).mappings().first()
        return None if row is None else scan_record(row)

    def last_scans(self, n: int = 1) -> list[ScanRecord]:
        """The ``n`` most recently begun scans, newest first (any status)."""
        query = select(SCANS).order_by(SCANS.c.seq.desc()).limit(n)
        with self.engine.connect() as conn:
            return [scan_record(row) for row in conn.execute(query).mappings()]

    def previous_scan_id(self, scan_id: str) -> str | None:
        """The latest ``complete`` scan begun before ``scan_id``; ``None`` when there is none."""
        with self.engine.connect() as conn:
            seq = self._seq(conn, scan_id)
            query = (
                select(SCANS.c.id)
                .where(SCANS.c.seq < seq, SCANS.c.status == SCAN_COMPLETE)
                .order_by(SCANS.c.seq.desc())
                .limit(1)
            )
            return conn.execute(query).scalar_one_or_none()

    def findings(
        self, status: str | None = None, since_scan: str | None = None
    ) -> list[FindingRecord]:
        """Stored findings, ordered by id.

        ``status``: ``"open"`` or ``"resolved"`` (default both). ``since_scan``: only
        findings first seen, or resolved, in a scan begun after that scan (the
        changes since it). Raises ``UnknownScanError`` for a scan id never recorded.
        """
        if status not in (None, FINDING_OPEN, FINDING_RESOLVED):
            raise ValueError(f"status must be 'open' or 'resolved', not {status!r}")
        query = select(FINDINGS).order_by(FINDINGS.c.id)
        if status is not None:
            query = query.where(FINDINGS.c.status == status)
        with self.engine.connect() as conn:
            if since_scan is not None:
                later = select(SCANS.c.id).where(SCANS.c.seq > self._seq(conn, since_scan))
                query = query.where(
                    or_(FINDINGS.c.first_seen_scan.in_(later), FINDINGS.c.resolved_scan.in_(later))
                )
            return [finding_record(row) for row in conn.execute(query).mappings()]

    def _seq(self, conn: Connection, scan_id: str) -> int:
        seq = conn.execute(select(SCANS.c.seq).where(SCANS.c.id == scan_id)).scalar_one_or_none()
        if seq is None:
            raise UnknownScanError(f"unknown scan {scan_id!r}")
        return seq
