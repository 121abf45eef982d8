"""OpenDocument text (.odt): paragraphs, headings, lists, cells, notes as lines; traps refused."""

from __future__ import annotations

import pytest

from connectors.files.readers.content import ReadLimits, Skipped, Text
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import LETTER, fixture, odf, package

LIMITS = ReadLimits()


def test_letter_lines_thai_table_cells_and_links() -> None:
    assert read_content("letter.odt", fixture("letter.odt"), LIMITS) == Text(LETTER)


BODY = (
    "<text:h>หัวข้อ</text:h>"
    '<text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>'
    '<text:span>สม</text:span><text:a xlink:href="mailto:x@y.co">ชาย</text:a></text:p>'
    "<text:list><text:list-item><text:p>item 081-234-5678</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>cell a@b.co</text:p>"
    "</table:table-cell></table:table-row></table:table>"
    "<text:p>before<text:note><text:note-citation>1</text:note-citation><text:note-body>"
    "<text:p>footnote</text:p></text:note-body></text:note> after</text:p>"
    "<text:p>x<office:annotation><dc:creator>Author Name</dc:creator><dc:date>2024-01-01"
    "</dc:date><text:p>comment</text:p></office:annotation>y</text:p>"
    "<text:p>   </text:p>"
)
EXPECTED = (
    "หัวข้อ",
    "a   b\tc",
    "สมชาย",
    "item 081-234-5678",
    "cell a@b.co",
    "footnote",
    "before after",
    "comment",
    "xy",
)


def test_inline_elements_nested_paragraphs_and_what_is_left_out() -> None:
    assert read_content("x.odt", odf("text", BODY), LIMITS) == Text(EXPECTED)


def test_row_limit_is_noted_and_stops_reading() -> None:
    body = "".join(f"<text:p>line {i}</text:p>" for i in range(1000)) + "<text:p>"  # unclosed
    content = read_content("x.odt", odf("text", body), ReadLimits(max_rows=5))
    lines = tuple(f"line {i}" for i in range(5))
    assert content == Text(lines, "", "first 5 rows kept (limit 5)")


def test_xml_budget_cut_is_noted() -> None:
    body = "".join(f"<text:p>line {i}</text:p>" for i in range(200))
    content = read_content("x.odt", odf("text", body), ReadLimits(max_zip_total=2048))
    assert isinstance(content, Text) and 0 < len(content.lines) < 200
    assert content.note == "cut after 2048 bytes of XML"


BILLION_LAUGHS = (
    '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
)
DEEP = "<text:span>" * 3000 + "x" + "</text:span>" * 3000


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (fixture("encrypted.odt"), "encrypted (password-protected) document"),
        (fixture("book.ods"), "not an OpenDocument text document: an OpenDocument spreadsheet"),
        (
            fixture("slides.pptx"),
            "not an OpenDocument text document: a PowerPoint presentation (PPTX)",
        ),
        (fixture("letter.doc"), "not an OpenDocument text document: a Word 97-2003 document"),
        (package({"a.txt": "x"}), "not an OpenDocument text document: a ZIP archive"),
        (
            package({"mimetype": "application/x-other", "content.xml": "<a/>"}),
            "not an OpenDocument text document: another OpenDocument file",
        ),
        (
            odf("text", "<text:p>&c;</text:p>", BILLION_LAUGHS),
            "XML with a document type declaration (refused: entity expansion)",
        ),
        (odf("text", f"<text:p>{DEEP}</text:p>"), "XML nested deeper than 1000 levels"),
        (odf("text", "<text:p>open"), "corrupt OpenDocument file (malformed content.xml)"),
        (b"", "not an OpenDocument text document: an empty file"),
        (fixture("letter.odt")[:5000], "corrupt or truncated file (not a valid ZIP container)"),
    ],
    ids=[
        "encrypted",
        "ods",
        "pptx",
        "doc",
        "zip",
        "other-mimetype",
        "dtd",
        "deep",
        "malformed",
        "empty",
        "truncated",
    ],
)
def test_encrypted_hostile_and_other_formats_are_refused(data: bytes, reason: str) -> None:
    assert read_content("x.odt", data, LIMITS) == Skipped(reason)
