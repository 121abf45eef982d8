"""Effective privileges on a real PostgreSQL server (connectors.sql.grants.postgresql).

One fresh database per module holds ``hr.employees``, ``hr.other`` and
``public.products``. Roles are cluster-wide, so each run names them
``pdpa_t_<6 hex>_<role>`` and drops them at teardown (after REASSIGN OWNED and
DROP OWNED in the test database). Only this run's roles, PUBLIC and the
cluster's superusers are looked at, so concurrent runs do not interfere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DBAPIError

from connectors.base import GrantReader
from connectors.errors import SourceError
from connectors.model import HeldPrivilege, Principal
from connectors.sql.database import DatabaseConnector
from connectors.sql.grants import reader as grants
from connectors.sql.grants.postgresql import PRIVILEGES, postgresql_held_privileges

PREFIX = f"pdpa_t_{uuid.uuid4().hex[:6]}_"
ROLES = {
    "owner_role": "NOLOGIN",
    "owner_member": "LOGIN",
    "hr_all": "NOLOGIN",
    "hr_readers": "NOLOGIN",
    "app_login": "LOGIN",
    "noinherit_user": "LOGIN NOINHERIT",
    "both_user": "LOGIN",
    "col_user": "LOGIN",
    "su": "SUPERUSER NOLOGIN",
    "rls": "BYPASSRLS NOLOGIN",
}
DATASETS = ["hr.employees", "public.products"]
EMP, PROD = DATASETS
Fact = tuple[str, str, str, str, tuple[str, ...]]


def r(role: str) -> str:
    """This run's name of a test role."""
    return PREFIX + role


SETUP = [
    "CREATE SCHEMA hr",
    "CREATE TABLE hr.employees (id int PRIMARY KEY, name text, email text, salary numeric)",
    "CREATE TABLE hr.other (id int)",
    "CREATE TABLE public.products (id int, title text)",
    "ALTER TABLE hr.employees OWNER TO {owner_role}",
    "GRANT {owner_role} TO {owner_member}",
    "GRANT {hr_readers} TO {app_login}",
    "GRANT {hr_all} TO {hr_readers}",
    "GRANT {hr_readers} TO {noinherit_user}",
    "GRANT {hr_readers} TO {both_user}",
    "GRANT SELECT ON hr.employees TO {hr_readers}",
    "GRANT UPDATE ON hr.employees TO {hr_all}",
    "GRANT SELECT, DELETE ON hr.employees TO {both_user}",
    "GRANT SELECT (name) ON hr.employees TO {both_user}",
    "GRANT SELECT (email) ON hr.employees TO {col_user}",
    "GRANT UPDATE (email, name) ON hr.employees TO {col_user}",
    "GRANT SELECT ON public.products TO PUBLIC",
    "GRANT SELECT ON hr.other TO {app_login}, PUBLIC, pg_monitor",
]


@pytest.fixture(scope="module")
def database(fresh_pg_database: Callable[[], URL]) -> Iterator[URL]:
    url = fresh_pg_database()
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    quote = admin.dialect.identifier_preparer.quote_identifier
    names = {role: quote(r(role)) for role in ROLES}
    try:
        with admin.connect() as conn:
            for role, options in ROLES.items():
                conn.execute(text(f"CREATE ROLE {names[role]} {options}"))
            for statement in SETUP:
                conn.execute(text(statement.format(**names)))
        yield url
    finally:
        _drop_roles(admin, list(names.values()))
        admin.dispose()


def _drop_roles(admin: Engine, quoted: list[str]) -> None:
    with admin.connect() as conn:
        existing = set(
            conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": PREFIX + "%"}
            ).scalars()
        )
        alive = [q for q in quoted if q.strip('"') in existing]
        if alive:
            conn.execute(text(f"REASSIGN OWNED BY {', '.join(alive)} TO CURRENT_USER"))
            conn.execute(text(f"DROP OWNED BY {', '.join(alive)}"))
        for role in alive:
            conn.execute(text(f"DROP ROLE {role}"))


@pytest.fixture(scope="module")
def connector(database: URL) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("hr", database) as opened:
        yield opened


def facts(held: list[HeldPrivilege]) -> set[Fact]:
    """This run's roles and PUBLIC, with the prefix taken off."""
    return {
        (
            h.principal.removeprefix(PREFIX),
            h.dataset,
            h.privilege,
            h.via.replace(PREFIX, ""),
            h.columns,
        )
        for h in held
        if h.principal.startswith(PREFIX) or h.principal == "PUBLIC"
    }


def every(principal: str, dataset: str, via: str) -> set[Fact]:
    return {(principal, dataset, p, via, ()) for p in PRIVILEGES}


EXPECTED: set[Fact] = {
    *every("owner_role", EMP, "owner"),
    *every("owner_member", EMP, "role owner_role"),
    *every("su", EMP, "superuser"),
    *every("su", PROD, "superuser"),
    ("hr_readers", EMP, "SELECT", "direct", ()),
    ("hr_readers", EMP, "UPDATE", "role hr_all", ()),
    ("hr_all", EMP, "UPDATE", "direct", ()),
    ("app_login", EMP, "SELECT", "role hr_readers", ()),
    ("app_login", EMP, "UPDATE", "role hr_all", ()),
    # direct beats "role hr_readers"; SELECT(name) is covered by the table grant
    ("both_user", EMP, "SELECT", "direct", ()),
    ("both_user", EMP, "DELETE", "direct", ()),
    ("both_user", EMP, "UPDATE", "role hr_all", ()),
    ("col_user", EMP, "SELECT", "direct", ("email",)),
    ("col_user", EMP, "UPDATE", "direct", ("name", "email")),  # in column order
    ("PUBLIC", PROD, "SELECT", "PUBLIC", ()),
}


def test_effective_privileges(connector: DatabaseConnector) -> None:
    assert facts(connector.held_privileges(DATASETS)) == EXPECTED


def test_noinherit_member_holds_nothing_through_its_group(connector: DatabaseConnector) -> None:
    held = connector.held_privileges(DATASETS)
    assert not [h for h in held if h.principal == r("noinherit_user")]


def test_public_is_reported_once_not_copied(connector: DatabaseConnector) -> None:
    held = connector.held_privileges(DATASETS)
    assert [h for h in held if h.via == "PUBLIC"] == [
        HeldPrivilege(PROD, "PUBLIC", "SELECT", "PUBLIC")
    ]


def test_every_superuser_holds_everything(connector: DatabaseConnector) -> None:
    superusers = {p.name for p in connector.principals() if p.superuser}
    held = connector.held_privileges(DATASETS)
    for name in superusers:
        mine = {(h.dataset, h.privilege, h.via) for h in held if h.principal == name}
        assert mine == {(d, p, "superuser") for d in DATASETS for p in PRIVILEGES}


def test_only_listed_datasets_are_reported(connector: DatabaseConnector) -> None:
    assert {h.dataset for h in connector.held_privileges([*DATASETS, "hr.missing"])} == set(
        DATASETS
    )
    only = facts(connector.held_privileges([PROD]))
    assert only == {f for f in EXPECTED if f[1] == PROD}
    assert connector.held_privileges([]) == []
    assert connector.held_privileges(["hr.missing"]) == []
    other = {h.principal for h in connector.held_privileges(["hr.other"])}
    assert {r("app_login"), "PUBLIC", "pg_monitor"} <= other


def test_one_entry_per_principal_dataset_privilege_columns(connector: DatabaseConnector) -> None:
    held = connector.held_privileges(DATASETS)
    slots = [(h.principal, h.dataset, h.privilege, h.columns) for h in held]
    assert len(slots) == len(set(slots))


def test_principals(connector: DatabaseConnector) -> None:
    found = {p.name: p for p in connector.principals()}
    assert found["PUBLIC"] == Principal("PUBLIC", "public")
    assert found[r("su")].superuser and not found[r("su")].can_login
    assert found[r("rls")].bypass_rls and not found[r("rls")].superuser
    assert found[r("app_login")] == Principal(r("app_login"), "user")
    assert found[r("hr_readers")] == Principal(r("hr_readers"), "role", can_login=False)
    assert {r(role) for role in ROLES} <= set(found)
    # predefined roles only when they hold something here
    assert "pg_monitor" in found
    assert "pg_signal_backend" not in found


def test_is_a_grant_reader(connector: DatabaseConnector) -> None:
    assert isinstance(connector, GrantReader)


def test_session_stays_read_only(connector: DatabaseConnector) -> None:
    with connector.engine.connect() as conn:
        assert postgresql_held_privileges(conn, DATASETS)
        assert conn.execute(text("SHOW transaction_read_only")).scalar() == "on"
        with pytest.raises(DBAPIError, match="read-only"):
            conn.execute(text("CREATE TABLE hr.sneaky (id int)"))


def test_agrees_with_has_table_privilege(connector: DatabaseConnector) -> None:
    """The server's own check: a role holds a table privilege itself or through PUBLIC."""
    held = connector.held_privileges(DATASETS)
    mine = {(h.principal, h.dataset, h.privilege) for h in held if not h.columns}
    public = {(d, p) for who, d, p in mine if who == "PUBLIC"}
    check = text("SELECT has_table_privilege(:role, :table, :privilege)")
    with connector.engine.connect() as conn:
        for role in ROLES:
            for dataset in DATASETS:
                for privilege in PRIVILEGES:
                    server = conn.execute(
                        check, {"role": r(role), "table": dataset, "privilege": privilege}
                    ).scalar()
                    ours = (r(role), dataset, privilege) in mine or (dataset, privilege) in public
                    assert server == ours, (role, dataset, privilege)


def test_dispatch_refuses_what_it_cannot_read() -> None:
    with pytest.raises(SourceError, match="not supported on firebird"):
        grants.read_principals(None, "firebird", None)  # type: ignore[arg-type]
    with pytest.raises(SourceError, match="in-memory"):
        grants.read_held_privileges(None, "sqlite", DATASETS, make_url("sqlite://"))  # type: ignore[arg-type]
