"""SQLite change keys: the file's state, so any committed write moves every table's key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from connectors.sql.change_keys import sqlite as sqlite_keys
from connectors.sql.database import DatabaseConnector


def keys(path: Path) -> dict[str, str]:
    with DatabaseConnector("org", f"sqlite:///{path}") as connector:
        connector.list_datasets()
        return connector.change_keys()


def make(path: Path, wal: bool = False) -> None:
    with sqlite3.connect(path) as db:
        if wal:
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, email TEXT)")
        db.execute("CREATE TABLE kept (id INTEGER)")
        db.execute("CREATE VIEW emails AS SELECT email FROM people")
        db.execute("INSERT INTO people (email) VALUES ('a@example.co.th')")
    db.close()


def write(path: Path, statement: str) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute(statement)
    db.close()


def test_tables_have_keys_and_a_read_leaves_them(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite"
    make(path)
    first = keys(path)
    assert set(first) == {"main.people", "main.kept"}  # the view has none
    assert first["main.people"] != first["main.kept"]  # each has its own CREATE statement
    assert keys(path) == first


def test_a_write_moves_every_key(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite"
    make(path)
    first = keys(path)
    write(path, "UPDATE people SET email = 'b@example.co.th'")
    second = keys(path)
    assert second["main.people"] != first["main.people"]
    assert second["main.kept"] != first["main.kept"]  # SQLite keeps no per-table counters


def test_in_wal_mode_a_commit_moves_the_key_before_any_checkpoint(tmp_path: Path) -> None:
    path = tmp_path / "org.sqlite"
    make(path, wal=True)
    holder = sqlite3.connect(path)  # keeps the WAL from being checkpointed away on close
    holder.execute("SELECT 1").fetchall()
    first = keys(path)
    write(path, "INSERT INTO people (email) VALUES ('c@example.co.th')")
    assert keys(path)["main.people"] != first["main.people"]
    holder.close()


def test_memory_and_unreadable_files_have_no_key(tmp_path: Path) -> None:
    assert sqlite_keys.file_state(tmp_path / "missing.sqlite") is None
    (tmp_path / "short.sqlite").write_bytes(b"SQLite")
    assert sqlite_keys.file_state(tmp_path / "short.sqlite") is None
    with DatabaseConnector("mem", "sqlite://") as connector:
        connector.list_datasets()
        assert connector.change_keys() == {}
