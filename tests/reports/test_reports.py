"""Tests of the report writers (json, csv, html, xlsx) over a hand-built ScanResult."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from reports import FORMATS, write_reports
from reports.common import FINDING_COLUMNS, atomic_write, finding_headers
from reports.formats.csv_report import to_csv_text
from reports.formats.html_report import render_html
from reports.formats.json_report import to_json_dict
from reports.formats.xlsx_report import DATASET_COLUMNS, build_workbook, sheet_headers
from reports.text import labels
from scanners.model.result import (
    ColumnResult,
    DatasetResult,
    Finding,
    PiiMatch,
    ScanInfo,
    ScanResult,
    SourceStatus,
)

THAI_MESSAGE = "ชุดข้อมูล <b>พนักงาน</b> มีข้อมูลส่วนบุคคล & ไม่ตรงกับทะเบียน"
EVIL_DATASET = "<script>alert('x')</script>"
INJECTION = "=cmd|' /C calc'!A0"

SPEC_FINDING_KEYS = [
    "id",
    "type",
    "severity",
    "source",
    "dataset",
    "columns",
    "count",
    "register_id",
    "owner",
    "principal",
    "privileges",
    "law",
    "message",
    "remediation",
    "due",
    "count_unit",
]


def _finding(**overrides: object) -> Finding:
    values: dict[str, object] = {
        "id": "f-0",
        "type": "PII_UNREGISTERED",
        "severity": "high",
        "source": "hr",
        "dataset": "public.พนักงาน",
        "columns": (),
        "count": None,
        "register_id": None,
        "owner": None,
        "principal": None,
        "privileges": (),
        "law": "PDPA s.39",
        "message_th": "ข้อความ",
        "message_en": "message",
        "remediation": None,
    }
    values.update(overrides)
    return Finding(**values)  # type: ignore[arg-type]


@pytest.fixture
def result() -> ScanResult:
    employees = DatasetResult(
        source="hr",
        name="public.พนักงาน",
        kind="table",
        row_count=5231,
        register_id=None,
        columns=(
            ColumnResult(
                name="เลขบัตรประชาชน",
                sampled=1000,
                pii=(PiiMatch("TH_NATIONAL_ID", 0.98, 0.97),),
                evidence=("1-1037-xxxxx-xx-1",),
                reasons=("TH_NATIONAL_ID: recognizer ratio 0.97; name prior 'บัตรประชาชน'",),
            ),
            ColumnResult(name="แผนก", sampled=1000),
        ),
    )
    evil = DatasetResult(
        source="hr",
        name=EVIL_DATASET,
        kind="view",
        row_count=None,
        register_id="HR-002",
        columns=(
            ColumnResult(
                name="เบอร์โทร",
                sampled=50,
                pii=(PiiMatch("PHONE_NUMBER", 0.9, 0.8), PiiMatch("PERSON", 0.4, 0.1)),
                evidence=("08x-xxx-x123",),
            ),
        ),
        error="timeout after 30 s",
    )
    findings = (
        _finding(
            id="f-access",
            type="ACCESS_PUBLIC",
            severity="medium",
            columns=("เลขบัตรประชาชน",),
            principal="PUBLIC",
            privileges=("SELECT", "UPDATE"),
            law="PDPA s.37(1)",
            message_th=INJECTION,
            message_en=INJECTION,
            remediation='REVOKE SELECT, UPDATE ON "public"."พนักงาน" FROM PUBLIC',
        ),
        _finding(
            id="f-retention",
            type="RETENTION_EXPIRED",
            count=42,
            register_id="HR-001",
            owner="hr-owner@example.co.th",
            message_en="42 rows past retention",
        ),
        _finding(
            id="f-unreg",
            columns=("เลขบัตรประชาชน",),
            message_th=THAI_MESSAGE,
            message_en="Dataset holds personal data but is not registered",
            remediation="Add a register entry for hr/public.พนักงาน",
        ),
        _finding(
            id="f-scan",
            type="SCAN_ERROR",
            severity="critical",
            source="files",
            dataset=None,
            law="-",
            message_th="เชื่อมต่อแหล่งข้อมูลไม่ได้: connection refused",
            message_en="could not connect: connection refused",
        ),
    )
    return ScanResult(
        scan=ScanInfo("scan-1", "2024-05-01T01:00:00Z", "2024-05-01T01:05:00Z", "0.1.0"),
        sources=(
            SourceStatus("hr", "ok", None, 2),
            SourceStatus("files", "error", "connection refused", 0),
        ),
        datasets=(employees, evil),
        findings=findings,
    )


# --- JSON ---------------------------------------------------------------------------------


def test_json_keys_and_order_follow_spec(result: ScanResult) -> None:
    doc = to_json_dict(result)
    assert list(doc) == ["schema_version", "scan", "sources", "datasets", "findings"]
    assert doc["schema_version"] == 1
    assert list(doc["scan"]) == ["id", "started_at", "finished_at", "tool_version"]
    assert [list(s) for s in doc["sources"]] == [["name", "status", "error", "datasets"]] * 2
    with_error, plain = doc["datasets"]  # "<script>…" sorts before "public.…"
    keys = ["source", "name", "kind", "row_count", "register_id", "columns"]
    assert list(plain) == keys
    assert list(with_error) == [*keys, "error"]
    assert with_error["error"] == "timeout after 30 s"
    column = plain["columns"][0]
    assert list(column) == ["name", "sampled", "pii", "evidence", "reasons"]
    assert column["pii"] == [{"type": "TH_NATIONAL_ID", "confidence": 0.98, "match_ratio": 0.97}]
    assert list(column["pii"][0]) == ["type", "confidence", "match_ratio"]
    assert plain["columns"][1]["pii"] == []
    for finding in doc["findings"]:
        assert list(finding) == SPEC_FINDING_KEYS
        assert list(finding["message"]) == ["th", "en"]
        assert isinstance(finding["privileges"], list)
        assert isinstance(finding["columns"], list)


def test_json_ordering(result: ScanResult) -> None:
    doc = to_json_dict(result)
    assert [s["name"] for s in doc["sources"]] == ["files", "hr"]
    assert [d["name"] for d in doc["datasets"]] == [EVIL_DATASET, "public.พนักงาน"]
    assert [f["id"] for f in doc["findings"]] == ["f-scan", "f-unreg", "f-retention", "f-access"]
    access = doc["findings"][-1]
    assert access["principal"] == "PUBLIC"
    assert access["privileges"] == ["SELECT", "UPDATE"]
    assert doc["findings"][0]["dataset"] is None


def test_json_file_round_trips_and_keeps_thai(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["json"])
    assert path == tmp_path / "findings.json"
    text = path.read_bytes().decode("utf-8")
    assert "ชุดข้อมูล <b>พนักงาน</b>" in text  # ensure_ascii=False
    assert '\n  "scan": {' in text  # indent 2
    assert json.loads(text) == to_json_dict(result)
    assert list(json.loads(text)) == list(to_json_dict(result))


def test_json_is_stable_whatever_the_input_order(result: ScanResult) -> None:
    shuffled = ScanResult(
        scan=result.scan,
        sources=result.sources[::-1],
        datasets=result.datasets[::-1],
        findings=result.findings[::-1],
    )
    assert json.dumps(to_json_dict(shuffled)) == json.dumps(to_json_dict(result))


# --- CSV ----------------------------------------------------------------------------------


def test_csv_has_bom_header_and_rows(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["csv"])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == finding_headers("th")
    assert rows[0][:4] == ["รหัสประเด็น", "รหัสประเภท", "ประเภท", "ความรุนแรง"]
    assert [row[0] for row in rows[1:]] == ["f-scan", "f-unreg", "f-retention", "f-access"]
    by_id = {row[0]: dict(zip(FINDING_COLUMNS, row, strict=True)) for row in rows[1:]}
    assert by_id["f-unreg"]["message"] == THAI_MESSAGE
    assert by_id["f-access"]["privileges"] == "SELECT;UPDATE"
    assert by_id["f-access"]["columns"] == "เลขบัตรประชาชน"
    assert by_id["f-retention"]["count"] == "42"
    assert by_id["f-scan"]["dataset"] == ""


def test_csv_guards_formula_injection(result: ScanResult) -> None:
    rows = list(csv.reader(io.StringIO(to_csv_text(result, "en"))))
    access = next(row for row in rows if row[0] == "f-access")
    assert access[FINDING_COLUMNS.index("message")] == "'" + INJECTION
    scan_error = next(row for row in rows if row[0] == "f-scan")
    assert scan_error[FINDING_COLUMNS.index("law")] == "'-"
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_csv_message_follows_language(result: ScanResult) -> None:
    assert "42 rows past retention" in to_csv_text(result, "en")
    assert "42 rows past retention" not in to_csv_text(result, "th")


# --- HTML ---------------------------------------------------------------------------------


def test_html_escapes_everything(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["html"])
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="th">' in page
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "ชุดข้อมูล &lt;b&gt;พนักงาน&lt;/b&gt; มีข้อมูลส่วนบุคคล &amp; ไม่ตรงกับทะเบียน" in page
    assert "<b>พนักงาน</b>" not in page


def test_html_content(result: ScanResult) -> None:
    page = render_html(result, "th")
    assert "Noto Sans Thai" in page
    assert "scan-1" in page
    assert "1 พ.ค. 2567 08:00 น." in page  # 01:00 UTC in Bangkok, B.E. year
    assert labels.finding_type_name("PII_UNREGISTERED", "th") in page
    assert labels.severity_name("critical", "th") in page
    assert "<code>REVOKE SELECT, UPDATE ON &#34;public&#34;.&#34;พนักงาน&#34; FROM PUBLIC" in page
    assert "connection refused" in page
    assert "1-1037-xxxxx-xx-1" in page  # masked evidence
    assert "0.98" in page and "97%" in page
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page and "<img" not in page


def test_html_language(result: ScanResult) -> None:
    page = render_html(result, "en")
    assert '<html lang="en">' in page
    assert "Dataset holds personal data but is not registered" in page
    assert "ชุดข้อมูล &lt;b&gt;" not in page
    assert labels.ui("en")["title"] in page


def test_html_empty_result() -> None:
    empty = ScanResult(scan=ScanInfo("s", "a", "b", "v"))
    page = render_html(empty, "en")
    assert labels.ui("en")["no_findings"] in page
    assert labels.ui("en")["no_datasets"] in page


# --- XLSX ---------------------------------------------------------------------------------


def test_xlsx_sheets_and_rows(result: ScanResult, tmp_path: Path) -> None:
    (path,) = write_reports(result, tmp_path, ["xlsx"], language="th")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["ประเด็นที่ตรวจพบ", "ชุดข้อมูล", "แหล่งข้อมูล"]
    assert build_workbook(result, "en").sheetnames == ["Findings", "Datasets", "Sources"]

    findings = book["ประเด็นที่ตรวจพบ"]
    rows = list(findings.iter_rows(values_only=True))
    assert list(rows[0]) == finding_headers("th")
    assert [row[0] for row in rows[1:]] == ["f-scan", "f-unreg", "f-retention", "f-access"]
    assert findings["A1"].font.bold
    assert findings.freeze_panes == "A2"
    assert findings.auto_filter.ref == "A1:R5"
    assert findings.column_dimensions["P"].width > 8
    message = FINDING_COLUMNS.index("message")
    assert rows[2][message] == THAI_MESSAGE
    assert rows[4][message] == "'" + INJECTION
    assert rows[3][FINDING_COLUMNS.index("count")] == 42
    assert rows[3][FINDING_COLUMNS.index("count_unit")] == "แถว"
    # due: a date cell; the retention finding is due on its first-seen (scan) date
    assert rows[3][FINDING_COLUMNS.index("due")].date() == date(2024, 5, 1)

    datasets = list(book["ชุดข้อมูล"].iter_rows(values_only=True))
    assert list(datasets[0]) == sheet_headers(DATASET_COLUMNS, "th")
    assert datasets[0][:6] == (
        "แหล่งข้อมูล",
        "ชุดข้อมูล",
        "ชนิด",
        "จำนวนแถว",
        "รหัสทะเบียน",
        "คอลัมน์",
    )
    assert [(row[1], row[5]) for row in datasets[1:]] == [
        (EVIL_DATASET, "เบอร์โทร"),
        ("public.พนักงาน", "เลขบัตรประชาชน"),
        ("public.พนักงาน", "แผนก"),
    ]
    assert datasets[1][6] == "PHONE_NUMBER;PERSON"
    assert datasets[1][9] == "timeout after 30 s"
    assert datasets[2][3] == 5231
    assert datasets[2][7] == pytest.approx(0.98)
    assert datasets[2][8] == "1-1037-xxxxx-xx-1"

    sources = list(book["แหล่งข้อมูล"].iter_rows(values_only=True))
    assert sources == [
        ("แหล่งข้อมูล", "สถานะ", "ข้อผิดพลาด", "จำนวนชุดข้อมูล"),
        ("files", "error", "connection refused", 0),
        ("hr", "ok", None, 2),
    ]


# --- write_reports ------------------------------------------------------------------------


def test_write_all_formats_atomically(result: ScanResult, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "out"
    paths = write_reports(result, out, FORMATS, language="en")
    assert [p.name for p in paths] == [
        "findings.json",
        "report.html",
        "findings.csv",
        "findings.xlsx",
    ]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)
    assert not list(out.glob("*.tmp"))


def test_unknown_format_raises_and_writes_nothing(result: ScanResult, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pdf"):
        write_reports(result, tmp_path / "out", ["json", "pdf"])
    assert not (tmp_path / "out").exists()


def test_unknown_language_raises(result: ScanResult, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fr"):
        write_reports(result, tmp_path, ["csv"], language="fr")


def test_failed_write_keeps_old_file_and_leaves_no_tmp(tmp_path: Path) -> None:
    target = tmp_path / "findings.json"
    target.write_text("old", encoding="utf-8")

    def crash(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, crash)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]


# --- labels -------------------------------------------------------------------------------

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


# --- Thai report text ---------------------------------------------------------------------


def test_law_principal_and_count_in_thai() -> None:
    from reports.count_units import count_text
    from reports.text.law_text import law_text

    assert law_text("PDPA s.37(3), s.39", "th") == "พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล มาตรา 37(3), มาตรา 39"
    assert law_text("PDPA s.26", "en") == "PDPA s.26"
    assert law_text("n/a", "th") == "-"
    assert labels.principal_name("PUBLIC", "th") == "PUBLIC (ทุกคน)"
    assert labels.principal_name("everyone", "th") == "ทุกคน (everyone)"
    assert labels.principal_name("hr_app", "th") == "hr_app"
    retention = _finding(type="RETENTION_EXPIRED", count=1234)
    assert count_text(retention, "th") == "1,234 แถว"
    assert count_text(retention, "en") == "1,234 rows"
    erasure = _finding(type="ERASURE_PENDING", count=1)
    assert count_text(erasure, "en") == "1 data subject"
    assert count_text(_finding(count=None), "th") == ""


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

    sql = _finding(type="RETENTION_EXPIRED", remediation="DELETE FROM t WHERE d < '2016-01-01';")
    th = remedy(sql, "th")
    assert th.command == sql.remediation and th.advice == "" and "ลบ" in th.action
    revoke = _finding(
        type="ACCESS_UNAPPROVED",
        remediation="REVOKE SELECT ON t FROM bob; — suggestion, never run by pdpa-agent; "
        "or add an approved grant to the access list.",
    )
    assert remedy(revoke, "th").command == "REVOKE SELECT ON t FROM bob;"
    assert "รายการสิทธิ์" in remedy(revoke, "th").advice
    assert remedy(revoke, "en").advice == "Or add an approved grant to the access list."
    fallback = _finding(
        type="RETENTION_EXPIRED",
        remediation="Delete the rows of hr.csv whose left_on is before 2016-11-25.",
    )
    assert remedy(fallback, "th").advice == "ลบแถวของ hr.csv ที่ left_on ก่อนวันที่ 25 พ.ย. 2559"
    assert remedy(fallback, "th", "ce").advice.endswith("25 พ.ย. 2016")
    unknown = _finding(remediation="Ask the oracle.")
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
