"""The words of the reports: labels for every finding and PII type, and the Thai report text.

Every finding type of the SPEC has a name and a description in both
languages; law references, principals, counts with their units, dates
(Bangkok time, B.E. years unless common era is asked for), remediation
(commands kept apart from advice) and column reasons read as Thai in the
Thai report.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from reports.formats.html_report import render_html
from reports.text import labels
from scanners.model.result import ScanResult
from tests.reports.sample_scan import make_finding

SPEC_FINDING_TYPES = [
    "PII_UNREGISTERED",
    "MINIMISE_UNDECLARED_PII",
    "MINIMISE_GRANULARITY",
    "SENSITIVE_NO_BASIS",
    "RETENTION_UNDEFINED",
    "RETENTION_EXPIRED",
    "ERASURE_PENDING",
    "ANONYMISATION_WEAK",
    "ACCESS_UNAPPROVED",
    "ACCESS_EXCESSIVE",
    "ACCESS_PUBLIC",
    "ACCESS_REVIEW_OVERDUE",
    "ACCESS_STALE_ENTRY",
    "DISCLOSURE_FOLLOWUP_DUE",
    "BREACH_NOTICE_DUE",
    "SCAN_ERROR",
]


@pytest.mark.parametrize("language", labels.LANGUAGES)
def test_labels_cover_spec(language: str) -> None:
    from scanners.checks.registry import FINDING_TYPES
    from scanners.pii_types import PiiType

    assert sorted(FINDING_TYPES) == sorted(SPEC_FINDING_TYPES)
    for finding_type in SPEC_FINDING_TYPES:
        assert labels.finding_type_name(finding_type, language) != finding_type
        assert labels.finding_type_description(finding_type, language)
    for pii_type in PiiType:
        assert labels.pii_type_name(pii_type.value, language) != pii_type.value
    assert labels.UI["th"].keys() == labels.UI["en"].keys()
    assert labels.finding_type_name("NEW_TYPE", language) == "NEW_TYPE"


def test_law_principal_and_count_in_thai() -> None:
    from reports.count_units import count_text
    from reports.text.law_text import law_text

    assert law_text("PDPA s.37(3), s.39", "th") == "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 37(3), มาตรา 39"
    assert law_text("PDPA s.26", "en") == "PDPA s.26"
    assert law_text("n/a", "th") == "-"
    assert labels.principal_name("PUBLIC", "th") == "PUBLIC (ทุกคน)"
    assert labels.principal_name("everyone", "th") == "ทุกคน (everyone)"
    assert labels.principal_name("hr_app", "th") == "hr_app"
    retention = make_finding(type="RETENTION_EXPIRED", count=1234)
    assert count_text(retention, "th") == "1,234 แถว"
    assert count_text(retention, "en") == "1,234 rows"
    erasure = make_finding(type="ERASURE_PENDING", count=1)
    assert count_text(erasure, "en") == "1 data subject"
    assert count_text(make_finding(count=None), "th") == ""


def test_dates_in_bangkok_time_and_buddhist_era() -> None:
    from reports.text.dates import format_date, format_moment

    assert format_moment("2026-12-04T18:30:00Z", "th") == "5 ธ.ค. 2569 01:30 น."
    assert format_moment("2026-12-04T18:30:00Z", "th", "ce") == "5 ธ.ค. 2026 01:30 น."
    assert format_moment("2026-12-04T18:30:00Z", "en") == "2026-12-05 01:30 (UTC+7)"
    assert format_moment("not a time", "th") == "not a time"
    assert format_date(date(2026, 1, 31), "th") == "31 ม.ค. 2569"


def test_every_granularity_advice_has_a_thai_rendering() -> None:
    from reports.text.remediation_text import thai_sentence
    from scanners.checks.register.minimise_granularity import remediation_for

    levels = ("year", "month", "postcode", "province", "pseudonym", "masked", "none", "decade")
    for level in levels:
        english = remediation_for(level, "DATE_OF_BIRTH", "birth_date", "public.people")
        thai = thai_sentence(english)
        assert thai is not None, english
        assert "birth_date" in thai and not re.search(r"[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}", thai)


def test_remedy_splits_commands_from_advice_and_translates_in_thai() -> None:
    from reports.text.remediation_text import remedy

    sql = make_finding(
        type="RETENTION_EXPIRED", remediation="DELETE FROM t WHERE d < '2016-01-01';"
    )
    th = remedy(sql, "th")
    assert th.command == sql.remediation and th.advice == "" and "ลบ" in th.action
    revoke = make_finding(
        type="ACCESS_UNAPPROVED",
        remediation="REVOKE SELECT ON t FROM bob; — suggestion, never run by pdpa-agent; "
        "or add an approved grant to the access list.",
    )
    assert remedy(revoke, "th").command == "REVOKE SELECT ON t FROM bob;"
    assert "รายการสิทธิ์" in remedy(revoke, "th").advice
    assert remedy(revoke, "en").advice == "Or add an approved grant to the access list."
    fallback = make_finding(
        type="RETENTION_EXPIRED",
        remediation="Delete the rows of hr.csv whose left_on is before 2016-11-25.",
    )
    assert remedy(fallback, "th").advice == "ลบแถวของ hr.csv ที่ left_on ก่อนวันที่ 25 พ.ย. 2559"
    assert remedy(fallback, "th", "ce").advice.endswith("25 พ.ย. 2016")
    unknown = make_finding(remediation="Ask the oracle.")
    assert remedy(unknown, "th").untranslated and remedy(unknown, "th").advice == "Ask the oracle."


@pytest.mark.parametrize(
    ("english", "thai"),
    [
        (
            "TH_NATIONAL_ID: evidence from ThaiIdRecognizer in 97% of 1000 values; "
            "column name 'cid'; 950 distinct",
            "เลขประจำตัวประชาชน: พบหลักฐานจาก ThaiIdRecognizer ใน 97% ของ 1000 ค่า; "
            "ชื่อคอลัมน์ 'cid'; ค่าไม่ซ้ำ 950 ค่า",
        ),
        (
            "PERSON: not reported, only 12% of the values look like people's names",
            "ชื่อบุคคล: ไม่รายงาน เพราะมีเพียง 12% ของค่าที่ดูเหมือนชื่อคน",
        ),
        (
            "HEALTH: 80% of 50 values are blood groups",
            "ข้อมูลสุขภาพ: 80% ของ 50 ค่าเป็นหมู่เลือด",
        ),
    ],
)
def test_column_reasons_in_thai(english: str, thai: str) -> None:
    from reports.text.reason_text import reason_text, thai_reason

    assert thai_reason(english) == (thai, True)
    assert reason_text(english, "en") == english
    assert thai_reason("PERSON: something new; 3 distinct") == (
        "ชื่อบุคคล: something new; ค่าไม่ซ้ำ 3 ค่า",
        False,
    )


def test_thai_html_shows_due_count_unit_law_and_thai_reasons(result: ScanResult) -> None:
    page = render_html(result, "th")
    assert "กำหนดดำเนินการ: 1 พ.ค. 2567 (ครบกำหนดวันนี้)" in page  # retention: due at once
    assert "42 แถว" in page
    assert "มาตรา 37(1)" in page and "PDPA s.37(1)" not in page
    assert "PUBLIC (ทุกคน)" in page
    assert "เลขประจำตัวประชาชน: recognizer ratio 0.97" in page  # unknown clause kept
    assert labels.UI["th"]["what_to_do"] in page and "What to do" not in page
    english = render_html(result, "en")
    assert "Due: 2024-05-01 (due today)" in english and "42 rows" in english


def test_thai_dates_option_writes_common_era(result: ScanResult) -> None:
    from reports.options import ReportOptions

    page = render_html(result, "th", ReportOptions(era="ce"))
    assert "1 พ.ค. 2024" in page and "2567" not in page
