"""Oracle's privilege rules, applied to recorded data-dictionary rows (no connection).

:mod:`connectors.sql.grants.oracle` reads the rows into
:class:`OracleGrantRows`; :func:`principals_from_rows` and
:func:`held_from_rows` turn them into principals and effective privileges:

- **object privileges** — SELECT and READ are reported as SELECT; INSERT,
  UPDATE, DELETE and REFERENCES one to one; a column grant (Oracle has them
  for INSERT, UPDATE and REFERENCES) with its columns;
- **system privileges** — ``SELECT ANY TABLE`` / ``READ ANY TABLE`` give
  SELECT on every dataset, ``INSERT``/``UPDATE``/``DELETE ANY TABLE`` those,
  ``DROP ANY TABLE`` TRUNCATE (what truncating another schema's table
  needs), ``CREATE ANY TRIGGER`` TRIGGER;
- **roles** — a principal holds what every role granted to it holds,
  through nested roles (the nearest role that holds it is named). Every
  granted role counts, default or not, with ``ADMIN OPTION`` or not,
  password-protected or not: the holder can ``SET ROLE`` it;
- **PUBLIC** — grants to PUBLIC (and roles granted to PUBLIC) are reported
  once for the principal ``PUBLIC``, never copied onto every user;
- **owner** — a schema's user owns its tables: all seven (``owner``);
  ``SYS`` is a superuser (all seven on every dataset).

Principal names are the dictionary's (``HR_READER``); datasets SQLAlchemy's
(``hr.employees``), and only those that exist (``ALL_OBJECTS``) are reported.
With the DBA views (:attr:`OracleGrantRows.complete`), rows naming a user or
role that no longer exists are ignored, and a user can log in when its
account is not locked, it is not a schema-only account (authentication NONE)
and it holds CREATE SESSION (itself, through a role or PUBLIC). From the ALL
views, grantees not in ``ALL_USERS`` are kept as roles and every user is
taken as able to log in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from connectors.model import HeldPrivilege, Principal
from connectors.sql.grants.role_graph import roles_reached
from connectors.sql.vendors.oracle import dataset_name

PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
PUBLIC = "PUBLIC"
SUPERUSERS = frozenset({"SYS"})
OBJECT_PRIVILEGES = {
    "SELECT": "SELECT",
    "READ": "SELECT",
    "INSERT": "INSERT",
    "UPDATE": "UPDATE",
    "DELETE": "DELETE",
    "REFERENCES": "REFERENCES",
}
SYSTEM_PRIVILEGES: dict[str, tuple[str, ...]] = {
    "SELECT ANY TABLE": ("SELECT",),
    "READ ANY TABLE": ("SELECT",),
    "INSERT ANY TABLE": ("INSERT",),
    "UPDATE ANY TABLE": ("UPDATE",),
    "DELETE ANY TABLE": ("DELETE",),
    "DROP ANY TABLE": ("TRUNCATE",),
    "CREATE ANY TRIGGER": ("TRIGGER",),
}
CREATE_SESSION = "CREATE SESSION"

Row = Mapping[str, Any]
#: (dataset, privilege, columns; () = the whole table)
Fact = tuple[str, str, tuple[str, ...]]


@dataclass(frozen=True)
class OracleGrantRows:
    """The dictionary rows the rules read, under the labels the grant reader gives them."""

    users: Sequence[Row]  # username, account_status, authentication_type (DBA views only)
    roles: Sequence[Row] = ()  # role
    role_grants: Sequence[Row] = ()  # grantee, granted_role, admin_option
    tab_privs: Sequence[Row] = ()  # grantee, owner, table_name, privilege
    col_privs: Sequence[Row] = ()  # grantee, owner, table_name, column_name, privilege
    sys_privs: Sequence[Row] = ()  # grantee, privilege
    tables: Sequence[Row] = ()  # owner, table_name: the tables and views that exist
    complete: bool = True  # read from the DBA views (False: the ALL / USER / ROLE views)


class Model:
    """The rows indexed: who exists, the role graph, the system privileges."""

    def __init__(self, rows: OracleGrantRows) -> None:
        self.rows = rows
        self.users = {str(u["username"]): u for u in rows.users}
        self.roles = {str(r["role"]) for r in rows.roles} | {PUBLIC}
        if not rows.complete:  # roles seen only as granted ones, or as grantees
            self.roles |= {str(g["granted_role"]) for g in rows.role_grants}
            self.roles |= {
                str(row["grantee"])
                for row in (*rows.tab_privs, *rows.col_privs, *rows.sys_privs)
                if str(row["grantee"]) not in self.users
            }
        self.roles -= set(self.users)
        self.edges: dict[str, set[str]] = defaultdict(set)
        for grant in rows.role_grants:
            grantee, role = str(grant["grantee"]), str(grant["granted_role"])
            if self.known(grantee) and role in self.roles:
                self.edges[grantee].add(role)
        self.system: dict[str, set[str]] = defaultdict(set)
        for row in rows.sys_privs:
            if self.known(str(row["grantee"])):
                self.system[str(row["grantee"])].add(str(row["privilege"]))

    def known(self, name: str) -> bool:
        return name in self.users or name in self.roles

    def roles_of(self, principal: str) -> list[tuple[int, str]]:
        """(distance, role) of every role granted to ``principal``, nearest first."""
        return roles_reached(self.edges, principal)

    def can_login(self, user: str) -> bool:
        row = self.users[user]
        if not self.rows.complete:
            return True
        if "LOCKED" in str(row.get("account_status") or "").upper():
            return False
        if str(row.get("authentication_type") or "").upper() == "NONE":
            return False
        holders = {user, PUBLIC} | {r for _d, r in self.roles_of(user)}
        holders |= {r for _d, r in self.roles_of(PUBLIC)}
        return any(CREATE_SESSION in self.system.get(h, set()) for h in holders)


def principals_from_rows(rows: OracleGrantRows) -> list[Principal]:
    """Every user and role, plus ``PUBLIC``, sorted by name."""
    model = Model(rows)
    found = [Principal(PUBLIC, "public", can_login=False)]
    for user in model.users:
        found.append(Principal(user, "user", user in SUPERUSERS, can_login=model.can_login(user)))
    for role in model.roles - {PUBLIC}:
        found.append(Principal(role, "role", can_login=False))
    return sorted(found, key=lambda p: p.name)


def _facts(model: Model, wanted: set[str]) -> dict[str, dict[Fact, str]]:
    """Holder → what it holds itself: {fact: "owner" | "direct"}."""
    facts: dict[str, dict[Fact, str]] = defaultdict(dict)
    for dataset in sorted(wanted):
        owners = [u for u in model.users if dataset.startswith(dataset_name(u) + ".")]
        for owner in sorted(owners, key=len)[-1:]:  # the longest schema name that fits
            for privilege in PRIVILEGES:
                facts[owner][(dataset, privilege, ())] = "owner"
    for grantee, dataset, privilege, _column in _grants(model, model.rows.tab_privs, wanted):
        facts[grantee].setdefault((dataset, privilege, ()), "direct")
    columns: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for grantee, dataset, privilege, column in _grants(model, model.rows.col_privs, wanted):
        columns[(grantee, dataset, privilege)].add(column)
    for (grantee, dataset, privilege), names in columns.items():
        facts[grantee][(dataset, privilege, tuple(sorted(names)))] = "direct"
    for holder, privileges in model.system.items():
        for name in privileges:
            for privilege in SYSTEM_PRIVILEGES.get(name, ()):
                for dataset in wanted:
                    facts[holder].setdefault((dataset, privilege, ()), "direct")
    return facts


def _grants(
    model: Model, rows: Iterable[Row], wanted: set[str]
) -> Iterable[tuple[str, str, str, str]]:
    """(grantee, dataset, privilege, column or "") of the object or column grants that
    reach ``wanted`` and name a known grantee."""
    for row in rows:
        dataset = f"{dataset_name(row['owner'])}.{dataset_name(row['table_name'])}"
        privilege = OBJECT_PRIVILEGES.get(str(row["privilege"]))
        if dataset in wanted and privilege and model.known(str(row["grantee"])):
            column = row.get("column_name")
            yield str(row["grantee"]), dataset, privilege, dataset_name(column) if column else ""


def held_from_rows(datasets: Iterable[str], rows: OracleGrantRows) -> list[HeldPrivilege]:
    """Effective privileges on ``datasets`` (``schema.table``): see the module docstring."""
    existing = {f"{dataset_name(t['owner'])}.{dataset_name(t['table_name'])}" for t in rows.tables}
    wanted = set(datasets) & existing
    if not wanted:
        return []
    model = Model(rows)
    facts = _facts(model, wanted)
    best: dict[tuple[str, str, str, tuple[str, ...]], tuple[tuple[int, int, str], str]] = {}

    def offer(principal: str, fact: Fact, via: str, rank: tuple[int, int, str]) -> None:
        slot = (principal, *fact)
        if slot not in best or rank < best[slot][0]:
            best[slot] = (rank, via)

    for name in [*model.users, *model.roles]:
        if name in SUPERUSERS:
            for dataset in wanted:
                for privilege in PRIVILEGES:
                    offer(name, (dataset, privilege, ()), "superuser", (0, 0, ""))
        own = PUBLIC if name == PUBLIC else None
        for fact, how in facts.get(name, {}).items():
            offer(name, fact, own or how, (1 if how == "owner" else 2, 0, ""))
        for distance, role in model.roles_of(name):
            for fact in facts.get(role, {}):
                offer(name, fact, f"role {role}", (3, distance, role))
    held = [
        HeldPrivilege(dataset, principal, privilege, via, cols)
        for (principal, dataset, privilege, cols), (_rank, via) in best.items()
        if not cols or (principal, dataset, privilege, ()) not in best
    ]
    order = PRIVILEGES.index
    return sorted(held, key=lambda h: (h.dataset, h.principal, order(h.privilege), h.columns))
