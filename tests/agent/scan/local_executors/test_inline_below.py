"""A small scan runs in this process, a large one on the pool (``agent.inline_below``).

The pool's processes take two or three seconds to start and each loads its
own engine; below the threshold the coordinator scans the datasets itself.
Whether a pool started is read from the executor's log, never from the clock.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from agent.inputs.config_loader import load_config
from agent.scan.context import ScanContext
from agent.scan.executors.local_pool import LocalPoolExecutor
from agent.scan.executors.select import build_executor
from agent.scan.runner import ScanPlan, run_scan
from agent.scan.work import ScanWorker
from scanners.detection.engine import DetectionEngine

TABLES = 4


def org(folder: Path, inline_below: int) -> Path:
    database = folder / "org.sqlite"
    with sqlite3.connect(database) as db:
        for i in range(TABLES):
            db.execute(f"CREATE TABLE t{i} (email TEXT)")
            db.executemany(
                f"INSERT INTO t{i} VALUES (?)", [(f"u{i}x{j}@example.co.th",) for j in range(20)]
            )
    db.close()
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f"[agent]\nworkers = 2\ninline_below = {inline_below}\n\n"
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///{database}"\n',
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(
    ("inline_below", "pooled"), [(50, False), (TABLES + 1, False), (TABLES, True), (0, True)]
)
def test_fewer_datasets_than_the_threshold_never_start_the_pool(
    tmp_path: Path,
    detection_engine: DetectionEngine,
    inline_below: int,
    pooled: bool,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="agent.scan.executors.local_pool")
    loaded = load_config(org(tmp_path, inline_below))
    context = ScanContext(loaded)
    coordinator = ScanWorker(context, detection_engine)
    executor = build_executor(context, detection_engine, loaded.config.sources, coordinator)
    assert isinstance(executor, LocalPoolExecutor)
    try:
        plan = ScanPlan(loaded, tuple(loaded.config.sources))
        result = run_scan(plan, detection_engine, executor=executor)
    finally:
        executor.close()
    started = [r for r in caplog.records if r.getMessage().startswith("starting a pool")]
    assert bool(started) is pooled
    assert len(result.datasets) == TABLES and all(d.error is None for d in result.datasets)
    assert {m.type for d in result.datasets for c in d.columns for m in c.pii} == {"EMAIL_ADDRESS"}
