"""ERASURE_PENDING: subjects who asked for erasure or withdrew consent are still present.

Risk: s.33 (right to erasure) and s.19 (withdrawn consent) — after the grace
period (``[erasure] grace_days``) the subject's data must be gone or
anonymised unless an exemption applies; keeping it ignores a data subject's
request.
Non-compliant: an erasure request from 60 days ago whose national ID is
still in ``public.customers.citizen_id`` (grace 30 days).
Compliant: no due subject is found, or the entry declares an exemption
(``legal_claims``): then no finding, an :class:`Exemption` instead.

Facts: :class:`ErasureFacts` — how many due subjects were found and in
which columns; the subjects themselves never reach this module. ``count``
is the number of subjects (never values). Severity: high,
always: each one is a person whose request is being ignored. ``due`` is the
legal deadline: the earliest request date plus ``grace_days`` among them.
"""

from __future__ import annotations

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import (
    RegisterCheck,
    exemptions_for,
    joined,
    register_finding,
)
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult


def check_erasure_pending(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """A finding when requested subjects are still present, or exemptions when declared."""
    erasure = facts.erasure
    if erasure is None or erasure.pending <= 0:
        return CheckOutcome()
    count = erasure.pending
    if entry.exemptions:
        return CheckOutcome(
            exemptions=exemptions_for(
                ERASURE_PENDING.code,
                dataset,
                entry,
                count,
                f"the data of {count} subject(s) who asked for erasure or withdrew consent",
                f"ข้อมูลของเจ้าของข้อมูล {count} รายที่ขอให้ลบหรือถอนความยินยอม",
            )
        )
    where = joined(erasure.columns) or "-"
    finding = register_finding(
        ERASURE_PENDING,
        dataset,
        entry,
        columns=erasure.columns,
        count=count,
        message_th=(
            f"เจ้าของข้อมูล {count} รายที่ขอให้ลบข้อมูลหรือถอนความยินยอมยังคงมีข้อมูลอยู่ใน "
            f"{dataset.name} (คอลัมน์ {where}) หลังพ้นระยะเวลาผ่อนผัน "
            f"(คำขอที่ครบกำหนด {erasure.requests_due} รายการ)"
        ),
        message_en=(
            f"{count} data subject(s) who asked for erasure or withdrew consent are still "
            f"present in {dataset.name} (column(s) {where}) after the grace period "
            f"({erasure.requests_due} request(s) due)."
        ),
        remediation=erasure.remediation
        or (
            f"Erase or anonymise the rows of these subjects in {dataset.name}, or record in "
            f"register entry {entry.id} the exemption under which they must be kept."
        ),
        due=erasure.deadline,
    )
    return CheckOutcome(findings=(finding,))


ERASURE_PENDING: FindingType[RegisterCheck] = FindingType(
    code="ERASURE_PENDING",
    severity="high",
    law="PDPA s.33, s.37(3)",
    name=Bilingual(th="คำขอลบข้อมูลยังไม่ได้ดำเนินการ", en="Erasure pending"),
    description=Bilingual(
        th="เจ้าของข้อมูลที่ขอลบข้อมูลหรือถอนความยินยอมยังคงมีข้อมูลอยู่หลังพ้น grace_days",
        en="Subjects who asked for erasure or withdrew consent are still present after grace_days.",
    ),
    action=Bilingual(
        th="ลบหรือทำให้เป็นข้อมูลนิรนามซึ่งข้อมูลของผู้ที่ขอให้ลบหรือถอนความยินยอม หรือบันทึกข้อยกเว้นที่ต้องเก็บไว้",
        en="Erase or anonymise the data of the subjects who asked, or record the exemption "
        "that keeps it.",
    ),
    count_unit="subjects",
    check=check_erasure_pending,
    facts=("erasure",),
    check_th="การตรวจคำขอลบข้อมูล",
    due_days=0,  # the grace period is already over when the finding is raised
)
