"""The CSV and XLSX reports: the tables a DPO opens in a spreadsheet, guarded against formulas.

The CSV starts with a byte-order mark (Excel reads it as UTF-8), has Thai
headers and one row per finding in report order; the XLSX has the findings,
datasets and sources sheets with bold frozen headers, a filter, numbers and
dates as cells. A cell that a spreadsheet would run as a formula (``=``,
``+``, ``-``, ``@``) is written with a leading apostrophe in both.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from reports import write_reports
from reports.common import FINDING_COLUMNS, finding_headers
from reports.formats.csv_report import to_csv_text
from reports.formats.xlsx_report import DATASET_COLUMNS, build_workbook, sheet_headers
from scanners.model.result import ScanResult
from tests.reports.sample_scan import EVIL_DATASET, INJECTION, THAI_MESSAGE

# --- CSV ----------------------------------------------------------------------------------


def test_csv_has_bom_header_and_rows(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["csv"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == finding_headers("th")
    assert rows[0][:4] == ["รหัสประเด็น", "รหัสประเภท", "ประเภท", "ความรุนแรง"]
    assert [row[0] for row in rows[1:]] == ["f-scan", "f-unreg", "f-retention", "f-access"]
    by_id = {row[0]: dict(zip(FINDING_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert by_id["f-unreg"]["message"] == THAI_MESSAGE
    assert by_id["f-access"]["privileges"] == "SELECT;UPDATE"
    assert by_id["f-access"]["columns"] == "เลขบัตรประชาชน"
    assert by_id["f-retention"]["count"] == "42"
    assert by_id["f-scan"]["dataset"] == ""


def test_csv_guards_formula_injection(result: ScanResult) -> None:
    rows = list(csv.reader(io.StringIO(to_csv_text(result, "en"))))
    access = next(row for row in rows if row[0] == "f-access")
    assert access[FINDING_COLUMNS.index("message")] == "'" + INJECTION
    scan_error = next(row for row in rows if row[0] == "f-scan")
    assert scan_error[FINDING_COLUMNS.index("law")] == "'-"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_message_follows_language(result: ScanResult) -> None:
    assert "42 rows past retention" in to_csv_text(result, "en")
    assert "42 rows past retention" not in to_csv_text(result, "th")


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx_sheets_and_rows(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["xlsx"], language="th")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["ประเด็นที่ตรวจพบ", "ชุดข้อมูล", "แหล่งข้อมูล"]
    assert build_workbook(result, "en").sheetnames == ["Findings", "Datasets", "Sources"]

    findings = book["ประเด็นที่ตรวจพบ"]
    rows = list(findings.iter_rows(values_only=True))
    assert list(rows[0]) == finding_headers("th")
    assert [row[0] for row in rows[1:]] == ["f-scan", "f-unreg", "f-retention", "f-access"]
    assert findings["A1"].font.bold
    assert findings.freeze_panes == "A2"
    assert findings.auto_filter.ref == "A1:W5"  # 18 columns, then the five triage ones
    assert findings.column_dimensions["P"].width > 8
    message = FINDING_COLUMNS.index("message")
    assert rows[2][message] == THAI_MESSAGE
    assert rows[4][message] == "'" + INJECTION
    assert rows[3][FINDING_COLUMNS.index("count")] == 42
    assert rows[3][FINDING_COLUMNS.index("count_unit")] == "แถว"
    # due: a date cell; the retention finding is due on its first-seen (scan) date
    assert rows[3][FINDING_COLUMNS.index("due")].date() == date(2024, 5, 1)

    datasets = list(book["ชุดข้อมูล"].iter_rows(values_only=True))
    assert list(datasets[0]) == sheet_headers(DATASET_COLUMNS, "th")
    assert datasets[0][:6] == (
        "แหล่งข้อมูล",
        "ชุดข้อมูล",
        "ชนิด",
        "จำนวนแถว",
        "รหัสทะเบียน",
        "คอลัมน์",
    )
    assert [(row[1], row[5]) for row in datasets[1:]] == [
        (EVIL_DATASET, "เบอร์โทร"),
        ("public.พนักงาน", "เลขบัตรประชาชน"),
        ("public.พนักงาน", "แผนก"),
    ]
    assert datasets[1][6] == "PHONE_NUMBER;PERSON"
    assert datasets[1][9] == "timeout after 30 s"
    assert datasets[2][3] == 5231
    assert datasets[2][7] == pytest.approx(0.98)
    assert datasets[2][8] == "1-1037-xxxxx-xx-1"

    sources = list(book["แหล่งข้อมูล"].iter_rows(values_only=True))
    assert sources == [
        ("แหล่งข้อมูล", "สถานะ", "ข้อผิดพลาด", "จำนวนชุดข้อมูล"),
        ("files", "error", "connection refused", 0),
        ("hr", "ok", None, 2),
    ]
