"""ACCESS_PUBLIC: PUBLIC (databases) or everyone (files) holds privileges on personal data.

Risk: every account on the server — present and future — can read (or
change) the personal data; no access list can control that (s.37(1)).
Non-compliant: ``GRANT SELECT ON hr.employees TO PUBLIC`` or a share file
that is world-readable. Compliant: the privilege granted to named roles only.

One finding per dataset; ``privileges`` are all privileges PUBLIC holds.
Raised even when the access list approves PUBLIC (the message then says
so): public access to personal data must stay visible. PUBLIC is never
also reported as ACCESS_UNAPPROVED or ACCESS_EXCESSIVE. Severity: critical.
"""

from __future__ import annotations

from scanners.checks.access.common import (
    AccessRowCheck,
    access_finding,
    finding_columns,
    revoke_text,
)
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.model.result import AccessRow, Finding


def check_access_public(row: AccessRow) -> list[Finding]:
    """One critical finding when the row's principal is PUBLIC / everyone."""
    if not row.is_public or not row.privileges:
        return []
    held = ", ".join(row.privileges)
    note_en = note_th = ""
    if row.approved:
        origins = ", ".join(o for o in row.grants if o) or "the access list"
        note_en = f" The access list approves this ({origins}); confirm it is intended."
        note_th = f" บัญชีสิทธิ์อนุมัติไว้ ({origins}) โปรดยืนยันว่าตั้งใจให้เป็นเช่นนั้น"
    return [
        access_finding(
            ACCESS_PUBLIC,
            row.source,
            row.dataset,
            row.principal,
            row.privileges,
            columns=finding_columns(row, row.privileges),
            message_en=(
                f"{row.principal} (every account) holds {held} on {row.dataset}, which holds "
                f"personal data ({', '.join(row.pii_types)}).{note_en}"
            ),
            message_th=(
                f"{row.principal} (ทุกบัญชีผู้ใช้) มีสิทธิ์ {held} บน {row.dataset} "
                f"ซึ่งมีข้อมูลส่วนบุคคล ({', '.join(row.pii_types)}){note_th}"
            ),
            remediation=revoke_text(row, row.privileges),
        )
    ]


ACCESS_PUBLIC: FindingType[AccessRowCheck] = FindingType(
    code="ACCESS_PUBLIC",
    severity="critical",
    law="PDPA s.37(1)",
    name=Bilingual(th="เปิดให้ทุกคนเข้าถึง", en="Public access"),
    description=Bilingual(
        th="PUBLIC (ฐานข้อมูล) หรือทุกคน (ไฟล์) อ่านชุดข้อมูลที่มีข้อมูลส่วนบุคคลได้",
        en="PUBLIC (databases) or everyone (files) can read a dataset with personal data.",
    ),
    action=Bilingual(
        th="ยกเลิกสิทธิ์ที่เปิดให้ทุกคนเข้าถึงทันที ให้เฉพาะผู้ที่ได้รับอนุมัติเท่านั้น",
        en="Remove access for everyone now; grant it only to approved principals.",
    ),
    count_unit="privileges",
    check=check_access_public,
)
