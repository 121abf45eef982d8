"""Helpers of the local executor tests (inline and process pool), and their one rule.

The tests write a config per case (:func:`write_config`) and scan it as the
``scan`` command would (:func:`scan`); the pool tests watch the server
(:class:`ActivityPoller`, :func:`sleeping_backends`) and the pool's processes
(:func:`child_pids`, :func:`kill_pool_processes`, :class:`ScanThread`) rather
than the clock. Every test here closes its pools: the autouse fixture
:func:`no_pool_process_left_behind` fails a test whose worker outlives it.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.pool import NullPool

from agent.inputs.config_loader import load_config
from agent.inputs.user_files import load_grants_for, load_register_for
from agent.scan.progress import Progress
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.polling import PollingThread

TODAY = date(2026, 11, 25)
POLL_S = 0.02
WAIT_S = 120.0  # generous upper bound for anything the tests wait for (never asserted)


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def database_source(name: str, url: URL, extra: str = "") -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "database"\nurl = "{rendered(url)}"\n{extra}\n'


def write_config(path: Path, workers: int, sources: str, extra: str = "") -> Path:
    path.write_text(
        f"[agent]\nworkers = {workers}\ninline_below = 0\n\n[detection]\nsample_rows = 500\n\n{sources}\n{extra}",
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
class ActivityPoller(PollingThread):
    """Reads the active queries of database ``db`` every 20 ms in a thread, from database postgres."""

    db: str
    most: int = 0
    polls: int = 0

    def poll(self, conn: Connection) -> bool:
        active = conn.execute(ACTIVE, {"db": self.db}).all()
        self.most = max(self.most, len(active))
        self.polls += 1
        return True


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
