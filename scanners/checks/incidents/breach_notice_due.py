"""BREACH_NOTICE_DUE: an open breach needs a notice to the PDPC office not yet recorded as sent.

Risk: s.37(4) — a breach must be notified to the office within 72 hours of
becoming aware of it (and the data subjects told when the risk is high);
a late notice is a breach of its own.
Non-compliant: a breach recorded yesterday as requiring notice, with no
notice recorded. Compliant: the notice recorded as sent.

Raised by :func:`notice_findings` for every open breach graded ``risk`` or
``high`` (no notice recorded: closing it with ``notified`` or
``subjects_notified`` records one) when a scan reads the breach's first source.
``due`` is the deadline's date (``aware_at`` + 72 h, in the time zone
``aware_at`` was written in); the message gives the time left or how late it
is; ``count`` is the data subjects affected; ``owner`` the DPO
(``[breach] dpo_email``); the id key is the breach id. Severity as SPEC §11
gives it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from scanners.breach.clock import describe_left, describe_left_th, time_left
from scanners.checks.finding_type import Bilingual, FindingType, make_finding
from scanners.model.breach import BreachRecord
from scanners.model.result import Finding

_GRADE_TH = {"risk": "มีความเสี่ยง", "high": "มีความเสี่ยงสูง"}


def notice_findings(
    records: Sequence[BreachRecord],
    now: datetime,
    sources: Collection[str],
    dpo_email: str | None,
) -> tuple[Finding, ...]:
    """One BREACH_NOTICE_DUE per open breach that needs a notice, of a scanned source."""
    findings = []
    for record in records:
        if not record.notice_due or not record.sources or record.sources[0] not in sources:
            continue
        left = time_left(record.aware_at, now)
        subjects_en = " and the data subjects" if record.grade == "high" else ""
        subjects_th = " และเจ้าของข้อมูลส่วนบุคคล" if record.grade == "high" else ""
        local = record.deadline.astimezone(record.aware_at.tzinfo)
        findings.append(
            make_finding(
                BREACH_NOTICE_DUE,
                record.sources[0],
                None,
                key=record.id,
                message_th=(
                    f"เหตุละเมิด {record.id} ({record.title}) ประเมินว่า{_GRADE_TH[record.grade]} "
                    f"ต้องแจ้งสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล{subjects_th} "
                    f"ภายใน {local:%Y-%m-%d %H:%M} ({describe_left_th(left)}) "
                    f"ผู้ได้รับผลกระทบ {record.people} คน"
                ),
                message_en=(
                    f"Breach {record.id} ({record.title}) is graded {record.grade}: notify the "
                    f"PDPC office{subjects_en} by {local.isoformat(timespec='minutes')} "
                    f"({describe_left(left)}); {record.people} people affected."
                ),
                count=record.people,
                owner=dpo_email,
                remediation=(
                    f"pdpa-agent breach show {record.id}; send the drafted notice, then "
                    f"pdpa-agent breach close {record.id} --outcome notified --by WHO"
                ),
                due=local.date(),
            )
        )
    return tuple(findings)


BREACH_NOTICE_DUE: FindingType[None] = FindingType(
    code="BREACH_NOTICE_DUE",
    severity="critical",
    law="PDPA s.37(4)",
    name=Bilingual(th="ต้องแจ้งเหตุละเมิดข้อมูล", en="Breach notice due"),
    description=Bilingual(
        th="มีเหตุละเมิดที่ต้องแจ้งภายใน 72 ชั่วโมงแต่ยังไม่ได้บันทึกว่าแจ้งแล้ว",
        en="An open breach requires a notice that is not yet recorded as sent.",
    ),
    action=Bilingual(
        th="แจ้งเหตุละเมิดต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลภายใน 72 ชั่วโมง "
        "นับแต่ทราบเหตุ และบันทึกว่าแจ้งแล้ว",
        en="Notify the PDPC office within 72 hours of awareness and record that the notice "
        "was sent.",
    ),
    count_unit="subjects",
    check=None,
    due_days=3,  # 72 hours from awareness
)
