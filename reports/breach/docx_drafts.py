"""The breach drafts as Word documents (python-docx), for officers to complete and send.

The same three drafts as the HTML pages (:mod:`reports.breach.drafts`), built
from the same :class:`~reports.breach.draft_model.Draft`: a title, the banner,
headings, paragraphs, a two-column table of the facts per section, bullet
lists and the datasets and factors tables. Blanks ``[… …]`` are highlighted
yellow. Every style the draft uses is set in a font with Thai glyphs (TH
Sarabun New as the complex-script font, :mod:`reports.breach.docx_fonts`), on
A4. Text goes in as text: a title like ``<script>`` is literal in Word, and
characters XML cannot hold are dropped.
"""

from __future__ import annotations

from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Mm, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from reports.breach.docx_fonts import THAI_FONT, set_fonts, set_size, xml_safe
from reports.breach.draft_model import Draft, Section, Table, segments
from reports.breach.office_text import office_notice
from reports.breach.record_text import internal_record
from reports.breach.subjects_text import subjects_notice
from reports.text.labels import check_language

#: (style, Latin size, Thai size) in points: Thai in TH Sarabun New reads at 16 pt.
STYLE_SIZES: tuple[tuple[str, float, float], ...] = (
    ("Normal", 11, 16),
    ("Title", 20, 26),
    ("Heading 1", 14, 20),
    ("Heading 2", 13, 18),
    ("List Bullet", 11, 16),
    ("Table Grid", 10, 14),
)
STATUS_COLOURS = {
    "info": RGBColor(0x1F, 0x7A, 0x4D),
    "due": RGBColor(0xB7, 0x79, 0x1F),
    "overdue": RGBColor(0x9B, 0x1C, 0x1C),
}


def new_document(language: str) -> Document:
    """An empty A4 document whose styles set Thai in a font that has its glyphs."""
    document = docx.Document()
    latin = THAI_FONT if language == "th" else "Calibri"
    for style, latin_size, thai_size in STYLE_SIZES:
        size = thai_size if language == "th" else latin_size
        set_fonts(document.styles[style].element, latin, THAI_FONT, size, thai_size)
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
    return document


def add_text(paragraph: Paragraph, text: str, bold: bool = False) -> Paragraph:
    """``text`` as runs of ``paragraph``; each blank highlighted yellow."""
    for part, is_blank in segments(xml_safe(text)):
        run = paragraph.add_run(part)
        run.bold = bold or None
        if is_blank:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def _grid(document: Document, columns: int) -> DocxTable:
    table: DocxTable = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    return table


def add_fields(document: Document, fields: tuple[tuple[str, str], ...]) -> DocxTable:
    """A two-column table: label (bold), value."""
    table = _grid(document, 2)
    for name, value in fields:
        cells = table.add_row().cells
        add_text(cells[0].paragraphs[0], name, bold=True)
        add_text(cells[1].paragraphs[0], value)
    return table


def add_table(document: Document, table: Table) -> DocxTable:
    """A table with a bold header row."""
    grid = _grid(document, len(table.headers))
    for cell, header in zip(grid.add_row().cells, table.headers, strict=True):
        add_text(cell.paragraphs[0], header, bold=True)
    for row in table.rows:
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            add_text(cell.paragraphs[0], value)
    return grid


def add_section(document: Document, section: Section) -> None:
    if section.heading:
        add_text(document.add_heading(level=1), section.heading)
    for paragraph in section.paragraphs:
        add_text(document.add_paragraph(), paragraph)
    if section.fields:
        add_fields(document, section.fields)
    for item in section.items:
        add_text(document.add_paragraph(style="List Bullet"), item)
    if section.table is not None and section.table.rows:
        add_table(document, section.table)
    for note in section.notes:
        add_text(document.add_paragraph(), note)


def draft_document(draft: Draft) -> Document:
    """Any draft as a Word document."""
    document = new_document(draft.language)
    properties = document.core_properties
    properties.title = xml_safe(draft.title)
    properties.language = "th-TH" if draft.language == "th" else "en-GB"
    properties.author = "pdpa-agent"
    add_text(document.add_heading(level=0), draft.title)
    add_text(document.add_paragraph(), draft.subtitle)
    if draft.banner:
        banner = add_text(document.add_paragraph(), draft.banner, bold=True)
        for run in banner.runs:
            run.font.color.rgb = STATUS_COLOURS.get(draft.status, STATUS_COLOURS["info"])
    for line in draft.opening:
        add_text(document.add_paragraph(), line)
    for section in draft.sections:
        add_section(document, section)
    if draft.closing:
        document.add_paragraph()
        for line in draft.closing:
            add_text(document.add_paragraph(), line)
    footer = add_text(document.add_paragraph(), draft.footer)
    for run in footer.runs:
        set_size(run._r, 9 if draft.language == "en" else 12, 12)
    return document


def office_notice_docx(
    doc: dict[str, Any], language: str, controller: str, dpo_email: str
) -> Document:
    """The notice to the PDPC office as a Word document."""
    return draft_document(office_notice(doc, check_language(language), controller, dpo_email))


def subjects_notice_docx(
    doc: dict[str, Any], language: str, controller: str, dpo_email: str
) -> Document:
    """The notice to the data subjects as a Word document."""
    return draft_document(subjects_notice(doc, check_language(language), controller, dpo_email))


def internal_record_docx(doc: dict[str, Any], language: str) -> Document:
    """The internal record as a Word document."""
    return draft_document(internal_record(doc, check_language(language)))
