"""``findings.xlsx``: the findings, datasets and sources as an Excel workbook.

Three sheets — findings (the CSV columns, ``due`` as a date cell), datasets
(one row per column) and sources — titled and headed in the report language
(``ประเด็นที่ตรวจพบ``/``Findings``, ``ชุดข้อมูล``/``Datasets``,
``แหล่งข้อมูล``/``Sources``), each with a bold, frozen header row, an autofilter and sensible column
widths. String cells are guarded against formula
injection like the CSV report, and control characters Excel rejects are
dropped. A column whose types a classification override decided (SPEC §9)
carries the decision's reason, who and when, and the types detection gave.
A finding's triage (SPEC §9) fills the last five findings columns (status in
the report language, who, when in UTC, why, and ``triage_until`` as a date
cell); findings set aside by it (accepted, false positive) are listed last.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from reports.common import (
    FINDING_COLUMNS,
    LIST_SEPARATOR,
    atomic_write,
    finding_headers,
    finding_row,
    ordered_findings,
    sorted_datasets,
    sorted_sources,
)
from reports.options import DEFAULT_OPTIONS, ReportOptions
from reports.sheets import fill_sheet
from reports.text.labels import check_language
from scanners.model.result import ColumnResult, DatasetResult, ScanResult

FILE_NAME = "findings.xlsx"

Cell = str | int | float | date | None

DATASET_COLUMNS: tuple[str, ...] = (
    "source",
    "dataset",
    "kind",
    "row_count",
    "register_id",
    "column",
    "pii_types",
    "confidence",
    "evidence",
    "error",
    "override_reason",
    "override_by",
    "override_at",
    "detected_pii_types",
)
SOURCE_COLUMNS: tuple[str, ...] = ("name", "status", "error", "datasets")
#: Findings columns written as date cells.
_DATE_COLUMNS: tuple[str, ...] = ("due", "triage_until")

#: Sheet titles and the Datasets/Sources header rows, in the report language.
SHEET_TITLES: dict[str, tuple[str, str, str]] = {
    "th": ("ประเด็นที่ตรวจพบ", "ชุดข้อมูล", "แหล่งข้อมูล"),
    "en": ("Findings", "Datasets", "Sources"),
}
_SHEET_HEADERS: dict[str, dict[str, str]] = {
    "th": {
        "source": "แหล่งข้อมูล",
        "dataset": "ชุดข้อมูล",
        "kind": "ชนิด",
        "row_count": "จำนวนแถว",
        "register_id": "รหัสทะเบียน",
        "column": "คอลัมน์",
        "pii_types": "ประเภทข้อมูลส่วนบุคคล",
        "confidence": "ความเชื่อมั่น",
        "evidence": "ตัวอย่าง (ปิดบังแล้ว)",
        "error": "ข้อผิดพลาด",
        "override_reason": "เหตุผลที่กำหนดประเภทเอง",
        "override_by": "ผู้กำหนด",
        "override_at": "วันที่กำหนด",
        "detected_pii_types": "ประเภทที่ตรวจพบเดิม",
        "name": "แหล่งข้อมูล",
        "status": "สถานะ",
        "datasets": "จำนวนชุดข้อมูล",
    },
    "en": {name: name.replace("_", " ") for name in (*DATASET_COLUMNS, *SOURCE_COLUMNS)},
}


def sheet_headers(columns: Sequence[str], language: str) -> list[str]:
    """The header row of a Datasets or Sources sheet (``columns``) in ``language``."""
    headers = _SHEET_HEADERS.get(language, _SHEET_HEADERS["en"])
    return [headers[name] for name in columns]


def _dataset_rows(dataset: DatasetResult) -> list[list[Cell]]:
    """One row per column; a dataset without columns still gets one row."""
    base: list[Cell] = [
        dataset.source,
        dataset.name,
        dataset.kind,
        dataset.row_count,
        dataset.register_id,
    ]
    if not dataset.columns:
        return [[*base, None, None, None, None, dataset.error, None, None, None, None]]
    rows: list[list[Cell]] = []
    for column in dataset.columns:
        confidence = max((m.confidence for m in column.pii), default=None)
        rows.append(
            [
                *base,
                column.name,
                LIST_SEPARATOR.join(m.type for m in column.pii),
                confidence,
                LIST_SEPARATOR.join(column.evidence),
                dataset.error,
                *_override_cells(column),
            ]
        )
    return rows


def _override_cells(column: ColumnResult) -> list[Cell]:
    """reason, decided by, decided at and the detected types; empty without an override."""
    decision = column.override
    if decision is None:
        return [None, None, None, None]
    return [
        decision.reason,
        decision.decided_by,
        decision.decided_at.isoformat(),
        LIST_SEPARATOR.join(match.type for match in decision.detected),
    ]


def _finding_cells(row: list[str | int | None]) -> list[Cell]:
    """A findings row with ``due`` and ``triage_until`` as date cells (sortable, filterable)."""
    cells: list[Cell] = list(row)
    for name in _DATE_COLUMNS:
        index = FINDING_COLUMNS.index(name)
        if isinstance(cells[index], str):
            cells[index] = date.fromisoformat(str(cells[index]))
    return cells


def build_workbook(
    result: ScanResult, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> Workbook:
    """The workbook for ``result``; headers and text in ``language``."""
    check_language(language)
    workbook = Workbook()
    findings = workbook.active
    assert findings is not None
    findings_title, datasets_title, sources_title = SHEET_TITLES.get(language, SHEET_TITLES["en"])
    findings.title = findings_title
    fill_sheet(
        findings,
        finding_headers(language),
        (
            _finding_cells(finding_row(f, language, options.era))
            for f in ordered_findings(result, options)
        ),
    )
    due_letter = get_column_letter(FINDING_COLUMNS.index("due") + 1)
    for cell in findings[due_letter][1:]:
        cell.number_format = "yyyy-mm-dd"
    datasets = workbook.create_sheet(datasets_title)
    fill_sheet(
        datasets,
        sheet_headers(DATASET_COLUMNS, language),
        (row for d in sorted_datasets(result.datasets) for row in _dataset_rows(d)),
    )
    sources = workbook.create_sheet(sources_title)
    fill_sheet(
        sources,
        sheet_headers(SOURCE_COLUMNS, language),
        ([s.name, s.status, s.error, s.datasets] for s in sorted_sources(result.sources)),
    )
    return workbook


def write_xlsx_report(
    result: ScanResult, path: Path, language: str = "th", options: ReportOptions = DEFAULT_OPTIONS
) -> Path:
    """Write ``findings.xlsx`` to ``path`` atomically; return ``path``."""
    workbook = build_workbook(result, language, options)
    return atomic_write(path, lambda tmp: workbook.save(tmp))
