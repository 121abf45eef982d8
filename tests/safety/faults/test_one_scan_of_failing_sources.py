"""Faults that need no timing, all in one CLI scan: each is reported, the rest is scanned.

A closed port and a host name that does not resolve beside a healthy SQLite
source; a PostgreSQL role and a MariaDB user that may read every table but
one; a view sleeping longer than ``statement_timeout_s = 1``; a table another
session holds an exclusive lock on. Each is a SCAN_ERROR with its reason, the
rest is scanned, the scan exits 3 and is recorded in the state store. The
scan runs with ``workers = 1`` (in process) and ``workers = 2`` (a process
pool) on real servers (issue 9).
"""

from __future__ import annotations

import subprocess
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from agent.state.store import StateStore
from tests.safety.faults.scan_runs import (
    cli,
    create_people,
    database_source,
    pii_of,
    rendered,
    report_of,
    scan_errors,
    sqlite_people,
    write_config,
)

TIMEOUT_VIEW_S = 3  # longer than the statement timeout of 1 s
UNRESOLVABLE = "pdpa-no-such-host.invalid"  # .invalid never resolves (RFC 2606)


@dataclass(frozen=True)
class Restricted:
    """A database, an account that may read all of it but ``secret``, and its scanner URL."""

    url: str
    schema: str
    owner: URL | None = None  # the tables' owner, to lock one (PostgreSQL)


@pytest.fixture(scope="module")
def restricted_pg(fresh_pg_database: Callable[[], URL], pg_url: URL) -> Iterator[Restricted]:
    """PostgreSQL: ``customers``, ``locked``, ``products``, ``secret`` and the view
    ``sleepy`` (``pg_sleep(3)``); a login role with SELECT on all of them but ``secret``."""
    url = fresh_pg_database()
    role = f"pdpa_ro_{uuid.uuid4().hex[:8]}"
    engine = create_engine(url, poolclass=NullPool)
    create_people(engine, "customers", "secret", "locked")
    with engine.begin() as conn:
        conn.execute(
            text(f"CREATE VIEW sleepy AS SELECT c.* FROM customers c, pg_sleep({TIMEOUT_VIEW_S})")
        )
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT SELECT ON customers, locked, products, sleepy TO "{role}"'))
    yield Restricted(rendered(url.set(username=role, password=None)), "public", url)
    with engine.begin() as conn:
        conn.execute(text(f'DROP OWNED BY "{role}"'))
        conn.execute(text(f'DROP ROLE "{role}"'))
    engine.dispose()


@pytest.fixture(scope="module")
def restricted_mariadb(
    fresh_mariadb_database: Callable[[], URL], mariadb_url: URL
) -> Iterator[Restricted]:
    """MariaDB: the same tables and ``sleepy`` (``SLEEP(3)``), and a user with SELECT on all
    but ``secret``. MariaDB hides a table its user holds no privilege on, so the user
    holds SELECT on one column of ``secret``: it is listed, and reading it is denied."""
    url = fresh_mariadb_database()
    user = f"pdpa_ro_{uuid.uuid4().hex[:8]}"
    db = str(url.database)
    engine = create_engine(url, poolclass=NullPool)
    create_people(engine, "customers", "secret")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE VIEW sleepy AS SELECT c.* FROM customers c "
                f"CROSS JOIN (SELECT SLEEP({TIMEOUT_VIEW_S}) AS z) s"
            )
        )
        conn.execute(text(f"CREATE USER '{user}'@'%'"))
        for table in ("customers", "products"):
            conn.execute(text(f"GRANT SELECT ON `{db}`.`{table}` TO '{user}'@'%'"))
        # Describing a view takes SHOW VIEW on MariaDB (SQLAlchemy reads SHOW CREATE TABLE).
        conn.execute(text(f"GRANT SELECT, SHOW VIEW ON `{db}`.`sleepy` TO '{user}'@'%'"))
        conn.execute(text(f"GRANT SELECT (id) ON `{db}`.`secret` TO '{user}'@'%'"))
    yield Restricted(rendered(url.set(username=user, password=None)), db)
    with engine.begin() as conn:
        conn.execute(text(f"DROP USER '{user}'@'%'"))
    engine.dispose()


@dataclass(frozen=True)
class FaultyScan:
    folder: Path
    done: subprocess.CompletedProcess[str]
    report: dict[str, Any]
    pg: Restricted
    maria: Restricted


@pytest.fixture(scope="module", params=[1, 2], ids=["workers-1", "workers-2"])
def faulty_scan(
    request: pytest.FixtureRequest,
    restricted_pg: Restricted,
    restricted_mariadb: Restricted,
    tmp_path_factory: pytest.TempPathFactory,
) -> FaultyScan:
    """One CLI scan of six sources: a closed port, an unresolvable host, the two
    restricted databases (``statement_timeout_s = 1``), PostgreSQL's ``locked`` table
    while another session holds an exclusive lock on it, and a healthy SQLite file."""
    folder = tmp_path_factory.mktemp(f"faulty-{request.param}")
    local = sqlite_people(folder / "local.sqlite")
    timeout = "statement_timeout_s = 1"
    sources = (
        database_source("down", "postgresql+psycopg2://scanner@127.0.0.1:1/hr")
        + database_source("nowhere", f"postgresql+psycopg2://scanner@{UNRESOLVABLE}/hr")
        + database_source("pg", restricted_pg.url, f'{timeout}\nexclude = ["public.locked"]')
        # The default statement timeout (60 s) lets the 5 s lock timeout fire first.
        + database_source("pg_locked", restricted_pg.url, 'include = ["public.locked"]')
        + database_source("maria", restricted_mariadb.url, timeout)
        + database_source("local", f"sqlite:///{local}")
    )
    config = write_config(folder, request.param, sources)
    assert restricted_pg.owner is not None
    locker = create_engine(restricted_pg.owner, poolclass=NullPool)
    with locker.connect() as conn:
        conn.execute(text("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE"))  # until rollback
        done = cli(config, folder / "out")
        conn.rollback()
    locker.dispose()
    return FaultyScan(folder, done, report_of(folder / "out"), restricted_pg, restricted_mariadb)


def test_unreachable_sources_beside_a_healthy_one(faulty_scan: FaultyScan) -> None:
    done, report = faulty_scan.done, faulty_scan.report
    assert done.returncode == 3, done.stderr
    statuses = {s["name"]: s["status"] for s in report["sources"]}
    assert statuses == {
        "pg_locked": "ok",
        "down": "error",
        "nowhere": "error",
        "pg": "ok",
        "maria": "ok",
        "local": "ok",
    }
    errors = scan_errors(report)
    down, nowhere = errors[("down", None)], errors[("nowhere", None)]
    assert "cannot connect" in down and "refused" in down.lower()
    assert "cannot connect" in nowhere and UNRESOLVABLE in nowhere
    assert pii_of(report, "local", "main.staff") >= {"EMAIL_ADDRESS"}
    assert "ERROR: source 'down': cannot connect" in done.stdout  # the summary says why
    # The scan is recorded, its source errors included.
    with StateStore(f"sqlite:///{faulty_scan.folder / 'state.db'}") as store:
        (latest,) = store.last_scans(1)
        recorded = {f.id for f in store.findings(status="open")}
    assert (latest.id, latest.status) == (report["scan"]["id"], "complete")
    assert {f["id"] for f in report["findings"]} <= recorded


def test_permission_denied_on_one_table(faulty_scan: FaultyScan) -> None:
    report, errors = faulty_scan.report, scan_errors(faulty_scan.report)
    assert faulty_scan.done.returncode == 3
    for source, restricted in (("pg", faulty_scan.pg), ("maria", faulty_scan.maria)):
        denied = errors[(source, f"{restricted.schema}.secret")]
        assert "permission denied" in denied.lower(), denied
        assert f"{denied}" in faulty_scan.done.stdout  # listed in the summary
        assert pii_of(report, source, f"{restricted.schema}.customers") >= {"EMAIL_ADDRESS"}
        assert pii_of(report, source, f"{restricted.schema}.products") == set()
        failed = {dataset.split(".")[-1] for (where, dataset) in errors if where == source}
        assert failed == {"secret", "sleepy"}


def test_statement_timeout_on_one_view(faulty_scan: FaultyScan) -> None:
    errors = scan_errors(faulty_scan.report)
    for source, restricted in (("pg", faulty_scan.pg), ("maria", faulty_scan.maria)):
        timed_out = errors[(source, f"{restricted.schema}.sleepy")]
        assert "statement timeout" in timed_out, timed_out


def test_lock_timeout_on_one_table(faulty_scan: FaultyScan) -> None:
    locked = scan_errors(faulty_scan.report)[("pg_locked", "public.locked")]
    assert "lock timeout" in locked, locked
