"""The hand-built ScanResult the report writer tests render (tests/reports).

:func:`sample_result` is one scan of two sources: a Thai-named table with a
national-ID column, a view with a hostile name and a sampling error, and four
findings (public access whose message is a spreadsheet formula, expired
retention, an unregistered dataset whose Thai message holds HTML, and a
source that could not be reached). :func:`make_finding` writes a finding with
neutral defaults. The ``result`` fixture of tests/reports/conftest.py returns
:func:`sample_result`.
"""

from __future__ import annotations

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


def make_finding(**overrides: object) -> Finding:
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


def sample_result() -> ScanResult:
    """The scan every report writer test renders."""
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
        make_finding(
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
        make_finding(
            id="f-retention",
            type="RETENTION_EXPIRED",
            count=42,
            register_id="HR-001",
            owner="hr-owner@example.co.th",
            message_en="42 rows past retention",
        ),
        make_finding(
            id="f-unreg",
            columns=("เลขบัตรประชาชน",),
            message_th=THAI_MESSAGE,
            message_en="Dataset holds personal data but is not registered",
            remediation="Add a register entry for hr/public.พนักงาน",
        ),
        make_finding(
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
