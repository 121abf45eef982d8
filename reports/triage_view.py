"""A finding's triage (SPEC §9) as the reports show it: set aside or not, and its cells.

The scan attaches to each finding the triage as it stands on the scan date
(an expired acceptance is already open again); :func:`set_aside` checks it
once more against the scan date, so a report is right whoever built the
result. ``accepted`` (until its date) and ``false_positive`` findings are
*set aside*: every report still lists them, but apart from the open work and
not in its counts. ``acknowledged`` and ``in_progress`` are work under way:
they stay open work. Reasons are written by people; the writers escape them
(HTML autoescape, spreadsheet formula guard) like any other text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from reports.text import labels
from reports.text.dates import Era, format_date, format_moment
from scanners.model.result import Finding
from scanners.model.triage import SET_ASIDE, is_set_aside

#: The triage columns appended to the findings columns of CSV/XLSX (codes).
TRIAGE_COLUMNS: tuple[str, ...] = (
    "triage_status",
    "triage_by",
    "triage_at",
    "triage_reason",
    "triage_until",
)


def set_aside(finding: Finding, today: date | None = None) -> bool:
    """Whether ``finding`` is set aside by its triage (on ``today``; None: as attached)."""
    if today is None:
        return finding.triage is not None and finding.triage.status in SET_ASIDE
    return is_set_aside(finding.triage, today)


def split_set_aside(
    findings: Iterable[Finding], today: date | None = None
) -> tuple[list[Finding], list[Finding]]:
    """``(open work, set aside)``, each in the order given."""
    work: list[Finding] = []
    aside: list[Finding] = []
    for finding in findings:
        (aside if set_aside(finding, today) else work).append(finding)
    return work, aside


def triage_cells(finding: Finding, language: str) -> list[str | None]:
    """The :data:`TRIAGE_COLUMNS` cells: status in ``language``, who, when (ISO UTC as
    recorded), why, and the ISO date an acceptance holds until; all None without triage."""
    triage = finding.triage
    if triage is None:
        return [None] * len(TRIAGE_COLUMNS)
    return [
        labels.triage_status_name(triage.status, language),
        triage.by,
        triage.at,
        triage.reason,
        triage.until.isoformat() if triage.until else None,
    ]


def triage_view(
    finding: Finding, language: str, era: Era = "be", today: date | None = None
) -> dict[str, Any] | None:
    """The triage as an HTML page shows it (labels, Bangkok time, report calendar), or None."""
    triage = finding.triage
    if triage is None:
        return None
    return {
        "status": triage.status,
        "label": labels.triage_status_name(triage.status, language),
        "set_aside": set_aside(finding, today),
        "by": triage.by,
        "at": format_moment(triage.at, language, era) if triage.at else "",
        "reason": triage.reason,
        "until": format_date(triage.until, language, era) if triage.until else "",
        "assignee": triage.assignee or "",
    }
