"""Issue 5 end to end: `pdpa-agent access` on real PostgreSQL and MariaDB servers.

The tests create roles, nested groups, PUBLIC grants and column grants, write
an access list, and check that exactly the expected findings come out, with
the exact offending privileges, and nothing for approved access or for
datasets without personal data.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

PEOPLE = [(i, f"user{i}@example.co.th", f"08{i % 10}-555-{1000 + i}") for i in range(1, 41)]


def run_access(config: Path, out: Path) -> tuple[int, dict, str]:
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "access", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = (
        json.loads((out / "findings.json").read_text(encoding="utf-8"))
        if (out / "findings.json").exists()
        else {}
    )
    return done.returncode, report, done.stdout + done.stderr


def write_config(folder: Path, url: str, grants: str) -> Path:
    (folder / "access.toml").write_text(grants, encoding="utf-8")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = "{url}"\n\n[access]\npath = "access.toml"\n',
        encoding="utf-8",
    )
    return config


def grant(principal: str, dataset: str, privileges: list[str], reviewed: str = "2026-10-01") -> str:
    listed = ", ".join(f'"{p}"' for p in privileges)
    return (
        f'[[grants]]\nsource = "db"\ndataset = "{dataset}"\nprincipal = "{principal}"\n'
        f'privileges = [{listed}]\napproved_by = "owner@example.co.th"\nreviewed_at = {reviewed}\nreview_every = "6m"\n\n'
    )


def findings_about(report: dict, names: set[str]) -> set[tuple[str, str, str, tuple[str, ...]]]:
    return {
        (f["type"], f["dataset"], f["principal"], tuple(f["privileges"]))
        for f in report["findings"]
        if f["principal"] in names
    }


@pytest.fixture
def pg(fresh_pg_database: Callable[[], URL], pg_url: URL) -> Iterator[tuple[URL, dict[str, str]]]:
    url = fresh_pg_database()
    tag = uuid.uuid4().hex[:6]
    roles = {
        k: f"pdpa_e2e_{tag}_{k}"
        for k in ("app", "readers", "writers", "auditor", "colreader", "ghost")
    }
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    r = roles
    with admin.connect() as conn:
        for statement in (
            f"CREATE ROLE {r['readers']} NOLOGIN",
            f"CREATE ROLE {r['writers']} NOLOGIN",
            f"CREATE ROLE {r['app']} LOGIN",
            f"CREATE ROLE {r['auditor']} LOGIN",
            f"CREATE ROLE {r['colreader']} LOGIN",
            f"GRANT {r['writers']} TO {r['readers']}",
            f"GRANT {r['readers']} TO {r['app']}",
            "CREATE TABLE people (id int primary key, email text, phone text)",
            "CREATE TABLE products (sku text primary key, price int)",
            f"GRANT SELECT ON people TO {r['readers']}",
            f"GRANT UPDATE ON people TO {r['writers']}",
            f"GRANT SELECT, DELETE ON people TO {r['auditor']}",
            f"GRANT SELECT (id, email) ON people TO {r['colreader']}",
            "GRANT SELECT ON people TO PUBLIC",
            "GRANT SELECT ON products TO PUBLIC",
            f"GRANT SELECT ON products TO {r['app']}",
        ):
            conn.execute(text(statement))
        conn.execute(
            text("INSERT INTO people VALUES (:i, :e, :p)"),
            [{"i": i, "e": e, "p": p} for i, e, p in PEOPLE],
        )
        conn.execute(text("INSERT INTO products VALUES ('SKU-1', 10), ('SKU-2', 20)"))
    yield url, roles
    with admin.connect() as conn:
        conn.execute(text("DROP TABLE IF EXISTS people, products"))
        for role in (r["app"], r["auditor"], r["colreader"], r["readers"], r["writers"]):
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
    admin.dispose()


def test_postgresql_access_review(tmp_path: Path, pg: tuple[URL, dict[str, str]]) -> None:
    url, r = pg
    grants = (
        grant(
            "postgres",
            "public.*",
            ["SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"],
        )
        + grant(
            r["app"], "public.people", ["SELECT"]
        )  # app also gets UPDATE through writers: excessive
        + grant(
            r["auditor"], "public.people", ["SELECT", "DELETE"], reviewed="2024-01-01"
        )  # approved, overdue
        + grant(r["ghost"], "public.people", ["SELECT"])  # no such role: stale
    )
    config = write_config(tmp_path, url.render_as_string(hide_password=False), grants)
    code, report, output = run_access(config, tmp_path / "out")
    assert code == 0, output
    got = findings_about(report, set(r.values()) | {"PUBLIC"})
    assert got == {
        ("ACCESS_EXCESSIVE", "public.people", r["app"], ("UPDATE",)),
        ("ACCESS_UNAPPROVED", "public.people", r["readers"], ("SELECT", "UPDATE")),
        ("ACCESS_UNAPPROVED", "public.people", r["writers"], ("UPDATE",)),
        ("ACCESS_UNAPPROVED", "public.people", r["colreader"], ("SELECT",)),
        ("ACCESS_PUBLIC", "public.people", "PUBLIC", ("SELECT",)),
        ("ACCESS_REVIEW_OVERDUE", "public.people", r["auditor"], ("SELECT", "DELETE")),
        ("ACCESS_STALE_ENTRY", "public.people", r["ghost"], ("SELECT",)),
    }
    excessive = next(f for f in report["findings"] if f["type"] == "ACCESS_EXCESSIVE")
    assert (
        f"role {r['writers']}" in excessive["message"]["en"]
        or r["writers"] in excessive["message"]["en"]
    )
    assert not [
        f for f in report["findings"] if f["principal"] == "postgres"
    ]  # approved superuser/owner
    assert not [
        f for f in report["findings"] if f["dataset"] == "public.products"
    ]  # no personal data
    assert all(f["type"].startswith("ACCESS_") for f in report["findings"])
    for name in ("access.html", "access.csv", "access.xlsx"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert r["app"] in (tmp_path / "out" / "access.csv").read_text(encoding="utf-8-sig")


@pytest.fixture
def maria(fresh_mariadb_database: Callable[[], URL]) -> Iterator[tuple[URL, dict[str, str]]]:
    url = fresh_mariadb_database()
    db = url.database
    tag = uuid.uuid4().hex[:6]
    names = {k: f"e2e_{tag}_{k}" for k in ("app", "reader_role", "dbwide", "colreader")}
    n = names
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for statement in (
            "CREATE TABLE people (id int primary key, email varchar(100), phone varchar(30))",
            "CREATE TABLE products (sku varchar(20) primary key, price int)",
            f"CREATE USER '{n['app']}'@'%'",
            f"CREATE USER '{n['dbwide']}'@'localhost'",
            f"CREATE USER '{n['colreader']}'@'%'",
            f"CREATE ROLE {n['reader_role']}",
            f"GRANT SELECT ON `{db}`.people TO {n['reader_role']}",
            f"GRANT {n['reader_role']} TO '{n['app']}'@'%'",
            f"GRANT INSERT ON `{db}`.people TO '{n['app']}'@'%'",
            f"GRANT SELECT, UPDATE ON `{db}`.* TO '{n['dbwide']}'@'localhost'",
            f"GRANT SELECT (email) ON `{db}`.people TO '{n['colreader']}'@'%'",
        ):
            conn.execute(text(statement))
        conn.execute(
            text("INSERT INTO people VALUES (:i, :e, :p)"),
            [{"i": i, "e": e, "p": p} for i, e, p in PEOPLE],
        )
    yield url, names
    with admin.connect() as conn:
        for statement in (
            f"DROP USER IF EXISTS '{n['app']}'@'%'",
            f"DROP USER IF EXISTS '{n['dbwide']}'@'localhost'",
            f"DROP USER IF EXISTS '{n['colreader']}'@'%'",
            f"DROP ROLE IF EXISTS {n['reader_role']}",
        ):
            conn.execute(text(statement))
    admin.dispose()


def test_mariadb_access_review(tmp_path: Path, maria: tuple[URL, dict[str, str]]) -> None:
    url, n = maria
    db = url.database
    grants = (
        grant(f"{n['app']}@%", f"{db}.people", ["SELECT", "INSERT"])  # exactly approved: nothing
        + grant(n["dbwide"], f"{db}.*", ["SELECT"])  # any host; holds UPDATE too: excessive
    )
    rendered = url.update_query_dict({"charset": "utf8mb4"}).render_as_string(hide_password=False)
    config = write_config(tmp_path, rendered, grants)
    code, report, output = run_access(config, tmp_path / "out")
    assert code == 0, output
    ours = {f"{n['app']}@%", f"{n['dbwide']}@localhost", f"{n['colreader']}@%", n["reader_role"]}
    got = findings_about(report, ours)
    assert got == {
        ("ACCESS_EXCESSIVE", f"{db}.people", f"{n['dbwide']}@localhost", ("UPDATE",)),
        ("ACCESS_UNAPPROVED", f"{db}.people", f"{n['colreader']}@%", ("SELECT",)),
        ("ACCESS_UNAPPROVED", f"{db}.people", n["reader_role"], ("SELECT",)),
    }
    assert not [f for f in report["findings"] if f["dataset"] == f"{db}.products"]
