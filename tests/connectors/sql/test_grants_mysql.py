"""Principals and effective privileges read from a real MariaDB server's grant tables."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection

from connectors.model import HeldPrivilege
from connectors.sql.grants.mysql import _like, mysql_held_privileges, mysql_principals

ALL = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


@dataclass
class Setup:
    admin_url: URL
    db: str
    names: dict[str, str]  # short name → principal name as reported
    public: bool  # the server has PUBLIC (MariaDB 10.11+) and the test granted to it

    @property
    def datasets(self) -> list[str]:
        return [f"{self.db}.people", f"{self.db}.orders"]


@pytest.fixture(scope="module")
def grants(mariadb_url: URL, fresh_mariadb_database: Callable[[], URL]) -> Iterator[Setup]:
    db = fresh_mariadb_database().database
    assert db is not None
    sfx = uuid.uuid4().hex[:6]
    users = {
        "table": ("%", f"pdpa_u_tbl_{sfx}"),
        "db": ("localhost", f"pdpa_u_db_{sfx}"),
        "col": ("%", f"pdpa_u_col_{sfx}"),
        "role": ("%", f"pdpa_u_role_{sfx}"),
        "nested": ("%", f"pdpa_u_nest_{sfx}"),
        "global": ("%", f"pdpa_u_glob_{sfx}"),
        "super": ("%", f"pdpa_u_super_{sfx}"),
        "locked": ("%", f"pdpa_u_lock_{sfx}"),
    }
    roles = {"read": f"pdpa_r_read_{sfx}", "outer": f"pdpa_r_outer_{sfx}"}
    acct = {k: f"'{u}'@'{h}'" for k, (h, u) in users.items()}
    r_read, r_outer = roles["read"], roles["outer"]
    admin = create_engine(mariadb_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        version = conn.dialect.server_version_info or ()
        public = conn.dialect.is_mariadb and tuple(version[:2]) >= (10, 11)
        statements = [
            f"CREATE TABLE `{db}`.people (id INT PRIMARY KEY, name TEXT, email TEXT)",
            f"CREATE TABLE `{db}`.orders (id INT PRIMARY KEY, total INT)",
            f"CREATE TABLE `{db}`.secret (id INT PRIMARY KEY)",
            *(f"CREATE USER {a}" for k, a in acct.items() if k != "locked"),
            f"CREATE USER {acct['locked']} ACCOUNT LOCK",
            f"CREATE ROLE {r_read}",
            f"CREATE ROLE {r_outer}",
            f"GRANT SELECT, INSERT ON `{db}`.people TO {acct['table']}",
            f"GRANT INSERT (name) ON `{db}`.people TO {acct['table']}",  # folded into INSERT
            f"GRANT SELECT ON `{db}`.secret TO {acct['table']}",  # not an asked dataset
            f"GRANT SELECT, DROP ON `{db}`.* TO {acct['db']}",
            f"GRANT SELECT (name, email), UPDATE (email) ON `{db}`.people TO {acct['col']}",
            f"GRANT SELECT ON `{db}`.people TO {r_read}",
            f"GRANT {r_read} TO {acct['role']}",
            f"SET DEFAULT ROLE {r_read} FOR {acct['role']}",
            f"GRANT {r_read} TO {r_outer}",
            f"GRANT DELETE ON `{db}`.orders TO {r_outer}",
            f"GRANT {r_outer} TO {acct['nested']}",  # not the default role: still reported
            f"GRANT SELECT ON *.* TO {acct['global']}",
            f"GRANT ALL PRIVILEGES ON *.* TO {acct['super']} WITH GRANT OPTION",
            f"GRANT TRIGGER ON `{db}`.orders TO {acct['locked']}",
        ]
        if public:
            statements.append(f"GRANT REFERENCES ON `{db}`.orders TO PUBLIC")
        try:
            for statement in statements:
                conn.execute(text(statement))
            names = {k: f"{u}@{h}" for k, (h, u) in users.items()}
            names |= {"r_read": r_read, "r_outer": r_outer}
            yield Setup(mariadb_url, db, names, public)
        finally:
            if public:
                conn.execute(text(f"REVOKE REFERENCES ON `{db}`.orders FROM PUBLIC"))
            for a in acct.values():
                conn.execute(text(f"DROP USER IF EXISTS {a}"))
            for role in roles.values():
                conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
    admin.dispose()


@pytest.fixture
def conn(grants: Setup) -> Iterator[Connection]:
    engine = create_engine(grants.admin_url)
    with engine.connect() as connection:
        connection.execute(text("SET SESSION TRANSACTION READ ONLY"))
        yield connection
    engine.dispose()


def _rows(held: list[HeldPrivilege], principals: set[str]) -> set[tuple]:
    return {
        (h.principal, h.dataset, h.privilege, h.via, h.columns)
        for h in held
        if h.principal in principals
    }


def test_held_privileges_exact(grants: Setup, conn: Connection) -> None:
    n, db = grants.names, grants.db
    people, orders = f"{db}.people", f"{db}.orders"
    held = mysql_held_privileges(conn, grants.datasets)
    expected = {
        (n["table"], people, "SELECT", "direct", ()),
        (n["table"], people, "INSERT", "direct", ()),
        *(
            (n["db"], ds, p, "direct", ())
            for ds in (people, orders)
            for p in ("SELECT", "TRUNCATE")
        ),
        (n["col"], people, "SELECT", "direct", ("email", "name")),
        (n["col"], people, "UPDATE", "direct", ("email",)),
        (n["r_read"], people, "SELECT", "direct", ()),
        (n["role"], people, "SELECT", f"role {n['r_read']}", ()),
        (n["r_outer"], orders, "DELETE", "direct", ()),
        (n["r_outer"], people, "SELECT", f"role {n['r_read']}", ()),
        (n["nested"], orders, "DELETE", f"role {n['r_outer']}", ()),
        (n["nested"], people, "SELECT", f"role {n['r_read']}", ()),
        (n["global"], people, "SELECT", "direct", ()),
        (n["global"], orders, "SELECT", "direct", ()),
        *((n["super"], ds, p, "superuser", ()) for ds in (people, orders) for p in ALL),
        (n["locked"], orders, "TRIGGER", "direct", ()),
    }
    if grants.public:
        expected.add(("PUBLIC", orders, "REFERENCES", "PUBLIC", ()))  # once, not per account
    assert _rows(held, {*n.values(), "PUBLIC"}) == expected
    assert all(h.dataset in grants.datasets for h in held)
    assert len(held) == len(set(held))


def test_only_asked_datasets(grants: Setup, conn: Connection) -> None:
    held = mysql_held_privileges(conn, [f"{grants.db}.orders"])
    assert {h.dataset for h in held} == {f"{grants.db}.orders"}
    assert not _rows(held, {grants.names["col"], grants.names["table"]})  # people, secret only
    assert mysql_held_privileges(conn, []) == []


def test_principals(grants: Setup, conn: Connection) -> None:
    found = {p.name: p for p in mysql_principals(conn)}
    n = grants.names
    assert found["PUBLIC"].kind == "public"
    for role in ("r_read", "r_outer"):
        assert (found[n[role]].kind, found[n[role]].can_login) == ("role", False)
    for key in ("table", "db", "col", "role", "nested", "global", "super", "locked"):
        assert found[n[key]].kind == "user"
        assert found[n[key]].superuser is (key == "super")
        assert found[n[key]].can_login is (key != "locked")
    assert n["db"].endswith("@localhost")


@pytest.mark.parametrize(
    ("pattern", "name", "matches"),
    [
        ("pdpa\\_test", "pdpa_test", True),
        ("pdpa\\_test", "pdpaXtest", False),
        ("pdpa_test", "pdpaXtest", True),
        ("app%", "app_hr", True),
        ("app%", "hr_app", False),
        ("a.b", "aXb", False),
    ],
)
def test_database_patterns(pattern: str, name: str, matches: bool) -> None:
    assert bool(_like(pattern).fullmatch(name)) is matches
