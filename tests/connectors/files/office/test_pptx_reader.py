"""PowerPoint (.pptx): slides' shapes, groups, tables and notes in order; traps refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx import Presentation
from pptx.util import Inches

from connectors.files.readers.content import ReadLimits, Skipped, Text
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import SLIDES_PPTX, fixture, package
from tests.support.file_samples import docx_bytes

LIMITS = ReadLimits()


def test_slides_tables_groups_and_notes_in_slide_order() -> None:
    assert read_content("slides.pptx", fixture("slides.pptx"), LIMITS) == Text(SLIDES_PPTX)


def nested_deck() -> bytes:
    """A group in a group, a table with a merged cell, a line break, an empty notes page."""
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    outer = slide.shapes.add_group_shape()
    outer.shapes.add_textbox(0, 0, Inches(2), Inches(1)).text_frame.text = "outer"
    inner = outer.shapes.add_group_shape()
    box = inner.shapes.add_textbox(0, Inches(1), Inches(2), Inches(1))
    box.text_frame.text = "สมชาย\vใจดี"  # a line break inside a paragraph
    table = slide.shapes.add_table(2, 2, 0, Inches(3), Inches(4), Inches(1)).table
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 0).text = "merged"
    table.cell(1, 0).text = "a@b.co"
    table.cell(1, 1).text = "081-234-5678"
    slide.notes_slide.notes_text_frame.text = ""
    second = deck.slides.add_slide(deck.slide_layouts[6])
    second.shapes.add_textbox(0, 0, Inches(2), Inches(1)).text_frame.text = "second"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def test_nested_groups_merged_cells_and_line_breaks() -> None:
    content = read_content("deck.pptx", nested_deck(), LIMITS)
    assert content == Text(("outer", "สมชาย", "ใจดี", "merged", "a@b.co", "081-234-5678", "second"))


def test_row_limit_is_noted() -> None:
    content = read_content("slides.pptx", fixture("slides.pptx"), ReadLimits(max_rows=4))
    assert content == Text(SLIDES_PPTX[:4], "", "first 4 rows kept (limit 4)")


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ppt/presentation.xml", b"<" + b" " * (8 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (fixture("encrypted.pptx"), "encrypted (password-protected) presentation"),
        (
            fixture("slides.ppt"),
            "not a PowerPoint presentation (PPTX): a PowerPoint 97-2003 presentation",
        ),
        (docx_bytes(), "not a PowerPoint presentation (PPTX): a Word document (DOCX)"),
        (fixture("book.ods"), "not a PowerPoint presentation (PPTX): an OpenDocument file"),
        (package({"a.txt": "x"}), "not a PowerPoint presentation (PPTX): a ZIP archive"),
        (_bomb(), "compression ratio above 100 (zip bomb?)"),
        (b"plain text", "corrupt or truncated file (not a valid ZIP container)"),
        (
            fixture("slides.pptx")[:20000],
            "corrupt or truncated file (not a valid ZIP container)",
        ),
        (
            package({"ppt/presentation.xml": "<p:presentation"}),
            "unreadable PPTX file (KeyError)",
        ),
    ],
    ids=["encrypted", "ppt", "docx", "ods", "zip", "bomb", "text", "truncated", "broken"],
)
def test_encrypted_corrupt_and_other_formats_are_refused(data: bytes, reason: str) -> None:
    assert read_content("x.pptx", data, LIMITS) == Skipped(reason)
