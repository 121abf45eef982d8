"""How an access list's principal names a source principal: Windows principals of SMB shares.

A principal with a ``sid`` (from an SMB share) matches its SID or its Windows
name in any letter case; a listed name without a domain matches that name in
any domain. The traps: a longer or shorter name, another domain, a SID that
only starts the same, and database / local names that must keep their exact,
case-sensitive matching.
"""

from __future__ import annotations

from datetime import date

import pytest

from connectors.model import HeldPrivilege, Principal
from scanners.checks.access.common import principal_matches
from scanners.checks.access.review import review_access
from scanners.model.access import ApprovedGrant

ALICE_SID = "S-1-5-21-1111-2222-3333-1105"
HR_ALICE = Principal("HR\\alice", "user", sid=ALICE_SID)
BARE_SID = Principal(ALICE_SID, "user", sid=ALICE_SID)  # no name known: the SID is its name
EVERYONE = Principal("Everyone", "public", can_login=False, sid="S-1-1-0")
USERS = Principal("BUILTIN\\Users", "public", can_login=False, sid="S-1-5-32-545")
UNIX_GROUP = Principal("Unix Group\\4242", "group", can_login=False, sid="S-1-22-2-4242")


@pytest.mark.parametrize(
    ("listed", "actual", "matches"),
    [
        ("HR\\alice", HR_ALICE, True),
        ("hr\\ALICE", HR_ALICE, True),
        ("alice", HR_ALICE, True),  # no domain: any domain
        ("  Alice ", HR_ALICE, True),
        (ALICE_SID, HR_ALICE, True),
        (ALICE_SID.lower(), HR_ALICE, True),
        (ALICE_SID, BARE_SID, True),
        ("alicia", HR_ALICE, False),
        ("alic", HR_ALICE, False),
        ("FIN\\alice", HR_ALICE, False),
        ("\\alice", HR_ALICE, False),
        ("HR", HR_ALICE, False),
        ("", HR_ALICE, False),
        ("S-1-5-21-1111-2222-3333-110", HR_ALICE, False),
        ("S-1-5-21-1111-2222-3333-11050", HR_ALICE, False),
        ("alice", BARE_SID, False),
        ("Everyone", EVERYONE, True),
        ("everyone", USERS, True),  # Everyone names every public principal
        ("PUBLIC", USERS, True),
        ("Users", USERS, True),
        ("builtin\\users", USERS, True),
        ("S-1-5-32-545", USERS, True),
        ("S-1-1-0", USERS, False),
        ("Everyone", HR_ALICE, False),
        ("4242", UNIX_GROUP, True),
        ("unix group\\4242", UNIX_GROUP, True),
        ("Unix Group\\424", UNIX_GROUP, False),
        # without a SID (databases, local shares) nothing changes: exact and case-sensitive
        ("Alice", Principal("alice", "user"), False),
        ("alice", Principal("HR\\alice", "user"), False),
        ("alice", Principal("alice", "user"), True),
        ("app", Principal("'app'@'%'", "user"), True),
        ("Everyone", Principal("everyone", "public"), True),
    ],
)
def test_windows_principal_matching(listed: str, actual: Principal, matches: bool) -> None:
    assert principal_matches(listed, actual) is matches


def smb_grant(principal: str, privileges: tuple[str, ...] = ("READ",)) -> ApprovedGrant:
    return ApprovedGrant(
        source="share",
        dataset="hr/*",
        principal=principal,
        privileges=privileges,
        approved_by="dpo@example.co.th",
        reviewed_at=date(2026, 6, 1),
        review_every="12m",
        origin="access.toml:1",
    )


@pytest.mark.parametrize(
    ("listed", "approved"),
    [
        (ALICE_SID, True),
        ("alice", True),
        ("HR\\Alice", True),
        ("FIN\\alice", False),
        ("alicia", False),
    ],
)
def test_review_approves_a_windows_principal_by_sid_or_name(listed: str, approved: bool) -> None:
    held = [
        HeldPrivilege("hr/pay.csv", "HR\\alice", "READ", "direct"),
        HeldPrivilege("hr/pay.csv", "Everyone", "READ", "other"),
    ]
    personal = {"hr/pay.csv": frozenset({"TH_NATIONAL_ID"})}
    review = review_access(
        "share", [HR_ALICE, EVERYONE], held, personal, [smb_grant(listed)], date(2026, 7, 1)
    )
    kinds = {(f.type, f.principal) for f in review.findings}
    assert ("ACCESS_PUBLIC", "Everyone") in kinds
    assert (("ACCESS_UNAPPROVED", "HR\\alice") in kinds) is not approved
    assert (("ACCESS_STALE_ENTRY", listed) in kinds) is not approved
    if not approved:
        unapproved = next(f for f in review.findings if f.type == "ACCESS_UNAPPROVED")
        assert 'icacls "hr\\pay.csv" /remove:g "HR\\alice"' in unapproved.remediation
    public = next(f for f in review.findings if f.type == "ACCESS_PUBLIC")
    assert '/remove:g "Everyone"' in public.remediation and "chmod" not in public.remediation
