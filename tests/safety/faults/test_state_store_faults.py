"""The state store locked or unreachable: the scan's reports are written, nothing recorded.

Another process holds ``BEGIN EXCLUSIVE`` on the SQLite store for the whole
scan, or from after the scan began until after it should be recorded; a
PostgreSQL store cannot be reached. The scan exits 3, its reports carry a
SCAN_ERROR of ``pdpa-agent`` saying it was not recorded and why, and the
store is left as it was (issue 9).
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agent.inputs.config_loader import load_config
from agent.state.store import StateStore
from agent.state.tables import SCANS
from tests.safety.faults.scan_runs import (
    WAIT_S,
    cli,
    database_source,
    pii_of,
    report_of,
    sqlite_people,
    write_config,
)

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
