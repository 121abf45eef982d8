"""SQL Server's permission rules, applied to recorded catalogue rows (no connection).

:mod:`connectors.sql.grants.mssql` reads the rows into :class:`MssqlGrantRows`;
:func:`held_from_rows` turns them into effective privileges (and
:func:`connectors.sql.vendors.mssql_principals.principals_from_rows` into
principals):

- **scopes** — a permission on the database (``class`` 0) covers every
  dataset, on a schema (3) the schema's, on an object (1) that table or
  view, on a column (1 with ``minor_id``) those columns (``columns=``);
- **names** — SELECT, INSERT, UPDATE, DELETE and REFERENCES map one to one;
  ALTER (or ALTER ANY SCHEMA on the database) is reported as TRUNCATE and
  TRIGGER, which it allows; CONTROL as all seven;
- **fixed roles** — members of ``db_owner`` hold all seven on every dataset,
  of ``db_datareader`` SELECT, of ``db_datawriter`` INSERT/UPDATE/DELETE, of
  ``db_ddladmin`` TRUNCATE/TRIGGER (``via="role <name>"``); members of
  ``db_denydatareader`` / ``db_denydatawriter`` are denied those;
- **roles** — a principal holds what every role it belongs to holds,
  through nested roles (the nearest role that holds it is named);
- **DENY wins** — a DENY to the principal, to any of its roles or to
  ``public`` removes the privilege, however it is granted. SQL Server's one
  exception is kept: a table-level DENY does not remove a column-level
  GRANT (a schema- or database-level DENY does); a column DENY cuts that
  column out of a table-wide grant, which is then reported with the columns left;
- **public** — every user belongs to the ``public`` role: its grants are
  reported once for the principal ``PUBLIC`` (as on PostgreSQL);
- **owner / superuser** — the owner of the object (or of its schema) holds
  all seven (``owner``), ``dbo`` and users of ``sysadmin`` or ``CONTROL
  SERVER`` logins hold all seven on every dataset (``superuser``); DENY
  does not apply to them.

Rows naming a principal that no longer exists are ignored. When a principal
holds a privilege several ways, the most direct is kept: superuser, owner,
direct, role (nearest first), PUBLIC. Not modelled: Windows group logins
(a Windows user's sysadmin rights through a group), application roles'
activation, permissions through ``EXECUTE AS`` or signed modules, row-level
security.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from connectors.model import HeldPrivilege
from connectors.sql.grants.role_graph import roles_reached

PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
PUBLIC = "PUBLIC"
#: Permission name → the privileges it gives on a table.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "SELECT": ("SELECT",),
    "INSERT": ("INSERT",),
    "UPDATE": ("UPDATE",),
    "DELETE": ("DELETE",),
    "REFERENCES": ("REFERENCES",),
    "ALTER": ("TRUNCATE", "TRIGGER"),
    "ALTER ANY SCHEMA": ("TRUNCATE", "TRIGGER"),
    "CONTROL": PRIVILEGES,
}
FIXED_GRANTS: dict[str, tuple[str, ...]] = {
    "db_owner": PRIVILEGES,
    "db_datareader": ("SELECT",),
    "db_datawriter": ("INSERT", "UPDATE", "DELETE"),
    "db_ddladmin": ("TRUNCATE", "TRIGGER"),
}
FIXED_DENIES: dict[str, tuple[str, ...]] = {
    "db_denydatareader": ("SELECT",),
    "db_denydatawriter": ("INSERT", "UPDATE", "DELETE"),
}
#: Pseudo-users that own system objects and can never log in.
PSEUDO_USERS = frozenset({"sys", "INFORMATION_SCHEMA"})
ROLE_TYPES = frozenset({"R", "A"})
GROUP_TYPES = frozenset({"G", "X"})

Row = Mapping[str, Any]
#: (object_id, privilege, column_id or None for the whole object)
Fact = tuple[int, str, int | None]
#: (object_id, privilege, column_id or None, level: "wide" | "table" | "column")
Deny = tuple[int, str, int | None, str]
#: (kind rank, role distance, role name): lower is more direct
Rank = tuple[int, int, str]
#: (rank, via)
Way = tuple[Rank, str]


@dataclass(frozen=True)
class MssqlGrantRows:
    """The catalogue rows the rules read, as the statements of the grant reader return them."""

    principals: Sequence[Row]  # principal_id, name, type, sid, authentication_type, is_fixed_role
    memberships: Sequence[Row] = ()  # role_principal_id, member_principal_id
    permissions: Sequence[Row] = ()  # class, major_id, minor_id, grantee_principal_id, …
    objects: Sequence[Row] = ()  # object_id, schema_id, schema, name, owner_id
    columns: Sequence[Row] = ()  # object_id, column_id, name
    logins: Sequence[Row] = ()  # sid, is_disabled, superuser
    logins_complete: bool = False  # every login is visible (VIEW ANY DEFINITION)


class Model:
    """The rows indexed: principals, role graph, logins."""

    def __init__(self, rows: MssqlGrantRows) -> None:
        self.rows = rows
        self.by_id = {int(r["principal_id"]): r for r in rows.principals}
        self.by_id = {k: r for k, r in self.by_id.items() if r["name"] not in PSEUDO_USERS}
        self.public = next((k for k, r in self.by_id.items() if _is_public(r)), None)
        edges: dict[int, set[int]] = defaultdict(set)
        for m in rows.memberships:
            role, member = int(m["role_principal_id"]), int(m["member_principal_id"])
            if role in self.by_id and member in self.by_id:
                edges[member].add(role)
        self.edges = edges
        self.logins = {bytes(r["sid"]): r for r in rows.logins if r["sid"] is not None}

    def roles_of(self, principal: int) -> list[tuple[int, int]]:
        """(distance, role id) of every role ``principal`` belongs to, nearest first."""
        return roles_reached(self.edges, principal)

    def token(self, principal: int) -> set[int]:
        """The principal, its roles and ``public``: whose DENYs bind it."""
        ids = {principal, *(role for _d, role in self.roles_of(principal))}
        return ids | ({self.public} if self.public is not None else set())

    def login(self, principal: int) -> Row | None:
        sid = self.by_id[principal]["sid"]
        return self.logins.get(bytes(sid)) if sid is not None else None

    def superuser(self, principal: int) -> bool:
        row, login = self.by_id[principal], self.login(principal)
        return row["name"] == "dbo" or bool(login is not None and login["superuser"])

    def state_holders(self, name: str, states: str) -> set[int]:
        """Principals holding database permission ``name`` in one of ``states`` (G, W, D)."""
        return {
            int(p["grantee_principal_id"])
            for p in self.rows.permissions
            if int(p["class"]) == 0 and p["permission_name"] == name and p["state"] in states
        }


def _is_public(row: Row) -> bool:
    return int(row["principal_id"]) == 0 or (row["name"] == "public" and row["type"] == "R")


def fixed_role(row: Row) -> bool:
    return bool(row.get("is_fixed_role")) and row["type"] == "R"


def _facts(
    model: Model, objects: Mapping[int, Row]
) -> tuple[dict[int, dict[Fact, str]], dict[int, set[Deny]]]:
    """Holder → {fact: "direct" | "owner" | "implicit"} and holder → its DENYs
    (object, privilege, column or None, level "wide" | "table" | "column")."""
    grants: dict[int, dict[Fact, str]] = defaultdict(dict)
    denies: dict[int, set[Deny]] = defaultdict(set)
    for obj in objects.values():
        for privilege in PRIVILEGES:
            grants[int(obj["owner_id"])][(int(obj["object_id"]), privilege, None)] = "owner"
    for p in model.rows.permissions:
        holder, scope, major = int(p["grantee_principal_id"]), int(p["class"]), int(p["major_id"])
        minor = int(p["minor_id"] or 0)
        if holder not in model.by_id or p["state"] not in ("G", "W", "D"):
            continue
        if scope == 0:
            targets, level = list(objects), "wide"
        elif scope == 3:
            targets, level = [o for o, r in objects.items() if int(r["schema_id"]) == major], "wide"
        elif scope == 1 and major in objects:
            targets, level = [major], "column" if minor else "table"
        else:
            continue
        for privilege in PERMISSIONS.get(str(p["permission_name"]), ()):
            for obj_id in targets:
                column = minor if level == "column" else None
                if p["state"] == "D":
                    denies[holder].add((obj_id, privilege, column, level))
                else:
                    grants[holder].setdefault((obj_id, privilege, column), "direct")
    for pid, row in model.by_id.items():
        if fixed_role(row):
            for obj_id in objects:
                for privilege in FIXED_GRANTS.get(str(row["name"]), ()):
                    grants[pid].setdefault((obj_id, privilege, None), "implicit")
                for privilege in FIXED_DENIES.get(str(row["name"]), ()):
                    denies[pid].add((obj_id, privilege, None, "wide"))
    return grants, denies


class _Best:
    """The most direct way each (principal, dataset, privilege, columns) is held."""

    def __init__(self, names: Mapping[int, str]) -> None:
        self.names = names
        self.slots: dict[tuple[str, str, str, tuple[str, ...]], tuple[Rank, str]] = {}

    def offer(self, principal: str, fact: tuple[int, str], cols: tuple[str, ...], way: Way) -> None:
        rank, via = way
        slot = (principal, self.names[fact[0]], fact[1], cols)
        if slot not in self.slots or rank < self.slots[slot][0]:
            self.slots[slot] = (rank, via)

    def held(self) -> list[HeldPrivilege]:
        """One row per slot, minus column grants a whole-table grant already covers."""
        held = [
            HeldPrivilege(dataset, principal, privilege, via, cols)
            for (principal, dataset, privilege, cols), (_rank, via) in self.slots.items()
            if not cols or (principal, dataset, privilege, ()) not in self.slots
        ]
        order = PRIVILEGES.index
        return sorted(held, key=lambda h: (h.dataset, h.principal, order(h.privilege), h.columns))


def held_from_rows(datasets: Iterable[str], rows: MssqlGrantRows) -> list[HeldPrivilege]:
    """Effective privileges on ``datasets`` (``schema.table``): see the module docstring."""
    wanted = set(datasets)
    objects = {
        int(o["object_id"]): o for o in rows.objects if f"{o['schema']}.{o['name']}" in wanted
    }
    if not objects:
        return []
    model = Model(rows)
    columns: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for c in sorted(rows.columns, key=lambda c: (int(c["object_id"]), int(c["column_id"]))):
        columns[int(c["object_id"])].append((int(c["column_id"]), str(c["name"])))
    grants, denies = _facts(model, objects)
    best = _Best({o: f"{r['schema']}.{r['name']}" for o, r in objects.items()})

    def offer_all(principal: str, token: set[int], sources: list[tuple[int, Way]]) -> None:
        bound = set().union(*(denies.get(i, set()) for i in token))
        for holder, way in sources:
            by_table: dict[tuple[int, str], list[int]] = defaultdict(list)
            for (obj_id, privilege, column), how in grants.get(holder, {}).items():
                if how == "owner" and way[1] == "direct":
                    best.offer(principal, (obj_id, privilege), (), ((1, 0, ""), "owner"))
                elif how == "implicit" and way[1] == "direct":
                    continue  # a fixed role's own rights are reported on its members
                elif column is None:
                    for cols in _table_grant((obj_id, privilege), bound, columns):
                        best.offer(principal, (obj_id, privilege), cols, way)
                else:
                    by_table[(obj_id, privilege)].append(column)
            for (obj_id, privilege), ids in by_table.items():
                wide = (obj_id, privilege, None, "wide") in bound
                kept = {
                    i for i in ids if not wide and (obj_id, privilege, i, "column") not in bound
                }
                named = tuple(n for i, n in columns.get(obj_id, []) if i in kept)
                if named:
                    best.offer(principal, (obj_id, privilege), named, way)

    if model.public is not None:
        offer_all(PUBLIC, {model.public}, [(model.public, ((4, 0, ""), PUBLIC))])
    for pid, row in model.by_id.items():
        if pid == model.public:
            continue
        name = str(row["name"])
        if row["type"] not in ROLE_TYPES and model.superuser(pid):
            for obj_id in objects:
                for privilege in PRIVILEGES:
                    best.offer(name, (obj_id, privilege), (), ((0, 0, ""), "superuser"))
        sources: list[tuple[int, Way]] = [(pid, ((2, 0, ""), "direct"))]
        for distance, role in model.roles_of(pid):
            role_name = str(model.by_id[role]["name"])
            sources.append((role, ((3, distance, role_name), f"role {role_name}")))
        offer_all(name, model.token(pid), sources)
    return best.held()


def _table_grant(
    fact: tuple[int, str], bound: set[Deny], columns: Mapping[int, list[tuple[int, str]]]
) -> list[tuple[str, ...]]:
    """A table-wide grant as held despite DENYs: ``[()]`` whole, ``[cols]`` the columns a
    column DENY left, ``[]`` none (a DENY on the table, its schema or the database)."""
    obj_id, privilege = fact
    if {(obj_id, privilege, None, "wide"), (obj_id, privilege, None, "table")} & bound:
        return []
    cut = {c for (o, p, c, level) in bound if (o, p, level) == (obj_id, privilege, "column")}
    if not cut:
        return [()]
    left = tuple(n for i, n in columns.get(obj_id, []) if i not in cut)
    return [left] if left else []
