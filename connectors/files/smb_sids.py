"""Names and kinds of Windows SIDs, and the principals / privileges of SMB descriptors.

Names come from a table of well-known SIDs (Everyone, NT AUTHORITY\\…,
BUILTIN\\…, the domain-relative Administrator, Guest and Domain … groups) and
Samba's Unix SIDs (``S-1-22-1-<uid>`` is ``Unix User\\<uid>``,
``S-1-22-2-<gid>`` is ``Unix Group\\<gid>``: the number stands in for the
name, which only the server knows). Any other SID is named by itself: no
LSA lookup is made (smbprotocol has no DCE/RPC client).

Kinds: ``public`` for Everyone, Authenticated Users, NETWORK, ANONYMOUS
LOGON, BUILTIN\\Users, Domain Users and every group listed in the source's
``public_groups`` (by SID, or by name in any letter case; a name without a
domain matches that name in any domain); ``group`` for the well-known groups,
Unix groups and any SID seen as an object's primary group; ``user``
otherwise. Privileges: READ / WRITE per dataset from
:func:`connectors.files.smb_security.sid_access`, ``via`` ``owner`` for the
owner's own rights, ``other`` for a public principal, ``direct`` for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from connectors.files.smb_security import Descriptor, sid_access
from connectors.model import HeldPrivilege, Principal

_WELL_KNOWN: dict[str, tuple[str, str]] = {
    "S-1-1-0": ("Everyone", "public"),
    "S-1-2-0": ("LOCAL", "group"),
    "S-1-3-0": ("CREATOR OWNER", "group"),
    "S-1-3-1": ("CREATOR GROUP", "group"),
    "S-1-3-4": ("OWNER RIGHTS", "group"),
    "S-1-5-2": ("NT AUTHORITY\\NETWORK", "public"),
    "S-1-5-4": ("NT AUTHORITY\\INTERACTIVE", "group"),
    "S-1-5-7": ("NT AUTHORITY\\ANONYMOUS LOGON", "public"),
    "S-1-5-11": ("NT AUTHORITY\\Authenticated Users", "public"),
    "S-1-5-18": ("NT AUTHORITY\\SYSTEM", "user"),
    "S-1-5-19": ("NT AUTHORITY\\LOCAL SERVICE", "user"),
    "S-1-5-20": ("NT AUTHORITY\\NETWORK SERVICE", "user"),
    "S-1-5-32-544": ("BUILTIN\\Administrators", "group"),
    "S-1-5-32-545": ("BUILTIN\\Users", "public"),
    "S-1-5-32-546": ("BUILTIN\\Guests", "group"),
    "S-1-5-32-547": ("BUILTIN\\Power Users", "group"),
    "S-1-5-32-551": ("BUILTIN\\Backup Operators", "group"),
}
#: Relative ids that name the same account or group in every domain (and machine).
_DOMAIN_RIDS: dict[int, tuple[str, str]] = {
    500: ("Administrator", "user"),
    501: ("Guest", "user"),
    512: ("Domain Admins", "group"),
    513: ("Domain Users", "public"),
    514: ("Domain Guests", "group"),
    515: ("Domain Computers", "group"),
    519: ("Enterprise Admins", "group"),
}
_DOMAIN = re.compile(r"S-1-5-21-\d+-\d+-\d+-(\d+)")
_UNIX = re.compile(r"S-1-22-([12])-(\d+)")


def _known(sid: str) -> tuple[str, str] | None:
    """(name, kind) of a well-known, domain-relative or Samba Unix SID; None otherwise."""
    if sid in _WELL_KNOWN:
        return _WELL_KNOWN[sid]
    domain = _DOMAIN.fullmatch(sid)
    if domain and int(domain.group(1)) in _DOMAIN_RIDS:
        return _DOMAIN_RIDS[int(domain.group(1))]
    unix = _UNIX.fullmatch(sid)
    if unix:
        user = unix.group(1) == "1"
        return (f"Unix {'User' if user else 'Group'}\\{unix.group(2)}", "user" if user else "group")
    return None


def sid_name(sid: str) -> str:
    """The display name of ``sid``: a well-known name, or the SID itself."""
    known = _known(sid)
    return known[0] if known else sid


def listed_public(sid: str, name: str, public_groups: Collection[str]) -> bool:
    """Whether ``public_groups`` lists ``sid`` or ``name`` (``DOMAIN\\name`` exact, a bare
    name in any domain; letters in any case)."""
    short = name.rpartition("\\")[2].lower()
    for listed in public_groups:
        wanted = listed.strip().lower()
        if wanted in (sid.lower(), name.lower()) or ("\\" not in wanted and wanted == short):
            return True
    return False


def principal_of(sid: str, public_groups: Collection[str], as_group: bool = False) -> Principal:
    """The principal for ``sid``; ``as_group`` when it was seen as an object's primary group."""
    name = sid_name(sid)
    known = _known(sid)
    kind = known[1] if known else ("group" if as_group else "user")
    if kind != "public" and listed_public(sid, name, public_groups):
        kind = "public"
    return Principal(name, kind, can_login=kind == "user", sid=sid)


def principals(
    descriptors: Iterable[Descriptor], public_groups: Collection[str]
) -> list[Principal]:
    """Every SID the descriptors name (owners, groups, ACE trustees), sorted by (name, kind)."""
    seen: dict[str, bool] = {}  # sid → seen as a primary group
    for descriptor in descriptors:
        for sid in descriptor.sids():
            seen[sid] = seen.get(sid, False) or sid == descriptor.group
        if descriptor.dacl is None:  # a NULL DACL: Everyone holds everything
            seen.setdefault("S-1-1-0", False)
    found = {
        (p.name, p.kind): p for p in (principal_of(s, public_groups, g) for s, g in seen.items())
    }
    return [found[key] for key in sorted(found)]


def held(
    dataset: str, descriptor: Descriptor, public_groups: Collection[str]
) -> list[HeldPrivilege]:
    """READ / WRITE on ``dataset`` from its file's descriptor, one row per (SID, right)."""
    rows: set[HeldPrivilege] = set()
    for access in sid_access(descriptor):
        principal = principal_of(access.sid, public_groups, access.sid == descriptor.group)
        via = "other" if principal.kind == "public" else "owner" if access.owner else "direct"
        names = ("READ",) * access.read + ("WRITE",) * access.write
        rows |= {HeldPrivilege(dataset, principal.name, p, via) for p in names}
    return sorted(rows, key=lambda r: (r.dataset, r.principal, r.privilege, r.via))
