"""The local executors with real databases, files and worker processes (no mocks).

- the same organisation scanned in this process (``workers = 1``) and on a
  process pool (``workers = 3``) gives the same sources, datasets and
  findings, in the same order, and the same access reviews;
- ``max_concurrency`` bounds the queries one source sees at once: a poller
  reading ``pg_stat_activity`` every 20 ms over views that sleep never sees
  two at cap 1, and does see two at cap 3 (so the check can fail);
- a pool process killed (SIGKILL) while it reads loses no dataset; a dataset
  whose worker is killed twice is a SCAN_ERROR saying so;
- a stop request after the first outcome ends the scan early, marked incomplete;
- a dataset that cannot be read is a SCAN_ERROR while the others are scanned.

Nothing here asserts a duration: concurrency is observed on the server.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool

from agent.inputs.config_loader import load_config
from agent.inputs.user_files import load_grants_for, load_register_for
from agent.scan.executors.local_pool import DIED, LocalPoolExecutor
from agent.scan.executors.select import build_executor
from agent.scan.plain_codec import to_plain
from agent.scan.progress import Progress
from agent.scan.runner import ScanPlan, run_scan
from agent.scan.work import ScanContext
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.paths import REPO_ROOT
from tests.support.synthetic import national_id

ROOT = REPO_ROOT
sys.path.insert(0, str(ROOT / "bench"))

from make_tables import create_customer_table  # noqa: E402

TODAY = date(2026, 11, 25)
SLEEP_S = 0.5  # each read of a slow view sleeps this long on the server
SLOW_VIEWS = ("slow_1", "slow_2", "slow_3", "slow_4")
POLL_S = 0.02
WAIT_S = 120.0  # generous upper bound for anything the tests wait for (never asserted)


# --- helpers ------------------------------------------------------------------


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def database_source(name: str, url: URL, extra: str = "") -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "database"\nurl = "{rendered(url)}"\n{extra}\n'


def write_config(path: Path, workers: int, sources: str, extra: str = "") -> Path:
    path.write_text(
        f"[agent]\nworkers = {workers}\n\n[detection]\nsample_rows = 500\n\n{sources}\n{extra}",
        encoding="utf-8",
    )
    return path


def scan(
    config: Path,
    engine: DetectionEngine,
    should_stop: Callable[[], bool] | None = None,
    progress: Progress | None = None,
) -> ScanResult:
    loaded = load_config(config)
    plan = ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register_for(loaded),
        today=TODAY,
        grants=load_grants_for(loaded),
        should_stop=should_stop,
    )
    return run_scan(plan, engine, progress)


def scan_errors(result: ScanResult) -> list[tuple[str | None, str]]:
    return [(f.dataset, f.message_en) for f in result.findings if f.type == "SCAN_ERROR"]


def listed(result: ScanResult) -> int:
    return sum(source.datasets for source in result.sources)


def admin_engine(pg_url: URL) -> Engine:
    """An autocommit engine on the ``postgres`` database: every statistics read is fresh."""
    return create_engine(pg_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")


ACTIVE = text(
    "SELECT pid, wait_event, query FROM pg_stat_activity "
    "WHERE datname = :db AND state = 'active' AND pid <> pg_backend_pid()"
)


@dataclass
class ActivityPoller:
    """Reads the active queries of database ``db`` every 20 ms in a thread, from database postgres."""

    engine: Engine
    db: str
    most: int = 0
    polls: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    error: BaseException | None = None

    def __enter__(self) -> ActivityPoller:
        self._thread = threading.Thread(target=self._run, name="pg-activity-poller", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(WAIT_S)

    def _run(self) -> None:
        try:
            with self.engine.connect() as conn:
                while not self._stop.is_set():
                    active = conn.execute(ACTIVE, {"db": self.db}).all()
                    self.most = max(self.most, len(active))
                    self.polls += 1
                    time.sleep(POLL_S)
        except BaseException as exc:  # reported by the test, never swallowed
            self.error = exc


def sleeping_backends(conn: object, db: str) -> set[int]:
    """Backends of ``db`` sleeping inside a slow view right now."""
    rows = conn.execute(ACTIVE, {"db": db}).all()  # type: ignore[attr-defined]
    return {row.pid for row in rows if row.wait_event == "PgSleep"}


def wait_for(condition: Callable[[], bool], what: str, alive: threading.Thread) -> None:
    """Poll ``condition`` every 20 ms until true; fail if the scan ended first."""
    deadline = time.monotonic() + WAIT_S
    while not condition():
        assert alive.is_alive(), f"the scan ended before {what}"
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(POLL_S)


def wait_for_new_sleeper(
    conn: object, db: str, seen: set[int], alive: threading.Thread, attempt: int
) -> set[int]:
    """The sleeping backends, once one of them is not in ``seen`` (a new read began)."""
    now: set[int] = set()

    def new_one() -> bool:
        now.clear()
        now.update(sleeping_backends(conn, db))
        return bool(now - seen)

    wait_for(new_one, f"attempt {attempt} to read the view", alive)
    return now


def child_pids() -> set[int]:
    return {child.pid for child in multiprocessing.active_children() if child.pid is not None}


def kill_pool_processes(spared: Collection[int]) -> set[int]:
    """SIGKILL every live child process of this one not in ``spared`` (the scan's pool)."""
    killed: set[int] = set()
    for child in multiprocessing.active_children():
        if child.pid is not None and child.pid not in spared:
            os.kill(child.pid, signal.SIGKILL)
            killed.add(child.pid)
    return killed


@dataclass
class ScanThread:
    """``scan`` running in a thread, so the test can act on the pool while it reads."""

    config: Path
    engine: DetectionEngine
    result: ScanResult | None = None
    error: BaseException | None = None
    thread: threading.Thread = field(init=False)

    def __post_init__(self) -> None:
        self.thread = threading.Thread(target=self._run, name="scan", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.result = scan(self.config, self.engine)
        except BaseException as exc:  # re-raised in the test
            self.error = exc

    def join(self) -> ScanResult:
        self.thread.join(WAIT_S)
        assert not self.thread.is_alive(), "the scan did not finish"
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


# --- the organisation: 8 tables, 2 CSV files, a register and an access list ----


@dataclass(frozen=True)
class Org:
    folder: Path
    url: URL

    def config(self, workers: int, name: str | None = None) -> Path:
        sources = database_source("org", self.url) + (
            '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n'
        )
        extra = '[register]\npath = "register.toml"\n\n[access]\npath = "access.toml"\n'
        path = self.folder / (name or f"workers-{workers}.toml")
        return write_config(path, workers, sources, extra)


ORG_DATASETS = [f"public.customer_{i}" for i in range(1, 8)] + ["public.product"]
SHARE_DATASETS = ["citizens.csv", "leads.csv"]

REGISTER = """\
[[datasets]]
id = "CRM-1"
source = "org"
match = "public.customer_1"
legal_basis = "contract"
owner = "crm@example.co.th"
allowed_pii = ["EMAIL_ADDRESS", "PHONE_NUMBER"]

[[datasets]]
id = "CRM-OLD"
source = "org"
match = "public.customer_[23]"
legal_basis = "contract"
owner = "crm@example.co.th"
allowed_pii = ["TH_NATIONAL_ID", "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH"]
retention = "1y"
clock_column = "created_at"

[[datasets]]
id = "LEADS"
source = "share"
match = "leads.csv"
legal_basis = "consent"
owner = "sales@example.co.th"
allowed_pii = ["EMAIL_ADDRESS"]
"""

ACCESS = """\
[[grants]]
source = "org"
dataset = "public.customer_*"
principal = "postgres"
privileges = ["SELECT"]
approved_by = "dpo@example.co.th"
reviewed_at = 2026-06-01
review_every = "6m"
"""


def write_share(folder: Path) -> None:
    folder.mkdir()
    rng = random.Random(11)
    citizens = ["citizen_id,phone,note"] + [
        f"{national_id(rng)},08{rng.randint(0, 99_999_999):08d},ลูกค้า {i}" for i in range(40)
    ]
    (folder / "citizens.csv").write_text("\n".join(citizens) + "\n", encoding="utf-8")
    leads = ["full_name,email,source"] + [
        f"คุณสมชาย ใจดี{i},lead{i}@example.co.th,web" for i in range(40)
    ]
    (folder / "leads.csv").write_text("\n".join(leads) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def org(fresh_pg_database: Callable[[], URL], tmp_path_factory: pytest.TempPathFactory) -> Org:
    url = fresh_pg_database()
    engine = create_engine(url)
    try:
        for i in range(1, 8):
            create_customer_table(engine, f"customer_{i}", 300)
        metadata = MetaData()
        product = Table(
            "product",
            metadata,
            Column("sku", String(20), primary_key=True),
            Column("title", String(100)),
            Column("stock", Integer),
        )
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                insert(product),
                [{"sku": f"SKU-{i:05d}", "title": f"สินค้า {i}", "stock": i} for i in range(60)],
            )
    finally:
        engine.dispose()
    folder = tmp_path_factory.mktemp("org")
    write_share(folder / "share")
    (folder / "register.toml").write_text(REGISTER, encoding="utf-8")
    (folder / "access.toml").write_text(ACCESS, encoding="utf-8")
    return Org(folder, url)


@dataclass(frozen=True)
class TwoScans:
    inline: ScanResult
    pooled: ScanResult


@pytest.fixture(scope="module")
def two_scans(org: Org, detection_engine: DetectionEngine) -> TwoScans:
    """The organisation scanned in this process (workers = 1), then on a pool of 3."""
    pooled_config = org.config(workers=3)
    loaded = load_config(pooled_config)
    pool = build_executor(ScanContext(loaded), detection_engine, loaded.config.sources)
    assert isinstance(pool, LocalPoolExecutor) and pool.workers == 3  # a real pool is compared
    pool.close()
    return TwoScans(
        scan(org.config(workers=1), detection_engine), scan(pooled_config, detection_engine)
    )


def test_inline_and_pool_scans_give_identical_results(two_scans: TwoScans) -> None:
    inline, pooled = two_scans.inline, two_scans.pooled
    assert scan_errors(inline) == []
    assert [(d.source, d.name) for d in inline.datasets] == [
        *(("org", name) for name in ORG_DATASETS),
        *(("share", name) for name in SHARE_DATASETS),
    ]
    kinds = {f.type for f in inline.findings}
    assert {
        "PII_UNREGISTERED",
        "MINIMISE_UNDECLARED_PII",
        "RETENTION_EXPIRED",
        "RETENTION_UNDEFINED",
        "ACCESS_UNAPPROVED",
    } <= kinds, kinds
    assert {f.register_id for f in inline.findings} >= {"CRM-1", "CRM-OLD", "LEADS"}
    assert inline.complete and pooled.complete
    assert to_plain(pooled.sources) == to_plain(inline.sources)
    assert to_plain(pooled.datasets) == to_plain(inline.datasets)
    assert to_plain(pooled.findings) == to_plain(inline.findings)
    # The access reviews hold the same content (their order: see the next test).
    by_source = {review.source: to_plain(review) for review in inline.access_reviews}
    assert {review.source: to_plain(review) for review in pooled.access_reviews} == by_source
    assert set(by_source) == {"org", "share"}


def test_access_reviews_are_in_source_order_whatever_the_executor(two_scans: TwoScans) -> None:
    assert [r.source for r in two_scans.inline.access_reviews] == ["org", "share"]
    assert [r.source for r in two_scans.pooled.access_reviews] == ["org", "share"]


class StopAfterFirstOutcome(Progress):
    """Counts dataset outcomes; the scan's stop check reads the count."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.outcomes = 0

    def update(self, done: int, total: int, source: str, dataset: str) -> None:
        self.outcomes = done

    def stop(self) -> bool:
        return self.outcomes >= 1


def test_a_stop_request_after_the_first_outcome_ends_the_scan_incomplete(
    org: Org, detection_engine: DetectionEngine
) -> None:
    progress = StopAfterFirstOutcome()
    result = scan(
        org.config(workers=2, name="stop.toml"), detection_engine, progress.stop, progress
    )

    assert not result.complete
    assert listed(result) == len(ORG_DATASETS) + len(SHARE_DATASETS)
    # The first outcome, plus at most what the other worker had already started.
    assert 1 <= len(result.datasets) <= 2 < listed(result)
    assert progress.outcomes == len(result.datasets)
    assert scan_errors(result) == []
    assert result.access_reviews == ()  # a stopped scan reviews no access


# --- slow views: concurrency observed on the server --------------------------


@dataclass(frozen=True)
class SlowDatabase:
    url: URL

    @property
    def name(self) -> str:
        return str(self.url.database)


@pytest.fixture(scope="module")
def slow_db(fresh_pg_database: Callable[[], URL]) -> SlowDatabase:
    """Table ``t`` (e-mails) and four views over it that each sleep on every read."""
    url = fresh_pg_database()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (id integer PRIMARY KEY, email varchar(100))"))
            conn.execute(
                text(
                    "INSERT INTO t SELECT i, 'person' || i || '@example.co.th' FROM generate_series(1, 20) i"
                )
            )
            for view in SLOW_VIEWS:
                conn.execute(text(f"CREATE VIEW {view} AS SELECT t.* FROM t, pg_sleep({SLEEP_S})"))
    finally:
        engine.dispose()
    return SlowDatabase(url)


SLOW_DATASETS = [f"public.{view}" for view in SLOW_VIEWS] + ["public.t"]


@pytest.mark.parametrize("cap", [1, 3])
def test_max_concurrency_bounds_the_queries_a_source_sees_at_once(
    cap: int,
    slow_db: SlowDatabase,
    pg_url: URL,
    tmp_path: Path,
    detection_engine: DetectionEngine,
) -> None:
    source = database_source("slow", slow_db.url, f"max_concurrency = {cap}")
    config = write_config(tmp_path / "pdpa-agent.toml", 4, source)
    engine = admin_engine(pg_url)
    try:
        with ActivityPoller(engine, slow_db.name) as poller:
            result = scan(config, detection_engine)
    finally:
        engine.dispose()

    assert poller.error is None, poller.error
    assert poller.polls > 0
    assert [d.name for d in result.datasets] == SLOW_DATASETS
    assert scan_errors(result) == [] and result.complete
    assert all(d.columns for d in result.datasets)
    if cap == 1:
        assert poller.most == 1, f"{poller.most} queries at once on a source capped at 1"
    else:
        assert 2 <= poller.most <= cap, f"{poller.most} queries at once with cap {cap}"


def test_a_pool_process_killed_mid_read_loses_no_dataset(
    slow_db: SlowDatabase,
    pg_url: URL,
    tmp_path: Path,
    detection_engine: DetectionEngine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="agent.scan.executors.local_pool")
    config = write_config(tmp_path / "pdpa-agent.toml", 2, database_source("slow", slow_db.url))
    engine = admin_engine(pg_url)
    try:
        with engine.connect() as conn:
            before = child_pids()
            running = ScanThread(config, detection_engine)
            # Both pool processes are inside a slow view: whichever is killed is mid-read.
            wait_for(
                lambda: len(sleeping_backends(conn, slow_db.name)) >= 2,
                "two slow reads at once",
                running.thread,
            )
            killed = kill_pool_processes(spared=before)
            result = running.join()
    finally:
        engine.dispose()

    assert killed
    assert "will be scanned again" in caplog.text  # the pool did break under a running task
    assert [d.name for d in result.datasets] == SLOW_DATASETS
    assert scan_errors(result) == []
    assert all(d.error is None and d.columns for d in result.datasets)
    assert result.complete


def test_a_dataset_whose_worker_dies_twice_is_a_scan_error(
    slow_db: SlowDatabase,
    pg_url: URL,
    tmp_path: Path,
    detection_engine: DetectionEngine,
) -> None:
    source = database_source("slow", slow_db.url, 'include = ["public.slow_1"]')
    config = write_config(tmp_path / "pdpa-agent.toml", 2, source)
    engine = admin_engine(pg_url)
    try:
        with engine.connect() as conn:
            killed = child_pids()  # never touch a process this scan did not start
            running = ScanThread(config, detection_engine)
            seen: set[int] = set()
            for attempt in (1, 2):
                # A new backend sleeping: this attempt's pool process is reading the view.
                seen |= wait_for_new_sleeper(conn, slow_db.name, seen, running.thread, attempt)
                killed |= kill_pool_processes(spared=killed)
            result = running.join()
    finally:
        engine.dispose()

    assert [d.name for d in result.datasets] == ["public.slow_1"]
    assert result.datasets[0].error == DIED
    errors = scan_errors(result)
    assert [dataset for dataset, _ in errors] == ["public.slow_1"]
    assert DIED in errors[0][1]
    assert result.complete  # reported, not lost: the scan itself ran to its end


# --- a dataset that cannot be read --------------------------------------------


def test_an_unreadable_dataset_is_a_scan_error_and_the_others_are_scanned(
    fresh_pg_database: Callable[[], URL], tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    url = fresh_pg_database()
    engine = create_engine(url)
    try:
        create_customer_table(engine, "customers", 120)
        with engine.begin() as conn:
            conn.execute(text("CREATE VIEW broken AS SELECT 1/0 AS x"))
            conn.execute(text("CREATE TABLE notes (id integer PRIMARY KEY, body text)"))
            conn.execute(text("INSERT INTO notes VALUES (1, 'ประชุมประจำเดือน'), (2, 'agenda')"))
    finally:
        engine.dispose()
    config = write_config(tmp_path / "pdpa-agent.toml", 2, database_source("org", url))

    result = scan(config, detection_engine)

    assert [d.name for d in result.datasets] == [
        "public.broken",
        "public.customers",
        "public.notes",
    ]
    broken, customers, notes = result.datasets
    assert broken.error is not None and "division by zero" in broken.error
    errors = scan_errors(result)
    assert [dataset for dataset, _ in errors] == ["public.broken"]
    assert "division by zero" in errors[0][1]
    assert customers.error is None and {"citizen_id", "email"} <= {
        c.name for c in customers.columns if c.pii
    }
    assert notes.error is None and notes.columns
    assert result.complete and result.sources[0].status == "ok"


@pytest.fixture(autouse=True)
def no_pool_process_left_behind() -> Iterator[None]:
    """Every test closes its pools: no worker process it started outlives it."""
    before = child_pids()

    def left() -> list[multiprocessing.process.BaseProcess]:
        return [c for c in multiprocessing.active_children() if c.pid not in before]

    yield
    deadline = time.monotonic() + WAIT_S
    while left() and time.monotonic() < deadline:
        time.sleep(POLL_S)
    assert left() == []


def test_verbose_logs_of_pool_processes_reach_the_terminal(
    tmp_path: Path, shared_data: Path
) -> None:
    """``-v`` logs what each pool process scans (a fork server starts without logging)."""
    import subprocess

    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = 2\n'
        f'[[sources]]\nname = "music"\nkind = "database"\n'
        f'url = "sqlite:///{shared_data / "chinook.sqlite"}"\n'
        '[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-v", "-c", str(config), "scan", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    sampled = [line for line in done.stderr.splitlines() if "row(s) sampled" in line]
    assert len(sampled) == 11
    assert all("INFO agent.scan.work" in line for line in sampled)


def test_pool_processes_see_password_variables_as_the_coordinator_has_them_now(
    tmp_path: Path,
    fresh_pg_database: Callable[[], URL],
    detection_engine: DetectionEngine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The fork server keeps the environment it started with; secrets must be current."""
    url = fresh_pg_database()
    engine = create_engine(url)
    create_customer_table(engine, "customers", 50)
    engine.dispose()
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = 2\n'
        f'[[sources]]\nname = "crm"\nkind = "database"\nurl = "{url.render_as_string(False)}"\n'
        'password_env = "PDPA_TEST_LATE_PASSWORD"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)

    def scan() -> ScanResult:
        return run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), detection_engine)

    monkeypatch.delenv("PDPA_TEST_LATE_PASSWORD", raising=False)
    unset = scan()  # also starts the fork server without the variable
    assert unset.sources[0].status == "error"
    assert "PDPA_TEST_LATE_PASSWORD" in (unset.sources[0].error or "")
    monkeypatch.setenv("PDPA_TEST_LATE_PASSWORD", "any (trust authentication)")
    now_set = scan()
    assert now_set.sources[0].status == "ok" and not now_set.failed
    assert [d.name for d in now_set.datasets] == ["public.customers"]
    monkeypatch.delenv("PDPA_TEST_LATE_PASSWORD")
    assert scan().sources[0].status == "error"
