"""A CSV or sheet written without a header row: its first row is data, never column names.

Column names reach every report and the state store, so a first row holding
an e-mail address or a long number (a national ID, a phone) must not become
them; a genuine header (words, dates) still does.
"""

from __future__ import annotations

import io

import openpyxl

from connectors.files.readers.content import HEADERLESS_NOTE, ReadLimits, Table, is_data_row
from connectors.files.readers.csv_reader import read_csv
from connectors.files.readers.xlsx_reader import read_xlsx
from tests.support.synthetic import with_check_digit

PIN = with_check_digit("382910476253")


def test_a_csv_without_a_header_keeps_its_first_row_as_data() -> None:
    data = f"สมชาย ใจดี,{PIN},somchai@example.co.th\nสมหญิง รักไทย,3100501234567,b@example.co.th\n"
    (table,) = read_csv("export.csv", data.encode(), ReadLimits())
    assert table.header == ("column_1", "column_2", "column_3")
    assert table.rows[0] == ("สมชาย ใจดี", PIN, "somchai@example.co.th") and len(table.rows) == 2
    assert HEADERLESS_NOTE in table.note


def test_a_sheet_without_a_header_keeps_its_first_row_as_data() -> None:
    book = openpyxl.Workbook()
    book.active.append(["สมชาย ใจดี", "081-234-5678"])
    book.active.append(["สมหญิง รักไทย", "089-765-4321", "extra"])
    buffer = io.BytesIO()
    book.save(buffer)
    (sheet,) = read_xlsx("book.xlsx", buffer.getvalue(), ReadLimits())
    assert isinstance(sheet, Table)
    assert sheet.header == ("column_1", "column_2", "column_3")
    assert sheet.rows[0] == ("สมชาย ใจดี", "081-234-5678", None)
    assert sheet.note == HEADERLESS_NOTE


def test_real_headers_stay_headers() -> None:
    (table,) = read_csv(
        "t.csv", "ชื่อ,2024-01-31,2024/02/29,q1 2025\nก,1,2,3\n".encode(), ReadLimits()
    )
    assert table.header == ("ชื่อ", "2024-01-31", "2024/02/29", "q1 2025") and table.note == ""
    assert not is_data_row(["id", "phone number", "12345678", "", None])
    assert is_data_row(["x", "0812345678"]) and is_data_row(["a@b.co"])
    assert is_data_row([1101700203451])
