"""DISCLOSURE_FOLLOWUP_DUE: a disclosure's follow-up date passed with no answer recorded.

Risk: data handed to a recipient outlives the purpose it was disclosed for
when nobody asks whether the recipient still needs it.
Non-compliant: a disclosure to a payroll bureau with a follow-up date last
month and no answer recorded. Compliant: the answer recorded with
``pdpa-agent disclosures followup``.

Raised by :func:`followup_findings` for every open disclosure of a scanned
source whose next follow-up date is before the scan's day; ``principal`` is
the recipient, the owner the dataset's register owner, ``count`` the rows
disclosed and ``due`` the follow-up date itself (already past). The id key is
the disclosure id, so two disclosures to one recipient are two findings, and
recording an answer that closes or reschedules the disclosure resolves it on
the next scan of its source. Severity and law as SPEC §10 gives them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from connectors.errors import ConfigError
from scanners.checks.finding_type import Bilingual, FindingType, make_finding
from scanners.dates.thai_calendar import thai_date
from scanners.model.disclosure import DisclosureRecord
from scanners.model.register import RegisterEntry, match_entry
from scanners.model.result import Finding


def _entry(register: Sequence[RegisterEntry], record: DisclosureRecord) -> RegisterEntry | None:
    try:
        return match_entry(register, record.source, record.dataset)
    except ConfigError:  # two entries match: the register checks report it
        return None


def _attempts(record: DisclosureRecord) -> tuple[str, str]:
    """Thai and English words on unanswered attempts since the follow-up fell due."""
    tries = [f for f in record.followups if f.status == "no_answer"]
    if not tries:
        return "", ""
    last = tries[-1].recorded_at.date()
    return (
        f" (ติดตามแล้วแต่ไม่ได้รับคำตอบ ล่าสุด {thai_date(last)})",
        f" (asked, no answer; last asked {last.isoformat()})",
    )


def followup_findings(
    records: Sequence[DisclosureRecord],
    today: date,
    register: Sequence[RegisterEntry],
    sources: Collection[str],
) -> tuple[Finding, ...]:
    """One DISCLOSURE_FOLLOWUP_DUE per open disclosure of ``sources`` past its follow-up."""
    findings = []
    for record in records:
        if record.source not in sources or not record.followup_due(today):
            continue
        due = record.next_followup
        assert due is not None  # followup_due says so
        entry = _entry(register, record)
        tried_th, tried_en = _attempts(record)
        findings.append(
            make_finding(
                DISCLOSURE_FOLLOWUP_DUE,
                record.source,
                record.dataset,
                key=record.id,
                message_th=(
                    f"การเปิดเผยข้อมูล {record.id} จาก {record.dataset} ให้ {record.recipient} "
                    f"({record.rows} แถว เมื่อ {thai_date(record.disclosed_at.date())}) "
                    f"ถึงกำหนดติดตามผลตั้งแต่ {thai_date(due)}{tried_th}: ถามผู้รับว่ายังต้องใช้"
                    "ข้อมูลหรือไม่ และบันทึกคำตอบ"
                ),
                message_en=(
                    f"Disclosure {record.id} of {record.dataset} to {record.recipient} "
                    f"({record.rows} rows on {record.disclosed_at.date().isoformat()}) has been "
                    f"due for follow-up since {due.isoformat()}{tried_en}: ask the recipient "
                    "whether they still need it and record the answer."
                ),
                columns=tuple(column for column, _ in record.treatments),
                count=record.rows,
                register_id=entry.id if entry is not None else record.register_id,
                owner=entry.owner if entry is not None else record.owner,
                principal=record.recipient,
                remediation=(
                    f"pdpa-agent disclosures followup {record.id} --status "
                    "still_needed|deleted|returned|no_answer --by WHO --note TEXT"
                ),
                due=due,
            )
        )
    return tuple(findings)


DISCLOSURE_FOLLOWUP_DUE: FindingType[None] = FindingType(
    code="DISCLOSURE_FOLLOWUP_DUE",
    severity="medium",
    law="PDPA s.37(2)",
    name=Bilingual(th="ถึงกำหนดติดตามการเปิดเผยข้อมูล", en="Disclosure follow-up due"),
    description=Bilingual(
        th="เลยวันติดตามผลของการเปิดเผยข้อมูลให้ผู้อื่นแล้วแต่ยังไม่ได้บันทึกคำตอบ",
        en="A disclosure's follow-up date has passed with no answer recorded.",
    ),
    action=Bilingual(
        th="ติดตามผู้รับข้อมูลว่ายังต้องใช้ข้อมูลหรือไม่ และบันทึกคำตอบ (pdpa-agent disclosures followup)",
        en="Ask the recipient whether they still need the data and record the answer "
        "(pdpa-agent disclosures followup).",
    ),
    count_unit="rows",
    check=None,
    due_days=0,  # due is the follow-up date itself, already past when it is found
)
