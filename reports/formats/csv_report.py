"""``findings.csv``: one row per finding, for people who live in spreadsheets.

UTF-8 with a byte-order mark so Excel opens Thai text correctly; list fields
are joined with ``;``; the header row, type and severity names, count unit,
law, message and what to do are in the report language, codes (``id``,
``type``) and ``remediation`` stay as ``findings.json`` has them, and ``due``
is an ISO date (sortable in any spreadsheet). An owner's file lists what is
due first at the top. The last five columns hold a finding's triage (SPEC
§9): ``triage_status`` (in the report language), ``triage_by``,
``triage_at`` (ISO UTC as recorded), ``triage_reason`` and ``triage_until``
(ISO date); empty without triage. Findings set aside by it (accepted, false
positive) are listed after all the others. Every cell that a spreadsheet
could read as a formula is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reports.common import (
    atomic_write_bytes,
    finding_headers,
    finding_row,
    ordered_findings,
    safe_cell,
)
from reports.options import DEFAULT_OPTIONS, ReportOptions
from reports.text.labels import check_language
from scanners.model.result import ScanResult

FILE_NAME = "findings.csv"


def _cell(value: str | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_cell(value)
    return str(value)


def to_csv_text(
    result: ScanResult, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> str:
    """The CSV text (without BOM) for ``result``: header and text in ``language``."""
    check_language(language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(finding_headers(language))
    for finding in ordered_findings(result, options):
        writer.writerow([_cell(value) for value in finding_row(finding, language, options.era)])
    return buffer.getvalue()


def write_csv_report(
    result: ScanResult, path: Path, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> Path:
    """Write ``findings.csv`` (UTF-8 with BOM) to ``path`` atomically; return ``path``."""
    text = to_csv_text(result, language, options)
    return atomic_write_bytes(path, text.encode("utf-8-sig"))
