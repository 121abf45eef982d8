"""Format readers on real files made at test time: CSV encodings, XLSX, DOCX, PDF, JSON, ZIP."""

from __future__ import annotations

import json

import pytest

from connectors.files.readers.content import ReadLimits, Skipped, Table, Text, trim_partial_line
from connectors.files.readers.csv_reader import decode, sniff_delimiter
from connectors.files.readers.registry import read_content
from tests.support.file_samples import (
    THAI_HEADER,
    THAI_PDF,
    archive_bytes,
    blank_pdf_bytes,
    bomb_zip_bytes,
    docx_bytes,
    encrypted_pdf_bytes,
    english_pdf_bytes,
    xlsx_bytes,
    zip_bytes,
)

LIMITS = ReadLimits()


def _table(content: object, index: int = 0) -> Table:
    assert isinstance(content, tuple), content
    part = content[index]
    assert isinstance(part, Table), part
    return part


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        ("ชื่อ;เบอร์โทร\nสมชาย;0812345678\n".encode("cp874"), ";"),
        ("\ufeffชื่อ|เบอร์โทร\nสมชาย|0812345678\n".encode(), "|"),
        ("ชื่อ,เบอร์โทร\r\nสมชาย,0812345678\r\n".encode("utf-16"), ","),
        ("ชื่อ\tเบอร์โทร\nสมชาย\t0812345678\n".encode(), "\t"),
    ],
)
def test_csv_encodings_and_delimiters(data: bytes, delimiter: str) -> None:
    table = _table(read_content("people.csv", data, LIMITS))
    assert table.header == ("ชื่อ", "เบอร์โทร")
    assert table.rows == (("สมชาย", "0812345678"),)
    assert table.note == ""
    assert sniff_delimiter(decode(data)[0]) == delimiter


def test_latin1_fallback_is_noted() -> None:
    table = _table(read_content("x.csv", "name,city\nJosé,Zürich\n".encode("latin-1"), LIMITS))
    assert table.rows == (("José", "Zürich"),)
    assert "latin-1" in table.note


def test_csv_header_made_unique_and_rows_padded() -> None:
    data = b"\n\nid,,id,name\n1,a\n,,,\n2,b,c,d,extra\n"
    table = _table(read_content("x.csv", data, LIMITS))
    assert table.header == ("id", "column_2", "id_2", "name")
    assert table.rows == (("1", "a", None, None), ("2", "b", "c", "d"))


def test_tsv_is_tab_separated_and_rows_are_capped() -> None:
    data = "a,b\tc\n" + "".join(f"{i},x\ty\n" for i in range(10))
    table = _table(read_content("x.tsv", data.encode(), ReadLimits(max_rows=4)))
    assert table.header == ("a,b", "c")
    assert len(table.rows) == 4
    assert "first 4 rows" in table.note


def test_trim_partial_line() -> None:
    assert trim_partial_line(b"a,b\n1,2\n3,") == b"a,b\n1,2\n"
    utf16 = "a\nbc\nd".encode("utf-16-le")
    assert trim_partial_line(b"\xff\xfe" + utf16).decode("utf-16") == "a\nbc\n"


def test_xlsx_sheets_dates_numbers_and_hidden_sheets() -> None:
    content = read_content("book.xlsx", xlsx_bytes(), LIMITS)
    staff, summary = _table(content, 0), _table(content, 1)
    assert staff.name_suffix == "#พนักงาน"
    assert staff.header == ("ชื่อ", "เลขบัตรประชาชน", "วันเกิด", "column_4", "ชื่อ_2")
    assert THAI_HEADER[0] in staff.header
    assert staff.rows[0] == ("สมชาย ใจดี", "1101700203451", "1985-03-01", "x", "สมชาย")
    assert staff.rows[2][1:3] == ("2", "2016-11-24 18:00:00")
    assert staff.rows[2][0] is None  # a formula: no cached value, and never its source text
    assert len(staff.rows) == 3  # the empty row is dropped
    assert summary.name_suffix == "#Summary"  # hidden, still read
    assert content[2] == Skipped("empty sheet", "#Empty")


def test_encrypted_or_corrupt_workbook_is_skipped() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)
    assert "encrypted" in read_content("locked.xlsx", ole, LIMITS).reason
    corrupt = read_content("bad.xlsx", b"PK\x03\x04 not really", LIMITS)
    assert isinstance(corrupt, Skipped) and "corrupt" in corrupt.reason


def test_docx_paragraphs_and_table_cells() -> None:
    content = read_content("letter.docx", docx_bytes(), LIMITS)
    assert isinstance(content, Text)
    assert content.lines == (
        "เรียน ฝ่ายบุคคล",
        "ข้อมูลพนักงาน",  # the merged cell, once
        "สมชาย ใจดี",
        "081-234-5678",
        "somchai@example.co.th",
        "ขอแสดงความนับถือ",
    )


def test_pdf_text_english_and_thai() -> None:
    english = read_content("a.pdf", english_pdf_bytes(), LIMITS)
    assert english == Text(("Dear Mr Somchai Jaidee,", "Call 081 234 5678"))
    thai = read_content("thai_letter.pdf", THAI_PDF.read_bytes(), LIMITS)
    assert isinstance(thai, Text)
    assert "ข้าพเจ้า นายสมชาย ใจดี เลขบัตรประชาชน 1-1017-00203-45-1" in thai.lines


def test_pdf_encrypted_and_scanned_are_skipped() -> None:
    assert read_content("locked.pdf", encrypted_pdf_bytes(), LIMITS) == Skipped("encrypted PDF")
    owner_only = read_content("owner.pdf", encrypted_pdf_bytes(""), LIMITS)
    assert isinstance(owner_only, Text) and owner_only.lines[0] == "Dear Mr Somchai Jaidee,"
    scanned = read_content("scan.pdf", blank_pdf_bytes(), LIMITS)
    assert scanned == Skipped("no text layer (scanned image)")


def test_json_is_flattened_and_invalid_json_is_text() -> None:
    data = {"staff": [{"name": "สมชาย", "phone": "0812345678", "age": 40, "active": True}]}
    content = read_content("x.json", json.dumps(data, ensure_ascii=False).encode(), LIMITS)
    assert content == Text(("staff.0.name: สมชาย", "staff.0.phone: 0812345678", "staff.0.age: 40"))
    broken = read_content("x.json", b'{"name": "Somchai",\n', LIMITS)
    assert isinstance(broken, Text) and broken.lines == ('{"name": "Somchai",',)
    assert "not valid JSON" in broken.note


def test_ndjson_per_line() -> None:
    data = b'{"email": "a@x.th"}\nnot json\n\n{"user": {"id": "7"}}\n'
    content = read_content("events.ndjson", data, LIMITS)
    assert content == Text(("email: a@x.th", "not json", "user.id: 7"))


def test_plain_text_lines() -> None:
    content = read_content("app.log", "INFO a\n\n  \nทดสอบ\r\n".encode(), LIMITS)
    assert content == Text(("INFO a", "ทดสอบ"))


def test_unsupported_format() -> None:
    assert read_content("setup.exe", b"MZ", LIMITS) == Skipped("unsupported format .exe")
    assert read_content("README", b"x", LIMITS) == Skipped("unsupported format (no extension)")


def test_zip_members_traversal_symlinks_and_nesting() -> None:
    content = read_content("archive.zip", archive_bytes(), LIMITS)
    assert isinstance(content, tuple)
    by_name = {p.name_suffix: p for p in content}
    assert isinstance(by_name["/docs/2024/letter.txt"], Text)
    assert _table((by_name["/hr/book.xlsx#พนักงาน"],)).header[0] == "ชื่อ"
    assert isinstance(by_name["/l2.zip/mid.csv"], Table)
    skipped = {p.name_suffix: p.reason for p in content if isinstance(p, Skipped)}
    assert skipped["/../evil.txt"].startswith("unsafe member path")
    assert skipped["//etc/abs.txt"].startswith("unsafe member path")
    assert skipped["/C:/win.txt"].startswith("unsafe member path")
    assert skipped["/link.txt"] == "symlink member"
    assert skipped["/program.exe"] == "unsupported format .exe"
    assert skipped["/l2.zip/l3.zip"] == "ZIP nested deeper than 2 levels"
    assert skipped["/hr/book.xlsx#Empty"] == "empty sheet"


def test_zip_bomb_member_is_refused() -> None:
    content = read_content("bomb.zip", bomb_zip_bytes(), LIMITS)
    assert isinstance(content, tuple)
    assert content[0] == Skipped("compression ratio above 100 (zip bomb?)", "/zeros.txt")
    assert content[1] == Text(("email somchai@example.co.th",), "/ok.txt")


def test_zip_member_and_size_limits() -> None:
    members = {f"f{i}.txt": b"line\n" * 100 for i in range(5)}
    content = read_content("many.zip", zip_bytes(members), ReadLimits(max_zip_members=3))
    assert isinstance(content, tuple)
    assert [p.name_suffix for p in content if isinstance(p, Text)] == [
        "/f0.txt",
        "/f1.txt",
        "/f2.txt",
    ]
    assert content[-1] == Skipped("member limit (3) reached, 2 not read", "/f3.txt")
    small = ReadLimits(max_bytes=200, max_zip_total=450)
    sized = read_content("many.zip", zip_bytes(members), small)
    assert isinstance(sized, tuple)
    texts = [p for p in sized if isinstance(p, Text)]
    assert len(texts) == 2 and "first 200 of 500 bytes" in texts[0].note
    assert sum(isinstance(p, Skipped) and "read limit" in p.reason for p in sized) == 3


def test_corrupt_zip_is_one_line_reason() -> None:
    result = read_content("broken.zip", b"PK\x03\x04garbage", LIMITS)
    assert result == Skipped("unreadable ZIP file (BadZipFile)")
