"""Shared pieces of the access checks: their signatures, principal matching, wording, remediation.

Principal matching (access list ↔ source): names are compared exactly
(case-sensitive), except that

* PUBLIC (databases) and everyone (files) — a principal of kind ``public`` —
  match a listed ``PUBLIC`` or ``everyone`` in any letter case;
* MySQL-style ``user@host`` names are compared with quotes and backticks
  around the user and host removed and the host case-folded, so a listed
  ``app@%`` matches the source's ``'app'@'%'``; a listed name *without*
  ``@`` matches that user on every host (``app`` matches ``'app'@'%'`` and
  ``'app'@'10.0.0.5'``). Host patterns are not expanded: ``app@10.0.0.%``
  matches only the account whose host is literally ``10.0.0.%``;
* a Windows principal of an SMB share (one with a ``sid``) is matched by its
  SID (``S-1-5-21-…``, any letter case) or by its name in any letter case:
  ``DOMAIN\\name`` must equal the whole name, while a listed name without a
  domain matches that name in any domain (``alice`` matches ``HR\\alice`` and
  a bare ``alice``, never ``alicia``; ``HR\\alice`` never matches ``FIN\\alice``).

Remediation text is a suggestion written as plain text, never run, in the
source's ``style``: ``sql`` (PostgreSQL-style REVOKE / ALTER ROLE, double-quoted
identifiers when needed), ``mysql`` (``'user'@'host'`` accounts, backticked
names, DROP for TRUNCATE) or ``files`` (chmod / setfacl / chown on the file —
for SQLite, its database file; ``icacls`` for a Windows principal of an SMB
share). How the privilege is held picks the statement: revoke the role
membership, revoke from PUBLIC, change the owner, drop superuser status, or
revoke the grant itself.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from connectors.model import Principal
from scanners.checks.finding_type import FindingType, make_finding
from scanners.model.access import DATABASE_PRIVILEGES, FILE_PRIVILEGES, ApprovedGrant
from scanners.model.result import AccessRow, Finding

#: SPEC §6 order; privileges outside it sort after, alphabetically.
PRIVILEGE_ORDER: tuple[str, ...] = DATABASE_PRIVILEGES + FILE_PRIVILEGES
_RANK = {name: rank for rank, name in enumerate(PRIVILEGE_ORDER)}
PUBLIC_NAMES = frozenset({"public", "everyone"})
#: Appended to every suggested statement: the agent never runs it.
SUGGESTION = " — suggestion, never run by pdpa-agent"
_SIMPLE_NAME = re.compile(r"[a-z_][a-z0-9_$]*")
_SID = re.compile(r"S-1-\d+(-\d+)*", re.IGNORECASE)
#: Windows names without a domain that an SMB share reports (the rest hold a backslash).
_BARE_WINDOWS = frozenset(
    {"Everyone", "Domain Users", "Domain Admins", "Domain Guests", "Administrator", "Guest"}
)

#: A check of one row (principal × dataset with personal data): PUBLIC, unapproved, excessive.
AccessRowCheck = Callable[[AccessRow], list[Finding]]
#: A check of the access list itself: (source, its grants, its principals, today) → findings.
AccessListCheck = Callable[[str, Sequence[ApprovedGrant], Sequence[Principal], date], list[Finding]]


def sort_privileges(privileges: Iterable[str]) -> tuple[str, ...]:
    """Distinct privileges in SPEC order (SELECT … TRIGGER, READ, WRITE), unknown ones last."""
    return tuple(sorted(set(privileges), key=lambda p: (_RANK.get(p, len(_RANK)), p)))


def _unquote(part: str) -> str:
    part = part.strip()
    if len(part) >= 2 and part[0] == part[-1] and part[0] in "'\"`":
        return part[1:-1]
    return part


def split_account(name: str) -> tuple[str, str | None]:
    """``'app'@'%'`` → ``("app", "%")``; a name without ``@`` → ``(name, None)``."""
    if "@" not in name:
        return _unquote(name), None
    user, _, host = name.rpartition("@")
    return _unquote(user), _unquote(host).lower()


def principal_matches(listed: str, actual: Principal) -> bool:
    """Whether the access list's ``listed`` principal names ``actual`` (see the module doc)."""
    if actual.sid:
        public = actual.kind == "public" and listed.strip().lower() in PUBLIC_NAMES
        return public or windows_name_matches(listed, actual)
    if actual.kind == "public" or actual.name.strip().lower() in PUBLIC_NAMES:
        return listed.strip().lower() in PUBLIC_NAMES | {actual.name.strip().lower()}
    if listed == actual.name:
        return True
    user, host = split_account(listed)
    actual_user, actual_host = split_account(actual.name)
    if user != actual_user:
        return False
    return host is None or host == actual_host


def windows_name_matches(listed: str, actual: Principal) -> bool:
    """``listed`` is ``actual``'s SID, its whole ``DOMAIN\\name``, or its name in any domain."""
    wanted = listed.strip().lower()
    if _SID.fullmatch(wanted):
        return wanted == actual.sid.strip().lower()
    name = actual.name.strip().lower()
    if wanted == name:
        return True
    return bool(wanted) and "\\" not in wanted and name.rpartition("\\")[2] == wanted


def describe_via(via: str) -> tuple[str, str]:
    """How a privilege is held, as (English, Thai) words."""
    kind, _, name = via.partition(" ")
    if kind == "direct":
        return "directly", "โดยตรง"
    if kind == "role" and name:
        return f"through role {name}", f"ผ่านบทบาท {name}"
    if kind == "group" and name:
        return f"through group {name}", f"ผ่านกลุ่ม {name}"
    if via.upper() == "PUBLIC":
        return "through PUBLIC", "ผ่าน PUBLIC (ทุกคน)"
    if kind == "owner":
        return "as owner", "ในฐานะเจ้าของ"
    if kind == "superuser":
        return "as superuser", "ในฐานะผู้ดูแลระบบสูงสุด (superuser)"
    if via == "other":
        return (
            "through the permission for everyone (others bits or an Everyone ACL entry)",
            "ผ่านสิทธิ์ของทุกคน (others ของไฟล์ หรือรายการ Everyone ใน ACL)",
        )
    return f"by other means ({via})", f"ด้วยวิธีอื่น ({via})"


def held_text(row: AccessRow, privileges: Iterable[str]) -> tuple[str, str]:
    """``"SELECT directly; UPDATE through role hr_rw"`` (English, Thai) for ``privileges``."""
    columns = dict(row.columns)
    parts_en: list[str] = []
    parts_th: list[str] = []
    for privilege in sort_privileges(privileges):
        ways = [describe_via(v) for p, v in row.via if p == privilege]
        label = privilege
        if privilege in columns:
            label += f" ({', '.join(columns[privilege])})"
        parts_en.append(f"{label} {' and '.join(en for en, _ in ways)}")
        parts_th.append(f"{label} {' และ '.join(th for _, th in ways)}")
    return "; ".join(parts_en), "; ".join(parts_th)


def finding_columns(row: AccessRow, privileges: Iterable[str]) -> tuple[str, ...]:
    """The columns when every offending privilege is held on some columns only, else ()."""
    columns = dict(row.columns)
    chosen = list(privileges)
    if not chosen or any(p not in columns for p in chosen):
        return ()
    return tuple(sorted({c for p in chosen for c in columns[p]}))


def _sql_name(name: str) -> str:
    return name if _SIMPLE_NAME.fullmatch(name) else '"' + name.replace('"', '""') + '"'


def _sql_object(dataset: str, mysql: bool) -> str:
    if mysql:
        return ".".join("`" + part.replace("`", "``") + "`" for part in dataset.split(".", 1))
    return ".".join(_sql_name(part) for part in dataset.split(".", 1))


def _sql_grantee(principal: str, mysql: bool) -> str:
    if principal.strip().upper() == "PUBLIC":
        return "PUBLIC"
    if mysql and "@" in principal:
        user, host = split_account(principal)
        return f"'{user.replace(chr(39), chr(39) * 2)}'@'{(host or '%').replace(chr(39), '')}'"
    if mysql:  # a role: its bare name
        return principal if _SIMPLE_NAME.fullmatch(principal) else f"`{principal}`"
    return _sql_name(principal)


def revoke_text(row: AccessRow, privileges: Iterable[str], alternative: str = "") -> str:
    """Suggested statements that would take ``privileges`` away from the row's principal.

    Written for the row's ``style``; marked as a suggestion (never run);
    ``alternative`` (e.g. "add an approved grant") is appended as the other
    way to settle the finding.
    """
    chosen = sort_privileges(privileges)
    tail = SUGGESTION + (f"; or {alternative}" if alternative else "") + "."
    if row.style == "files" or all(p in FILE_PRIVILEGES for p in chosen):
        return _file_revoke(row, chosen) + tail
    mysql = row.style == "mysql"
    target, grantee = _sql_object(row.dataset, mysql), _sql_grantee(row.principal, mysql)
    columns = dict(row.columns)
    statements: list[str] = []
    by_via: dict[str, list[str]] = {}
    for privilege, via in row.via:
        if privilege in chosen:
            by_via.setdefault(via, []).append(privilege)
    for via, held in by_via.items():
        kind, _, name = via.partition(" ")
        listed = ", ".join(
            ("DROP" if mysql and p == "TRUNCATE" else p)
            + (f" ({', '.join(_sql_name(c) for c in columns[p])})" if p in columns else "")
            for p in sort_privileges(held)
        )
        if kind == "role" and name:
            role = _sql_grantee(name, mysql)
            statements.append(
                f"REVOKE {role} FROM {grantee}; (or, for every member of {name}: "
                f"REVOKE {listed} ON {target} FROM {role};)"
            )
        elif via.upper() == "PUBLIC":
            statements.append(f"REVOKE {listed} ON {target} FROM PUBLIC;")
        elif kind == "owner":
            statements.append(f"ALTER TABLE {target} OWNER TO <approved owner>;")
        elif kind == "superuser":
            statements.append(
                f"REVOKE ALL PRIVILEGES ON *.* FROM {grantee};"
                if mysql
                else f"ALTER ROLE {grantee} NOSUPERUSER;"
            )
        else:
            statements.append(f"REVOKE {listed} ON {target} FROM {grantee};")
    return " ".join(dict.fromkeys(statements)) + tail


def _file_revoke(row: AccessRow, privileges: tuple[str, ...]) -> str:
    """File permissions: a file of a share (``path#Sheet`` → path) or a SQLite database file."""
    on_file = all(p in FILE_PRIVILEGES for p in privileges)
    path = shlex.quote(row.dataset.split("#", 1)[0]) if on_file else "<database file>"
    where = row.dataset if on_file else f"the database file holding {row.dataset}"
    reads = {"READ", "SELECT"}
    modes = "".join(sorted({"r" if p in reads else "w" for p in privileges}, key="rw".index))
    vias = {v for p, v in row.via if p in privileges}
    name = row.principal
    if on_file and ("\\" in name or _SID.fullmatch(name) or name in _BARE_WINDOWS):
        target = '"' + row.dataset.split("#", 1)[0].replace("/", "\\") + '"'
        trustee = f"*{name}" if _SID.fullmatch(name) else name
        how = (
            f'icacls {target} /remove:g "{trustee}" on the share (an inherited entry is '
            "removed on the folder it comes from)"
        )
        if "owner" in vias:
            how = f'icacls {target} /setowner "<approved owner>", then {how}'
    elif row.is_public and name != "everyone":  # a group listed in public_groups
        how = f"chmod g-{modes} {path} or setfacl -x g:{name} {path}"
    elif row.is_public:
        how = f"chmod o-{modes} {path} (or remove Everyone from its ACL)"
    elif "owner" in vias:
        how = f"chown <approved owner> {path} (or chmod u-{modes} {path})"
    elif row.principal_kind == "group":
        how = f"chmod g-{modes} {path} or setfacl -x g:{row.principal} {path}"
    else:
        how = f"setfacl -x u:{row.principal} {path} (or remove it from the ACL)"
    groups = sorted(v for v in vias if v.startswith("group "))
    if groups and not row.is_public:
        how += "; it is held through " + ", ".join(groups) + ": remove the membership"
    return f"Remove {', '.join(privileges)} for {row.principal} on {where}: {how}"


def access_finding(
    kind: FindingType[object],
    source: str,
    dataset: str,
    principal: str,
    privileges: Iterable[str],
    *,
    message_en: str,
    message_th: str,
    remediation: str,
    columns: tuple[str, ...] = (),
    severity: str | None = None,
) -> Finding:
    """An access finding: stable id over (type, source, dataset, principal); no owner yet."""
    return make_finding(
        kind,
        source,
        dataset,
        key=principal,
        severity=severity,
        columns=columns,
        principal=principal,
        privileges=sort_privileges(privileges),
        message_th=message_th,
        message_en=message_en,
        remediation=remediation,
    )
