"""ACCESS_UNAPPROVED: a principal holds privileges on personal data and no approved grant covers it.

Risk: access the data owner never approved — no record of who may read or
change the data, so no one reviews it (s.37(1) user access management).
Non-compliant: ``app_login`` holds SELECT on ``hr.employees`` (directly, or
through a role, ownership or superuser status) and the access list has no
grant for ``app_login`` whose dataset glob matches ``hr.employees``.
Compliant: a grant for (``app_login``, ``hr.*``) in the access list, or the
privilege revoked.

One finding per (principal, dataset); ``privileges`` are all the privileges
held, and the message says how each is held. PUBLIC / everyone is left to
ACCESS_PUBLIC. Severity: high, critical when the dataset holds
Section 26 sensitive data.
"""

from __future__ import annotations

from scanners.checks.access.common import (
    AccessRowCheck,
    access_finding,
    finding_columns,
    held_text,
    revoke_text,
)
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.model.result import AccessRow, Finding


def check_access_unapproved(row: AccessRow) -> list[Finding]:
    """One finding when no grant covers (principal, dataset) and the principal is not PUBLIC."""
    if row.approved or row.is_public or not row.privileges:
        return []
    held_en, held_th = held_text(row, row.privileges)
    return [
        access_finding(
            ACCESS_UNAPPROVED,
            row.source,
            row.dataset,
            row.principal,
            row.privileges,
            columns=finding_columns(row, row.privileges),
            severity="critical" if row.sensitive else None,
            message_en=(
                f"{row.principal} holds {held_en} on {row.dataset}, which holds personal data "
                f"({', '.join(row.pii_types)}), but no approved grant in the access list covers it."
            ),
            message_th=(
                f"{row.principal} มีสิทธิ์ {held_th} บน {row.dataset} ซึ่งมีข้อมูลส่วนบุคคล "
                f"({', '.join(row.pii_types)}) แต่ไม่มีรายการอนุมัติในบัญชีสิทธิ์ (access list) รองรับ"
            ),
            remediation=revoke_text(
                row, row.privileges, "add an approved grant to the access list"
            ),
        )
    ]


ACCESS_UNAPPROVED: FindingType[AccessRowCheck] = FindingType(
    code="ACCESS_UNAPPROVED",
    severity="high",
    law="PDPA s.37(1)",
    name=Bilingual(th="สิทธิ์เข้าถึงที่ไม่ได้รับอนุมัติ", en="Unapproved access"),
    description=Bilingual(
        th="ผู้ใช้หรือบทบาทมีสิทธิ์ในชุดข้อมูลที่มีข้อมูลส่วนบุคคลโดยไม่มีการอนุมัติรองรับ",
        en="A principal holds a privilege on a dataset with personal data and no "
        "approved grant covers it.",
    ),
    action=Bilingual(
        th="เพิกถอนสิทธิ์ที่ไม่ได้รับอนุมัติ หรือขออนุมัติและบันทึกในรายการสิทธิ์",
        en="Revoke the unapproved privilege, or approve it in the access list.",
    ),
    count_unit="privileges",
    check=check_access_unapproved,
)
