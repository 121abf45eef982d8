"""What pool processes report and see: a dataset that cannot be read, their logs, secrets.

- a dataset that cannot be read is a SCAN_ERROR while the others are scanned;
- ``-v`` logs what each pool process scans, on the terminal;
- pool processes read password variables as the coordinator has them now,
  not as the fork server started with them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.agent.scan.local_executors.conftest import (
    database_source,
    scan,
    scan_errors,
    write_config,
)
from tests.support.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))

from make_tables import create_customer_table


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


def test_verbose_logs_of_pool_processes_reach_the_terminal(
    tmp_path: Path, shared_data: Path
) -> None:
    """``-v`` logs what each pool process scans (a fork server starts without logging)."""
    import subprocess

    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = 2\ninline_below = 0\n'
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
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nworkers = 2\ninline_below = 0\n'
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
