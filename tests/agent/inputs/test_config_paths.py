"""Relative paths — state store and sqlite sources included — resolve against the config's folder.

The agent is started by hand, by cron or by systemd, each from a different
current directory: it must read and write the same files every time (SPEC §4).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from agent.inputs.config_loader import load_config, resolve_sqlite_url
from tests.support.paths import REPO_ROOT

BASE = Path("/etc/pdpa")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:///state.db", "sqlite:////etc/pdpa/state.db"),
        ("sqlite:///data/state.db", "sqlite:////etc/pdpa/data/state.db"),
        ("sqlite:///../var/state.db", "sqlite:////etc/pdpa/../var/state.db"),
        ("sqlite+pysqlite:///rel.db", "sqlite+pysqlite:////etc/pdpa/rel.db"),
        ("sqlite:///org.db?mode=ro&uri=true", "sqlite:////etc/pdpa/org.db?mode=ro&uri=true"),
        ("sqlite:////var/lib/state.db", "sqlite:////var/lib/state.db"),
        ("sqlite://", "sqlite://"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
        ("sqlite:///file:org.db?mode=ro&uri=true", "sqlite:///file:org.db?mode=ro&uri=true"),
        ("postgresql+psycopg2://u@db/hr", "postgresql+psycopg2://u@db/hr"),
        ("mysql+pymysql://u@db/sqlite.db", "mysql+pymysql://u@db/sqlite.db"),
    ],
)
def test_relative_sqlite_urls_resolve_against_the_config_folder(url: str, expected: str) -> None:
    assert resolve_sqlite_url(url, BASE) == expected


def test_load_config_resolves_state_and_sources_once(tmp_path: Path) -> None:
    folder = tmp_path / "etc"
    folder.mkdir()
    config = folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nstate = "sqlite:///state.db"\n\n'
        '[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///data/org.sqlite?mode=ro"\n\n'
        '[[sources]]\nname = "pg"\nkind = "database"\nurl = "postgresql://u@db/hr"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    assert loaded.config.agent.state == f"sqlite:///{folder / 'state.db'}"
    urls = [source.url for source in loaded.config.sources]  # type: ignore[union-attr]
    assert urls == [f"sqlite:///{folder / 'data' / 'org.sqlite'}?mode=ro", "postgresql://u@db/hr"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    repo = REPO_ROOT
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(repo), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [sys.executable, "-m", "agent", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


@pytest.fixture
def elsewhere(tmp_path: Path) -> tuple[Path, Path]:
    """A config folder with relative paths only, and an unrelated current directory."""
    folder = tmp_path / "etc" / "pdpa"
    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "org.sqlite") as db:
        db.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY, email TEXT)")
        db.executemany(
            "INSERT INTO staff (email) VALUES (?)",
            [(f"user{i}@example.co.th",) for i in range(30)],
        )
    (folder / "share").mkdir()
    (folder / "share" / "people.csv").write_text(
        "name,email\n" + "".join(f"a{i},a{i}@example.co.th\n" for i in range(10)), encoding="utf-8"
    )
    (folder / "pdpa-agent.toml").write_text(
        '[agent]\nstate = "sqlite:///state.db"\n\n'
        '[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///org.sqlite"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        '[reports]\nout_dir = "reports"\nformats = ["json"]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    cwd = tmp_path / "somewhere-else"
    cwd.mkdir()
    return folder, cwd


def test_scan_from_another_directory_uses_the_config_folder(elsewhere: tuple[Path, Path]) -> None:
    folder, cwd = elsewhere
    config = folder / "pdpa-agent.toml"
    done = _cli("-c", str(config), "scan", cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (folder / "state.db").is_file()
    assert not (cwd / "state.db").exists() and not (cwd / "org.sqlite").exists()
    assert list(cwd.iterdir()) == []  # nothing at all written where the agent was started
    report = json.loads((folder / "reports" / "findings.json").read_text(encoding="utf-8"))
    names = {(d["source"], d["name"]) for d in report["datasets"]}
    assert names == {("org", "main.staff"), ("share", "people.csv")}
    # A second start from yet another directory finds the same store: the findings are known.
    again = _cli("-c", str(config), "findings", cwd=folder.parent)
    assert again.returncode == 0, again.stderr
    assert "EMAIL" in again.stdout or "PII_UNREGISTERED" in again.stdout
    assert not (folder.parent / "state.db").exists()


def test_check_config_prints_resolved_locations_without_passwords(
    elsewhere: tuple[Path, Path],
) -> None:
    folder, cwd = elsewhere
    config = folder / "pdpa-agent.toml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text + '\n[[sources]]\nname = "pg"\nkind = "database"\n'
        'url = "postgresql+psycopg2://scanner:hunter2-secret@db.internal/hr"\n',
        encoding="utf-8",
    )
    done = _cli("-c", str(config), "check-config", cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"state store: sqlite:///{folder / 'state.db'}" in done.stdout
    assert f"source org (database): sqlite:///{folder / 'org.sqlite'}" in done.stdout
    assert f"source share (files): {folder / 'share'}" in done.stdout
    assert "source pg (database): postgresql+psycopg2://scanner:***@db.internal/hr" in done.stdout
    assert "hunter2-secret" not in done.stdout + done.stderr
    assert not (cwd / "state.db").exists()
