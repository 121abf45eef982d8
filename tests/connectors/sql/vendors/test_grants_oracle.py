"""Oracle grants: DBA_ and ALL_ statements compiled for the dialect, the rules on recorded rows."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy.dialects import oracle
from sqlalchemy.sql import Select

from connectors.model import HeldPrivilege, Principal
from connectors.sql.grants import oracle as reader
from connectors.sql.vendors.oracle_privileges import (
    PRIVILEGES,
    held_from_rows,
    principals_from_rows,
)
from tests.connectors.sql.vendors.driver_errors import cx_oracle_error, oracledb_error, wrapped
from tests.connectors.sql.vendors.oracle_rows import DATASETS, ROWS

ALL = PRIVILEGES


def sql(stmt: Select[object]) -> str:
    compiled = stmt.compile(dialect=oracle.dialect(), compile_kwargs={"literal_binds": True})
    return " ".join(str(compiled).split())


def test_dba_statements_compile_for_oracle() -> None:
    statements = {k: sql(s) for k, s in reader.dba_statements(["HR", "Mixed"]).items()}
    assert statements["users"] == (
        "SELECT dba_users.username, dba_users.account_status, dba_users.authentication_type "
        "FROM dba_users"
    )
    assert statements["roles"] == "SELECT dba_roles.role FROM dba_roles"
    assert statements["role_grants"] == (
        "SELECT dba_role_privs.grantee, dba_role_privs.granted_role, dba_role_privs.admin_option "
        "FROM dba_role_privs"
    )
    assert statements["tab_privs"] == (
        "SELECT dba_tab_privs.grantee, dba_tab_privs.owner, dba_tab_privs.table_name, "
        "dba_tab_privs.privilege FROM dba_tab_privs WHERE dba_tab_privs.owner IN ('HR', 'Mixed') "
        "AND dba_tab_privs.privilege IN ('DELETE', 'INSERT', 'READ', 'REFERENCES', 'SELECT', 'UPDATE')"
    )
    assert "dba_col_privs.column_name" in statements["col_privs"]
    assert statements["sys_privs"] == (
        "SELECT dba_sys_privs.grantee, dba_sys_privs.privilege FROM dba_sys_privs "
        "WHERE dba_sys_privs.privilege IN ('CREATE ANY TRIGGER', 'CREATE SESSION', "
        "'DELETE ANY TABLE', 'DROP ANY TABLE', 'INSERT ANY TABLE', 'READ ANY TABLE', "
        "'SELECT ANY TABLE', 'UPDATE ANY TABLE')"
    )


def test_fallback_statements_read_only_views_every_user_has() -> None:
    statements = {k: sql(s) for k, s in reader.all_statements(["HR"]).items()}
    assert set(statements) == {"users", "role_grants", "tab_privs", "col_privs", "sys_privs"}
    assert all("dba_" not in text for text in statements.values())
    assert statements["users"] == "SELECT all_users.username FROM all_users"
    assert statements["tab_privs"].startswith(
        "SELECT all_tab_privs.grantee, all_tab_privs.table_schema AS owner, "
        "all_tab_privs.table_name, all_tab_privs.privilege FROM all_tab_privs "
        "WHERE all_tab_privs.table_schema IN ('HR')"
    )
    assert (
        "FROM user_role_privs UNION ALL SELECT role_role_privs.role AS grantee"
        in statements["role_grants"]
    )
    assert "FROM user_sys_privs WHERE" in statements["sys_privs"]
    assert "FROM role_sys_privs WHERE" in statements["sys_privs"]
    assert "all_col_privs.table_schema AS owner" in statements["col_privs"]
    assert sql(reader.tables_statement(["HR"])) == (
        "SELECT all_objects.owner, all_objects.object_name AS table_name FROM all_objects "
        "WHERE all_objects.owner IN ('HR') AND all_objects.object_type IN "
        "('TABLE', 'VIEW', 'MATERIALIZED VIEW') AND all_objects.subobject_name IS NULL"
    )


@pytest.mark.parametrize(
    ("orig", "code"),
    [
        (oracledb_error("ORA-00942", "table or view does not exist"), "ORA-00942"),
        (cx_oracle_error(1031, "insufficient privileges"), "ORA-01031"),
        (oracledb_error("ORA-00904", '"AUTHENTICATION_TYPE": invalid identifier'), None),
        (oracledb_error("DPY-4011", "the database or network closed the connection"), None),
    ],
)
def test_only_a_refused_dba_view_falls_back(orig: Exception, code: str | None) -> None:
    assert reader.refusal(wrapped(orig)) == code


@pytest.fixture(scope="module")
def held() -> list[HeldPrivilege]:
    return held_from_rows(DATASETS, ROWS)


def rows_of(
    held: list[HeldPrivilege], principal: str
) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(h.dataset, h.privilege, h.via, h.columns) for h in held if h.principal == principal}


def whole(
    datasets: list[str], privileges: tuple[str, ...], via: str
) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {(d, p, via, ()) for d in datasets for p in privileges}


HR_TABLES = ["hr.employees", "hr.departments"]
CASES = [
    ("HR", whole(HR_TABLES, ALL, "owner")),
    ("Mixed", whole(["Mixed.Orders"], ALL, "owner")),
    ("SYS", whole(DATASETS, ALL, "superuser")),
    ("APP", whole(["hr.employees"], ("SELECT",), "role READER")
        | whole(["hr.employees"], ("DELETE",), "role OUTER_ROLE")
        | {("hr.employees", "UPDATE", "direct", ("bonus", "salary")),
           ("hr.employees", "REFERENCES", "role READER", ("email",))}
        | whole(["hr.departments", "Mixed.Orders"], ("SELECT",), "direct")),  # READ is SELECT
    ("READER", whole(["hr.employees"], ("SELECT",), "direct")
        | whole(["hr.employees"], ("DELETE",), "role OUTER_ROLE")
        | {("hr.employees", "REFERENCES", "direct", ("email",))}),
    ("ANALYST", whole(DATASETS, ("SELECT", "TRUNCATE"), "role DBA")),
    ("DBA", whole(DATASETS, ("SELECT", "TRUNCATE"), "direct")),
    ("PUBLIC", whole(["hr.departments"], ("INSERT",), "PUBLIC")
        | whole(["hr.departments"], ("SELECT",), "role BROWSE")),
    ("GHOST", set()),  # dropped: its rows are ignored
    ("NOSESSION", set()),
]  # fmt: skip


@pytest.mark.parametrize(("principal", "expected"), CASES, ids=[c[0] for c in CASES])
def test_effective_privileges(
    held: list[HeldPrivilege], principal: str, expected: set[object]
) -> None:
    assert rows_of(held, principal) == expected


def test_public_grants_are_not_copied_onto_users(held: list[HeldPrivilege]) -> None:
    assert not [
        h
        for h in held
        if h.principal == "NOSESSION" or (h.via == "role BROWSE" and h.principal != "PUBLIC")
    ]


def test_no_datasets_no_rows() -> None:
    assert held_from_rows([], ROWS) == []
    assert held_from_rows(["hr.jobs_history"], ROWS) == []  # does not exist: no ANY rights
    jobs = held_from_rows(["hr.jobs"], ROWS)  # exists, not asked above
    assert {(h.principal, h.via) for h in jobs if h.privilege == "SELECT"} >= {
        ("ANALYST", "role DBA"),
        ("APP", "direct"),
    }


def by_name(principals: list[Principal]) -> dict[str, Principal]:
    return {p.name: p for p in principals}


def test_principals() -> None:
    found = by_name(principals_from_rows(ROWS))
    assert found["PUBLIC"] == Principal("PUBLIC", "public", can_login=False)
    assert found["READER"] == Principal("READER", "role", can_login=False)
    assert found["SYS"].superuser and not found["APP"].superuser
    assert "GHOST" not in found


@pytest.mark.parametrize(
    ("user", "can_login"),
    [
        ("APP", True),  # CREATE SESSION through the CONNECT role
        ("SYS", True),  # CREATE SESSION itself
        ("LOCKED_USER", False),
        ("SCHEMA_ONLY", False),  # no authentication: a schema-only account
        ("NOSESSION", False),  # no CREATE SESSION at all
    ],
)
def test_who_can_log_in(user: str, can_login: bool) -> None:
    assert by_name(principals_from_rows(ROWS))[user].can_login is can_login


def test_create_session_granted_to_public_lets_everyone_in() -> None:
    rows = dataclasses.replace(
        ROWS, sys_privs=[*ROWS.sys_privs, {"grantee": "PUBLIC", "privilege": "CREATE SESSION"}]
    )
    assert by_name(principals_from_rows(rows))["NOSESSION"].can_login is True


def test_from_the_all_views_unknown_grantees_are_kept_as_roles() -> None:
    partial = dataclasses.replace(ROWS, roles=[], complete=False)
    found = by_name(principals_from_rows(partial))
    assert found["GHOST"].kind == "role"  # could be a role the account cannot see
    assert found["READER"].kind == "role"  # seen only as a granted role
    assert found["LOCKED_USER"].can_login is True  # status unknown from ALL_USERS
    held = held_from_rows(DATASETS, partial)
    assert ("hr.employees", "UPDATE", "direct", ()) in rows_of(held, "GHOST")
    assert ("hr.employees", "SELECT", "role READER", ()) in rows_of(held, "APP")
