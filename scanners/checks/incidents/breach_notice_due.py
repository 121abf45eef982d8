"""BREACH_NOTICE_DUE: an open breach needs a notice to the PDPC office not yet recorded as sent.

Risk: s.37(4) — a breach must be notified to the office within 72 hours of
becoming aware of it (and the data subjects told when the risk is high);
a late notice is a breach of its own.
Non-compliant: a breach recorded yesterday as requiring notice, with no
notice recorded. Compliant: the notice recorded as sent.

Declared only: no check raises it yet. Due three days (72 hours) after it
is first seen, unless the finding carries the legal deadline itself;
``count`` would be the data subjects affected. Severity as SPEC §11 gives it.
"""

from __future__ import annotations

from scanners.checks.finding_type import Bilingual, FindingType

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
