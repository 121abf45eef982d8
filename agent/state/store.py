"""The agent's own store (``agent.state``, SPEC §4): scans, datasets, findings, audit.

``StateStore(url)`` opens any SQLAlchemy URL (SQLite by default, PostgreSQL
supported) and brings its ``pdpa_*`` tables (``agent.state.tables``) to this
release's schema: Alembic migrations run on every open, creating a new store
and upgrading an older one with every row kept (``agent.state.migrate``).

One scan is recorded in two steps:

- ``begin_scan`` inserts a ``running`` scan row and commits it at once, after
  marking any scan still ``running`` from an earlier crash as ``failed``;
- ``record_scan`` stores the whole ``ScanResult`` in ONE transaction: the scan
  becomes ``complete``, its datasets, columns (masked evidence only) and audit
  rows are inserted, its findings are upserted by their stable id (SPEC §8), and
  every open finding of a source that was scanned ``ok`` but not seen again is
  resolved (``agent.state.writes``). A source that failed, or a dataset whose
  scan failed, keeps its findings open: they were not looked at.

A crash between the two steps leaves only a ``running`` scan row; the next
``begin_scan`` marks it ``failed``; a ``record_scan`` that fails (the store is
locked or unreachable) leaves the store as it was. A SQLite store waits
:data:`BUSY_TIMEOUT_S` for another process's lock, a server store
:data:`CONNECT_TIMEOUT_S` to connect, before the operation fails.
Timestamps are ISO 8601 UTC strings of fixed width on every backend. Nothing
stored comes from anywhere but the ``ScanResult`` (already masked) and the
audit entries. The queries are ``agent.state.queries``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import URL, Engine, make_url

from agent.state.migrate import upgrade_store
from agent.state.queries import StoreQueries, UnknownScanError
from agent.state.records import FindingRecord, ScanDiff, ScanRecord, iso_utc
from agent.state.tables import (
    FINDING_OPEN,
    FINDINGS,
    SCAN_COMPLETE,
    SCAN_FAILED,
    SCAN_RUNNING,
    SCANS,
)
from agent.state.writes import AuditEntry, insert_details, merge_findings
from scanners.model.result import ScanResult

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


class StateStore(StoreQueries):
    """Scans, datasets, columns, findings and audit rows in the agent's state database."""

    def __init__(self, url: str | URL) -> None:
        self.engine: Engine = store_engine(url)
        try:
            upgrade_store(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> StateStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            insert_details(conn, result, audit)
            new, resolved, reopened, first_seen = merge_findings(conn, result, started)
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
