"""Tables and row records of the agent's state store (``agent.state``, SPEC §4).

SQLAlchemy Core tables, all prefixed ``pdpa_``: the store's history,
``pdpa_file_cache``, the incremental file cache (read and written by
``agent.scan.file_cache``, declared here so that its schema is migrated with
the rest, ``agent.state.migrate``), the disclosure log of SPEC §10
(``pdpa_disclosures`` and ``pdpa_disclosure_followups``, read and written by
``agent.state.disclosures``) and the breach register of SPEC §11
(``pdpa_breaches`` and ``pdpa_breach_assessments``, ``agent.state.breaches``).
Timestamps are stored as ISO 8601 UTC strings of fixed width
(``YYYY-MM-DDTHH:MM:SS.ffffff+00:00``) on every backend, so they sort and
compare the same on SQLite and PostgreSQL (a breach's ``aware_at`` is also
kept with the offset it was given, beside its UTC copy); dates as ISO
``YYYY-MM-DD``. Lists are stored as JSON text. Nothing here holds a raw sample
value: only what a ``ScanResult`` holds, which is already masked, what was
disclosed to whom (names, counts, the extract's hash) and what a breach
reached (names, counts, grades), never a value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import BigInteger, Column, Float, Integer, MetaData, String, Table, Text

from scanners.checks.finding_type import restore_finding
from scanners.model.result import Finding

SCAN_RUNNING = "running"
SCAN_COMPLETE = "complete"
SCAN_FAILED = "failed"
FINDING_OPEN = "open"
FINDING_RESOLVED = "resolved"

_ID = 200  # scan ids, finding ids, source names
_NAME = 2000  # dataset names (file paths can be long)
_TS = 40  # ISO timestamps
_DATE = 10  # ISO dates
_WHO = 500  # people, organisations, contacts

metadata = MetaData()

SCANS = Table(
    "pdpa_scans",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),  # order of scans
    Column("id", String(_ID), nullable=False, unique=True),
    Column("started_at", String(_TS), nullable=False),
    Column("finished_at", String(_TS)),
    Column("status", String(20), nullable=False),
    Column("tool_version", String(100), nullable=False),
)

DATASETS = Table(
    "pdpa_datasets",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("name", String(_NAME), nullable=False),
    Column("kind", String(50), nullable=False),
    Column("row_count", Integer),
    Column("register_id", String(_ID)),
    Column("error", Text),
)

COLUMNS = Table(
    "pdpa_columns",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("column", String(_NAME), nullable=False),
    Column("sampled", Integer),
    Column("pii", Text, nullable=False),  # JSON list of {type, confidence, match_ratio}
    Column("evidence", Text, nullable=False),  # JSON list of masked examples
    Column("reasons", Text, nullable=False),  # JSON list of strings
)

FINDINGS = Table(
    "pdpa_findings",
    metadata,
    Column("id", String(_ID), primary_key=True),  # the stable finding id (SPEC §8)
    Column("type", String(50), nullable=False),
    Column("severity", String(20), nullable=False),
    Column("source", String(_ID), nullable=False, index=True),
    Column("dataset", String(_NAME)),
    Column("columns", Text, nullable=False),  # JSON list
    Column("count", Integer),
    Column("register_id", String(_ID)),
    Column("owner", String(500)),
    Column("principal", String(500)),
    Column("privileges", Text, nullable=False),  # JSON list
    Column("law", String(200), nullable=False),
    Column("message_th", Text, nullable=False),
    Column("message_en", Text, nullable=False),
    Column("remediation", Text),
    Column("first_seen_scan", String(_ID), nullable=False),
    Column("first_seen_at", String(_TS), nullable=False),
    Column("last_seen_scan", String(_ID), nullable=False),
    Column("last_seen_at", String(_TS), nullable=False),
    Column("status", String(20), nullable=False, index=True),
    Column("resolved_scan", String(_ID)),
    Column("resolved_at", String(_TS)),
)

AUDIT = Table(
    "pdpa_audit",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("scan_id", String(_ID), nullable=False, index=True),
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("rows_sampled", Integer, nullable=False),
    Column("at", String(_TS), nullable=False),
)

#: A file's last classification, detected (before overrides), masked; see agent.scan.file_cache.
FILE_CACHE = Table(
    "pdpa_file_cache",
    metadata,
    Column("source", String(_ID), primary_key=True),
    Column("dataset", String(_NAME), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("mtime", Float, nullable=False),
    Column("digest", String(64), nullable=False),  # SHA-256 of the first 128 KiB
    Column("detectors", String(64), nullable=False),  # fingerprint of the detectors
    Column("kind", String(20), nullable=False),
    Column("row_count", Integer),
    Column("columns", Text, nullable=False),  # JSON of ColumnResult values (masked)
)

#: The disclosure log (SPEC §10): one row per disclosure (``DisclosureRecord``).
DISCLOSURES = Table(
    "pdpa_disclosures",
    metadata,
    Column("id", String(_ID), primary_key=True),  # the request's id, e.g. REQ-2026-014
    Column("source", String(_ID), nullable=False),
    Column("dataset", String(_NAME), nullable=False),
    Column("recipient", String(_WHO), nullable=False),
    Column("recipient_contact", Text, nullable=False),
    Column("requested_by", String(_WHO), nullable=False),
    Column("legal_basis", String(100), nullable=False),
    Column("sensitive_basis", String(100), nullable=False),
    Column("purpose", Text, nullable=False),
    Column("approved_by", String(_WHO), nullable=False),
    Column("register_id", String(_ID)),
    Column("owner", String(_WHO)),
    Column("disclosed_at", String(_TS), nullable=False),
    Column("rows", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),  # of the extract file
    Column("k", Integer),  # smallest group over the quasi-identifiers (None: none)
    Column("treatments", Text, nullable=False),  # JSON list of [column, treatment]
    Column("format", String(20), nullable=False),
    Column("follow_up_every", String(20), nullable=False),
    Column("next_followup", String(_DATE)),
    Column("status", String(20), nullable=False, index=True),  # "open" | "closed"
)

#: The answers recorded about each disclosure (``FollowUp``), in the order recorded.
DISCLOSURE_FOLLOWUPS = Table(
    "pdpa_disclosure_followups",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("disclosure_id", String(_ID), nullable=False, index=True),
    Column("recorded_at", String(_TS), nullable=False),
    Column("status", String(20), nullable=False),  # one of FOLLOWUP_STATUSES
    Column("note", Text, nullable=False),
    Column("by", String(_WHO), nullable=False),
    Column("next_followup", String(_DATE)),
)


#: The breach register (SPEC §11): one row per breach (``BreachRecord``), its latest summary.
BREACHES = Table(
    "pdpa_breaches",
    metadata,
    Column("id", String(_ID), primary_key=True),  # BR-YYYYMMDD-NN
    Column("title", Text, nullable=False),
    Column("aware_at", String(_TS), nullable=False),  # ISO, with the offset as given
    Column("aware_at_utc", String(_TS), nullable=False),  # the same moment in UTC: order by it
    Column("deadline", String(_TS), nullable=False),
    Column("opened_at", String(_TS), nullable=False),
    Column("grade", String(20), nullable=False),  # of the latest assessment (GRADES)
    Column("people", BigInteger, nullable=False),
    Column("reported_by", String(_WHO), nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of source names in scope
    Column("status", String(20), nullable=False, index=True),  # "open" | "closed"
    Column("outcome", String(50)),  # one of OUTCOMES once closed
    Column("closed_at", String(_TS)),
    Column("closed_by", String(_WHO)),
    Column("reminders_sent", Text, nullable=False),  # JSON list of hours-left (ints)
)

#: Every assessment of each breach (``BreachAssessment``), in the order made; never rewritten.
BREACH_ASSESSMENTS = Table(
    "pdpa_breach_assessments",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("breach_id", String(_ID), nullable=False, index=True),
    Column("assessed_at", String(_TS), nullable=False),
    Column("grade", String(20), nullable=False),
    Column("document", Text, nullable=False),  # the breach.json text (can be large)
)


@dataclass(frozen=True)
class ScanDiff:
    """What one recorded scan changed: finding ids new and resolved, and how many stay open.

    ``reopened``: ids that had been resolved and were seen again (not in ``new``).
    ``first_seen``: (id, ISO UTC time) of every finding of the scan: when the
    store first recorded it (this scan's start for a new one); due dates count
    from it (``reports.due_dates``).
    """

    new: tuple[str, ...]
    resolved: tuple[str, ...]
    still_open: int
    reopened: tuple[str, ...] = ()
    first_seen: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ScanRecord:
    """One row of ``pdpa_scans``."""

    id: str
    started_at: str
    finished_at: str | None
    status: str  # "running" | "complete" | "failed"
    tool_version: str


@dataclass(frozen=True)
class FindingRecord:
    """One row of ``pdpa_findings``: a finding and its history across scans."""

    id: str
    type: str
    severity: str
    source: str
    dataset: str | None
    columns: tuple[str, ...]
    count: int | None
    register_id: str | None
    owner: str | None
    principal: str | None
    privileges: tuple[str, ...]
    law: str
    message_th: str
    message_en: str
    remediation: str | None
    first_seen_scan: str
    first_seen_at: str
    last_seen_scan: str
    last_seen_at: str
    status: str  # "open" | "resolved"
    resolved_scan: str | None
    resolved_at: str | None

    def to_finding(self) -> Finding:
        """The finding as the report model holds it (its stored id, severity and law kept)."""
        return restore_finding(self)


def iso_utc(value: str | datetime) -> str:
    """Fixed-width ISO 8601 in UTC; a naive value is taken as UTC already."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def finding_record(row: Any) -> FindingRecord:
    values = dict(row)
    values["columns"] = tuple(json.loads(values["columns"]))
    values["privileges"] = tuple(json.loads(values["privileges"]))
    return FindingRecord(**values)


def scan_record(row: Any) -> ScanRecord:
    return ScanRecord(
        id=row["id"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        status=row["status"],
        tool_version=row["tool_version"],
    )
