"""ACCESS_EXCESSIVE: an approved principal holds privileges beyond the approved ones.

Risk: more than the purpose needs — a reporting login that may also UPDATE
or DELETE personal data (s.37(1) least privilege).
Non-compliant: the access list approves SELECT for ``hr_app`` on
``hr.employees`` and ``hr_app`` also holds UPDATE (directly or through a role).
Compliant: ``hr_app`` holds only privileges the covering grants list.

One finding per (principal, dataset); ``privileges`` are only the extra ones
(held − union of the covering grants' privileges). PUBLIC / everyone is left
to ACCESS_PUBLIC. Severity: medium, high when the dataset holds
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


def check_access_excessive(row: AccessRow) -> list[Finding]:
    """One finding listing the extra privileges of an approved, non-PUBLIC principal."""
    if not row.approved or row.is_public or not row.extra:
        return []
    held_en, held_th = held_text(row, row.extra)
    approved = ", ".join(row.approved_privileges)
    return [
        access_finding(
            ACCESS_EXCESSIVE,
            row.source,
            row.dataset,
            row.principal,
            row.extra,
            columns=finding_columns(row, row.extra),
            severity="high" if row.sensitive else None,
            message_en=(
                f"{row.principal} is approved for {approved} on {row.dataset} but also holds "
                f"{held_en}."
            ),
            message_th=(
                f"{row.principal} ได้รับอนุมัติสิทธิ์ {approved} บน {row.dataset} แต่มีสิทธิ์เกินที่อนุมัติ: {held_th}"
            ),
            remediation=revoke_text(row, row.extra, "add them to the approved grant"),
        )
    ]


ACCESS_EXCESSIVE: FindingType[AccessRowCheck] = FindingType(
    code="ACCESS_EXCESSIVE",
    severity="medium",
    law="PDPA s.37(1)",
    name=Bilingual(th="สิทธิ์เข้าถึงเกินที่อนุมัติ", en="Excessive access"),
    description=Bilingual(
        th="ผู้ที่ได้รับอนุมัติมีสิทธิ์มากกว่าสิทธิ์ที่ได้รับอนุมัติ",
        en="An approved principal holds privileges beyond the approved ones.",
    ),
    action=Bilingual(
        th="เพิกถอนสิทธิ์ส่วนที่เกินจากที่อนุมัติ หรือขออนุมัติเพิ่มในรายการสิทธิ์",
        en="Revoke the privileges beyond the approved ones, or approve them.",
    ),
    count_unit="privileges",
    check=check_access_excessive,
)
