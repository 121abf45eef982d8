"""Read-only by construction (issue 9): what the database connector hands out cannot write.

- every connection of the connector's pool, both at once, refuses INSERT,
  UPDATE, DELETE and DDL with the driver's own read-only error, on
  PostgreSQL, MariaDB and SQLite (one INSERT is already checked in
  ``test_database_connector.py``; here every kind of write, on the whole pool);
- the statement timeout, the lock timeout and the read-only default are set
  on every pooled connection, also on the one that replaces a connection the
  server terminated (``pool_pre_ping`` reconnects);
- during a scan with ``workers = 2`` and ``max_concurrency = 2`` the scanner
  never holds more than one connection per worker process on the source
  (``POOL_SIZE``), observed in ``pg_stat_activity``;
- a scan whose register asks for ``delete`` and ``anonymise`` remediation
  prints the statements and leaves every row of every table as it was (the
  statements, run on a writable connection of the test's own, would change
  them);
- structurally, remediation SQL is only ever compiled to text, never executed.
"""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from connectors.sql.database import MAX_OVERFLOW, POOL_SIZE, DatabaseConnector
from tests.support.backends import Backend
from tests.support.paths import REPO_ROOT

ROOT = REPO_ROOT
POLL_S = 0.02
WAIT_S = 120.0

#: The driver's own words for a refused write.
READ_ONLY_ERROR = {
    "postgresql": "read-only transaction",
    "mariadb": "READ ONLY transaction",
    "sqlite": "readonly database",
}
WRITES = {
    "insert": "INSERT INTO people (id, full_name, email) VALUES (999, 'x', 'x@example.com')",
    "update": "UPDATE people SET email = 'changed@example.com'",
    "delete": "DELETE FROM people",
    "create table": "CREATE TABLE intruder (id INT)",
    "alter table": "ALTER TABLE people ADD COLUMN intruder INT",
    "create index": "CREATE INDEX people_intruder ON people (id, email)",
    "drop table": "DROP TABLE people",
}


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def create_people(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE people "
                "(id INT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100))"
            )
        )
        conn.execute(
            text("INSERT INTO people VALUES (:id, :name, :email)"),
            [{"id": i, "name": f"Person {i}", "email": f"p{i}@example.com"} for i in range(1, 21)],
        )
    engine.dispose()


def fingerprint(conn: Connection, table: str, schema: str | None = None) -> tuple[int, str]:
    """Row count and SHA-256 of every row of ``table`` (all columns, in a total order)."""
    reflected = Table(table, MetaData(), schema=schema, autoload_with=conn)
    query = select(reflected).order_by(*reflected.columns)
    rows = conn.execute(query).all()
    return len(rows), hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()


@pytest.fixture(scope="module")
def backend(module_backend: Backend) -> Backend:
    create_people(module_backend.url)
    return module_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("ro", rendered(backend.url), statement_timeout_s=7) as opened:
        yield opened


# --- (a) every pooled connection refuses every kind of write --------------------


def test_every_pooled_connection_refuses_writes(
    backend: Backend, connector: DatabaseConnector
) -> None:
    check = create_engine(backend.url, poolclass=NullPool)
    with check.connect() as conn:
        before = fingerprint(conn, "people")
    # The whole pool at once: POOL_SIZE kept connections plus the overflow.
    with connector.engine.connect() as first, connector.engine.connect() as second:
        for conn in (first, second):
            for what, statement in WRITES.items():
                with pytest.raises(DBAPIError) as refused:
                    conn.exec_driver_sql(statement)
                    conn.commit()
                assert READ_ONLY_ERROR[backend.kind] in str(refused.value.orig), what
                conn.rollback()
    with check.connect() as conn:
        assert fingerprint(conn, "people") == before
        schema = inspect(conn)
        tables = set(schema.get_table_names())
        columns = {column["name"] for column in schema.get_columns("people")}
        indexes = {index["name"] for index in schema.get_indexes("people")}
    check.dispose()
    assert tables == {"people"} and "intruder" not in columns
    assert "people_intruder" not in indexes


# --- (b) timeouts and read-only on every pooled connection, after a kill too --


def session_settings(kind: str, conn: Connection) -> tuple[int, dict[str, str]]:
    """The backend's id and its read-only and timeout settings."""
    if kind == "postgresql":
        backend_id = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        rows = conn.execute(
            text(
                "SELECT name, setting FROM pg_settings WHERE name IN "
                "('statement_timeout', 'lock_timeout', 'default_transaction_read_only')"
            )
        ).all()
        return backend_id, {name: str(setting) for name, setting in rows}
    row = conn.execute(
        text(
            "SELECT CONNECTION_ID(), @@session.max_statement_time, "
            "@@session.lock_wait_timeout, @@session.tx_read_only"
        )
    ).one()
    settings = {
        "max_statement_time": f"{float(row[1]):g}",
        "lock_wait_timeout": str(row[2]),
        "tx_read_only": str(row[3]),
    }
    return int(row[0]), settings


EXPECTED_SETTINGS = {
    "postgresql": {
        "statement_timeout": "7000",  # milliseconds
        "lock_timeout": "5000",
        "default_transaction_read_only": "on",
    },
    "mariadb": {"max_statement_time": "7", "lock_wait_timeout": "5", "tx_read_only": "1"},
}
CONNECTED = {
    "postgresql": "SELECT pid FROM pg_stat_activity "
    "WHERE datname = :db AND pid <> pg_backend_pid()",
    "mariadb": "SELECT ID FROM information_schema.PROCESSLIST "
    "WHERE DB = :db AND ID <> CONNECTION_ID()",
}
KILL = {"postgresql": "SELECT pg_terminate_backend(:id)", "mariadb": "KILL :id"}


def test_timeouts_on_every_pooled_connection_and_after_a_kill(
    backend: Backend, connector: DatabaseConnector
) -> None:
    if backend.kind == "sqlite":
        with connector.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA query_only").scalar_one() == 1
        return
    expected = EXPECTED_SETTINGS[backend.kind]
    with connector.engine.connect() as first, connector.engine.connect() as second:
        (id1, settings1), (id2, settings2) = (
            session_settings(backend.kind, c) for c in (first, second)
        )
    assert id1 != id2 and settings1 == expected and settings2 == expected
    assert backend.admin is not None
    admin = create_engine(backend.admin, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # the server ends the connection the pool kept
        db = {"db": str(backend.url.database)}
        killed = set(conn.execute(text(CONNECTED[backend.kind]), db).scalars())
        for backend_id in killed:
            conn.execute(text(KILL[backend.kind]), {"id": backend_id})
    admin.dispose()
    assert killed and killed <= {id1, id2}
    with connector.engine.connect() as conn:  # pre-ping finds it dead and reconnects
        fresh, settings = session_settings(backend.kind, conn)
    assert fresh not in killed
    assert settings == expected


# --- (c) bounded connections during a scan ------------------------------------

SLOW_VIEWS = 4


@dataclass
class ConnectionPoller:
    """Counts, every 20 ms from database ``postgres``, the backends connected to ``db``."""

    engine: Engine
    db: str
    most: int = 0
    polls: int = 0
    error: BaseException | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> ConnectionPoller:
        self._thread = threading.Thread(target=self._run, name="poller", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(WAIT_S)
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        query = text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = :db AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        try:
            with self.engine.connect() as conn:
                while not self._stop.is_set():
                    self.most = max(
                        self.most, int(conn.execute(query, {"db": self.db}).scalar_one())
                    )
                    self.polls += 1
                    time.sleep(POLL_S)
        except BaseException as exc:  # re-raised by the test
            self.error = exc


def cli_scan(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_connections_bounded_during_a_scan(
    fresh_pg_database: Callable[[], URL], pg_url: URL, tmp_path: Path
) -> None:
    url = fresh_pg_database()
    create_people(url)
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        for i in range(1, SLOW_VIEWS + 1):
            conn.execute(text(f"CREATE VIEW slow_{i} AS SELECT p.* FROM people p, pg_sleep(0.25)"))
    engine.dispose()
    workers = 2
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = {workers}\n\n'
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = "{rendered(url)}"\n'
        f'max_concurrency = 2\n\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    admin = create_engine(pg_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with ConnectionPoller(admin, str(url.database)) as poller:
            done = cli_scan(config, tmp_path / "out")
    finally:
        admin.dispose()
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    assert len(report["datasets"]) == SLOW_VIEWS + 1
    assert poller.polls > 10
    assert poller.most >= 2  # both workers were seen connected at once
    # One connection per worker process; the overflow (MAX_OVERFLOW) is never needed by a scan.
    assert poller.most <= workers * POOL_SIZE < workers * (POOL_SIZE + MAX_OVERFLOW)


# --- (d) remediation is printed, never run -------------------------------------

REGISTER = """\
[[datasets]]
id = "HR-1"
source = "db"
match = "{schema}.employees"
legal_basis = "contract"
owner = "hr@example.co.th"
allowed_pii = ["PERSON", "EMAIL_ADDRESS"]
retention = "1y"
clock_column = "left_on"
on_expiry = "delete"

[[datasets]]
id = "CRM-1"
source = "db"
match = "{schema}.customers"
legal_basis = "consent"
owner = "crm@example.co.th"
allowed_pii = ["PERSON", "EMAIL_ADDRESS"]
retention = "1y"
clock_column = "left_on"
on_expiry = "anonymise"
"""


def create_registered_tables(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        for table in ("employees", "customers"):
            conn.execute(
                text(
                    f"CREATE TABLE {table} (id INT PRIMARY KEY, full_name VARCHAR(100), "
                    "email VARCHAR(100), left_on DATE)"
                )
            )
            conn.execute(
                text(f"INSERT INTO {table} VALUES (:id, :name, :email, :left_on)"),
                [
                    {
                        "id": i,
                        "name": f"Somchai Jaidee {i}",
                        "email": f"{table}{i}@example.co.th",
                        "left_on": None if i % 3 else f"20{10 + i % 10:02d}-01-15",
                    }
                    for i in range(1, 41)
                ],
            )
    engine.dispose()


@pytest.mark.parametrize("server", ["pg", "mariadb"])
def test_remediation_is_printed_and_never_run(
    request: pytest.FixtureRequest, tmp_path: Path, server: str
) -> None:
    url: URL = request.getfixturevalue(f"fresh_{server}_database")()
    schema = "public" if server == "pg" else str(url.database)
    create_registered_tables(url)
    (tmp_path / "register.toml").write_text(REGISTER.format(schema=schema), encoding="utf-8")
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = 2\n\n'
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = "{rendered(url)}"\n\n'
        '[register]\npath = "register.toml"\n\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    check = create_engine(url, poolclass=NullPool)
    tables = ("employees", "customers")
    with check.connect() as conn:
        before = {table: fingerprint(conn, table) for table in tables}
    done = cli_scan(config, tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    remediation = {
        f["dataset"]: f["remediation"]
        for f in report["findings"]
        if f["type"] == "RETENTION_EXPIRED"
    }
    assert remediation[f"{schema}.employees"].startswith("DELETE FROM ")
    assert remediation[f"{schema}.customers"].startswith("UPDATE ")
    with check.connect() as conn:
        assert {table: fingerprint(conn, table) for table in tables} == before
    with check.connect() as conn:
        # The statements are real: run here, on a writable connection, they change the rows.
        transaction = conn.begin()
        for statement in remediation.values():
            conn.exec_driver_sql(statement)
        changed = {table: fingerprint(conn, table) for table in tables}
        transaction.rollback()
    check.dispose()
    assert all(changed[table] != before[table] for table in tables)


# --- (e) remediation SQL is compiled, never executed ---------------------------

EXECUTING = {"execute", "exec_driver_sql", "executemany", "executescript", "begin", "connect"}


def calls_in(path: Path) -> list[ast.Call]:
    return [
        n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(n, ast.Call)
    ]


def called_name(call: ast.Call) -> str:
    return getattr(call.func, "attr", getattr(call.func, "id", ""))


def test_remediation_module_only_compiles() -> None:
    path = ROOT / "connectors" / "sql" / "remediation.py"
    names = {called_name(call) for call in calls_in(path)}
    assert "compile" in names  # the module is what this test thinks it is
    assert names & EXECUTING == set()
    source = path.read_text(encoding="utf-8")
    assert "Connection" not in source and "Engine" not in source


def test_no_production_code_executes_a_remediation() -> None:
    """No call that runs SQL takes anything named remediation, or a *_sql() statement."""
    offenders = []
    for package in ("agent", "connectors", "scanners", "reports"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for call in calls_in(path):
                if called_name(call) not in EXECUTING:
                    continue
                for argument in [*call.args, *(k.value for k in call.keywords)]:
                    words = {
                        getattr(node, "id", getattr(node, "attr", ""))
                        for node in ast.walk(argument)
                    }
                    if any("remediation" in w or w.endswith("_sql") for w in words):
                        offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert offenders == []
