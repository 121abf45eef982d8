"""What recording one scan writes to the state store, inside the caller's transaction.

``StateStore.record_scan`` (``agent.state.store``) calls these on the
connection of its single transaction: :func:`insert_details` adds the scan's
datasets, columns (masked evidence only) and audit rows; :func:`merge_findings`
upserts its findings by their stable id (SPEC §8) and resolves every open
finding of a source that was scanned ``ok`` but not seen again, except in a
dataset whose scan failed. Kept apart from the store's queries so each
module stays small; nothing here commits.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select

from agent.state.records import iso_utc
from agent.state.tables import (
    AUDIT,
    COLUMNS,
    DATASETS,
    FINDING_OPEN,
    FINDING_RESOLVED,
    FINDINGS,
    SCAN_TOTALS,
)
from scanners.model.result import Finding, ScanResult

#: (new ids, resolved ids, reopened ids, (id, first seen ISO UTC) of every finding seen)
Merged = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]


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


def finding_values(finding: Finding) -> dict[str, Any]:
    """The columns of ``pdpa_findings`` that a scan's finding sets (not its history)."""
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


def insert_details(conn: Connection, result: ScanResult, audit: Sequence[AuditEntry]) -> None:
    """Insert the scan's datasets, columns, audit rows and findings per severity."""
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
    severities = Counter(finding.severity for finding in result.findings)
    totals = [
        {"scan_id": scan_id, "severity": severity, "findings": count}
        for severity, count in sorted(severities.items())
    ]
    tables = ((DATASETS, datasets), (COLUMNS, columns), (AUDIT, entries), (SCAN_TOTALS, totals))
    for table, rows in tables:
        if rows:
            conn.execute(table.insert(), rows)


def merge_findings(conn: Connection, result: ScanResult, at: str) -> Merged:
    """Upsert the scan's findings (seen ``at``) and resolve those no longer seen."""
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
            **finding_values(f),
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
            **finding_values(f),
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
