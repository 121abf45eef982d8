"""Excel 97–2003 (.xls): a table per sheet like XLSX, Thai intact, traps refused."""

from __future__ import annotations

import pytest

from connectors.files.readers.content import HEADERLESS_NOTE, ReadLimits, Skipped, Table
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import (
    HEADERLESS_ROWS,
    STAFF_HEADER,
    STAFF_ROWS,
    fixture,
)

LIMITS = ReadLimits()


def test_every_sheet_hidden_and_headerless_ones_included() -> None:
    content = read_content("book.xls", fixture("book.xls"), LIMITS)
    assert content == (
        Table("#พนักงาน", STAFF_HEADER, STAFF_ROWS),  # ISO dates, float ID without .0
        Table("#Hidden", ("team", "head count"), (("HR", "2"),)),
        Skipped("empty sheet", "#Empty"),
        Table("#ไม่มีหัว", ("column_1", "column_2"), HEADERLESS_ROWS, HEADERLESS_NOTE),
    )


def test_row_limit_is_noted() -> None:
    content = read_content("book.xls", fixture("book.xls"), ReadLimits(max_rows=1))
    assert isinstance(content, tuple)
    assert content[0] == Table(
        "#พนักงาน", STAFF_HEADER, STAFF_ROWS[:1], "first 1 rows kept (limit 1)"
    )
    assert content[3] == Table(
        "#ไม่มีหัว",
        ("column_1", "column_2"),
        HEADERLESS_ROWS[:1],
        f"{HEADERLESS_NOTE}; first 1 rows kept (limit 1)",
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (fixture("encrypted.xls"), "encrypted (password-protected) workbook"),
        (fixture("encrypted.pptx"), "encrypted (password-protected) OOXML file"),
        (fixture("letter.doc"), "not an Excel 97-2003 workbook: a Word 97-2003 document"),
        (fixture("book.ods"), "not an Excel 97-2003 workbook: an OpenDocument file"),
        (fixture("slides.pptx"), "not an Excel 97-2003 workbook: a PowerPoint presentation (PPTX)"),
        ("ชื่อ,อีเมล\nสมชาย,a@b.co\n".encode(), "not an Excel 97-2003 workbook: plain text"),
        (b"", "not an Excel 97-2003 workbook: an empty file"),
        (fixture("book.xls")[:3000], "corrupt or truncated OLE2 file (OleFileError)"),
        (
            b"\x09\x00\x04\x00\x02\x00\x10\x00" + bytes(40),
            "corrupt or truncated Excel 97-2003 workbook (struct.error)",
        ),
    ],
    ids=[
        "encrypted",
        "encrypted-ooxml",
        "word",
        "ods",
        "pptx",
        "csv",
        "empty",
        "truncated",
        "raw-biff-garbage",
    ],
)
def test_encrypted_corrupt_and_other_formats_are_refused(data: bytes, reason: str) -> None:
    assert read_content("book.xls", data, LIMITS) == Skipped(reason)


def test_xlsx_reader_refuses_a_legacy_workbook_named_xlsx() -> None:
    content = read_content("book.xlsx", fixture("book.xls"), LIMITS)
    assert content == Skipped("encrypted (password-protected) workbook or legacy .xls")
