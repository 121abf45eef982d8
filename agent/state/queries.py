"""What the state store answers: scans and findings as recorded (``agent.state.store``).

:class:`StoreQueries` is the read side of ``StateStore``: one scan, the latest
scans, the scan before another, and the stored findings (open, resolved, or
changed since a scan). Every query runs on its own connection and writes
nothing; kept apart from recording (``agent.state.writes``) so each module
stays small.
"""

from __future__ import annotations

from sqlalchemy import Connection, or_, select
from sqlalchemy.engine import Engine

from agent.state.records import FindingRecord, ScanRecord, finding_record, scan_record
from agent.state.tables import (
    FINDING_OPEN,
    FINDING_RESOLVED,
    FINDINGS,
    SCAN_COMPLETE,
    SCANS,
)


class UnknownScanError(LookupError):
    """A scan id that the state store has never recorded."""


class StoreQueries:
    """Queries of the state store at :attr:`engine`."""

    engine: Engine

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

    def finding(self, finding_id: str) -> FindingRecord | None:
        """The stored finding with this id (open or resolved), or None."""
        query = select(FINDINGS).where(FINDINGS.c.id == finding_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return None if row is None else finding_record(row)

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
        query = select(SCANS.c.seq).where(SCANS.c.id == scan_id)
        seq: int | None = conn.execute(query).scalar_one_or_none()
        if seq is None:
            raise UnknownScanError(f"unknown scan {scan_id!r}")
        return seq
