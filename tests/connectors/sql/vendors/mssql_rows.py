"""Recorded SQL Server catalogue rows: one database with the traps the grant rules must get right.

The rows are what the grant reader's statements return (their labels, SQL
Server's values), for a database ``shop`` with tables ``hr.people``,
``hr.salaries`` and ``sales.orders``:

- ``dbo`` and ``sa_user`` (a ``sysadmin`` login) are superusers;
- ``alice`` owns ``hr.salaries`` (an owner other than the schema's);
- ``dave`` is in ``app_reader``, itself in ``app_outer`` (nested roles);
- ``erin`` reads through ``db_datareader`` but is denied ``hr.salaries``;
- ``frank`` has a column grant; ``hank`` a table-level DENY beside a column
  GRANT (SQL Server keeps the column grant) and a schema DENY beside another
  (which wins); ``ivy`` a table grant with one column denied;
- ``gina`` is in both ``db_datawriter`` and ``db_denydatawriter``;
- ``jack`` writes through ``db_datawriter``, but ``public`` is denied INSERT
  on ``hr.people``; ``public`` may read ``sales.orders``;
- ``bob``'s login is disabled, ``carol``'s login was dropped (orphaned),
  ``nologin`` is a user WITHOUT LOGIN, ``guest`` has no CONNECT;
- rows naming principal 99 (a dropped user) remain in the permission and
  membership views.
"""

from __future__ import annotations

from typing import Any

from connectors.sql.vendors.mssql_permissions import MssqlGrantRows

Row = dict[str, Any]


def _principal(pid: int, name: str, type_: str, auth: int = 1, fixed: bool = False) -> Row:
    sid = None if type_ == "R" else bytes([pid % 256]) * 4
    return {
        "principal_id": pid,
        "name": name,
        "type": type_,
        "sid": sid,
        "authentication_type": auth,
        "is_fixed_role": fixed,
    }


PRINCIPALS = [
    _principal(0, "public", "R", 0),
    _principal(1, "dbo", "S"),
    _principal(2, "guest", "S", 0),
    _principal(3, "INFORMATION_SCHEMA", "S", 0),
    _principal(4, "sys", "S", 0),
    _principal(5, "alice", "S"),
    _principal(6, "bob", "S"),
    _principal(7, "carol", "S"),
    _principal(8, "app_reader", "R", 0),
    _principal(9, "app_outer", "R", 0),
    _principal(10, "dave", "S"),
    _principal(11, "erin", "S"),
    _principal(12, "frank", "S"),
    _principal(13, "nologin", "S", 0),
    _principal(14, "sa_user", "S"),
    _principal(15, r"SHOP\Analysts", "G", 3),
    _principal(17, "gina", "S"),
    _principal(18, "hank", "S"),
    _principal(19, "ivy", "S"),
    _principal(20, "jack", "S"),
    _principal(16384, "db_owner", "R", 0, fixed=True),
    _principal(16390, "db_datareader", "R", 0, fixed=True),
    _principal(16391, "db_datawriter", "R", 0, fixed=True),
    _principal(16393, "db_denydatawriter", "R", 0, fixed=True),
]
MEMBERSHIPS = [
    {"role_principal_id": role, "member_principal_id": member}
    for role, member in [
        (8, 10),  # dave ∈ app_reader
        (9, 8),  # app_reader ∈ app_outer
        (16390, 11),  # erin ∈ db_datareader
        (16391, 17),  # gina ∈ db_datawriter
        (16393, 17),  # gina ∈ db_denydatawriter
        (16391, 20),  # jack ∈ db_datawriter
        (16390, 99),  # a dropped user
        (16384, 1),  # dbo ∈ db_owner
    ]
]
PEOPLE, SALARIES, ORDERS = 100, 101, 102
HR, SALES = 5, 6


def _permission(
    grantee: int, name: str, state: str, scope: int = 1, major: int = PEOPLE, minor: int = 0
) -> Row:
    return {
        "class": scope,
        "major_id": major,
        "minor_id": minor,
        "grantee_principal_id": grantee,
        "permission_name": name,
        "state": state,
    }


PERMISSIONS = [
    *(
        _permission(p, "CONNECT", "G", 0, 0)
        for p in (1, 5, 6, 7, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20)
    ),
    _permission(8, "SELECT", "G"),  # app_reader: SELECT on hr.people
    _permission(9, "DELETE", "W", 3, SALES),  # app_outer: DELETE on schema sales (grantable)
    _permission(9, "ALTER", "G", 1, ORDERS),  # app_outer: ALTER on sales.orders
    _permission(0, "SELECT", "G", 1, ORDERS),  # public: SELECT on sales.orders
    _permission(0, "INSERT", "D"),  # public: DENY INSERT on hr.people
    _permission(11, "SELECT", "D", 1, SALARIES),  # erin: DENY SELECT on hr.salaries
    _permission(12, "SELECT", "G", 1, PEOPLE, 2),  # frank: SELECT (name)
    _permission(18, "SELECT", "D"),  # hank: table DENY …
    _permission(18, "SELECT", "G", 1, PEOPLE, 3),  # … and column GRANT (email): kept
    _permission(18, "UPDATE", "D", 3, HR),  # hank: schema DENY …
    _permission(18, "UPDATE", "G", 1, PEOPLE, 3),  # … and column GRANT (email): removed
    _permission(19, "SELECT", "G"),  # ivy: SELECT on hr.people …
    _permission(19, "SELECT", "D", 1, PEOPLE, 4),  # … but not ssn
    _permission(99, "SELECT", "G"),  # a dropped user's leftover grant
    _permission(5, "EXECUTE", "G", 0, 0),  # not a table right
]
OBJECTS = [
    {"object_id": PEOPLE, "schema_id": HR, "schema": "hr", "name": "people", "owner_id": 1},
    {"object_id": SALARIES, "schema_id": HR, "schema": "hr", "name": "salaries", "owner_id": 5},
    {"object_id": ORDERS, "schema_id": SALES, "schema": "sales", "name": "orders", "owner_id": 1},
    {"object_id": 103, "schema_id": SALES, "schema": "sales", "name": "archive", "owner_id": 1},
]
COLUMNS = [
    {"object_id": PEOPLE, "column_id": i, "name": name}
    for i, name in [(4, "ssn"), (1, "id"), (3, "email"), (2, "name")]  # not in column order
]
LOGINS = [
    {"sid": bytes([pid]) * 4, "is_disabled": pid == 6, "superuser": pid == 14}
    for pid in (1, 2, 5, 6, 10, 11, 12, 14, 17, 18, 19, 20)  # no login for carol (7)
]
ROWS = MssqlGrantRows(
    principals=PRINCIPALS,
    memberships=MEMBERSHIPS,
    permissions=PERMISSIONS,
    objects=OBJECTS,
    columns=COLUMNS,
    logins=LOGINS,
    logins_complete=True,
)
DATASETS = ["hr.people", "hr.salaries", "sales.orders"]
