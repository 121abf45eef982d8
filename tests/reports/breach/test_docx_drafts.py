"""The DOCX drafts: they open with python-docx, hold the same facts, and set Thai in a Thai font."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from reports.breach.docx_drafts import (
    internal_record_docx,
    office_notice_docx,
    subjects_notice_docx,
)
from reports.breach.docx_fonts import THAI_FONT
from tests.reports.breach.samples import CONTROLLER, DPO, FACTORS, HOSTILE, LATE, document


def reopened(document_: Document) -> Document:
    """Saved and opened again, as an officer's Word would."""
    buffer = io.BytesIO()
    document_.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer)


def all_text(document_: Document) -> str:
    """Every paragraph and table cell, one per line."""
    lines = [p.text for p in document_.paragraphs]
    for table in document_.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def test_thai_office_notice_docx_holds_the_key_facts() -> None:
    text = all_text(reopened(office_notice_docx(document("high"), "th", CONTROLLER, DPO)))
    assert "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล" in text
    assert "72 ชั่วโมง" in text and "7 ธ.ค. 2569 09:30 น." in text
    assert "ประมาณ 1,219 คน" in text and "1,265 รายการ" in text
    assert "มี: ข้อมูลสุขภาพ" in text and "37 คน" in text
    assert CONTROLLER in text and DPO in text
    assert "มัลแวร์บนเว็บไซต์รับสมัครงาน" in text


def test_english_office_notice_docx_holds_the_key_facts() -> None:
    text = all_text(reopened(office_notice_docx(document("high", now=LATE), "en", CONTROLLER, DPO)))
    assert "Office of the Personal Data Protection Committee" in text
    assert "2026-12-07 09:30 +07:00" in text and "about 1,219 people" in text
    assert "Reasons for the delay" in text


def test_office_notice_docx_for_grade_none() -> None:
    text = all_text(reopened(office_notice_docx(document("none"), "en", CONTROLLER, DPO)))
    assert "Not required — kept for the record" in text


@pytest.mark.parametrize("language", ["th", "en"])
def test_hostile_title_is_literal_text(language: str) -> None:
    doc = document("high", title=HOSTILE)
    for built in (
        office_notice_docx(doc, language, HOSTILE, DPO),
        subjects_notice_docx(doc, language, CONTROLLER, DPO),
        internal_record_docx(doc, language),
    ):
        assert HOSTILE in all_text(reopened(built))


def test_control_characters_are_dropped_not_fatal() -> None:
    built = office_notice_docx(document("high", title="bad\x00\x07title"), "en", CONTROLLER, DPO)
    assert "badtitle" in all_text(reopened(built))


@pytest.mark.parametrize("language", ["th", "en"])
def test_thai_text_has_a_complex_script_font(language: str) -> None:
    opened = reopened(office_notice_docx(document("high"), language, CONTROLLER, DPO))
    for style in ("Normal", "Title", "Heading 1", "List Bullet", "Table Grid"):
        rpr = opened.styles[style].element.rPr
        fonts = rpr.rFonts
        assert fonts.get(qn("w:cs")) == THAI_FONT
        assert fonts.get(qn("w:cstheme")) is None
        assert rpr.find(qn("w:szCs")) is not None
        assert rpr.find(qn("w:lang")).get(qn("w:bidi")) == "th-TH"
    if language == "th":
        assert opened.styles["Normal"].element.rPr.rFonts.get(qn("w:ascii")) == THAI_FONT


def test_blanks_are_highlighted() -> None:
    opened = reopened(office_notice_docx(document("high"), "th", CONTROLLER, DPO))
    runs = [run for p in opened.paragraphs for run in p.runs]
    runs += [
        run
        for table in opened.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    blanks = [run for run in runs if run.text.startswith("[…")]
    assert blanks and all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in blanks)


def test_subjects_notice_docx_advice() -> None:
    text = all_text(reopened(subjects_notice_docx(document("high"), "th", CONTROLLER, DPO)))
    assert "OTP" in text and "สิ่งที่ท่านควรทำ" in text and DPO in text


@pytest.mark.parametrize("language", ["th", "en"])
def test_internal_record_docx_lists_every_factor(language: str) -> None:
    text = all_text(reopened(internal_record_docx(document("none"), language)))
    for factor in FACTORS:
        assert factor.code in text and getattr(factor, language) in text
