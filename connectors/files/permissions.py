"""Who can read or write a file, from its POSIX permission bits and ACL.

Shared by the file-share connector (privileges READ / WRITE) and SQLite
(whose file permissions apply to every table: SELECT for read; INSERT,
UPDATE, DELETE for write). For each file:

* the owning user holds what the ``u`` bits give, ``via="owner"``;
* the owning group (a principal of kind ``group``) what the ``g`` bits give,
  ``via="direct"``;
* ``everyone`` (kind ``public``) what the ``o`` bits give, ``via="other"`` —
  but only when every directory from the file's parent up to ``stop`` (the
  share root; the filesystem root when None) has the ``o+x`` bit, since
  others could not reach the file otherwise.
* POSIX ACLs are read with ``getfacl`` (Debian package ``acl``) when that
  binary is on ``PATH``; without it they are silently not seen. Named users
  and named groups of the ACL hold their entry masked by the ACL ``mask``
  (``via="direct"``), and the owning group then holds ``group::`` masked too
  (the ``g`` bits of an ACL'd file show the mask, not the group's rights).

A group listed in ``public_groups`` (by name, in any letter case: the
source's groups that count as everyone, e.g. ``domain users``) is a principal
of kind ``public``, so the access review reports it as ACCESS_PUBLIC; its
privileges stay ``via="direct"``.

Not modelled: root and ``CAP_DAC_OVERRIDE`` (they bypass permissions),
members of a group (the group is the principal), traversal rights of the
owner and groups, write through the directory (rename / delete), default
ACLs, NFSv4 / SMB ACLs. A user and a group may share a name (Debian's user
private groups); they are distinct principals of different kinds.
"""

from __future__ import annotations

import grp
import pwd
import re
import shutil
import stat
import subprocess
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from connectors.model import HeldPrivilege, Principal

EVERYONE = "everyone"
FILE_READ, FILE_WRITE = ("READ",), ("WRITE",)
TABLE_READ, TABLE_WRITE = ("SELECT",), ("INSERT", "UPDATE", "DELETE")
GETFACL_BATCH = 200
_OCTAL = re.compile(r"\\([0-7]{3})")


@dataclass(frozen=True)
class Access:
    """Read / write rights of one principal on one file, and how they come about."""

    principal: Principal
    via: str
    read: bool
    write: bool


@dataclass(frozen=True)
class AclEntry:
    """One ``getfacl`` line: ``tag:qualifier:perms`` (qualifier empty for the base entries)."""

    tag: str  # "user" | "group" | "mask" | "other"
    qualifier: str
    read: bool
    write: bool


def user_name(uid: int) -> str:
    """The login name of ``uid``, or the number when it has no passwd entry."""
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def group_name(gid: int) -> str:
    """The name of group ``gid``, or the number when it has no group entry."""
    try:
        return grp.getgrgid(gid).gr_name
    except KeyError:
        return str(gid)


def parse_getfacl(output: str) -> dict[str, list[AclEntry]]:
    """``getfacl --absolute-names`` output (with ``# file:`` headers) by file path.

    ``default:`` entries (directories) and comments are skipped; octal escapes
    in file names (``\\040``) are decoded.
    """
    acls: dict[str, list[AclEntry]] = {}
    current: list[AclEntry] | None = None
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("# file:"):
            name = _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), line[len("# file:") :].strip())
            current = acls.setdefault(name, [])
            continue
        entry = line.split("#", 1)[0].strip()
        if current is None or not entry or entry.startswith("default:"):
            continue
        parts = entry.split(":")
        if len(parts) == 3 and parts[0] in ("user", "group", "mask", "other"):
            perms = parts[2]
            current.append(AclEntry(parts[0], parts[1], "r" in perms, "w" in perms))
    return acls


def read_acls(paths: Sequence[Path]) -> dict[Path, list[AclEntry]]:
    """Extended ACLs (those with a mask or named entries) of ``paths``; {} without getfacl."""
    getfacl = shutil.which("getfacl")
    if getfacl is None or not paths:
        return {}
    found: dict[Path, list[AclEntry]] = {}
    absolute = [str(Path(p).absolute()) for p in paths]
    for start in range(0, len(absolute), GETFACL_BATCH):
        batch = absolute[start : start + GETFACL_BATCH]
        try:
            result = subprocess.run(
                [getfacl, "--absolute-names", "--", *batch],
                capture_output=True,
                text=True,
                errors="surrogateescape",
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue  # an unreadable batch: those files fall back to their mode bits
        for name, entries in parse_getfacl(result.stdout).items():
            if any(e.tag == "mask" or e.qualifier for e in entries):
                found[Path(name)] = entries
    return found


def group_principal(name: str, public_groups: Collection[str] = ()) -> Principal:
    """Group ``name``: of kind ``public`` when ``public_groups`` lists it (any letter case)."""
    public = name.lower() in {g.strip().lower() for g in public_groups}
    return Principal(name, "public" if public else "group", can_login=False)


def file_access(
    path: Path,
    stop: Path | None = None,
    acl: Sequence[AclEntry] = (),
    public_groups: Collection[str] = (),
) -> list[Access]:
    """Who can read / write ``path`` (principals with neither right are left out)."""
    st = path.stat()
    mode = st.st_mode
    owner = Principal(user_name(st.st_uid), "user")
    group = group_principal(group_name(st.st_gid), public_groups)
    everyone = Principal(EVERYONE, "public", can_login=False)
    found = [
        Access(owner, "owner", bool(mode & stat.S_IRUSR), bool(mode & stat.S_IWUSR)),
        Access(group, "direct", bool(mode & stat.S_IRGRP), bool(mode & stat.S_IWGRP)),
    ]
    if _reachable_by_others(path, stop):
        found.append(
            Access(everyone, "other", bool(mode & stat.S_IROTH), bool(mode & stat.S_IWOTH))
        )
    if acl:
        masks = [e for e in acl if e.tag == "mask"]
        mask_r, mask_w = (masks[0].read, masks[0].write) if masks else (True, True)
        for entry in acl:
            read, write = entry.read and mask_r, entry.write and mask_w
            if entry.tag == "group" and not entry.qualifier:  # the owning group, masked
                found[1] = Access(group, "direct", read, write)
            elif entry.tag == "user" and entry.qualifier:
                found.append(Access(Principal(entry.qualifier, "user"), "direct", read, write))
            elif entry.tag == "group" and entry.qualifier:
                named = group_principal(entry.qualifier, public_groups)
                found.append(Access(named, "direct", read, write))
    return [a for a in found if a.read or a.write]


def _reachable_by_others(path: Path, stop: Path | None) -> bool:
    """Whether every directory from the parent of ``path`` up to ``stop`` has ``o+x``."""
    directory = path.absolute().parent
    stop = stop.absolute() if stop is not None else None
    while True:
        try:
            if not directory.stat().st_mode & stat.S_IXOTH:
                return False
        except OSError:
            return False
        if directory == stop or directory.parent == directory:
            return True
        directory = directory.parent


def held(
    dataset: str, accesses: Iterable[Access], read: Sequence[str], write: Sequence[str]
) -> list[HeldPrivilege]:
    """``accesses`` of one file as privileges on ``dataset`` (read / write names given)."""
    rows: set[HeldPrivilege] = set()
    for access in accesses:
        names = (*(read if access.read else ()), *(write if access.write else ()))
        rows |= {HeldPrivilege(dataset, access.principal.name, p, access.via) for p in names}
    return sorted(rows, key=_order)


def held_privileges(
    files: Mapping[str, Path],
    stop: Path | None,
    read: Sequence[str],
    write: Sequence[str],
    public_groups: Collection[str] = (),
) -> list[HeldPrivilege]:
    """Privileges on each dataset of ``files`` (dataset → file); vanished files are skipped."""
    acls = read_acls(list(dict.fromkeys(p.absolute() for p in files.values())))
    rows: list[HeldPrivilege] = []
    for dataset, path in files.items():
        try:
            accesses = file_access(path, stop, acls.get(path.absolute(), ()), public_groups)
        except OSError:
            continue
        rows += held(dataset, accesses, read, write)
    return sorted(rows, key=_order)


def principals(
    paths: Iterable[Path], stop: Path | None = None, public_groups: Collection[str] = ()
) -> list[Principal]:
    """Owners and groups of ``paths``, ACL-named users / groups with a right, and ``everyone``.

    Owners and groups are listed whether or not they hold a right; sorted by (name, kind).
    """
    paths = list(dict.fromkeys(p.absolute() for p in paths))
    acls = read_acls(paths)
    found = {(EVERYONE, "public"): Principal(EVERYONE, "public", can_login=False)}
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            continue
        named = [
            Principal(user_name(st.st_uid), "user"),
            group_principal(group_name(st.st_gid), public_groups),
            *(a.principal for a in file_access(path, stop, acls.get(path, ()), public_groups)),
        ]
        for principal in named:
            found.setdefault((principal.name, principal.kind), principal)
    return [found[key] for key in sorted(found)]


def _order(row: HeldPrivilege) -> tuple[str, str, str, str]:
    return (row.dataset, row.principal, row.privilege, row.via)
