"""Concurrency of the process pool, observed on the server, and pool processes killed.

- ``max_concurrency`` bounds the queries one source sees at once: a poller
  reading ``pg_stat_activity`` every 20 ms over views that sleep never sees
  two at cap 1, and does see two at cap 3 (so the check can fail);
- a pool process killed (SIGKILL) while it reads loses no dataset; a dataset
  whose worker is killed twice is a SCAN_ERROR saying so.

Nothing here asserts a duration. The slow database is built once for this module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from agent.scan.executors.local_pool import DIED
from scanners.detection.engine import DetectionEngine
from tests.agent.scan.local_executors.conftest import (
    ActivityPoller,
    ScanThread,
    admin_engine,
    child_pids,
    database_source,
    kill_pool_processes,
    scan,
    scan_errors,
    sleeping_backends,
    wait_for,
    wait_for_new_sleeper,
    write_config,
)

SLEEP_S = 0.5  # each read of a slow view sleeps this long on the server
SLOW_VIEWS = ("slow_1", "slow_2", "slow_3", "slow_4")

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
