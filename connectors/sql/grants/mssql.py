"""Principals and effective table privileges on SQL Server, read from the catalogue views.

Every statement is a SQLAlchemy Core construct over the views declared in
:mod:`connectors.sql.vendors.mssql_catalog`; the rules applied to the rows
are in :mod:`connectors.sql.vendors.mssql_permissions` (DENY wins, nested
roles, fixed roles, ``public``, owners, ``dbo`` and ``sysadmin``) and
:mod:`connectors.sql.vendors.mssql_principals` (who can log in). Read:

- ``sys.database_principals`` (users, groups, roles; never password hashes)
  and ``sys.database_role_members`` (role membership, nested);
- ``sys.database_permissions`` — GRANT / GRANT WITH GRANT OPTION / DENY on the
  database, the schemas, the tables and views and their columns;
- ``sys.objects`` / ``sys.schemas`` (which datasets exist and who owns them)
  and ``sys.columns`` (names of the columns in column permissions);
- ``sys.server_principals``, ``sys.server_role_members`` and
  ``sys.server_permissions`` — disabled logins, ``sysadmin`` members and
  ``CONTROL SERVER`` holders.

SQL Server shows a login only the permissions it may see: without ``VIEW
DEFINITION`` on the database, other principals' permissions are hidden and
the answer would look clean, so reading refuses (:class:`SourceError`).
Without ``VIEW ANY DEFINITION`` on the server only some logins are visible:
a warning says that disabled logins and ``sysadmin`` members may be missed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, case, exists, func, null, or_, select
from sqlalchemy.engine import Connection

from connectors.errors import SourceError
from connectors.model import HeldPrivilege, Principal
from connectors.sql.vendors.mssql_catalog import (
    sys_columns,
    sys_database_permissions,
    sys_database_principals,
    sys_database_role_members,
    sys_objects,
    sys_schemas,
    sys_server_permissions,
    sys_server_principals,
    sys_server_role_members,
)
from connectors.sql.vendors.mssql_permissions import PERMISSIONS, MssqlGrantRows, held_from_rows
from connectors.sql.vendors.mssql_principals import principals_from_rows

log = logging.getLogger(__name__)

#: Login types (not server roles): SQL, Windows user and group, Entra user and group, cert, key.
LOGIN_TYPES = ("S", "U", "G", "E", "X", "C", "K")


def visibility_statement() -> Select[Any]:
    """Whether this login sees every principal's permissions and every server login."""
    return select(
        func.has_perms_by_name(func.db_name(), "DATABASE", "VIEW DEFINITION").label("database"),
        func.has_perms_by_name(null(), null(), "VIEW ANY DEFINITION").label("server"),
    )


def principals_statement() -> Select[Any]:
    """Every database principal: id, name, type, login SID, authentication, fixed role."""
    p = sys_database_principals.c
    return select(p.principal_id, p.name, p.type, p.sid, p.authentication_type, p.is_fixed_role)


def memberships_statement() -> Select[Any]:
    """Every (role, member) pair of the database."""
    m = sys_database_role_members.c
    return select(m.role_principal_id, m.member_principal_id)


def permissions_statement() -> Select[Any]:
    """Database, schema, object and column permissions that give (or deny) table rights."""
    p = sys_database_permissions.c
    return select(
        p.class_.label("class"),
        p.major_id,
        p.minor_id,
        p.grantee_principal_id,
        p.permission_name,
        p.state,
    ).where(p.class_.in_([0, 1, 3]), p.permission_name.in_([*PERMISSIONS, "CONNECT"]))


def objects_statement(schemas: Sequence[str]) -> Select[Any]:
    """Tables and views of ``schemas`` with their schema and owner (the schema's unless set)."""
    o, s = sys_objects.c, sys_schemas.c
    return (
        select(
            o.object_id,
            o.schema_id,
            s.name.label("schema"),
            o.name,
            func.coalesce(o.principal_id, s.principal_id).label("owner_id"),
        )
        .join(sys_schemas, s.schema_id == o.schema_id)
        .where(o.type.in_(["U", "V"]), s.name.in_(sorted(set(schemas))))
    )


def columns_statement(object_ids: Sequence[int]) -> Select[Any]:
    """The columns (id, name) of the objects named by column permissions."""
    c = sys_columns.c
    return select(c.object_id, c.column_id, c.name).where(c.object_id.in_(sorted(set(object_ids))))


def logins_statement() -> Select[Any]:
    """Every visible login: SID, disabled flag and whether it is a superuser
    (``sysadmin`` member or ``CONTROL SERVER`` holder)."""
    login, role = sys_server_principals, sys_server_principals.alias("server_role")
    members, grants = sys_server_role_members.c, sys_server_permissions.c
    sysadmin = exists().where(
        members.member_principal_id == login.c.principal_id,
        members.role_principal_id == role.c.principal_id,
        role.c.name == "sysadmin",
    )
    control = exists().where(
        grants.grantee_principal_id == login.c.principal_id,
        grants.permission_name == "CONTROL SERVER",
        grants.state.in_(["G", "W"]),
    )
    superuser = case((or_(sysadmin, control), 1), else_=0).label("superuser")
    return select(login.c.sid, login.c.is_disabled, superuser).where(login.c.type.in_(LOGIN_TYPES))


def read_rows(conn: Connection, datasets: Sequence[str] = ()) -> MssqlGrantRows:
    """The catalogue rows the rules need (objects and columns only for ``datasets``)."""
    seen = conn.execute(visibility_statement()).mappings().one()
    if not seen["database"]:
        raise SourceError(
            "cannot read grants: VIEW DEFINITION on the database is needed to see every "
            "principal's permissions"
        )
    if not seen["server"]:
        log.warning(
            "SQL Server grants: VIEW ANY DEFINITION is not granted, so only some logins are "
            "visible; disabled logins and sysadmin members may be missed"
        )
    permissions = [dict(r) for r in conn.execute(permissions_statement()).mappings()]
    objects: list[dict[str, Any]] = []
    columns: list[dict[str, Any]] = []
    if datasets:
        prefixes = {d[:i] for d in datasets for i, ch in enumerate(d) if ch == "."}
        objects = [dict(r) for r in conn.execute(objects_statement(sorted(prefixes))).mappings()]
        known = {int(o["object_id"]) for o in objects}
        by_column = {
            int(p["major_id"])
            for p in permissions
            if int(p["class"]) == 1 and int(p["minor_id"] or 0) > 0 and int(p["major_id"]) in known
        }
        if by_column:
            statement = columns_statement(sorted(by_column))
            columns = [dict(r) for r in conn.execute(statement).mappings()]
    return MssqlGrantRows(
        principals=[dict(r) for r in conn.execute(principals_statement()).mappings()],
        memberships=[dict(r) for r in conn.execute(memberships_statement()).mappings()],
        permissions=permissions,
        objects=objects,
        columns=columns,
        logins=[dict(r) for r in conn.execute(logins_statement()).mappings()],
        logins_complete=bool(seen["server"]),
    )


def mssql_principals(conn: Connection) -> list[Principal]:
    """Every user, group and role of the database, plus ``PUBLIC``."""
    return principals_from_rows(read_rows(conn))


def mssql_held_privileges(conn: Connection, datasets: Sequence[str]) -> list[HeldPrivilege]:
    """Effective privileges of every principal on ``datasets`` (``schema.table``)."""
    wanted = [d for d in dict.fromkeys(datasets) if "." in d]
    if not wanted:
        return []
    return held_from_rows(wanted, read_rows(conn, wanted))
