"""Principals and effective table privileges on Oracle, read from the data dictionary.

Every statement is a SQLAlchemy Core construct over the views declared in
:mod:`connectors.sql.vendors.oracle_catalog`; the rules applied to the rows
are in :mod:`connectors.sql.vendors.oracle_privileges`. Read, when the
account may (``SELECT ANY DICTIONARY`` or ``SELECT_CATALOG_ROLE``):

- ``DBA_USERS`` (account status, authentication type) and ``DBA_ROLES``;
- ``DBA_ROLE_PRIVS`` — roles granted to users, roles and PUBLIC (nested);
- ``DBA_TAB_PRIVS`` / ``DBA_COL_PRIVS`` — object and column grants on the
  scanned schemas' tables and views;
- ``DBA_SYS_PRIVS`` — ``SELECT ANY TABLE`` and the other ``ANY`` privileges,
  and ``CREATE SESSION``;
- ``ALL_OBJECTS`` — which of the asked datasets exist.

**Fallback.** When a ``DBA_`` view is refused (ORA-00942 — Oracle's answer
for a view the account may not read — or ORA-01031), a warning is logged and
the views every user can read are used instead: ``ALL_USERS``,
``USER_ROLE_PRIVS`` and ``ROLE_ROLE_PRIVS``, ``ALL_TAB_PRIVS`` /
``ALL_COL_PRIVS``, ``USER_SYS_PRIVS`` / ``ROLE_SYS_PRIVS``. They cannot
see: grants between other users on tables the account neither owns nor
granted (scan as the tables' owner to see every grant on them), roles granted
to other users, other users' system privileges (who holds ``SELECT ANY
TABLE``), roles the account does not hold, and account status (every user
is then taken as able to log in). The answer is then a lower bound.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from connectors.model import HeldPrivilege, Principal
from connectors.sql.vendors import oracle_catalog as dd
from connectors.sql.vendors.oracle import error_codes, stored_name
from connectors.sql.vendors.oracle_privileges import (
    CREATE_SESSION,
    OBJECT_PRIVILEGES,
    SYSTEM_PRIVILEGES,
    OracleGrantRows,
    held_from_rows,
    principals_from_rows,
)

log = logging.getLogger(__name__)

#: What a refused DBA_ view raises: "does not exist" (not granted) or insufficient privileges.
REFUSED = frozenset({"ORA-00942", "ORA-01031"})
SYSTEM_NAMES = sorted([*SYSTEM_PRIVILEGES, CREATE_SESSION])
OBJECT_NAMES = sorted(OBJECT_PRIVILEGES)


def dba_statements(owners: Sequence[str]) -> dict[str, Select[Any]]:
    """The DBA_ view statements, by :class:`OracleGrantRows` field (``owners`` as stored)."""
    tab, col = dd.dba_tab_privs.c, dd.dba_col_privs.c
    return {
        "users": select(
            dd.dba_users.c.username,
            dd.dba_users.c.account_status,
            dd.dba_users.c.authentication_type,
        ),
        "roles": select(dd.dba_roles.c.role),
        "role_grants": select(
            dd.dba_role_privs.c.grantee,
            dd.dba_role_privs.c.granted_role,
            dd.dba_role_privs.c.admin_option,
        ),
        "tab_privs": select(tab.grantee, tab.owner, tab.table_name, tab.privilege).where(
            tab.owner.in_(list(owners)), tab.privilege.in_(OBJECT_NAMES)
        ),
        "col_privs": select(
            col.grantee, col.owner, col.table_name, col.column_name, col.privilege
        ).where(col.owner.in_(list(owners)), col.privilege.in_(OBJECT_NAMES)),
        "sys_privs": select(dd.dba_sys_privs.c.grantee, dd.dba_sys_privs.c.privilege).where(
            dd.dba_sys_privs.c.privilege.in_(SYSTEM_NAMES)
        ),
    }


def all_statements(owners: Sequence[str]) -> dict[str, Select[Any]]:
    """The fallback statements over the views every user can read (same labels)."""
    tab, col = dd.all_tab_privs.c, dd.all_col_privs.c
    user_roles, role_roles = dd.user_role_privs.c, dd.role_role_privs.c
    user_sys, role_sys = dd.user_sys_privs.c, dd.role_sys_privs.c
    return {
        "users": select(dd.all_users.c.username),
        "role_grants": select(
            union_all(
                select(
                    user_roles.username.label("grantee"),
                    user_roles.granted_role,
                    user_roles.admin_option,
                ),
                select(
                    role_roles.role.label("grantee"),
                    role_roles.granted_role,
                    role_roles.admin_option,
                ),
            ).subquery("role_grants")
        ),
        "tab_privs": select(
            tab.grantee, tab.table_schema.label("owner"), tab.table_name, tab.privilege
        ).where(tab.table_schema.in_(list(owners)), tab.privilege.in_(OBJECT_NAMES)),
        "col_privs": select(
            col.grantee,
            col.table_schema.label("owner"),
            col.table_name,
            col.column_name,
            col.privilege,
        ).where(col.table_schema.in_(list(owners)), col.privilege.in_(OBJECT_NAMES)),
        "sys_privs": select(
            union_all(
                select(user_sys.username.label("grantee"), user_sys.privilege).where(
                    user_sys.privilege.in_(SYSTEM_NAMES)
                ),
                select(role_sys.role.label("grantee"), role_sys.privilege).where(
                    role_sys.privilege.in_(SYSTEM_NAMES)
                ),
            ).subquery("sys_privs")
        ),
    }


def tables_statement(owners: Sequence[str]) -> Select[Any]:
    """The tables, views and materialized views of ``owners`` that this account can see."""
    o = dd.all_objects.c
    return select(o.owner, o.object_name.label("table_name")).where(
        o.owner.in_(list(owners)),
        o.object_type.in_(["TABLE", "VIEW", "MATERIALIZED VIEW"]),
        o.subobject_name.is_(None),
    )


def _run(
    conn: Connection, statements: dict[str, Select[Any]], owners: Sequence[str], complete: bool
) -> OracleGrantRows:
    if owners:
        statements = {**statements, "tables": tables_statement(owners)}
    rows = {field: [dict(r) for r in conn.execute(s).mappings()] for field, s in statements.items()}
    return OracleGrantRows(complete=complete, **rows)


def refusal(exc: DBAPIError) -> str | None:
    """The code of an error saying a DBA_ view may not be read (None for any other error)."""
    codes = error_codes(exc.orig) if exc.orig is not None else []
    return next((code for code in codes if code in REFUSED), None)


def read_rows(conn: Connection, schemas: Sequence[str] = ()) -> OracleGrantRows:
    """The dictionary rows for the scanned ``schemas`` (SQLAlchemy names), from the DBA
    views, or from the ALL views with a warning when the DBA ones are refused."""
    owners = sorted({stored_name(s) for s in schemas})
    try:
        return _run(conn, dba_statements(owners), owners, complete=True)
    except DBAPIError as exc:
        code = refusal(exc)
        if code is None:
            raise
    log.warning(
        "Oracle grants: the DBA_ views are not readable (%s); reading the ALL_ views, which "
        "miss grants between other users, their roles and their system privileges",
        code,
    )
    return _run(conn, all_statements(owners), owners, complete=False)


def oracle_principals(conn: Connection) -> list[Principal]:
    """Every user and role, plus ``PUBLIC``."""
    return principals_from_rows(read_rows(conn))


def oracle_held_privileges(conn: Connection, datasets: Sequence[str]) -> list[HeldPrivilege]:
    """Effective privileges of every principal on ``datasets`` (``schema.table``)."""
    wanted = [d for d in dict.fromkeys(datasets) if "." in d]
    if not wanted:
        return []
    schemas = {d[:i] for d in wanted for i, ch in enumerate(d) if ch == "."}
    return held_from_rows(wanted, read_rows(conn, sorted(schemas)))
