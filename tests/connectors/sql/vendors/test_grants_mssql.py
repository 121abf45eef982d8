"""SQL Server grants: the reader's statements compiled for the dialect, the rules on recorded rows."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.dialects import mssql
from sqlalchemy.sql import Select

from connectors.model import HeldPrivilege, Principal
from connectors.sql.grants import mssql as reader
from connectors.sql.vendors.mssql_permissions import PRIVILEGES, held_from_rows
from connectors.sql.vendors.mssql_principals import principals_from_rows
from tests.connectors.sql.vendors.mssql_rows import DATASETS, ROWS

ALL = PRIVILEGES


def sql(stmt: Select[object]) -> str:
    compiled = stmt.compile(dialect=mssql.dialect(), compile_kwargs={"literal_binds": True})
    return " ".join(str(compiled).split())


def test_statements_compile_for_sql_server() -> None:
    assert sql(reader.visibility_statement()) == (
        "SELECT has_perms_by_name(db_name(), 'DATABASE', 'VIEW DEFINITION') AS [database], "
        "has_perms_by_name(NULL, NULL, 'VIEW ANY DEFINITION') AS server"
    )
    principals = sql(reader.principals_statement())
    assert principals.startswith("SELECT sys.database_principals.principal_id,")
    assert "password" not in principals.lower()
    permissions = sql(reader.permissions_statement())
    assert (
        "FROM sys.database_permissions WHERE sys.database_permissions.class IN (0, 1, 3)"
        in permissions
    )
    assert (
        "'CONTROL', 'CONNECT')" in permissions and "sys.database_permissions.state" in permissions
    )
    objects = sql(reader.objects_statement(["hr", "sales"]))
    assert "coalesce(sys.objects.principal_id, sys.schemas.principal_id) AS owner_id" in objects
    assert "WHERE sys.objects.type IN ('U', 'V') AND sys.schemas.name IN ('hr', 'sales')" in objects
    assert sql(reader.columns_statement([7, 5, 7])).endswith(
        "WHERE sys.columns.object_id IN (5, 7)"
    )
    logins = sql(reader.logins_statement())
    assert "server_role.name = 'sysadmin'" in logins
    assert "sys.server_permissions.permission_name = 'CONTROL SERVER'" in logins
    assert "WHERE sys.server_principals.type IN ('S', 'U', 'G', 'E', 'X', 'C', 'K')" in logins
    assert "sql_logins" not in logins  # never the password hashes


def test_memberships_statement() -> None:
    assert sql(reader.memberships_statement()) == (
        "SELECT sys.database_role_members.role_principal_id, "
        "sys.database_role_members.member_principal_id FROM sys.database_role_members"
    )


@pytest.fixture(scope="module")
def held() -> list[HeldPrivilege]:
    return held_from_rows(DATASETS, ROWS)


def rows_of(
    held: list[HeldPrivilege], principal: str
) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(h.dataset, h.privilege, h.via, h.columns) for h in held if h.principal == principal}


def whole(
    dataset: str, privileges: tuple[str, ...], via: str
) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(dataset, p, via, ()) for p in privileges}


CASES = [
    # principal, expected rows (dataset, privilege, via, columns): exactly these
    ("dbo", {r for d in DATASETS for r in whole(d, ALL, "superuser")}),
    ("sa_user", {r for d in DATASETS for r in whole(d, ALL, "superuser")}),
    ("alice", whole("hr.salaries", ALL, "owner")),
    ("dave", whole("hr.people", ("SELECT",), "role app_reader")
        | whole("sales.orders", ("DELETE", "TRUNCATE", "TRIGGER"), "role app_outer")),
    ("app_reader", whole("hr.people", ("SELECT",), "direct")
        | whole("sales.orders", ("DELETE", "TRUNCATE", "TRIGGER"), "role app_outer")),
    ("app_outer", whole("sales.orders", ("DELETE", "TRUNCATE", "TRIGGER"), "direct")),
    ("erin", whole("hr.people", ("SELECT",), "role db_datareader")
        | whole("sales.orders", ("SELECT",), "role db_datareader")),  # hr.salaries denied
    ("frank", {("hr.people", "SELECT", "direct", ("name",))}),
    ("hank", {("hr.people", "SELECT", "direct", ("email",))}),  # UPDATE (email) lost to the schema DENY
    ("ivy", {("hr.people", "SELECT", "direct", ("id", "name", "email"))}),  # all but ssn, in order
    ("gina", set()),  # db_denydatawriter beats db_datawriter
    ("jack", whole("hr.people", ("UPDATE", "DELETE"), "role db_datawriter")
        | whole("hr.salaries", ("INSERT", "UPDATE", "DELETE"), "role db_datawriter")
        | whole("sales.orders", ("INSERT", "UPDATE", "DELETE"), "role db_datawriter")),
    ("PUBLIC", whole("sales.orders", ("SELECT",), "PUBLIC")),
    ("db_datareader", set()),  # a fixed role's rights are reported on its members
    ("db_owner", set()),
    ("bob", set()),
]  # fmt: skip


@pytest.mark.parametrize(("principal", "expected"), CASES, ids=[c[0] for c in CASES])
def test_effective_privileges(
    held: list[HeldPrivilege], principal: str, expected: set[object]
) -> None:
    assert rows_of(held, principal) == expected


def test_no_row_for_dropped_principals_or_unasked_datasets(held: list[HeldPrivilege]) -> None:
    assert {h.dataset for h in held} == set(DATASETS)  # sales.archive was not asked for
    names = {p["name"] for p in ROWS.principals} | {"PUBLIC"}
    assert {h.principal for h in held} <= names


def test_a_database_wide_deny_beats_a_column_grant() -> None:
    rows = dataclasses.replace(
        ROWS,
        permissions=[
            *ROWS.permissions,
            {"class": 0, "major_id": 0, "minor_id": 0, "grantee_principal_id": 12,
             "permission_name": "SELECT", "state": "D"},
        ],
    )  # fmt: skip
    assert not [h for h in held_from_rows(DATASETS, rows) if h.principal == "frank"]


def test_control_gives_all_seven_and_deny_control_takes_them() -> None:
    def perm(name: str, state: str, grantee: int = 12) -> dict[str, object]:
        return {"class": 1, "major_id": 102, "minor_id": 0, "grantee_principal_id": grantee,
                "permission_name": name, "state": state}  # fmt: skip

    granted = dataclasses.replace(ROWS, permissions=[perm("CONTROL", "G")])
    frank = [h for h in held_from_rows(["sales.orders"], granted) if h.principal == "frank"]
    assert [h.privilege for h in frank] == list(ALL)
    denied = dataclasses.replace(ROWS, permissions=[perm("CONTROL", "G"), perm("CONTROL", "D", 0)])
    assert not [h for h in held_from_rows(["sales.orders"], denied) if h.principal == "frank"]


def test_no_datasets_no_rows() -> None:
    assert held_from_rows([], ROWS) == []
    assert held_from_rows(["hr.missing"], ROWS) == []


def by_name(principals: list[Principal]) -> dict[str, Principal]:
    return {p.name: p for p in principals}


def test_principals() -> None:
    found = by_name(principals_from_rows(ROWS))
    assert found["PUBLIC"] == Principal("PUBLIC", "public", can_login=False)
    assert "public" not in found and "sys" not in found and "INFORMATION_SCHEMA" not in found
    assert "db_owner" in found  # dbo is a member
    assert "db_datareader" in found and found["db_datareader"].kind == "role"
    assert found["app_reader"] == Principal("app_reader", "role", can_login=False)
    assert found[r"SHOP\Analysts"].kind == "group"
    assert found["dbo"].superuser and found["sa_user"].superuser
    assert not found["alice"].superuser


@pytest.mark.parametrize(
    ("user", "can_login"),
    [
        ("alice", True),
        ("dbo", True),
        ("bob", False),  # disabled login
        ("carol", False),  # orphaned: its login was dropped
        ("nologin", False),  # WITHOUT LOGIN
        ("guest", False),  # no CONNECT
        (r"SHOP\Analysts", True),
    ],
)
def test_who_can_log_in(user: str, can_login: bool) -> None:
    assert by_name(principals_from_rows(ROWS))[user].can_login is can_login


def test_without_every_login_visible_an_unseen_login_is_not_called_dropped() -> None:
    partial = dataclasses.replace(ROWS, logins_complete=False)
    assert by_name(principals_from_rows(partial))["carol"].can_login is True


def test_deny_connect_and_guest_with_connect() -> None:
    rows = dataclasses.replace(
        ROWS,
        permissions=[
            *ROWS.permissions,
            {"class": 0, "major_id": 0, "minor_id": 0, "grantee_principal_id": 2,
             "permission_name": "CONNECT", "state": "G"},
            {"class": 0, "major_id": 0, "minor_id": 0, "grantee_principal_id": 8,
             "permission_name": "CONNECT", "state": "D"},
        ],
    )  # fmt: skip
    found = by_name(principals_from_rows(rows))
    assert found["guest"].can_login is True  # guest enabled: any login may enter
    assert found["dave"].can_login is False  # a role of his is denied CONNECT
