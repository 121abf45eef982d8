"""Row records of the agent's state store: scans, findings and what a recorded scan changed.

Frozen values read from the ``pdpa_*`` tables (``agent.state.tables``) and the
one timestamp form every table stores (:func:`iso_utc`: fixed-width ISO 8601
UTC, so times sort and compare alike on SQLite and PostgreSQL).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from scanners.checks.finding_type import restore_finding
from scanners.model.result import Finding


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
