"""Word 97–2003 (.doc): every story's lines from the piece table, Thai intact, traps refused."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from connectors.files.readers.content import ReadLimits, SkipFile, Skipped, Text
from connectors.files.readers.office.doc_reader import document_text, without_field_codes
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import LETTER, fixture, patched_stream

LIMITS = ReadLimits()


def test_letter_lines_thai_table_cells_and_field_results() -> None:
    content = read_content("letter.doc", fixture("letter.doc"), LIMITS)
    assert content == Text(LETTER)
    assert not any("HYPERLINK" in line or "mailto" in line for line in LETTER)


def test_row_limit_is_noted() -> None:
    content = read_content("letter.doc", fixture("letter.doc"), ReadLimits(max_rows=3))
    assert content == Text(LETTER[:3], "", "first 3 rows kept (limit 3)")


def test_rtf_named_doc_is_read_as_rtf() -> None:
    content = read_content("letter.doc", fixture("letter.rtf"), LIMITS)
    assert isinstance(content, Text) and content.lines == LETTER


# FIB flags at 0x0A: fEncrypted 0x0100, fWhichTblStm 0x0200 (this file uses 1Table), fObfuscated
# 0x8000; nFib at 0x02; fcClx/lcbClx in FibRgFcLcb97 (0x01A2 for a standard FIB).
@pytest.mark.parametrize(
    ("patch", "reason"),
    [
        ((0x0A, struct.pack("<H", 0x0300 | 0x8000)), "obfuscated (XOR-protected) Word document"),
        ((0x02, struct.pack("<H", 0x0065)), "Word 6/95 or older document (not supported)"),
        ((0x00, b"\x00\x00"), "not a Word 97-2003 document (no Word file information block)"),
        ((0x0A, struct.pack("<H", 0x0000)), "corrupt Word 97-2003 document (no 0Table stream)"),
        ((0x01A2, struct.pack("<I", 0x7FFFFFF0)), "corrupt Word 97-2003 document (no piece table)"),
        (
            (0x20, struct.pack("<H", 0xFFFF)),
            "corrupt Word 97-2003 document (file information block cut short)",
        ),
    ],
    ids=["obfuscated", "word95", "not-a-fib", "wrong-table-stream", "clx-outside", "fib-cut"],
)
def test_damaged_file_information_block_is_refused(
    tmp_path: Path, patch: tuple[int, bytes], reason: str
) -> None:
    at, data = patch
    content = read_content(
        "x.doc", patched_stream(tmp_path, "letter.doc", "WordDocument", at, data), LIMITS
    )
    assert content == Skipped(reason)


@pytest.mark.parametrize(
    ("fixture_name", "reason"),
    [
        ("encrypted.doc", "encrypted (password-protected) Word document"),
        ("book.xls", "not a Word 97-2003 document: an Excel 97-2003 workbook"),
        ("slides.ppt", "not a Word 97-2003 document: a PowerPoint 97-2003 presentation"),
        ("slides.pptx", "not a Word 97-2003 document: a PowerPoint presentation (PPTX)"),
        ("letter.odt", "not a Word 97-2003 document: an OpenDocument file"),
        ("encrypted.pptx", "encrypted (password-protected) OOXML file"),
    ],
)
def test_encrypted_and_other_formats_are_refused(fixture_name: str, reason: str) -> None:
    assert read_content("x.doc", fixture(fixture_name), LIMITS) == Skipped(reason)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a Word 97-2003 document: an empty file"),
        ("สมชาย 081-234-5678\n".encode(), "not a Word 97-2003 document: plain text"),
        (b"<html><body>x</body></html>", "not a Word 97-2003 document: an HTML or XML document"),
        (bytes(range(256)) * 8, "not a Word 97-2003 document: unrecognised binary data"),
        (fixture("letter.doc")[:4096], "corrupt or truncated OLE2 file (OleFileError)"),
    ],
    ids=["empty", "text", "html", "binary", "truncated"],
)
def test_not_a_word_file(data: bytes, reason: str) -> None:
    assert read_content("x.doc", data, LIMITS) == Skipped(reason)


def _clx(pieces: list[tuple[int, int, bool]]) -> bytes:
    """A Clx (one Prc, then the Pcdt) for pieces of (character count, fc, compressed)."""
    cps = [0]
    for count, _fc, _compressed in pieces:
        cps.append(cps[-1] + count)
    pcds = b"".join(
        struct.pack("<HIH", 0, fc | (0x40000000 if compressed else 0), 0)
        for _count, fc, compressed in pieces
    )
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    return b"\x01\x02\x00\xaa\xbb" + b"\x02" + struct.pack("<I", len(plc)) + plc


THAI = "สมชาย\r"
WORD = b"\x93Hi\x94 \x96 ok\r" + THAI.encode("utf-16-le")  # cp1252 bytes at 0, UTF-16 at 10


@pytest.mark.parametrize(
    ("pieces", "budget", "expected"),
    [
        ([(10, 0, True), (6, 10, False)], 100, ("\u201cHi\u201d \u2013 ok\r" + THAI, False)),
        ([(6, 10, False), (3, 0, True)], 100, (THAI + "\u201cHi", False)),
        ([(10, 0, True), (6, 10, False)], 12, ("\u201cHi\u201d \u2013 ok\rสม", True)),
        ([(0xFFFFFFF0, 10, False)], 50, (THAI, True)),  # a forged count: the stream's end
        ([(5, 9999, False), (2, 0, True)], 100, ("\u201cH", False)),  # a piece past the end
    ],
    ids=["cp1252-then-utf16", "order-of-pieces", "budget", "forged-count", "outside"],
)
def test_piece_table(
    pieces: list[tuple[int, int, bool]], budget: int, expected: tuple[str, bool]
) -> None:
    assert document_text(WORD, _clx(pieces), budget) == expected


def test_piece_table_missing() -> None:
    with pytest.raises(SkipFile, match="no piece table"):
        document_text(WORD, b"\x01\xff\xff", 100)


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ('\x13 HYPERLINK "mailto:a@b.co" \x14a@b.co\x15 end', "a@b.co end"),
        ("page \x13 PAGE \x142\x15 of \x13NUMPAGES\x145\x15", "page 2 of 5"),
        ("\x13 IF \x13 DATE \x1412\x15 = 1 \x14yes\x15!", "yes!"),  # a field in a field's code
        ("a\x13 TOC \x15b", "ab"),  # no separator: nothing shown
        ("a\x15b\x14c", "abc"),  # stray marks
        ("\x13 unclosed \x14shown", "shown"),
    ],
)
def test_field_codes_dropped_results_kept(raw: str, kept: str) -> None:
    assert without_field_codes(raw) == kept
