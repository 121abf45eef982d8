"""``pdpa-agent scan`` reuses unchanged tables; ``scan --full`` reads every one again.

Real subprocesses on a SQLite organisation; when each table was last read in
full is read from the state store's table cache.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from sqlalchemy import create_engine, select

from agent.state.tables import TABLE_CACHE


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def classified_at(folder: Path) -> dict[str, str]:
    engine = create_engine(f"sqlite:///{folder / 'state.db'}")
    with engine.connect() as conn:
        rows = conn.execute(select(TABLE_CACHE.c.dataset, TABLE_CACHE.c.classified_at)).all()
    engine.dispose()
    return dict(rows)


def test_scan_reuses_unchanged_tables_and_scan_full_reads_them_again(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "org.sqlite") as db:
        db.execute("CREATE TABLE people (email TEXT)")
        db.executemany(
            "INSERT INTO people VALUES (?)", [(f"u{i}@example.co.th",) for i in range(9)]
        )
        db.execute("CREATE TABLE products (sku TEXT)")
    db.close()
    (tmp_path / "pdpa-agent.toml").write_text(
        '[agent]\nstate = "sqlite:///state.db"\nworkers = 1\n\n'
        '[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///org.sqlite"\n\n'
        '[reports]\nformats = ["json"]\nout_dir = "out"\n',
        encoding="utf-8",
    )
    assert run("scan", cwd=tmp_path).returncode == 0
    first = classified_at(tmp_path)
    assert set(first) == {"main.people", "main.products"}
    assert run("scan", cwd=tmp_path).returncode == 0
    assert classified_at(tmp_path) == first  # reused: not read, not stored again
    done = run("scan", "--full", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    again = classified_at(tmp_path)
    assert all(again[name] > first[name] for name in first)
    assert "u1@example" not in done.stdout + done.stderr
