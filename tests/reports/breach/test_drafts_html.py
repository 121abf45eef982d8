"""The HTML drafts: the Office notice's PDPC fields, the subjects' notice, the internal record.

Thai pages give Bangkok times with B.E. years, English pages ISO-like times
with the offset; every page escapes what the incident file said; blanks an
officer fills in are marked; the delay field appears only after the deadline.
"""

from __future__ import annotations

import pytest

from reports.breach.drafts import (
    internal_record_html,
    mark_blanks,
    office_notice_html,
    subjects_notice_html,
)
from tests.reports.breach.samples import CONTROLLER, DPO, FACTORS, HOSTILE, LATE, document

OFFICE_TH = "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล"


def _text(page: str) -> str:
    """The page with every run of white space as one space."""
    return " ".join(page.split())


def test_thai_office_notice_key_facts() -> None:
    page = _text(office_notice_html(document("high"), "th", CONTROLLER, DPO))
    assert '<html lang="th">' in page
    assert OFFICE_TH in page
    assert "มาตรา 37(4)" in page and "พ.ศ. 2565" in page
    assert "72 ชั่วโมง" in page
    assert "ไม่เกิน 7 ธ.ค. 2569 09:30 น." in page  # the deadline in B.E., Bangkok time
    assert "4 ธ.ค. 2569 09:30 น." in page  # aware_at
    assert "ระหว่างวันที่ 1 พ.ย. 2569 ถึง 4 ธ.ค. 2569" in page
    assert "2026-12-07" not in page and "2026-12-04" not in page  # no C.E. date
    assert "ประมาณ 1,219 คน" in page and "1,265 รายการ" in page
    assert "มี: ข้อมูลสุขภาพ" in page  # Section 26 data
    assert "37 คน" in page  # minors
    assert CONTROLLER in page and DPO in page
    assert "การละเมิดความลับของข้อมูล" in page
    assert "jobs.applicants" in page and "Recruitment/archive/**" in page


def test_english_office_notice_key_facts() -> None:
    page = _text(office_notice_html(document("high"), "en", CONTROLLER, DPO))
    assert '<html lang="en">' in page
    assert "Office of the Personal Data Protection Committee" in page
    assert "within 72 hours" in page
    assert "by 2026-12-07 09:30 +07:00 (48 h 0 min left)" in page
    assert "about 1,219 people" in page and "1,265 records" in page
    assert "yes: Health" in page and "Minors (under 20)" in page


@pytest.mark.parametrize("language", ["th", "en"])
def test_office_notice_for_grade_none_is_kept_for_the_record(language: str) -> None:
    page = _text(office_notice_html(document("none"), language, CONTROLLER, DPO))
    marker = {
        "th": "ไม่ต้องแจ้งสำนักงาน — จัดทำไว้เพื่อเป็นหลักฐาน",
        "en": "Not required — kept for the record",
    }
    assert marker[language] in page
    assert 'class="banner info"' in page


@pytest.mark.parametrize("language", ["th", "en"])
def test_delay_reasons_only_after_the_deadline(language: str) -> None:
    reasons = {"th": "เหตุผลความล่าช้า", "en": "Reasons for the delay"}[language]
    on_time = _text(office_notice_html(document("risk"), language, CONTROLLER, DPO))
    late = _text(office_notice_html(document("risk", now=LATE), language, CONTROLLER, DPO))
    assert reasons not in on_time
    assert reasons in late and 'class="banner overdue"' in late
    assert {"th": "เลยกำหนดมาแล้ว 5 ชั่วโมง 30 นาที", "en": "overdue by 5 h 30 min"}[language] in late


@pytest.mark.parametrize("language", ["th", "en"])
def test_office_notice_says_whether_subjects_are_told(language: str) -> None:
    high = _text(office_notice_html(document("high"), language, CONTROLLER, DPO))
    risk = _text(office_notice_html(document("risk"), language, CONTROLLER, DPO))
    told = {"th": "จะแจ้งเหตุการละเมิดแก่เจ้าของข้อมูลส่วนบุคคล", "en": "will tell the data subjects"}
    not_told = {"th": "ไม่ต้องแจ้งเจ้าของข้อมูลส่วนบุคคล", "en": "need not be told"}
    assert told[language] in high and not_told[language] not in high
    assert not_told[language] in risk and told[language] not in risk


def test_blanks_are_marked_for_the_officer() -> None:
    page = office_notice_html(document("high"), "th", CONTROLLER, "")
    assert '<mark class="blank">[…]</mark>' in page  # no DPO e-mail given, contact person, …
    assert '<mark class="blank">[… ตำแหน่ง …]</mark>' in page


def test_mark_blanks_escapes_around_the_blank() -> None:
    assert str(mark_blanks("<b>x</b> [… fill …] & y")) == (
        '&lt;b&gt;x&lt;/b&gt; <mark class="blank">[… fill …]</mark> &amp; y'
    )


@pytest.mark.parametrize(
    "render",
    [
        lambda doc, lang: office_notice_html(doc, lang, HOSTILE, HOSTILE),
        lambda doc, lang: subjects_notice_html(doc, lang, HOSTILE, HOSTILE),
        lambda doc, lang: internal_record_html(doc, lang),
    ],
)
@pytest.mark.parametrize("language", ["th", "en"])
def test_hostile_text_is_escaped(render, language: str) -> None:
    page = render(document("high", title=HOSTILE), language)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "default-src 'none'" in page


def test_subjects_notice_plain_language_advice() -> None:
    th = _text(subjects_notice_html(document("high"), "th", CONTROLLER, DPO))
    assert "เกิดอะไรขึ้น" in th and "สิ่งที่ท่านควรทำ" in th
    assert "OTP" in th and "เปลี่ยนรหัสผ่าน" in th
    assert "ข้อมูลสุขภาพ" in th and f"(DPO) ของเราที่ {DPO}" in th
    assert "4 ธ.ค. 2569 09:30 น." in th
    en = _text(subjects_notice_html(document("high"), "en", CONTROLLER, DPO))
    assert "one-time password (OTP)" in en and "Change the passwords" in en
    assert f"data protection officer (DPO) at {DPO}" in en
    assert "This includes sensitive data: Health" in en


def test_subjects_notice_for_a_lower_grade_says_it_is_not_required() -> None:
    page = _text(subjects_notice_html(document("risk"), "en", CONTROLLER, DPO))
    assert "need not be told — this draft was made on request" in page


@pytest.mark.parametrize("level", ["none", "risk", "high"])
@pytest.mark.parametrize("language", ["th", "en"])
def test_internal_record_lists_every_factor(level: str, language: str) -> None:
    page = internal_record_html(document(level), language)
    for factor in FACTORS:
        assert factor.code in page
        text = getattr(factor, language).replace(HOSTILE, "&lt;script&gt;alert(1)&lt;/script&gt;")
        assert text in page


def test_internal_record_for_no_notice_says_why() -> None:
    th = _text(internal_record_html(document("none"), "th"))
    assert "ไม่ต้องแจ้งเหตุ: ผลการประเมินพบว่าเหตุนี้ไม่มีความเสี่ยง" in th
    assert "ลดความเสี่ยง" in th and "เพิ่มความเสี่ยง" in th
    en = _text(internal_record_html(document("none"), "en"))
    assert "No notice required" in en and "for the reasons in every factor below" in en
    assert "lowers the risk" in en


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        office_notice_html(document("high"), "fr", CONTROLLER, DPO)
