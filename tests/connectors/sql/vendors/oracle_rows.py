"""Recorded Oracle data-dictionary rows: the traps the privilege rules must get right.

Rows under the labels the grant reader gives them, for the tables
``HR.EMPLOYEES`` and ``HR.DEPARTMENTS`` (datasets ``hr.employees``,
``hr.departments``) and ``"Mixed"."Orders"`` (dataset ``Mixed.Orders``):

- ``HR`` owns its tables; ``SYS`` is a superuser;
- ``APP`` holds ``READER``, which holds ``OUTER_ROLE`` granted WITH ADMIN
  OPTION (nested); it has a READ grant and column UPDATE grants itself;
- ``ANALYST`` holds ``DBA``, whose ``SELECT ANY TABLE`` and ``DROP ANY
  TABLE`` reach every table;
- PUBLIC may INSERT into ``HR.DEPARTMENTS`` and holds the role ``BROWSE``;
- ``LOCKED_USER`` is locked, ``SCHEMA_ONLY`` has no authentication,
  ``NOSESSION`` lacks CREATE SESSION;
- ``GHOST`` was dropped but its rows remain; a FLASHBACK grant and a grant on
  a table not asked for are ignored.
"""

from __future__ import annotations

from typing import Any

from connectors.sql.vendors.oracle_privileges import OracleGrantRows

Row = dict[str, Any]


def _user(name: str, status: str = "OPEN", auth: str = "PASSWORD") -> Row:
    return {"username": name, "account_status": status, "authentication_type": auth}


USERS = [
    _user("HR"),
    _user("APP"),
    _user("ANALYST"),
    _user("SYS"),
    _user("LOCKED_USER", "EXPIRED & LOCKED"),
    _user("SCHEMA_ONLY", auth="NONE"),
    _user("NOSESSION"),
    _user("Mixed"),
]
ROLES = [{"role": r} for r in ("READER", "OUTER_ROLE", "DBA", "CONNECT", "BROWSE")]
ROLE_GRANTS = [
    {"grantee": grantee, "granted_role": role, "admin_option": admin}
    for grantee, role, admin in [
        ("APP", "READER", "NO"),
        ("READER", "OUTER_ROLE", "YES"),
        ("ANALYST", "DBA", "NO"),
        ("PUBLIC", "BROWSE", "NO"),
        ("GHOST", "READER", "NO"),
        *(
            (u, "CONNECT", "NO")
            for u in ("HR", "APP", "ANALYST", "LOCKED_USER", "SCHEMA_ONLY", "Mixed")
        ),
    ]
]
TAB_PRIVS = [
    {"grantee": grantee, "owner": owner, "table_name": table, "privilege": privilege}
    for grantee, owner, table, privilege in [
        ("READER", "HR", "EMPLOYEES", "SELECT"),
        ("OUTER_ROLE", "HR", "EMPLOYEES", "DELETE"),
        ("APP", "HR", "DEPARTMENTS", "READ"),
        ("PUBLIC", "HR", "DEPARTMENTS", "INSERT"),
        ("BROWSE", "HR", "DEPARTMENTS", "SELECT"),
        ("GHOST", "HR", "EMPLOYEES", "UPDATE"),
        ("APP", "HR", "EMPLOYEES", "FLASHBACK"),
        ("APP", "HR", "JOBS", "SELECT"),
        ("APP", "Mixed", "Orders", "SELECT"),
    ]
]
COL_PRIVS = [
    {"grantee": g, "owner": "HR", "table_name": "EMPLOYEES", "column_name": c, "privilege": p}
    for g, c, p in [
        ("APP", "SALARY", "UPDATE"),
        ("APP", "BONUS", "UPDATE"),
        ("READER", "EMAIL", "REFERENCES"),
        ("GHOST", "SALARY", "INSERT"),
    ]
]
SYS_PRIVS = [
    {"grantee": grantee, "privilege": privilege}
    for grantee, privilege in [
        ("DBA", "SELECT ANY TABLE"),
        ("DBA", "DROP ANY TABLE"),
        ("CONNECT", "CREATE SESSION"),
        ("SYS", "CREATE SESSION"),
        ("GHOST", "SELECT ANY TABLE"),
    ]
]
TABLES = [
    {"owner": o, "table_name": t}
    for o, t in [("HR", "EMPLOYEES"), ("HR", "DEPARTMENTS"), ("HR", "JOBS"), ("Mixed", "Orders")]
]
ROWS = OracleGrantRows(
    tables=TABLES,
    users=USERS,
    roles=ROLES,
    role_grants=ROLE_GRANTS,
    tab_privs=TAB_PRIVS,
    col_privs=COL_PRIVS,
    sys_privs=SYS_PRIVS,
)
DATASETS = ["hr.employees", "hr.departments", "Mixed.Orders"]
