"""ACCESS_STALE_ENTRY: the access list approves a principal that no longer exists on the source.

Risk: a stale approval is a standing permission — recreate an account with
that name (a new hire, an attacker) and it inherits the approval; and the list
no longer describes reality, so reviews of it mean little (s.37(1)).
Non-compliant: a grant to ``old_etl`` while the source has no such role.
Compliant: every listed principal exists (same matching rules as the review:
PUBLIC / everyone in any case, ``user`` matching ``'user'@'host'`` on every
host).

One finding per (dataset glob, principal) of the source; ``dataset`` is the
grant's glob. Nothing is reported when the source listed no principals at
all (it could not enumerate them). Severity: low.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from connectors.model import Principal
from scanners.checks.access.common import AccessListCheck, access_finding, principal_matches
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.model.access import ApprovedGrant
from scanners.model.result import Finding


def check_access_stale_entry(
    source: str, grants: Sequence[ApprovedGrant], principals: Sequence[Principal], today: date
) -> list[Finding]:
    """One finding per grant of ``source`` whose principal matches none of ``principals``."""
    if not principals:
        return []
    findings: dict[tuple[str, str], Finding] = {}
    for grant in grants:
        key = (grant.dataset, grant.principal)
        if grant.source != source or key in findings:
            continue
        if any(principal_matches(grant.principal, p) for p in principals):
            continue
        where = f" ({grant.origin})" if grant.origin else ""
        findings[key] = access_finding(
            ACCESS_STALE_ENTRY,
            source,
            grant.dataset,
            grant.principal,
            grant.privileges,
            message_en=(
                f"The access list approves {', '.join(grant.privileges)} on {grant.dataset} "
                f"for {grant.principal}{where}, but no such principal exists on source {source}."
            ),
            message_th=(
                f"บัญชีสิทธิ์อนุมัติสิทธิ์ {', '.join(grant.privileges)} บน {grant.dataset} "
                f"ให้ {grant.principal}{where} แต่ไม่พบผู้ใช้/บทบาทนี้ในแหล่งข้อมูล {source}"
            ),
            remediation=(
                f"Remove the grant from the access list{where} or correct its principal name."
            ),
        )
    return list(findings.values())


ACCESS_STALE_ENTRY: FindingType[AccessListCheck] = FindingType(
    code="ACCESS_STALE_ENTRY",
    severity="low",
    law="PDPA s.37(1)",
    name=Bilingual(th="รายการสิทธิ์ล้าสมัย", en="Stale access entry"),
    description=Bilingual(
        th="ผู้ที่ได้รับอนุมัติไม่มีอยู่ในแหล่งข้อมูลแล้ว",
        en="An approved principal no longer exists on the source.",
    ),
    action=Bilingual(
        th="ลบรายการสิทธิ์ของผู้ใช้ที่ไม่มีอยู่แล้ว หรือแก้ชื่อให้ถูกต้อง",
        en="Remove the grant of a principal that no longer exists, or correct its name.",
    ),
    count_unit="grants",
    check=check_access_stale_entry,
)
