"""Triage (SPEC §9) in every report: shown on each finding, set-aside findings kept apart.

The sample scan's findings get one triage each: ``f-access`` accepted until a
date, ``f-unreg`` a false positive (its reason a spreadsheet formula),
``f-retention`` acknowledged — the trap: work under way, still open and
counted — and ``f-scan`` none. ``findings.json`` carries exactly SPEC's
``triage`` object and validates; HTML, owner and access pages label the
status in the report language and keep accepted / false-positive findings out
of the counts and "do first", in a section of their own; CSV/XLSX append five
triage columns; the printed summary says how many were set aside.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest

from agent.commands.summary import summary_lines
from reports.common import FINDING_COLUMNS, finding_headers
from reports.formats import access_report
from reports.formats.csv_report import to_csv_text
from reports.formats.html_report import html_context, render_html
from reports.formats.json_report import to_json_dict
from reports.formats.owner_reports import split_by_owner, write_owner_reports
from reports.formats.xlsx_report import build_workbook
from reports.options import ReportOptions
from scanners.model.result import AccessReview, ScanResult
from scanners.model.triage import Triage
from tests.reports.sample_scan import sample_result
from tests.support.paths import REPO_ROOT

OWNER = "hr-owner@example.co.th"
AT = "2024-04-30T03:00:00Z"  # 30 Apr 2024 10:00 in Bangkok
FORMULA_REASON = '=HYPERLINK("http://evil.invalid")'
TRIAGES = {
    "f-access": Triage(
        "f-access", "accepted", "dpo@example.co.th", AT, "<b>board</b> accepts", date(2024, 12, 31)
    ),
    "f-unreg": Triage("f-unreg", "false_positive", "dpo@example.co.th", AT, FORMULA_REASON),
    "f-retention": Triage(
        "f-retention",
        "acknowledged",
        "hr@example.co.th",
        AT,
        "seen",
        assignee="somchai@example.co.th",
    ),
}
#: The columns findings.csv had before triage: they must keep their places.
OLD_COLUMNS = ("id", "type", "type_name", "severity", "due", "source", "dataset", "columns",
               "count", "count_unit", "register_id", "owner", "principal", "privileges", "law",
               "message", "what_to_do", "remediation")  # fmt: skip


def _triaged(**triages: Triage) -> ScanResult:
    result = sample_result()
    findings = tuple(
        replace(f, owner=OWNER, triage=triages.get(f.id)) if f.id != "f-scan" else f
        for f in result.findings
    )
    return replace(result, findings=findings)


@pytest.fixture
def triaged() -> ScanResult:
    return _triaged(**TRIAGES)


def _by_id(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in document["findings"]}


# --- findings.json ------------------------------------------------------------------------


def test_json_carries_the_spec_triage_object_only_on_triaged_findings(triaged: ScanResult) -> None:
    document = json.loads(json.dumps(to_json_dict(triaged)))
    found = _by_id(document)
    assert found["f-access"]["triage"] == {
        "status": "accepted",
        "by": "dpo@example.co.th",
        "at": AT,
        "reason": "<b>board</b> accepts",
        "until": "2024-12-31",
    }
    assert list(found["f-unreg"]["triage"]) == ["status", "by", "at", "reason", "until"]
    assert found["f-unreg"]["triage"]["until"] is None
    assert found["f-retention"]["triage"]["assignee"] == "somchai@example.co.th"  # the addition
    assert "triage" not in found["f-scan"]
    schema = json.loads((REPO_ROOT / "docs" / "findings.schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(document)
    for mutate in (
        lambda t: t.update(status="maybe"),
        lambda t: t.update(until=None),  # an acceptance must say until when
        lambda t: t.update(until="next year"),
        lambda t: t.pop("by"),
        lambda t: t.update(old_status="open"),
    ):
        bad = json.loads(json.dumps(document))
        mutate(_by_id(bad)["f-access"]["triage"])
        assert list(validator.iter_errors(bad)), mutate


# --- report.html --------------------------------------------------------------------------


def _sections(page: str) -> tuple[str, str]:
    """(everything before the set-aside section, the set-aside section)."""
    start = page.index('<section class="set-aside-section">')
    return page[:start], page[start : page.index("</section>", start)]


@pytest.mark.parametrize(
    ("language", "accepted", "false_positive", "acknowledged", "headline"),
    [
        ("th", "ยอมรับความเสี่ยง", "ตรวจพบคลาดเคลื่อน (false positive)", "รับทราบแล้ว",
         "ประเด็นที่ต้องดำเนินการ: 2"),
        ("en", "Accepted risk", "False positive", "Acknowledged", "Findings to act on: 2"),
    ],
    ids=["th", "en"],
)  # fmt: skip
def test_html_labels_triage_and_sets_aside_accepted_and_false_positive(
    triaged: ScanResult,
    language: str,
    accepted: str,
    false_positive: str,
    acknowledged: str,
    headline: str,
) -> None:
    page = render_html(triaged, language)
    before, aside = _sections(page)
    assert headline in before
    assert 'id="finding-f-access"' in aside and 'id="finding-f-unreg"' in aside
    assert 'id="finding-f-retention"' in before and 'id="finding-f-scan"' in before
    assert 'id="finding-f-retention"' not in aside  # acknowledged is not set aside
    assert accepted in aside and false_positive in aside and acknowledged in before
    assert "dpo@example.co.th" in aside and "somchai@example.co.th" in before
    assert ("31 ธ.ค. 2567" if language == "th" else "2024-12-31") in aside  # until
    assert ("30 เม.ย. 2567 10:00" if language == "th" else "2024-04-30 10:00") in aside  # at
    assert "&lt;b&gt;board&lt;/b&gt; accepts" in aside and "<b>board</b>" not in page


def test_html_counts_leave_set_aside_findings_out(triaged: ScanResult) -> None:
    context = html_context(triaged, "en")
    assert context["total"] == 2
    assert [f["id"] for f in context["findings"]] == ["f-scan", "f-retention"]
    assert [f["id"] for f in context["set_aside"]] == ["f-unreg", "f-access"]
    bars = {bar["key"]: bar["count"] for bar in context["severity_bars"]}
    assert bars == {"critical": 1, "high": 1, "medium": 0, "low": 0}  # f-unreg (high) left out
    types = {bar["key"]: bar["count"] for bar in context["type_bars"]}
    assert types == {"SCAN_ERROR": 1, "RETENTION_EXPIRED": 1}
    assert "2 finding(s) set aside" in context["set_aside_note"]


def test_an_expired_acceptance_is_open_work_again() -> None:
    expired = replace(TRIAGES["f-access"], until=date(2024, 4, 30))  # the scan is on 1 May
    context = html_context(_triaged(**{"f-access": expired}), "en")
    assert "f-access" in [f["id"] for f in context["findings"]]
    assert context["set_aside"] == [] and context["total"] == 4


def test_html_without_triage_is_unchanged() -> None:
    page = render_html(sample_result(), "en")
    assert "Total findings: 4" in page
    assert 'id="set-aside"' not in page and 'class="triage' not in page


# --- owner reports ------------------------------------------------------------------------


def test_owner_report_keeps_set_aside_findings_out_of_do_first(
    triaged: ScanResult, tmp_path: Path
) -> None:
    context = html_context(split_by_owner(triaged)[OWNER], "th", ReportOptions(owner=OWNER))
    assert [f["id"] for f in context["do_first"]] == ["f-retention"]  # acknowledged: still work
    assert [f["id"] for f in context["set_aside"]] == ["f-unreg", "f-access"]
    written = write_owner_reports(triaged, tmp_path, ["html", "csv"], "th")
    html_path, csv_path = written[OWNER]
    before, aside = _sections(html_path.read_text("utf-8"))
    assert "ประเด็นที่ต้องดำเนินการ: 1" in before
    assert "พิจารณาแล้ว: ยอมรับความเสี่ยง / ตรวจพบคลาดเคลื่อน (false positive) (2)" in aside
    assert re.search(r'class="do-first">.*finding-f-retention', before, re.S)
    rows = list(csv.reader(io.StringIO(csv_path.read_text("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["f-retention", "f-unreg", "f-access"]


# --- CSV / XLSX ---------------------------------------------------------------------------


def test_csv_appends_triage_columns_and_lists_set_aside_last(triaged: ScanResult) -> None:
    assert FINDING_COLUMNS[: len(OLD_COLUMNS)] == OLD_COLUMNS
    assert FINDING_COLUMNS[len(OLD_COLUMNS) :] == (
        "triage_status", "triage_by", "triage_at", "triage_reason", "triage_until",
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(to_csv_text(triaged, "en"))))
    assert rows[0] == finding_headers("en")
    assert rows[0][-5:] == [
        "triage status", "triage by", "triage at (UTC)", "triage reason", "triage until",
    ]  # fmt: skip
    assert [row[0] for row in rows[1:]] == ["f-scan", "f-retention", "f-unreg", "f-access"]
    cells = {row[0]: row[-5:] for row in rows[1:]}
    assert cells["f-access"] == [
        "Accepted risk", "dpo@example.co.th", AT, "<b>board</b> accepts", "2024-12-31",
    ]  # fmt: skip
    assert cells["f-retention"][0] == "Acknowledged"
    assert cells["f-unreg"][3] == "'" + FORMULA_REASON  # a person's reason is formula-guarded
    assert cells["f-scan"] == ["", "", "", "", ""]
    thai = list(csv.reader(io.StringIO(to_csv_text(triaged, "th"))))
    assert {row[0]: row[-5] for row in thai[1:]}["f-unreg"] == "ตรวจพบคลาดเคลื่อน (false positive)"


def test_xlsx_findings_sheet_has_triage_columns(triaged: ScanResult) -> None:
    sheet = build_workbook(triaged, "th")["ประเด็นที่ตรวจพบ"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0][-5:]) == finding_headers("th")[-5:]
    by_id = {row[0]: row for row in rows[1:]}
    until = FINDING_COLUMNS.index("triage_until")
    status = FINDING_COLUMNS.index("triage_status")
    assert by_id["f-access"][until] == date(2024, 12, 31)  # a date cell, not text
    assert by_id["f-access"][status] == "ยอมรับความเสี่ยง"
    assert by_id["f-retention"][status] == "รับทราบแล้ว"
    assert by_id["f-scan"][status] is None and by_id["f-scan"][until] is None
    assert [row[0] for row in rows[1:]][-2:] == ["f-unreg", "f-access"]


# --- access report ------------------------------------------------------------------------


def test_access_report_shows_triage_and_counts_open_findings_only(
    triaged: ScanResult, tmp_path: Path
) -> None:
    reviews = [AccessReview("hr", findings=triaged.findings)]
    context = access_report.html_context(reviews, "en")
    assert context["open_findings"] == 2
    assert [f["triage"]["status"] if f["triage"] else None for f in context["findings"]] == [
        None, "acknowledged", "false_positive", "accepted",
    ]  # fmt: skip
    page = access_report.render_html(reviews, "th")
    assert "ประเด็นด้านสิทธิ์การเข้าถึง (2)" in page
    assert 'class="set-aside"' in page and "ยอมรับความเสี่ยง" in page
    assert "ไม่นับรวมประเด็นที่พิจารณาแล้ว 2 ประเด็น" in page
    (path,) = access_report.write_access_reports(reviews, tmp_path, ["xlsx"], "en")
    findings = list(openpyxl.load_workbook(path)["Findings"].iter_rows(values_only=True))
    assert findings[-1][0] == "f-access" and findings[-1][-5] == "Accepted risk"


# --- printed summary ----------------------------------------------------------------------


def test_summary_leaves_set_aside_findings_out_of_the_totals(triaged: ScanResult) -> None:
    lines = summary_lines(triaged, [], 1.0)
    assert "  findings: 2 (1 critical, 1 high)" in lines
    assert "    RETENTION_EXPIRED: 1" in lines  # acknowledged: still counted
    assert not any("ACCESS_PUBLIC" in line or "PII_UNREGISTERED" in line for line in lines)
    assert (
        "  set aside by triage: 2 (1 accepted, 1 false positive); "
        "not counted in the findings totals above"
    ) in lines


def test_summary_without_set_aside_findings_has_no_such_line() -> None:
    lines = summary_lines(_triaged(**{"f-retention": TRIAGES["f-retention"]}), [], 1.0)
    assert "  findings: 4 (1 critical, 2 high, 1 medium)" in lines
    assert not any("set aside" in line for line in lines)
