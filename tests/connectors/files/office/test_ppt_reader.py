"""PowerPoint 97–2003 (.ppt): text atoms anywhere in the record tree, bounded; traps refused."""

from __future__ import annotations

import struct

import pytest

from connectors.files.readers.content import ReadLimits, SkipFile, Skipped, Text
from connectors.files.readers.office.ppt_reader import MAX_DEPTH, texts
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import SLIDES_PPT, fixture

LIMITS = ReadLimits()


def test_slides_tables_groups_and_notes() -> None:
    assert read_content("slides.ppt", fixture("slides.ppt"), LIMITS) == Text(SLIDES_PPT)


def test_row_limit_is_noted() -> None:
    content = read_content("slides.ppt", fixture("slides.ppt"), ReadLimits(max_rows=2))
    assert content == Text(SLIDES_PPT[:2], "", "first 2 rows kept (limit 2)")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (fixture("encrypted.ppt"), "encrypted (password-protected) PowerPoint presentation"),
        (fixture("letter.doc"), "not a PowerPoint 97-2003 presentation: a Word 97-2003 document"),
        (fixture("book.xls"), "not a PowerPoint 97-2003 presentation: an Excel 97-2003 workbook"),
        (
            fixture("slides.pptx"),
            "not a PowerPoint 97-2003 presentation: a PowerPoint presentation (PPTX)",
        ),
        (fixture("thai_unicode.rtf"), "not a PowerPoint 97-2003 presentation: an RTF document"),
        (b"%PDF-1.7\n", "not a PowerPoint 97-2003 presentation: a PDF document"),
        (fixture("slides.ppt")[:2048], "corrupt or truncated OLE2 file (OleFileError)"),
    ],
    ids=["encrypted", "doc", "xls", "pptx", "rtf", "pdf", "truncated"],
)
def test_encrypted_corrupt_and_other_formats_are_refused(data: bytes, reason: str) -> None:
    assert read_content("slides.ppt", data, LIMITS) == Skipped(reason)


def atom(kind: int, body: bytes) -> bytes:
    return struct.pack("<HHI", 0x0000, kind, len(body)) + body


def container(kind: int, *children: bytes, claimed: int | None = None) -> bytes:
    body = b"".join(children)
    return struct.pack("<HHI", 0x000F, kind, len(body) if claimed is None else claimed) + body


def chars(text: str) -> bytes:
    return atom(0x0FA0, text.encode("utf-16-le"))


SLIDE, DRAWING, MASTER, CRYPT = 0x03EE, 0x040C, 0x03F8, 0x2F14


@pytest.mark.parametrize(
    ("stream", "found"),
    [
        (container(SLIDE, chars("สมชาย\r081-234-5678")), ["สมชาย\r081-234-5678"]),
        (
            container(SLIDE, atom(0x0FA8, b"a@b.co"), container(DRAWING, chars("ไทย"))),
            ["a@b.co", "ไทย"],
        ),
        (container(MASTER, chars("Click to edit")) + chars("kept"), ["kept"]),
        (atom(0x0FBA, "not text".encode("utf-16-le")) + chars("x"), ["x"]),  # a CString
        # a container claiming more than its parent: cut at the parent's end
        (
            container(SLIDE, container(DRAWING, chars("in"), claimed=10**9)) + chars("after"),
            ["in", "after"],
        ),
        (
            chars("cut") + struct.pack("<HHI", 0, 0x0FA0, 10**9) + "tail".encode("utf-16-le"),
            ["cut", "tail"],
        ),  # an atom claiming more than the stream: what is there
        (chars("ok") + b"\x00\x00\x00", ["ok"]),  # a header cut short
        (b"", []),
    ],
    ids=[
        "thai",
        "bytes-and-drawing",
        "master",
        "cstring",
        "overlong",
        "atom-past-end",
        "short-header",
        "empty",
    ],
)
def test_record_tree(stream: bytes, found: list[str]) -> None:
    assert list(texts(stream)) == found


def test_deep_nesting_is_bounded_not_recursive() -> None:
    deep = chars("deep")
    for _ in range(5000):
        deep = container(SLIDE, deep)
    shallow = chars("shallow")
    for _ in range(MAX_DEPTH - 1):
        shallow = container(SLIDE, shallow)
    assert list(texts(deep + shallow)) == ["shallow"]


def test_crypt_session_record_means_encrypted() -> None:
    with pytest.raises(SkipFile, match="encrypted"):
        list(texts(chars("before") + container(CRYPT, atom(0x2F15, b"x"))))
