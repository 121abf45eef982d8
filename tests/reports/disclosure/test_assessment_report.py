"""The assessment report: ``assessment.json`` fields and the bilingual, escaped HTML page.

The JSON survives ``json.dumps``/``loads`` unchanged, lists blocking problems
first and carries the k suggestion as ``[{column, treatment}]``; the page
states the verdict (blocked, approval missing, ready), escapes a hostile
recipient, shows Thai before English and loads nothing from outside.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

from reports.disclosure.assessment_report import assessment_to_dict, render_assessment_html
from scanners.disclosure.assessment import KAnonymity
from tests.reports.disclosure.samples import HOSTILE, sample_assessment, sample_request


def test_assessment_json_round_trips_with_every_field() -> None:
    data = assessment_to_dict(sample_assessment())
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["request"]["id"] == "REQ-2026-014"
    assert data["request"]["purpose"] == "ศึกษาการเดินทางของผู้โดยสารตามกลุ่มอายุ"
    assert data["request"]["columns"][-1] == {
        "name": "full_name",
        "treatment": "keep",
        "reason": "ต้องติดต่อกลับ",
    }
    assert (data["register_id"], data["owner"], data["rows"]) == (
        "R-OPS-07",
        "ops-data@example.co.th",
        12840,
    )
    assert data["columns"][0] == {
        "name": "date_of_birth",
        "treatment": "birth_year",
        "types": ["DATE_OF_BIRTH"],
        "free_text": False,
        "allowed": ["birth_year", "age_band", "drop"],
        "quasi_identifier": True,
        "exists": True,
    }
    assert datetime.fromisoformat(data["assessed_at"]).utcoffset() is not None


def test_blocking_problems_come_first_with_both_messages() -> None:
    problems = assessment_to_dict(sample_assessment())["problems"]
    assert [p["code"] for p in problems] == ["DIRECT_IDENTIFIER", "K_BELOW_MIN"]
    assert problems[0]["blocking"] is True and problems[0]["column"] == "full_name"
    assert problems[1]["column"] is None
    assert set(problems[0]["message"]) == {"th", "en"}
    assert problems[0]["message"]["th"].startswith("คอลัมน์ full_name")


def test_k_anonymity_and_verdict() -> None:
    data = assessment_to_dict(sample_assessment())
    k = data["k_anonymity"]
    assert (k["k"], k["k_min"], k["reached"]) == (2, 5, False)
    assert k["suggestion"] == [{"column": "postcode", "treatment": "province"}]
    assert k["suggestion_k"] == 7
    assert k["quasi_identifiers"] == ["date_of_birth", "postcode", "gender"]
    assert (data["blocked"], data["approved"], data["ready"]) == (True, True, False)

    unapproved = assessment_to_dict(sample_assessment(sample_request(approved_by="  ")))
    assert unapproved["approved"] is False


def test_no_k_is_null() -> None:
    data = assessment_to_dict(replace(sample_assessment(), k_anonymity=None, problems=()))
    assert data["k_anonymity"] is None
    assert (data["blocked"], data["ready"]) == (False, True)


def test_html_escapes_a_hostile_recipient() -> None:
    page = render_assessment_html(sample_assessment(sample_request(recipient=HOSTILE)))
    assert HOSTILE not in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "src=" not in page and "href=" not in page and "<link" not in page


def test_html_states_verdict_problems_in_order_and_the_suggestion() -> None:
    page = render_assessment_html(sample_assessment())
    assert "ยังเปิดเผยไม่ได้" in page and "Blocked: 1 blocking problem" in page
    assert "Approval missing" not in page
    blocking = page.index("DIRECT_IDENTIFIER")
    note = page.index("K_BELOW_MIN")
    assert blocking < note
    thai = page.index("คอลัมน์ full_name เป็นตัวระบุตัวตนโดยตรง")
    assert thai < page.index("Column full_name is a direct identifier")
    assert "<code>postcode</code> &rarr; เฉพาะจังหวัด / Province only" in page
    assert "(k = 7)" in page
    assert "เฉพาะปีเกิด / Birth year only" in page
    assert "เลขประจำตัวประชาชน / Thai national ID" in page
    assert "จดหมายเหตุ การศึกษาวิจัย หรือสถิติ (มาตรา 24(1)) / Archives" in page


def test_html_says_approval_is_missing() -> None:
    page = render_assessment_html(sample_assessment(sample_request(approved_by="")))
    assert "Approval missing" in page


def test_html_ready_when_nothing_blocks() -> None:
    page = render_assessment_html(replace(sample_assessment(), problems=()))
    assert "Ready: the extract may be produced" in page
    assert "No problems found" in page


def test_html_translates_a_known_k_note() -> None:
    k = KAnonymity(5, (), None, 100, 0, 0, note="no quasi-identifier in the extract")
    page = render_assessment_html(replace(sample_assessment(), k_anonymity=k))
    assert "ไม่มีคอลัมน์ที่เป็นตัวระบุทางอ้อมในชุดข้อมูลที่จะส่ง / no quasi-identifier in the extract" in page
    assert "Generalise as follows" not in page
