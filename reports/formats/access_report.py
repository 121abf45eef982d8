"""The security team's access report: ``access.html``, ``access.csv`` and ``access.xlsx``.

Rendered from the :class:`~scanners.checks.access.review.AccessReview` of each
source. The HTML page lists the access findings, then one table per dataset
with personal data: who holds which privileges, how, whether an approved
grant covers them, what goes beyond the approval, and when the covering
grant was last reviewed and is next due (overdue rows are highlighted). The
CSV and the XLSX ``Access`` sheet hold one row per :class:`AccessRow`; the
XLSX ``Findings`` sheet holds the access findings with the columns of
``findings.csv`` (their triage included). A finding a person triaged (SPEC
§9) shows its status, who, when, until and why in the page's findings table;
findings set aside by their triage (accepted, false positive) are listed last,
dimmed, and left out of the count in the heading. Files are written
atomically; spreadsheet cells that could be read as a formula are prefixed
with ``'``; the HTML is autoescaped and self-contained (inline CSS, no scripts).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from reports.common import (
    LIST_SEPARATOR,
    atomic_write,
    atomic_write_bytes,
    finding_headers,
    finding_message,
    finding_row,
    safe_cell,
    sorted_findings,
)
from reports.sheets import fill_sheet
from reports.staging import StagedFile, write_all_or_nothing
from reports.templating import template_environment
from reports.text import labels
from reports.text.access_labels import access_ui, via_text
from reports.triage_view import set_aside, split_set_aside, triage_view
from scanners.model.result import AccessReview, AccessRow, Finding

__all__ = ["ACCESS_COLUMNS", "ACCESS_FORMATS", "write_access_reports"]

HTML_NAME, CSV_NAME, XLSX_NAME = "access.html", "access.csv", "access.xlsx"
TEMPLATE_NAME = "access.html.j2"
#: Formats the access report is written in; "json" is accepted and skipped
#: (access findings are part of ``findings.json``).
ACCESS_FORMATS: tuple[str, ...] = ("html", "csv", "xlsx")
_SKIPPED = frozenset({"json"})
_TEMPLATES = Path(__file__).resolve().parent / "templates"

ACCESS_COLUMNS: tuple[str, ...] = (
    "source",
    "dataset",
    "pii_types",
    "principal",
    "principal_kind",
    "privileges",
    "how_held",
    "columns",
    "approved",
    "approved_privileges",
    "extra",
    "grants",
    "reviewed_at",
    "review_due",
    "overdue",
)

#: The access-report label of each column of :data:`ACCESS_COLUMNS`, where its name differs.
_LABEL_OF_COLUMN: dict[str, str] = {"pii_types": "pii"}
#: Sheet titles of access.xlsx per language.
ACCESS_SHEETS: dict[str, tuple[str, str]] = {
    "th": ("สิทธิ์การเข้าถึง", "ประเด็นที่ตรวจพบ"),
    "en": ("Access", "Findings"),
}

Cell = str | int | bool | None


def access_headers(language: str) -> list[str]:
    """The header row of access.csv / the access sheet: the report's own Thai labels in
    Thai; the column codes in English (what scripts read)."""
    if language != "th":
        return list(ACCESS_COLUMNS)
    ui = access_ui(language)
    return [ui[_LABEL_OF_COLUMN.get(name, name)] for name in ACCESS_COLUMNS]


def _rows(reviews: Iterable[AccessReview]) -> list[AccessRow]:
    rows = [row for review in reviews for row in review.rows]
    return sorted(rows, key=lambda r: (r.source, r.dataset, r.principal))


def _findings(reviews: Iterable[AccessReview]) -> list[Finding]:
    """The access findings in severity order; those set aside by their triage last."""
    work, aside = split_set_aside(sorted_findings(f for r in reviews for f in r.findings))
    return work + aside


def how_held(row: AccessRow, language: str) -> list[str]:
    """``["SELECT: directly", "UPDATE: through role hr_rw"]`` in ``language``."""
    ways: dict[str, list[str]] = {}
    for privilege, via in row.via:
        ways.setdefault(privilege, []).append(via_text(via, language))
    return [f"{privilege}: {', '.join(texts)}" for privilege, texts in ways.items()]


def _privileges(row: AccessRow) -> list[str]:
    """Held privileges, column-level ones with their columns: ``SELECT (name, email)``."""
    columns = dict(row.columns)
    return [f"{p} ({', '.join(columns[p])})" if p in columns else p for p in row.privileges]


def access_row(row: AccessRow, language: str) -> list[Cell]:
    """One row matching :data:`ACCESS_COLUMNS` (not yet made cell-safe)."""
    return [
        row.source,
        row.dataset,
        LIST_SEPARATOR.join(row.pii_types),
        row.principal,
        row.principal_kind,
        LIST_SEPARATOR.join(row.privileges),
        LIST_SEPARATOR.join(how_held(row, language)),
        LIST_SEPARATOR.join(f"{p}({','.join(cols)})" for p, cols in row.columns),
        row.approved,
        LIST_SEPARATOR.join(row.approved_privileges),
        LIST_SEPARATOR.join(row.extra),
        LIST_SEPARATOR.join(row.grants),
        row.reviewed_at.isoformat() if row.reviewed_at else None,
        row.review_due.isoformat() if row.review_due else None,
        row.overdue,
    ]


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return safe_cell(value) if isinstance(value, str) else str(value)


def to_csv_text(reviews: Sequence[AccessReview], language: str = "th") -> str:
    """``access.csv`` text (without BOM): one row per AccessRow."""
    labels.check_language(language)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(access_headers(language))
    for row in _rows(reviews):
        writer.writerow([_csv_cell(value) for value in access_row(row, language)])
    return buffer.getvalue()


def build_workbook(reviews: Sequence[AccessReview], language: str = "th") -> Workbook:
    """The access sheet (one row per AccessRow) and the access findings, titled and headed
    in ``language``."""
    labels.check_language(language)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    access_title, findings_title = ACCESS_SHEETS[language]
    sheet.title = access_title
    fill_sheet(sheet, access_headers(language), (access_row(r, language) for r in _rows(reviews)))
    findings = workbook.create_sheet(findings_title)
    fill_sheet(
        findings, finding_headers(language), (finding_row(f, language) for f in _findings(reviews))
    )
    return workbook


def html_context(reviews: Sequence[AccessReview], language: str = "th") -> dict[str, Any]:
    """Everything ``access.html.j2`` needs, ordered and labelled."""
    t = access_ui(language)
    rows = _rows(reviews)
    datasets: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        entry = datasets.setdefault(
            (row.source, row.dataset),
            {
                "source": row.source,
                "name": row.dataset,
                "pii": [labels.pii_type_name(p, language) for p in row.pii_types],
                "rows": [],
            },
        )
        entry["rows"].append(
            {
                "principal": row.principal,
                "public": row.is_public,
                "privileges": _privileges(row),
                "how_held": how_held(row, language),
                "approved": row.approved,
                "approved_privileges": list(row.approved_privileges),
                "extra": list(row.extra),
                "grants": [g for g in row.grants if g],
                "reviewed_at": row.reviewed_at.isoformat() if row.reviewed_at else "",
                "review_due": row.review_due.isoformat() if row.review_due else "",
                "overdue": row.overdue,
            }
        )
    findings = _findings(reviews)
    aside = sum(1 for f in findings if set_aside(f))
    return {
        "lang": language,
        "t": t,
        "tt": labels.ui(language),
        "open_findings": len(findings) - aside,
        "set_aside_note": t["set_aside_note"].format(count=aside) if aside else "",
        "sources": sorted({review.source for review in reviews}),
        "counts": {
            "rows": len(rows),
            "unapproved_rows": sum(1 for r in rows if not r.approved),
            "extra_rows": sum(1 for r in rows if r.approved and r.extra),
            "overdue_rows": sum(1 for r in rows if r.overdue),
        },
        "findings": [
            {
                "severity": f.severity,
                "severity_label": labels.severity_name(f.severity, language),
                "type": f.type,
                "type_label": labels.finding_type_name(f.type, language),
                "source": f.source,
                "dataset": f.dataset or "",
                "principal": f.principal or "",
                "privileges": list(f.privileges),
                "message": finding_message(f, language),
                "remediation": f.remediation or "",
                "triage": triage_view(f, language),
            }
            for f in findings
        ],
        "datasets": list(datasets.values()),
    }


def render_html(reviews: Sequence[AccessReview], language: str = "th") -> str:
    """The ``access.html`` page."""
    environment = template_environment(_TEMPLATES)
    return environment.get_template(TEMPLATE_NAME).render(html_context(reviews, language))


def staged_files(
    reviews: Sequence[AccessReview], formats: Sequence[str], language: str = "th"
) -> list[StagedFile]:
    """The access report's files in each of ``formats``, to be written with the findings' set.

    Formats: ``html`` → access.html, ``csv`` → access.csv (UTF-8 with BOM),
    ``xlsx`` → access.xlsx; ``json`` is skipped (the findings are in
    findings.json). Anything else, or an unknown language, raises ValueError
    before a file is written.
    """
    unknown = [f for f in formats if f not in ACCESS_FORMATS and f not in _SKIPPED]
    if unknown:
        raise ValueError(
            f"unknown report format(s): {', '.join(map(repr, unknown))}; "
            f"use one of {', '.join(ACCESS_FORMATS)}"
        )
    labels.check_language(language)
    files: list[StagedFile] = []
    for name in dict.fromkeys(formats):
        if name == "html":
            html = render_html(reviews, language).encode("utf-8")
            files.append(StagedFile(HTML_NAME, _bytes_writer(html)))
        elif name == "csv":
            text = to_csv_text(reviews, language).encode("utf-8-sig")
            files.append(StagedFile(CSV_NAME, _bytes_writer(text)))
        elif name == "xlsx":
            files.append(StagedFile(XLSX_NAME, _workbook_writer(build_workbook(reviews, language))))
    return files


def _bytes_writer(data: bytes) -> Callable[[Path], Path]:
    return lambda path: atomic_write_bytes(path, data)


def _workbook_writer(workbook: Workbook) -> Callable[[Path], Path]:
    return lambda path: atomic_write(path, workbook.save)


def write_access_reports(
    reviews: Sequence[AccessReview], out_dir: Path, formats: Sequence[str], language: str = "th"
) -> list[Path]:
    """Write the access report in each of ``formats`` into ``out_dir``, all or nothing.

    See :func:`staged_files` for the formats; returns the paths written.
    """
    return write_all_or_nothing(Path(out_dir), staged_files(reviews, formats, language))
