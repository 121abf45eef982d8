"""Windows security descriptors: parsing, rights per SID, SID names and kinds (no server).

Descriptors are built with smbprotocol's own structures (see descriptors.py);
the traps are the entries that must NOT give a right (inherit-only ACEs,
CREATOR OWNER templates, READ_CONTROL alone, a deny placed after an allow,
ACE types that are not evaluated) and bytes that must be refused.
"""

from __future__ import annotations

import random

import pytest

from connectors.files.smb_security import (
    DescriptorError,
    parse_descriptor,
    sid_access,
)
from connectors.files.smb_sids import held, principal_of, principals, sid_name
from connectors.model import HeldPrivilege, Principal

from .descriptors import (
    FULL,
    INHERIT,
    INHERIT_ONLY,
    MODIFY,
    READ,
    READ_CONTROL,
    descriptor_bytes,
    raw_ace,
    sid,
)

ROOT, WHEEL = "S-1-22-1-0", "S-1-22-2-0"
ALICE = "S-1-5-21-1111-2222-3333-1105"
HR = "S-1-5-21-1111-2222-3333-1200"
EVERYONE, OWNER_RIGHTS, CREATOR_OWNER = "S-1-1-0", "S-1-3-4", "S-1-3-0"
OBJECT_ACE = raw_ace(0x05, 0, FULL, b"\0" * 4 + bytes(sid(ALICE).pack()))
CALLBACK_ACE = raw_ace(0x09, 0, FULL, bytes(sid(ALICE).pack()) + b"artx")

RIGHTS_CASES = [
    # (case, owner, DACL entries or None, {sid: (read, write, as owner)})
    (
        "Samba's mapping of mode 644",
        ROOT,
        [
            ("allow", ROOT, 0x12019F, 0),
            ("allow", WHEEL, 0x120089, 0),
            ("allow", EVERYONE, 0x120089, 0),
        ],
        {ROOT: (True, True, True), WHEEL: (True, False, False), EVERYONE: (True, False, False)},
    ),
    ("NULL DACL: everyone holds everything", ROOT, None, {EVERYONE: (True, True, False)}),
    ("empty DACL: nobody holds anything", ROOT, [], {}),
    (
        "inherit-only ACE: not for the object",
        ROOT,
        [("allow", ALICE, FULL, INHERIT | INHERIT_ONLY)],
        {},
    ),
    (
        "inheritable ACE applies to the object too",
        ROOT,
        [("allow", ALICE, READ, INHERIT)],
        {ALICE: (True, False, False)},
    ),
    (
        "deny before allow takes the right",
        ROOT,
        [("deny", ALICE, 0x1, 0), ("allow", ALICE, MODIFY, 0)],
        {ALICE: (False, True, False)},
    ),
    (
        "deny after allow comes too late",
        ROOT,
        [("allow", ALICE, MODIFY, 0), ("deny", ALICE, 0x1, 0)],
        {ALICE: (True, True, False)},
    ),
    (
        "deny for a group leaves a member's own right",
        ROOT,
        [("deny", HR, FULL, 0), ("allow", ALICE, READ, 0)],
        {ALICE: (True, False, False)},
    ),
    (
        "deny for Everyone takes it from every SID",
        ROOT,
        [("deny", EVERYONE, 0x2, 0), ("allow", ALICE, MODIFY, 0)],
        {ALICE: (True, False, False)},
    ),
    (
        "OWNER RIGHTS gives the owner",
        ALICE,
        [("allow", OWNER_RIGHTS, READ, 0)],
        {ALICE: (True, False, True)},
    ),
    (
        "CREATOR OWNER on the object is a template only",
        ROOT,
        [("allow", CREATOR_OWNER, FULL, 0)],
        {},
    ),
    (
        "READ_CONTROL alone is no READ",
        ROOT,
        [("allow", ALICE, READ_CONTROL | 0x80 | 0x100000, 0)],
        {},
    ),
    ("GENERIC_READ", ROOT, [("allow", ALICE, 0x80000000, 0)], {ALICE: (True, False, False)}),
    ("GENERIC_WRITE", ROOT, [("allow", ALICE, 0x40000000, 0)], {ALICE: (False, True, False)}),
    ("GENERIC_ALL", ROOT, [("allow", ALICE, 0x10000000, 0)], {ALICE: (True, True, False)}),
    ("MAXIMUM_ALLOWED", ROOT, [("allow", ALICE, 0x02000000, 0)], {ALICE: (True, True, False)}),
    ("FILE_APPEND_DATA is WRITE", ROOT, [("allow", ALICE, 0x4, 0)], {ALICE: (False, True, False)}),
    ("object and callback ACEs are not evaluated", ROOT, [OBJECT_ACE, CALLBACK_ACE], {}),
    (
        "owner without an entry holds no data right",
        ALICE,
        [("allow", ROOT, FULL, 0)],
        {ROOT: (True, True, False)},
    ),
]


@pytest.mark.parametrize(
    ("case", "owner", "aces", "expected"), RIGHTS_CASES, ids=[c[0] for c in RIGHTS_CASES]
)
def test_rights_per_sid(case: str, owner: str, aces: list, expected: dict) -> None:
    descriptor = parse_descriptor(descriptor_bytes(owner, WHEEL, aces))
    found = {a.sid: (a.read, a.write, a.owner) for a in sid_access(descriptor)}
    assert found == expected


def test_parse_keeps_owner_group_and_every_ace_in_order() -> None:
    aces = [
        ("deny", ALICE, 0x1, 0),
        ("allow", EVERYONE, READ, INHERIT),
        OBJECT_ACE,
        ("allow", HR, READ, INHERIT | INHERIT_ONLY),
    ]
    descriptor = parse_descriptor(descriptor_bytes(ROOT, WHEEL, aces))
    assert (descriptor.owner, descriptor.group) == (ROOT, WHEEL)
    assert [(a.kind, a.sid, a.mask) for a in descriptor.dacl or ()] == [
        ("deny", ALICE, 0x1),
        ("allow", EVERYONE, READ),
        ("other", "", FULL),
        ("allow", HR, READ),
    ]
    assert descriptor.dacl is not None and descriptor.dacl[3].inherit_only
    assert descriptor.sids() == (ROOT, WHEEL, ALICE, EVERYONE, HR)
    assert parse_descriptor(descriptor_bytes(None, None, None)).sids() == ()


GOOD = descriptor_bytes(ROOT, WHEEL, [("allow", ALICE, READ, 0)])
BAD_CASES = [
    ("empty", b""),
    ("shorter than the header", GOOD[:12]),
    ("revision 2", b"\x02" + GOOD[1:]),
    ("owner offset past the end", GOOD[:4] + (10_000).to_bytes(4, "little") + GOOD[8:]),
    ("owner offset inside the header", GOOD[:4] + (4).to_bytes(4, "little") + GOOD[8:]),
    ("DACL cut short", GOOD[:-6]),
    ("SID with 200 sub-authorities", GOOD[:20] + b"\x01\xc8" + GOOD[22:]),
]


@pytest.mark.parametrize(("case", "data"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_malformed_descriptors_are_refused_in_one_line(case: str, data: bytes) -> None:
    with pytest.raises(DescriptorError) as caught:
        parse_descriptor(data)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 100


def test_random_bytes_parse_or_are_refused_never_crash() -> None:
    chance = random.Random(19)
    for _ in range(2_000):
        data = bytearray(GOOD)
        for _ in range(chance.randint(1, 6)):
            data[chance.randrange(len(data))] = chance.randrange(256)
        cut = bytes(data[: chance.randint(0, len(data))] if chance.random() < 0.3 else data)
        try:
            sid_access(parse_descriptor(cut))
        except DescriptorError:
            continue


NAME_CASES = [
    # (SID, name, kind) — the last ones are traps that only look well-known
    ("S-1-1-0", "Everyone", "public"),
    ("S-1-5-11", "NT AUTHORITY\\Authenticated Users", "public"),
    ("S-1-5-7", "NT AUTHORITY\\ANONYMOUS LOGON", "public"),
    ("S-1-5-32-545", "BUILTIN\\Users", "public"),
    ("S-1-5-32-544", "BUILTIN\\Administrators", "group"),
    ("S-1-5-18", "NT AUTHORITY\\SYSTEM", "user"),
    ("S-1-3-0", "CREATOR OWNER", "group"),
    ("S-1-5-21-1111-2222-3333-513", "Domain Users", "public"),
    ("S-1-5-21-1111-2222-3333-512", "Domain Admins", "group"),
    ("S-1-5-21-1111-2222-3333-514", "Domain Guests", "group"),
    ("S-1-22-1-1001", "Unix User\\1001", "user"),
    ("S-1-22-2-50", "Unix Group\\50", "group"),
    (ALICE, ALICE, "user"),
    ("S-1-5-21-1111-2222-513", "S-1-5-21-1111-2222-513", "user"),
    ("S-1-5-32-5450", "S-1-5-32-5450", "user"),
    ("S-1-22-3-5", "S-1-22-3-5", "user"),
]


@pytest.mark.parametrize(("sid_text", "name", "kind"), NAME_CASES)
def test_sid_names_and_kinds(sid_text: str, name: str, kind: str) -> None:
    assert sid_name(sid_text) == name
    principal = principal_of(sid_text, ())
    assert (principal.name, principal.kind, principal.sid) == (name, kind, sid_text)
    assert principal.can_login is (kind == "user")


PUBLIC_GROUP_CASES = [
    (("S-1-22-2-50",), True),
    (("s-1-22-2-50",), True),
    (("unix group\\50",), True),
    (("50",), True),  # a bare name matches in any domain
    (("Unix Group\\5",), False),
    (("S-1-22-2-5",), False),
    (("Other\\50",), False),
    (("",), False),
]


@pytest.mark.parametrize(("public_groups", "public"), PUBLIC_GROUP_CASES)
def test_public_groups_make_a_group_public(public_groups: tuple[str, ...], public: bool) -> None:
    principal = principal_of("S-1-22-2-50", public_groups, as_group=True)
    assert principal.kind == ("public" if public else "group")


def test_held_rows_and_principals() -> None:
    aces = [
        ("allow", ALICE, FULL, 0),
        ("allow", HR, READ, 0),
        ("allow", EVERYONE, READ, 0),
        ("allow", CREATOR_OWNER, FULL, INHERIT | INHERIT_ONLY),
    ]
    descriptor = parse_descriptor(descriptor_bytes(ALICE, HR, aces))
    rows = held("hr/pay.csv#Sheet1", descriptor, ())
    assert rows == [
        HeldPrivilege("hr/pay.csv#Sheet1", "Everyone", "READ", "other"),
        HeldPrivilege("hr/pay.csv#Sheet1", ALICE, "READ", "owner"),
        HeldPrivilege("hr/pay.csv#Sheet1", ALICE, "WRITE", "owner"),
        HeldPrivilege("hr/pay.csv#Sheet1", HR, "READ", "direct"),
    ]
    assert held("a.csv", descriptor, (HR,))[-1] == HeldPrivilege("a.csv", HR, "READ", "other")
    found = principals([descriptor, parse_descriptor(descriptor_bytes(ROOT, WHEEL, None))], ())
    assert found == [
        Principal("CREATOR OWNER", "group", can_login=False, sid=CREATOR_OWNER),
        Principal("Everyone", "public", can_login=False, sid=EVERYONE),
        Principal(ALICE, "user", sid=ALICE),
        Principal(HR, "group", can_login=False, sid=HR),  # seen as a primary group
        Principal("Unix Group\\0", "group", can_login=False, sid=WHEEL),
        Principal("Unix User\\0", "user", sid=ROOT),
    ]
