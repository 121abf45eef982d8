"""``findings.csv``: one row per finding, for people who live in spreadsheets.

UTF-8 with a byte-order mark so Excel opens Thai text correctly; list fields
are joined with ``;``; the message is in the report language. Every cell that
a spreadsheet could read as a formula is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from reports.common import (
    FINDING_COLUMNS,
    atomic_write_bytes,
    finding_row,
    safe_cell,
    sorted_findings,
)
from reports.labels import check_language
from scanners.result import ScanResult

FILE_NAME = "findings.csv"


def _cell(value: str | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return safe_cell(value)
    return str(value)


def to_csv_text(result: ScanResult, language: str = "th") -> str:
    """The CSV text (without BOM) for ``result``, messages in ``language``."""
    check_language(language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FINDING_COLUMNS)
    for finding in sorted_findings(result.findings):
        writer.writerow([_cell(value) for value in finding_row(finding, language)])
    return buffer.getvalue()


def write_csv_report(result: ScanResult, path: Path, language: str = "th") -> Path:
    """Write ``findings.csv`` (UTF-8 with BOM) to ``path`` atomically; return ``path``."""
    return atomic_write_bytes(path, to_csv_text(result, language).encode("utf-8-sig"))
