"""RTF: \\uN escapes and code-page bytes decoded (Thai), hidden parts dropped, hostile RTF bounded."""

from __future__ import annotations

import pytest

from connectors.files.readers.content import ReadLimits, Skipped, Text
from connectors.files.readers.office.rtf_reader import MAX_DEPTH
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import LETTER, fixture

LIMITS = ReadLimits()


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        (
            "thai_unicode.rtf",
            (
                "ชื่อ: นายสมชาย ใจดี",
                "เลขประจำตัวประชาชน 1101700203450",
                "โทร 081-234-5678",
                "somchai.j@example.co.th",
                "วันเกิด 1 มีนาคม 2528",
            ),
        ),
        (
            "thai_cp874.rtf",
            (
                "ชื่อ: นางสาวกานดา มีสุข",
                "เลขบัตรประชาชน 3-1005-01234-56-3",
                "มือถือ 089-765-4321\tkanda.m@example.com",
                "วันเกิด 15/08/2533",
            ),
        ),
        ("letter.rtf", LETTER),  # LibreOffice's own RTF: a table cell per line
    ],
)
def test_fixtures(name: str, lines: tuple[str, ...]) -> None:
    assert read_content(name, fixture(name), LIMITS) == Text(lines)


HEAD = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil\\fcharset0 Arial;}"
THAI_FONT = "{\\f1\\fnil\\fcharset222{\\*\\panose 020b0604020202020204}Tahoma;}}"


@pytest.mark.parametrize(
    ("rtf", "lines"),
    [
        (HEAD + THAI_FONT + "\\f1 \\'ca\\'c1\\'aa\\'d2\\'c2\\par}", ("สมชาย",)),  # \fcharset222
        ("{\\rtf1\\ansi\\ansicpg874 ".encode("ascii") + "สมชาย".encode("cp874") + b"}", ("สมชาย",)),
        (HEAD + "}\\u-10179?\\u-8704? ok\\par}", ("\U0001f600 ok",)),  # a surrogate pair
        (HEAD + "}a\\u99999999?b\\par}", ("a\ufffdb",)),  # out of range
        (HEAD + "}\\uc2\\u3626\\'3f\\'3f x\\par}", ("ส x",)),  # two fallback bytes skipped
        (
            HEAD + "}\\trowd\\cellx1000\\cellx2000 a@b.co\\cell 081-234-5678\\cell\\row}",
            ("a@b.co", "081-234-5678"),
        ),
        (HEAD + "}x{\\pict\\bin4 {{{{}y\\par}", ("xy",)),  # binary data with braces
        (HEAD + "}x{\\*\\shppict{\\pict\\pngblip " + "89ab" * 5000 + "}}y}", ("xy",)),
        (
            HEAD + "}{\\info{\\author Somchai}{\\*\\company ACME}}{\\*\\generator W;}body\\par}",
            ("body",),
        ),
        (
            HEAD + '}{\\field{\\*\\fldinst{HYPERLINK "mailto:a@b.co"}}{\\fldrslt{a@b.co}}}\\par}',
            ("a@b.co",),
        ),
        (HEAD + "}a \\{b\\} \\\\ c\\line d\\tab e\\~f\\-g\\par}", ("a {b} \\ c", "d\te fg")),
        (HEAD + "}{\\header page head}{\\footnote note}text\\par}", ("text",)),
        ("\ufeff{\\rtf1 lead\\par}".encode(), ("lead",)),  # a UTF-8 byte order mark
    ],
    ids=[
        "fcharset222",
        "raw-cp874",
        "surrogates",
        "out-of-range",
        "uc2",
        "table",
        "bin",
        "picture",
        "info",
        "field",
        "escapes",
        "header-footnote",
        "bom",
    ],
)
def test_decoding_and_what_is_left_out(rtf: str | bytes, lines: tuple[str, ...]) -> None:
    data = rtf.encode("ascii") if isinstance(rtf, str) else rtf
    assert read_content("x.rtf", data, LIMITS) == Text(lines)


def test_row_limit_is_noted() -> None:
    data = (HEAD + "}" + "".join(f"line {i}\\par " for i in range(50)) + "}").encode()
    lines = tuple(f"line {i}" for i in range(4))
    assert read_content("x.rtf", data, ReadLimits(max_rows=4)) == Text(
        lines, "", "first 4 rows kept (limit 4)"
    )


DEEP = f"RTF groups nested deeper than {MAX_DEPTH} levels"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{\\rtf1" + b"{" * 1_000_000, DEEP),
        (b"{\\rtf1 " + b"{\\field{\\*\\fldinst{x " * 20_000 + b"}", DEEP),
        (b"plain text, not RTF", "not an RTF document: plain text"),
        (b"", "not an RTF document: an empty file"),
        (fixture("letter.doc"), "not an RTF document: a Word 97-2003 document"),
        (fixture("letter.odt"), "not an RTF document: an OpenDocument file"),
    ],
    ids=["deep", "open-fields", "text", "empty", "doc", "odt"],
)
def test_hostile_and_other_formats_are_refused(data: bytes, reason: str) -> None:
    assert read_content("x.rtf", data, LIMITS) == Skipped(reason)


@pytest.mark.parametrize(
    "data",
    [  # quadratic for striprtf's own regular expressions (minutes); linear once rewritten
        b"{\\rtf1{\\fonttbl " + b"\\f1" * 100_000 + b"}}",
        b"{\\rtf1{\\fonttbl " + b"{\\f1\\fcharset0 x" * 300 + b"}" * 300 + b"}}",
        b"{\\rtf1 " + b'{\\field{\\*\\fldinst{HYPERLINK "a"}}{\\fldrslt{x}}}' * 20_000 + b"}",
    ],
    ids=["font-words", "font-entries", "closed-fields"],
)
def test_hostile_tables_and_fields_are_read_in_linear_time(data: bytes) -> None:
    content = read_content("x.rtf", data, LIMITS)
    assert isinstance(content, Text)
    assert set(content.lines) <= {"x" * 20_000}
