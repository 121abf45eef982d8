"""The recipient notice: formal Thai with B.E. dates, English, every fact the recipient needs.

Both languages state that the recipient is now a data controller, the 72-hour
breach notice, the follow-up period and next date, the SHA-256 of the file and
each column beside its treatment; a hostile recipient name is escaped.
"""

from __future__ import annotations

import pytest

from reports.disclosure.notice import render_notice
from reports.disclosure.treatment_text import treatment_explanation, treatment_name
from tests.reports.disclosure.samples import HOSTILE, SHA, TREATMENTS, sample_record


def _text(page: str) -> str:
    """The page with every run of white space as one space (the templates wrap lines)."""
    return " ".join(page.split())


def test_thai_notice_key_phrases() -> None:
    page = _text(render_notice(sample_record(), "th", controller="บริษัท ท่าอากาศยานตัวอย่าง จำกัด"))
    assert '<html lang="th">' in page
    assert "ท่านมีฐานะเป็น<b>ผู้ควบคุมข้อมูลส่วนบุคคล</b>" in page
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562" in page
    assert "ภายใน 72 ชั่วโมง" in page and "(มาตรา 37(4))" in page
    assert "(มาตรา 37(1))" in page and "มาตรา 30 ถึงมาตรา 36" in page and "(มาตรา 39)" in page
    assert "ทุก 6 เดือน โดยครั้งถัดไปในวันที่ 15 ม.ค. 2570" in page  # B.E. year of 2027-01-15
    assert "2027" not in page and "2026-01-14" not in page  # no C.E. date (the id holds 2026)
    assert "14 ม.ค. 2569 10:00 น." in page  # 03:00 UTC in Bangkok
    assert "บริษัท ท่าอากาศยานตัวอย่าง จำกัด" in page
    assert "จดหมายเหตุ การศึกษาวิจัย หรือสถิติ (มาตรา 24(1))" in page
    assert "12,840" in page and "CSV" in page
    assert "โปรดติดต่อ dpo@example.co.th" in page


def test_english_notice_key_phrases() -> None:
    page = _text(render_notice(sample_record(), "en"))
    assert '<html lang="en">' in page
    assert "you are a <b>data controller</b> of the copy" in page
    assert "within 72 hours" in page and "(s.37(4))" in page
    assert "will follow up every 6 months; the next follow-up is on 2027-01-15." in page
    assert "Archives, research or statistics (s.24(1))" in page
    assert "please contact dpo@example.co.th" in page
    assert "ผู้ควบคุม" not in page


@pytest.mark.parametrize("language", ["th", "en"])
def test_notice_lists_sha_and_every_column_with_its_treatment(language: str) -> None:
    page = render_notice(sample_record(), language)
    assert f"<code>{SHA}</code>" in page
    for column, treatment in TREATMENTS:
        name = treatment_name(treatment, language)
        explanation = treatment_explanation(treatment, language)
        assert explanation
        assert (
            f"<tr><td><code>{column}</code></td><td>{name}</td><td>{explanation}</td></tr>" in page
        )


@pytest.mark.parametrize(
    ("language", "default"), [("th", "ผู้ควบคุมข้อมูลส่วนบุคคลผู้เปิดเผยข้อมูล"), ("en", "the data controller")]
)
def test_notice_without_a_controller_names_the_data_controller(language: str, default: str) -> None:
    page = render_notice(sample_record(), language)
    assert f"<td>{default}</td>" in page


@pytest.mark.parametrize("language", ["th", "en"])
def test_notice_escapes_a_hostile_recipient(language: str) -> None:
    page = render_notice(sample_record(recipient=HOSTILE, purpose=HOSTILE), language, HOSTILE)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "src=" not in page and "<link" not in page


def test_closed_disclosure_has_no_next_date() -> None:
    page = render_notice(sample_record(next_followup=None, status="closed"), "th")
    assert "ครั้งถัดไป" not in page


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        render_notice(sample_record(), "fr")
