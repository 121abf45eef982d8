"""Helpers shared by every report writer: ordering, atomic writes, cell safety.

Kept here so each writer renders the same ``ScanResult`` in the same order and
no writer can leave a half-written file behind or emit a spreadsheet formula.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from reports.count_units import count_unit, unit_word
from reports.due_dates import ensure_due, scan_date, urgency_key
from reports.options import ReportOptions
from reports.text import labels
from reports.text.dates import Era
from reports.text.law_text import law_text
from reports.text.remediation_text import remedy
from reports.triage_view import TRIAGE_COLUMNS, set_aside, triage_cells
from scanners.checks.severity import SEVERITY_ORDER as SEVERITY_ORDER  # the writers' scale
from scanners.checks.severity import urgency
from scanners.model.result import DatasetResult, Finding, ScanResult, SourceStatus

#: A spreadsheet treats a cell starting with one of these as a formula (or may).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

#: Columns shared by the CSV report and the XLSX ``Findings`` sheet (codes; the
#: header row shows :func:`finding_headers` in the report's language).
FINDING_COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "type_name",
    "severity",
    "due",
    "source",
    "dataset",
    "columns",
    "count",
    "count_unit",
    "register_id",
    "owner",
    "principal",
    "privileges",
    "law",
    "message",
    "what_to_do",
    "remediation",
    *TRIAGE_COLUMNS,  # appended last: the columns before them keep their places
)

_HEADERS: dict[str, dict[str, str]] = {
    "th": {
        "id": "รหัสประเด็น",
        "type": "รหัสประเภท",
        "type_name": "ประเภท",
        "severity": "ความรุนแรง",
        "due": "กำหนดดำเนินการ",
        "source": "แหล่งข้อมูล",
        "dataset": "ชุดข้อมูล",
        "columns": "คอลัมน์",
        "count": "จำนวน",
        "count_unit": "หน่วยนับ",
        "register_id": "รหัสทะเบียน",
        "owner": "ผู้รับผิดชอบ",
        "principal": "ผู้ใช้/บทบาท",
        "privileges": "สิทธิ์",
        "law": "กฎหมาย",
        "message": "รายละเอียด",
        "what_to_do": "สิ่งที่ต้องทำ",
        "remediation": "คำสั่งหรือคำแนะนำต้นฉบับ",
        "triage_status": "สถานะการพิจารณา",
        "triage_by": "ผู้พิจารณา",
        "triage_at": "เวลาที่พิจารณา (UTC)",
        "triage_reason": "เหตุผลการพิจารณา",
        "triage_until": "ยอมรับความเสี่ยงถึงวันที่",
    },
    "en": {
        "id": "id",
        "type": "type",
        "type_name": "type name",
        "severity": "severity",
        "due": "due",
        "source": "source",
        "dataset": "dataset",
        "columns": "columns",
        "count": "count",
        "count_unit": "count unit",
        "register_id": "register id",
        "owner": "owner",
        "principal": "principal",
        "privileges": "privileges",
        "law": "law",
        "message": "message",
        "what_to_do": "what to do",
        "remediation": "remediation",
        "triage_status": "triage status",
        "triage_by": "triage by",
        "triage_at": "triage at (UTC)",
        "triage_reason": "triage reason",
        "triage_until": "triage until",
    },
}

LIST_SEPARATOR = ";"


def severity_rank(severity: str) -> int:
    """Rank of a severity: 0 for critical, larger is less urgent; unknown last."""
    return urgency(severity)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by severity (critical first), then type, source, dataset, id."""
    return sorted(
        findings,
        key=lambda f: (severity_rank(f.severity), f.type, f.source, f.dataset or "", f.id),
    )


def ordered_findings(result: ScanResult, options: ReportOptions) -> list[Finding]:
    """The findings of ``result`` (each with ``due``) in report order.

    Severity order (see :func:`sorted_findings`); an owner's report puts what
    to do first on top: earliest due (overdue first), then severity. Findings
    set aside by their triage (accepted, false positive) come after all the
    others, in the same order among themselves.
    """
    result = ensure_due(result)
    findings = sorted_findings(result.findings)
    if options.owner is not None:
        findings.sort(key=urgency_key)
    today = scan_date(result)
    findings.sort(key=lambda finding: set_aside(finding, today))
    return findings


def sorted_datasets(datasets: Iterable[DatasetResult]) -> list[DatasetResult]:
    """Datasets by source, then name."""
    return sorted(datasets, key=lambda d: (d.source, d.name))


def sorted_sources(sources: Iterable[SourceStatus]) -> list[SourceStatus]:
    """Sources by name."""
    return sorted(sources, key=lambda s: s.name)


def finding_message(finding: Finding, language: str) -> str:
    """The finding's message in ``language`` ("th" or "en")."""
    return finding.message_en if language == "en" else finding.message_th


def finding_headers(language: str) -> list[str]:
    """The header row of :data:`FINDING_COLUMNS` in ``language``."""
    headers = _HEADERS.get(language, _HEADERS["en"])
    return [headers[name] for name in FINDING_COLUMNS]


def what_to_do(finding: Finding, language: str, era: Era = "be") -> str:
    """The action and advice of :func:`reports.text.remediation_text.remedy`, as one text."""
    found = remedy(finding, language, era)
    return " ".join(part for part in (found.action, found.advice) if part)


def finding_row(finding: Finding, language: str, era: Era = "be") -> list[str | int | None]:
    """One finding as a row matching :data:`FINDING_COLUMNS` (not yet made cell-safe)."""
    return [
        finding.id,
        finding.type,
        labels.finding_type_name(finding.type, language),
        labels.severity_name(finding.severity, language),
        finding.due.isoformat() if finding.due else None,
        finding.source,
        finding.dataset,
        LIST_SEPARATOR.join(finding.columns),
        finding.count,
        unit_word(count_unit(finding), language, finding.count or 0) or None,
        finding.register_id,
        finding.owner,
        labels.principal_name(finding.principal, language) if finding.principal else None,
        LIST_SEPARATOR.join(finding.privileges),
        law_text(finding.law, language),
        labels.with_pii_names(finding_message(finding, language), language),
        what_to_do(finding, language, era),
        finding.remediation,
        *triage_cells(finding, language),
    ]


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formula injection: prefix risky text with ``'``."""
    if value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def atomic_write(path: Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on ``path.tmp`` in the same directory, then rename over ``path``.

    The rename is atomic on one file system, so readers see either the old
    report or the whole new one. On failure the temporary file is removed.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        write(tmp)
        with open(tmp, "r+b") as handle:  # writable: fsync needs it on Windows
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`)."""
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
