"""Effective privileges on PostgreSQL, read from the system catalogue.

Everything is read with SQLAlchemy Core on the connector's read-only session
(the tables are declared in :mod:`connectors.sql.pg_catalog`): ``pg_roles``,
``pg_auth_members``, ``pg_class.relacl`` and ``pg_attribute.attacl`` (both
unpacked with ``aclexplode``), ``relowner`` and the database owner. The rules
applied to those facts:

- **direct** — a grant in the table's ACL (``columns=()``) or in a column's
  ACL (``columns`` lists the granted columns, grouped per grantee and privilege);
  a column grant is dropped when the same principal holds the privilege on the
  whole table anyway;
- **owner** — the owner of a table holds all seven privileges (it can always
  grant itself any it revoked); a ``NULL`` ACL means exactly that default;
- **superuser** — every ``rolsuper`` role holds all seven on every dataset
  (superuser status itself is never inherited);
- **role <g>** — a role inherits what group ``g`` holds directly or by
  ownership when a chain of memberships leads from the role to ``g`` and
  *every* edge of that chain inherits: ``pg_auth_members.inherit_option`` on
  PostgreSQL 16+, the member's ``rolinherit`` before 16 (exactly what the
  server's ``has_table_privilege`` checks). ``g`` is the nearest group on the
  chain that holds the privilege. Privileges reachable only through ``SET
  ROLE`` (a NOINHERIT edge) are not reported. The predefined roles
  ``pg_read_all_data`` / ``pg_write_all_data`` pass their implicit privileges
  on to their members; the database owner is an implicit member of
  ``pg_database_owner``;
- **PUBLIC** — grants to PUBLIC are reported once, for the principal
  ``PUBLIC``, never copied onto every role.

When a principal holds a privilege several ways, the most direct one is kept:
superuser, owner, direct, role (nearest first), PUBLIC.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, func, select
from sqlalchemy import true as sql_true
from sqlalchemy.engine import Connection, Row
from sqlalchemy.sql.selectable import LateralFromClause

from connectors.model import HeldPrivilege, Principal
from connectors.sql.dialects import is_system_schema
from connectors.sql.grants.role_graph import roles_reached
from connectors.sql.pg_catalog import (
    pg_attribute,
    pg_auth_members,
    pg_class,
    pg_database,
    pg_namespace,
    pg_roles,
)

#: The table privileges SPEC §6 knows, in display order.
PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
#: Tables, partitioned tables, views, materialized views and foreign tables.
RELKINDS = ("r", "p", "v", "m", "f")
#: Predefined roles that hold privileges on every table without any ACL entry.
IMPLICIT_PRIVILEGES = {
    "pg_read_all_data": ("SELECT",),
    "pg_write_all_data": ("INSERT", "UPDATE", "DELETE"),
}
PUBLIC = "PUBLIC"

#: (relation oid, privilege, columns): one privilege on one relation.
Key = tuple[int, str, tuple[str, ...]]
#: (principal, dataset, privilege, columns) → (rank, via): the best way seen so far.
Best = dict[tuple[str, str, str, tuple[str, ...]], tuple[tuple[int, int, str], str]]


def _aclexplode(acl: Column[Any]) -> LateralFromClause:
    """``LATERAL aclexplode(acl) AS acl``: one row per (grantee, privilege); 0 = PUBLIC."""
    return func.aclexplode(acl).table_valued("grantee", "privilege_type").lateral("acl")


def _is_predefined(name: str) -> bool:
    return name.startswith("pg_")


def postgresql_principals(conn: Connection) -> list[Principal]:
    """Every role (``pg_*`` predefined roles only when they hold a privilege here) and PUBLIC."""
    rel_acl, att_acl = _aclexplode(pg_class.c.relacl), _aclexplode(pg_attribute.c.attacl)
    relations = pg_class.join(pg_namespace, pg_namespace.c.oid == pg_class.c.relnamespace)
    user_relation = pg_class.c.relkind.in_(RELKINDS)
    queries = [
        select(pg_namespace.c.nspname, pg_class.c.relowner).select_from(relations),
        select(pg_namespace.c.nspname, rel_acl.c.grantee).select_from(
            relations.join(rel_acl, sql_true())
        ),
        select(pg_namespace.c.nspname, att_acl.c.grantee).select_from(
            relations.join(pg_attribute, pg_attribute.c.attrelid == pg_class.c.oid).join(
                att_acl, sql_true()
            )
        ),
    ]
    holders = {
        int(holder)
        for query in queries
        for schema, holder in conn.execute(query.where(user_relation).distinct())
        if not is_system_schema("postgresql", schema)
    }
    rows = conn.execute(select(pg_roles).order_by(pg_roles.c.rolname)).all()
    found = [
        Principal(
            name=r.rolname,
            kind="user" if r.rolcanlogin else "role",
            superuser=bool(r.rolsuper),
            bypass_rls=bool(r.rolbypassrls),
            can_login=bool(r.rolcanlogin),
        )
        for r in rows
        if not _is_predefined(r.rolname) or r.oid in holders
    ]
    return [*found, Principal(PUBLIC, "public")]


def postgresql_held_privileges(conn: Connection, datasets: Sequence[str]) -> list[HeldPrivilege]:
    """Effective privileges on ``datasets`` (``schema.table`` names) — see the module docstring."""
    if not datasets:
        return []
    name = (pg_namespace.c.nspname + "." + pg_class.c.relname).label("name")
    relations = conn.execute(
        select(pg_class.c.oid, name, pg_class.c.relowner)
        .join(pg_namespace, pg_namespace.c.oid == pg_class.c.relnamespace)
        .where(pg_class.c.relkind.in_(RELKINDS), name.in_(sorted(set(datasets))))
    ).all()
    if not relations:
        return []
    names = {int(r.oid): str(r.name) for r in relations}
    roles = {int(r.oid): r for r in conn.execute(select(pg_roles)).all()}
    # holder oid (0 = PUBLIC) → what it holds itself: "owner", "direct" or "implicit"
    facts: dict[int, dict[Key, str]] = defaultdict(dict)
    for rel in relations:
        for privilege in PRIVILEGES:
            facts[int(rel.relowner)][(int(rel.oid), privilege, ())] = "owner"
    for rel_oid, grantee, privilege, columns in _acl_grants(conn, list(names)):
        facts[grantee].setdefault((rel_oid, privilege, columns), "direct")
    for oid, role in roles.items():
        for privilege in IMPLICIT_PRIVILEGES.get(role.rolname, ()):
            for rel_oid in names:
                facts[oid].setdefault((rel_oid, privilege, ()), "implicit")
    groups = _inherited_groups(conn, roles)
    best: Best = {}

    def offer(principal: str, key: Key, via: str, rank: tuple[int, int, str]) -> None:
        rel_oid, privilege, columns = key
        slot = (principal, names[rel_oid], privilege, columns)
        if slot not in best or rank < best[slot][0]:
            best[slot] = (rank, via)

    for key, _how in facts.get(0, {}).items():
        offer(PUBLIC, key, PUBLIC, (4, 0, ""))
    for oid, role in roles.items():
        if role.rolsuper:
            for rel_oid in names:
                for privilege in PRIVILEGES:
                    offer(role.rolname, (rel_oid, privilege, ()), "superuser", (0, 0, ""))
        for key, how in facts.get(oid, {}).items():
            if how != "implicit":
                offer(role.rolname, key, how, (1 if how == "owner" else 2, 0, ""))
        for distance, group in groups.get(oid, ()):
            group_name = roles[group].rolname
            for key in facts.get(group, {}):
                offer(role.rolname, key, f"role {group_name}", (3, distance, group_name))
    return _without_subsumed(best)


def _acl_grants(
    conn: Connection, rel_oids: list[int]
) -> Iterable[tuple[int, int, str, tuple[str, ...]]]:
    """(relation, grantee, privilege, columns) of every table and column ACL entry."""
    wanted = set(PRIVILEGES)
    rel_acl = _aclexplode(pg_class.c.relacl)
    table_rows = conn.execute(
        select(pg_class.c.oid, rel_acl.c.grantee, rel_acl.c.privilege_type)
        .select_from(pg_class.join(rel_acl, sql_true()))
        .where(pg_class.c.oid.in_(rel_oids))
    )
    for rel_oid, grantee, privilege in table_rows:
        if privilege in wanted:
            yield int(rel_oid), int(grantee), str(privilege), ()
    att_acl = _aclexplode(pg_attribute.c.attacl)
    column_rows = conn.execute(
        select(pg_attribute.c.attrelid, pg_attribute.c.attname, att_acl.c.grantee)
        .add_columns(att_acl.c.privilege_type)
        .select_from(pg_attribute.join(att_acl, sql_true()))
        .where(
            pg_attribute.c.attrelid.in_(rel_oids),
            pg_attribute.c.attnum > 0,
            pg_attribute.c.attisdropped.is_(False),
        )
        .order_by(pg_attribute.c.attrelid, pg_attribute.c.attnum)
    )
    grouped: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    for rel_oid, column, grantee, privilege in column_rows:
        if privilege in wanted:
            grouped[(int(rel_oid), int(grantee), str(privilege))].append(str(column))
    for (rel_oid, grantee, privilege), columns in grouped.items():
        yield rel_oid, grantee, privilege, tuple(columns)


def _inherited_groups(
    conn: Connection, roles: dict[int, Row[Any]]
) -> dict[int, list[tuple[int, int]]]:
    """Role oid → (distance, group oid) of every group whose privileges it inherits."""
    modern = (conn.dialect.server_version_info or (0,)) >= (16,)
    columns = [pg_auth_members.c.member, pg_auth_members.c.roleid]
    if modern:
        columns.append(pg_auth_members.c.inherit_option)
    edges: dict[int, set[int]] = defaultdict(set)
    for row in conn.execute(select(*columns)):
        member, group = int(row[0]), int(row[1])
        inherits = bool(row[2]) if modern else _inherit_attribute(roles, member)
        if inherits:
            edges[member].add(group)
    owner = conn.execute(
        select(pg_database.c.datdba).where(pg_database.c.datname == func.current_database())
    ).scalar()
    # The database owner is an implicit member of pg_database_owner (PostgreSQL 14+).
    dbo = next((oid for oid, r in roles.items() if r.rolname == "pg_database_owner"), None)
    if owner is not None and dbo is not None and (modern or _inherit_attribute(roles, owner)):
        edges[int(owner)].add(dbo)
    reached: dict[int, list[tuple[int, int]]] = {}
    for start in roles:
        reached[start] = roles_reached(edges, start)
    return reached


def _inherit_attribute(roles: dict[int, Row[Any]], oid: int) -> bool:
    role = roles.get(oid)
    return role is not None and bool(role.rolinherit)


def _without_subsumed(best: Best) -> list[HeldPrivilege]:
    """One HeldPrivilege per slot, minus column grants a whole-table grant already covers."""
    held = [
        HeldPrivilege(dataset, principal, privilege, via, columns)
        for (principal, dataset, privilege, columns), (_rank, via) in best.items()
        if not columns or (principal, dataset, privilege, ()) not in best
    ]
    return sorted(
        held, key=lambda h: (h.dataset, h.principal, PRIVILEGES.index(h.privilege), h.columns)
    )
