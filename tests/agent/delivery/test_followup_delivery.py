"""An overdue disclosure follow-up (SPEC §10) reaches the dataset owner's report and e-mail,
and no other owner's."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from agent.delivery.notifier import send_owner_reports
from agent.inputs.config import EmailSettings
from reports.formats.owner_reports import write_owner_reports
from scanners.checks.incidents.disclosure_followup_due import followup_findings
from scanners.model.disclosure import DisclosureRecord
from scanners.model.register import RegisterEntry
from scanners.model.result import ScanResult
from tests.agent.delivery.conftest import CRM, HR, HR_DATASETS
from tests.support.smtp import KeepingHandler, attachments, parse_message

SENDER = "pdpa-agent@example.co.th"

REGISTER = (
    RegisterEntry("HR-001", "db", "public.*hr*", owner=HR),
    RegisterEntry("CRM-001", "db", "public.crm_*", owner=CRM),
)


def _record(dataset: str, next_followup: date) -> DisclosureRecord:
    return DisclosureRecord(
        id="REQ-2026-014",
        source="db",
        dataset=dataset,
        recipient="สำนักงานบัญชีเงินเดือน จำกัด",
        recipient_contact="payroll@example.com",
        requested_by="HR",
        legal_basis="contract",
        sensitive_basis="",
        purpose="Payroll",
        approved_by="dpo@example.co.th",
        register_id="HR-001",
        owner="someone-else@example.co.th",  # the register's owner today wins
        disclosed_at=datetime(2026, 5, 1, 9, 0, tzinfo=UTC),
        rows=1200,
        sha256="a" * 64,
        k=None,
        treatments=(("employee_id", "keep"), ("national_id", "pseudonym")),
        format="csv",
        follow_up_every="6m",
        next_followup=next_followup,
    )


def test_the_followup_finding_is_due_only_after_its_date() -> None:
    today = date(2026, 12, 4)
    records = [_record(HR_DATASETS[0], date(2026, 12, 3)), _record(HR_DATASETS[0], today)]
    records[1] = replace(records[1], id="REQ-TODAY")
    found = followup_findings(records, today, REGISTER, {"db"})
    assert [f.principal for f in found] == ["สำนักงานบัญชีเงินเดือน จำกัด"]
    assert found[0].owner == HR and found[0].due == date(2026, 12, 3)
    assert followup_findings(records, today, REGISTER, {"other-source"}) == ()
    closed = replace(records[0], status="closed")
    assert followup_findings([closed], today, REGISTER, {"db"}) == ()


def test_the_owner_report_and_e_mail_carry_the_followup(
    result: ScanResult,
    tmp_path: Path,
    smtp_server: tuple[KeepingHandler, int],
) -> None:
    due = followup_findings(
        [_record(HR_DATASETS[0], date(2026, 11, 1))], date(2026, 12, 4), REGISTER, {"db"}
    )
    with_due = replace(result, findings=(*result.findings, *due))
    per_owner = write_owner_reports(with_due, tmp_path, ["html", "csv"], "th")
    handler, port = smtp_server
    settings = EmailSettings(smtp_url=f"smtp://127.0.0.1:{port}", sender=SENDER)
    sent, failed = send_owner_reports(settings, per_owner, "th", None, timeout=10)
    assert sorted(sent) == sorted([HR, CRM]) and failed == []
    by_rcpt = {tuple(m.rcpt_tos): attachments(parse_message(m)) for m in handler.messages}
    assert "REQ-2026-014" in by_rcpt[(HR,)]["findings.csv"]
    assert "สำนักงานบัญชีเงินเดือน จำกัด" in by_rcpt[(HR,)]["report.html"]
    assert "REQ-2026-014" not in "".join(by_rcpt[(CRM,)].values())
