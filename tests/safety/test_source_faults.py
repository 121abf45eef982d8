"""One fault costs one source, never the run (issue 14 item 3).

A share folder that is missing (not mounted yet), is a file, or cannot be
read is that source's SCAN_ERROR with exit 3 — in ``scan`` and in ``run`` —
while every other source is scanned; ``check-config`` only warns about it. A
register entry whose ``match`` matches no dataset is named in the summary.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.agent_process import run_until_first_scan


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _org(folder: Path, share: str, extra: str = "") -> Path:
    """A config with a good SQLite source, a good share and a share at ``share``."""
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / "org.sqlite") as db:
        db.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY, email TEXT)")
        db.executemany(
            "INSERT INTO staff (email) VALUES (?)", [(f"u{i}@example.co.th",) for i in range(20)]
        )
    (folder / "good-share").mkdir(exist_ok=True)
    (folder / "good-share" / "people.csv").write_text(
        "email\n" + "".join(f"p{i}@example.co.th\n" for i in range(10)), encoding="utf-8"
    )
    config = folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nstate = "sqlite:///state.db"\nschedule = "every 1 hours"\n\n'
        '[[sources]]\nname = "db"\nkind = "database"\nurl = "sqlite:///org.sqlite"\n\n'
        f'[[sources]]\nname = "hr-share"\nkind = "files"\npath = "{share}"\n\n'
        '[[sources]]\nname = "good"\nkind = "files"\npath = "good-share"\n\n'
        '[reports]\nout_dir = "out"\nformats = ["json"]\nlanguage = "en"\n' + extra,
        encoding="utf-8",
    )
    return config


def _report(folder: Path) -> dict:
    return json.loads((folder / "out" / "findings.json").read_text(encoding="utf-8"))


def _assert_only_the_share_failed(report: dict, why: str) -> None:
    errors = [f for f in report["findings"] if f["type"] == "SCAN_ERROR"]
    assert [(f["source"], f["dataset"]) for f in errors] == [("hr-share", None)]
    assert why in errors[0]["message"]["en"]
    statuses = {s["name"]: s["status"] for s in report["sources"]}
    assert statuses == {"db": "ok", "hr-share": "error", "good": "ok"}
    names = {(d["source"], d["name"]) for d in report["datasets"]}
    assert names == {("db", "main.staff"), ("good", "people.csv")}


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda folder: None, "not found"),
        (lambda folder: (folder / "mnt-hr").write_text("not a folder"), "not a directory"),
    ],
    ids=["missing", "a-file"],
)
def test_a_broken_share_is_one_scan_error_and_the_rest_is_scanned(
    tmp_path: Path, make: object, why: str
) -> None:
    config = _org(tmp_path, "mnt-hr")
    make(tmp_path)  # type: ignore[operator]
    done = _cli("-c", str(config), "scan")
    assert done.returncode == 3, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    _assert_only_the_share_failed(_report(tmp_path), why)
    assert "source hr-share: 0 dataset(s), ERROR: " in done.stdout


def test_an_empty_mount_point_is_named_in_the_summary(tmp_path: Path) -> None:
    """An unmounted share is often an empty folder: not an error, but said."""
    config = _org(tmp_path, "mnt-hr")
    (tmp_path / "mnt-hr").mkdir()
    done = _cli("-c", str(config), "scan")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "source hr-share: 0 dataset(s), ok (nothing to scan: an unmounted share" in done.stdout
    (tmp_path / "mnt-hr" / "staff.csv").write_text("name\nสมชาย ใจดี\n", encoding="utf-8")
    again = _cli("-c", str(config), "scan")
    assert "nothing to scan" not in again.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_share_is_one_scan_error(tmp_path: Path) -> None:
    config = _org(tmp_path, "locked")
    (tmp_path / "locked").mkdir(mode=0o000)
    try:
        done = _cli("-c", str(config), "scan")
    finally:
        (tmp_path / "locked").chmod(0o700)
    assert done.returncode == 3, done.stdout + done.stderr
    _assert_only_the_share_failed(_report(tmp_path), "not readable")


def test_check_config_warns_about_a_missing_share_and_exits_0(tmp_path: Path) -> None:
    config = _org(tmp_path, "mnt-hr")
    done = _cli("-c", str(config), "check-config")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{config}:13: warning: source hr-share: folder " in done.stdout
    assert "not found" in done.stdout and "OK" in done.stdout
    (tmp_path / "mnt-hr").mkdir()
    quiet = _cli("-c", str(config), "check-config")
    assert quiet.returncode == 0 and "warning" not in quiet.stdout


def test_run_keeps_scanning_the_other_sources_when_a_share_is_missing(tmp_path: Path) -> None:
    config = _org(tmp_path, "mnt-hr")
    returncode, out, err = run_until_first_scan(config, tmp_path / "state.db")
    assert returncode == 0, err
    assert "pdpa-agent stopped" in out and "Traceback" not in err
    _assert_only_the_share_failed(_report(tmp_path), "not found")


def test_summary_names_register_entries_that_match_no_dataset(tmp_path: Path) -> None:
    register = tmp_path / "register.toml"
    register.write_text(
        '[[datasets]]\nid = "DB-1"\nsource = "db"\nmatch = "main.staff"\npurpose = "p"\n'
        'legal_basis = "contract"\nowner = "o@example.co.th"\n\n'
        '[[datasets]]\nid = "DB-2"\nsource = "db"\nmatch = "main.staf"\npurpose = "p"\n'
        'legal_basis = "contract"\nowner = "o@example.co.th"\n\n'
        '[[datasets]]\nid = "HR-1"\nsource = "hr-share"\nmatch = "*.csv"\npurpose = "p"\n'
        'legal_basis = "contract"\nowner = "o@example.co.th"\n',
        encoding="utf-8",
    )
    tmp_path.joinpath("mnt-hr").mkdir(parents=True)
    config = _org(tmp_path, "mnt-hr", '\n[register]\npath = "register.toml"\n')
    done = _cli("-c", str(config), "scan")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "register entries matching no dataset: 2" in done.stdout
    assert "register register.toml:9 DB-2: match main.staf on source db" in done.stdout
    assert "HR-1: match *.csv on source hr-share" in done.stdout
    assert "DB-1" not in done.stdout.split("matching no dataset")[1]
