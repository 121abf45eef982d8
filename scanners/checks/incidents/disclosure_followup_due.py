"""DISCLOSURE_FOLLOWUP_DUE: a disclosure's follow-up date passed with no answer recorded.

Risk: data handed to a recipient outlives the purpose it was disclosed for
when nobody asks whether the recipient still needs it.
Non-compliant: a disclosure to a payroll bureau with a follow-up date last
month and no answer recorded. Compliant: the answer recorded with
``pdpa-agent disclosures followup``.

Declared only: no check raises it yet. Due the day it is found (its
follow-up date has already passed); ``count`` would be rows disclosed.
Severity and law as SPEC §10 gives them.
"""

from __future__ import annotations

from scanners.checks.finding_type import Bilingual, FindingType

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
    due_days=0,  # the follow-up date has already passed when it is found
)
