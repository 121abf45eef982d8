"""Faults while scanning production: each is reported, everything else is scanned (issue 9).

Every scan here is a real ``python -m agent scan`` (or ``run_scan`` /
``cmd_scan`` where only code can place the fault at the right moment) on real
servers, files and SQLite stores, with ``workers = 1`` (in process) and
``workers = 2`` (a process pool) where the executor matters:

- one scan holds the faults that need no timing: a closed port and a host
  name that does not resolve beside a healthy source; a PostgreSQL role and a
  MariaDB user that may read every table but one; a view sleeping longer
  than ``statement_timeout_s = 1`` — each is a SCAN_ERROR with its reason,
  the rest is scanned, the scan exits 3 and is recorded in the state store;
- a backend terminated (``pg_terminate_backend``) or killed (MariaDB
  ``KILL``) under a slow view by a helper thread: once, the dataset is read
  again on a new connection and scanned; every time, it is a SCAN_ERROR
  after exactly two reads;
- a file deleted after the listing and before it is read;
- the state store locked by another process (``BEGIN EXCLUSIVE``) for the
  whole scan, or from after the scan began until after it should be
  recorded, and a PostgreSQL store that cannot be reached;
- a report write failing halfway (a file-size limit on the scan process).

Nothing asserts a duration.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from agent.state.store import StateStore
from agent.state.tables import SCANS
from scanners.detection.engine import DetectionEngine

POLL_S = 0.02
WAIT_S = 120.0  # upper bound for anything waited for (never asserted)
SLOW_S = 1  # a slow view sleeps this long per read
TIMEOUT_VIEW_S = 3  # longer than the statement timeout of 1 s
UNRESOLVABLE = "pdpa-no-such-host.invalid"  # .invalid never resolves (RFC 2606)


# --- helpers ------------------------------------------------------------------


def cli(config: Path, out: Path, **popen: Any) -> subprocess.CompletedProcess[str]:
    """``pdpa-agent -c config scan --out out`` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        **popen,
    )


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def database_source(name: str, url: str, extra: str = "") -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "database"\nurl = "{url}"\n{extra}\n'


def write_config(
    folder: Path, workers: int, sources: str, state: str | None = None, formats: str = '"json"'
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    state = state or f"sqlite:///{folder / 'state.db'}"
    path = folder / "pdpa-agent.toml"
    path.write_text(
        f'[agent]\nstate = "{state}"\nworkers = {workers}\n\n'
        f"[detection]\nsample_rows = 200\n\n{sources}\n"
        f'[reports]\nformats = [{formats}]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    return path


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def scan_errors(report: dict[str, Any]) -> dict[tuple[str, str | None], str]:
    return {
        (f["source"], f["dataset"]): f["message"]["en"]
        for f in report["findings"]
        if f["type"] == "SCAN_ERROR"
    }


def pii_of(report: dict[str, Any], source: str, dataset: str) -> set[str]:
    found = [d for d in report["datasets"] if d["source"] == source and d["name"] == dataset]
    assert len(found) == 1, f"{source}/{dataset} not in the report"
    return {p["type"] for column in found[0]["columns"] for p in column["pii"]}


def people_rows(count: int) -> list[dict[str, object]]:
    return [
        {"id": i, "full_name": f"Somchai Jaidee {i}", "email": f"user{i}@example.co.th"}
        for i in range(1, count + 1)
    ]


def create_people(engine: Engine, *tables: str) -> None:
    """Tables ``(id, full_name, email)`` of 30 people each, and ``products`` without any."""
    with engine.begin() as conn:
        for table in tables:
            quoted = engine.dialect.identifier_preparer.quote(table)
            columns = "id INT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100)"
            conn.execute(text(f"CREATE TABLE {quoted} ({columns})"))
            conn.execute(
                text(f"INSERT INTO {quoted} VALUES (:id, :full_name, :email)"), people_rows(30)
            )
        conn.execute(text("CREATE TABLE products (sku VARCHAR(20) PRIMARY KEY, stock INT)"))
        conn.execute(
            text("INSERT INTO products VALUES (:sku, :stock)"),
            [{"sku": f"SKU-{i:04d}", "stock": i} for i in range(30)],
        )


def sqlite_people(path: Path) -> Path:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    create_people(engine, "staff")
    engine.dispose()
    return path


# --- one scan, the faults that need no timing ---------------------------------


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


# --- a backend terminated or killed under a dataset ---------------------------

SLEEPERS = {
    "postgresql": text(
        "SELECT pid FROM pg_stat_activity WHERE datname = :db AND wait_event = 'PgSleep'"
    ),
    "mariadb": text(
        "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = :db AND STATE = 'User sleep'"
    ),
}
TERMINATE = {
    "postgresql": text("SELECT pg_terminate_backend(:id)"),
    "mariadb": text("KILL :id"),  # the connection, not only its query
}


@dataclass
class Killer:
    """From its own admin connection, ends every backend of ``db`` found sleeping in a
    slow view (the scanner's, mid-read), up to ``limit`` of them."""

    admin: Engine
    dialect: str
    db: str
    limit: int | None
    killed: list[int] = field(default_factory=list)
    error: BaseException | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> Killer:
        self._thread = threading.Thread(target=self._run, name="killer", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(WAIT_S)
        if self.error is not None:
            raise self.error

    def _run(self) -> None:
        try:
            with self.admin.connect() as conn:
                while not self._stop.is_set():
                    if self.limit is not None and len(self.killed) >= self.limit:
                        return
                    for backend in conn.execute(SLEEPERS[self.dialect], {"db": self.db}).scalars():
                        if backend not in self.killed:
                            conn.execute(TERMINATE[self.dialect], {"id": int(backend)})
                            self.killed.append(int(backend))
                            break
                    time.sleep(POLL_S)
        except BaseException as exc:  # re-raised by the test
            self.error = exc


@dataclass(frozen=True)
class SlowDatabase:
    dialect: str
    url: URL
    admin: URL
    schema: str


@pytest.fixture(scope="module")
def slow_pg(fresh_pg_database: Callable[[], URL], pg_url: URL) -> SlowDatabase:
    url = fresh_pg_database()
    engine = create_engine(url, poolclass=NullPool)
    create_people(engine, "customers", "staff")
    with engine.begin() as conn:  # a_slow: scanned first, then the rest on the same worker
        conn.execute(text(f"CREATE VIEW a_slow AS SELECT c.* FROM customers c, pg_sleep({SLOW_S})"))
    engine.dispose()
    return SlowDatabase("postgresql", url, pg_url, "public")


@pytest.fixture(scope="module")
def slow_mariadb(fresh_mariadb_database: Callable[[], URL], mariadb_url: URL) -> SlowDatabase:
    url = fresh_mariadb_database()
    engine = create_engine(url, poolclass=NullPool)
    create_people(engine, "customers", "staff")
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE VIEW a_slow AS SELECT c.* FROM customers c "
                f"CROSS JOIN (SELECT SLEEP({SLOW_S}) AS z) s"
            )
        )
    engine.dispose()
    return SlowDatabase("mariadb", url, mariadb_url, str(url.database))


@pytest.mark.parametrize(
    ("dialect", "kills", "workers"),
    [
        ("postgresql", None, 1),
        ("postgresql", 1, 2),
        ("mariadb", None, 2),
        ("mariadb", 1, 1),
    ],
    ids=["pg-every-read-1", "pg-once-2", "mariadb-every-read-2", "mariadb-once-1"],
)
def test_backend_killed_mid_read(
    request: pytest.FixtureRequest, tmp_path: Path, dialect: str, kills: int | None, workers: int
) -> None:
    """Killed once: read again on a new connection and scanned (exit 0). Killed at every
    read: a SCAN_ERROR after exactly two reads (exit 3). The other datasets are scanned."""
    slow: SlowDatabase = request.getfixturevalue(
        "slow_pg" if dialect == "postgresql" else "slow_mariadb"
    )
    config = write_config(tmp_path, workers, database_source("db", rendered(slow.url)))
    admin = create_engine(slow.admin, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    try:
        with Killer(admin, dialect, str(slow.url.database), kills) as killer:
            done = cli(config, tmp_path / "out")
    finally:
        admin.dispose()
    report = report_of(tmp_path / "out")
    errors = scan_errors(report)
    slow_view = f"{slow.schema}.a_slow"
    for table in ("customers", "staff"):
        assert pii_of(report, "db", f"{slow.schema}.{table}") >= {"EMAIL_ADDRESS"}
    assert pii_of(report, "db", f"{slow.schema}.products") == set()
    if kills == 1:
        assert len(killer.killed) == 1  # the kill happened mid-read
        assert done.returncode == 0, done.stdout + done.stderr
        assert errors == {}
        assert pii_of(report, "db", slow_view) >= {"EMAIL_ADDRESS"}
        assert "reading it again on a new connection" in done.stderr
    else:
        assert len(killer.killed) == 2  # one retry, never more
        assert done.returncode == 3, done.stdout + done.stderr
        assert list(errors) == [("db", slow_view)]
        assert "connection lost" in errors[("db", slow_view)]
        assert "read 2 times" in errors[("db", slow_view)]


# --- a file vanishing between listing and reading -----------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_file_vanishing_after_listing(
    tmp_path: Path, workers: int, detection_engine: DetectionEngine
) -> None:
    """The deterministic, real mechanism: ``run_scan`` asks ``should_stop`` once before
    each batch of tasks it starts — first before listing the share, then before the
    first dataset. The hook deletes ``vanishing.csv`` at its second call, after the
    listing and before any file is read; the report proves the file was listed."""
    share = tmp_path / "share"
    share.mkdir()
    rows = "\n".join(f"user{i}@example.co.th,{i}" for i in range(30))
    for name in ("a.csv", "b.csv", "vanishing.csv"):
        (share / name).write_text(f"email,n\n{rows}\n", encoding="utf-8")
    config = write_config(
        tmp_path, workers, '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n'
    )
    calls: list[bool] = []

    def delete_after_listing() -> bool:
        calls.append((share / "vanishing.csv").exists())
        if len(calls) == 2:
            (share / "vanishing.csv").unlink()
        return False

    loaded = load_config(config)
    plan = ScanPlan(loaded, tuple(loaded.config.sources), should_stop=delete_after_listing)
    result = run_scan(plan, detection_engine)
    assert calls[:2] == [True, True] and not (share / "vanishing.csv").exists()
    assert [(s.name, s.status, s.datasets) for s in result.sources] == [("share", "ok", 3)]
    errors = {f.dataset: f.message_en for f in result.findings if f.type == "SCAN_ERROR"}
    assert list(errors) == ["vanishing.csv"]
    assert "disappeared" in errors["vanishing.csv"] or "not found" in errors["vanishing.csv"]
    scanned = {d.name: d.pii_types for d in result.datasets if d.error is None}
    assert scanned == {"a.csv": {"EMAIL_ADDRESS"}, "b.csv": {"EMAIL_ADDRESS"}}
    assert result.failed and result.complete


# --- the state store locked or unreachable ------------------------------------

LOCKER = """\
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
db.execute("ROLLBACK")
"""


@dataclass
class Locker:
    """Another process holding ``BEGIN EXCLUSIVE`` on a SQLite file until released."""

    path: Path
    process: subprocess.Popen[str] | None = None

    def lock(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(self.path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        if self.process is not None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            assert self.process.wait(WAIT_S) == 0
            self.process = None


@dataclass(frozen=True)
class StoreState:
    scans: list[tuple[str, str]]
    findings: list[tuple[str, str, str]]


def store_state(path: Path) -> StoreState:
    with StateStore(f"sqlite:///{path}") as store:
        with store.engine.connect() as conn:
            scans = [tuple(row) for row in conn.execute(select(SCANS.c.id, SCANS.c.status))]
        findings = [(f.id, f.status, f.last_seen_scan) for f in store.findings()]
    return StoreState(scans, findings)  # type: ignore[arg-type]


def assert_store_error(report: dict[str, Any], reason: str) -> None:
    (error,) = [f for f in report["findings"] if f["source"] == "pdpa-agent"]
    assert error["type"] == "SCAN_ERROR" and error["dataset"] is None
    assert "not recorded" in error["message"]["en"] and reason in error["message"]["en"]
    assert error["message"]["th"] and error["severity"] == "high"


def test_state_store_locked_for_the_whole_scan(tmp_path: Path) -> None:
    local = sqlite_people(tmp_path / "local.sqlite")
    config = write_config(tmp_path, 1, database_source("local", f"sqlite:///{local}"))
    first = cli(config, tmp_path / "out")
    assert first.returncode == 0, first.stderr
    before = store_state(tmp_path / "state.db")
    assert [status for _id, status in before.scans] == ["complete"] and before.findings
    locker = Locker(tmp_path / "state.db")
    locker.lock()
    try:
        done = cli(config, tmp_path / "out")
    finally:
        locker.release()
    assert done.returncode == 3, done.stdout + done.stderr
    assert "NOT recorded in the state store" in done.stdout and "database is locked" in done.stdout
    assert "Traceback" not in done.stderr
    report = report_of(tmp_path / "out")
    assert report["scan"]["id"] != before.scans[0][0]  # the new scan's report was written
    assert pii_of(report, "local", "main.staff") >= {"EMAIL_ADDRESS"}
    assert_store_error(report, "database is locked")
    assert store_state(tmp_path / "state.db") == before


def test_state_store_locked_when_the_scan_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The lock is taken after the scan began (``should_stop``'s first call, before
    listing) and held until after ``record_scan`` gave up: the record's transaction
    leaves the store as it was but for the ``running`` row the next scan marks failed."""
    from agent.commands.scan import ScanRequest, scan_session
    from agent.state import store as state_store

    monkeypatch.setattr(state_store, "BUSY_TIMEOUT_S", 1.0)  # the wait, shortened
    local = sqlite_people(tmp_path / "local.sqlite")
    config = write_config(tmp_path, 1, database_source("local", f"sqlite:///{local}"))
    request = ScanRequest(out_dir=tmp_path / "out")
    assert scan_session(load_config(config), request) == 0
    before = store_state(tmp_path / "state.db")
    locker = Locker(tmp_path / "state.db")

    def lock_once() -> bool:
        if locker.process is None:
            locker.lock()
        return False

    capsys.readouterr()
    try:
        code = scan_session(load_config(config), replace(request, should_stop=lock_once))
    finally:
        locker.release()
    printed = capsys.readouterr().out
    assert code == 3 and "NOT recorded in the state store" in printed
    report = report_of(tmp_path / "out")
    assert_store_error(report, "database is locked")
    after = store_state(tmp_path / "state.db")
    assert after.findings == before.findings
    assert after.scans == [*before.scans, (report["scan"]["id"], "running")]
    # The next scan records normally and marks the unrecorded one failed.
    assert scan_session(load_config(config), request) == 0
    statuses = [status for _id, status in store_state(tmp_path / "state.db").scans]
    assert statuses == ["complete", "failed", "complete"]


def test_postgresql_state_store_unreachable(tmp_path: Path) -> None:
    local = sqlite_people(tmp_path / "local.sqlite")
    state = "postgresql+psycopg2://postgres@127.0.0.1:1/pdpa_state"
    config = write_config(tmp_path, 2, database_source("local", f"sqlite:///{local}"), state)
    done = cli(config, tmp_path / "out")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "NOT recorded in the state store postgresql+psycopg2://" in done.stdout
    report = report_of(tmp_path / "out")
    assert pii_of(report, "local", "main.staff") >= {"EMAIL_ADDRESS"}
    assert_store_error(report, "refused")


# --- a report write failing halfway -------------------------------------------


def test_report_write_failing_halfway_keeps_the_previous_reports(
    tmp_path: Path, fresh_pg_database: Callable[[], URL]
) -> None:
    """The second scan runs under a file-size limit between the sizes of
    ``findings.json`` and ``report.html``: the JSON is written, the HTML fails with
    EFBIG. The state store is on PostgreSQL so the limit touches only the reports."""
    local = sqlite_people(tmp_path / "local.sqlite")
    state = rendered(fresh_pg_database())
    config = write_config(
        tmp_path, 1, database_source("local", f"sqlite:///{local}"), state, '"json", "html"'
    )
    out = tmp_path / "out"
    first = cli(config, out)
    assert first.returncode == 0, first.stderr
    previous = {path.name: path.read_bytes() for path in out.iterdir()}
    assert set(previous) == {"findings.json", "report.html"}
    json_size, html_size = len(previous["findings.json"]), len(previous["report.html"])
    assert html_size > 2 * json_size  # the limit below falls between the two
    limit = (json_size + html_size) // 2

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = cli(config, out, preexec_fn=limit_file_size)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "cannot write reports" in done.stderr and "Traceback" not in done.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == previous
