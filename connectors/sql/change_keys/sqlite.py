"""SQLite change keys: the table's ``CREATE`` statement and the database file's state.

SQLite keeps no per-table counters, so the key is the database's: the file
change counter of its header (bytes 24–27, moved by every committed write
transaction in rollback-journal mode), the file's size and modification
time, and the same of its ``-wal`` file (in WAL mode commits go there
first). Any write to the file gives every table a new key; a table is kept
apart only by its own ``CREATE`` statement (so an ``ALTER`` shows). ``PRAGMA
data_version`` cannot serve: it only tells a connection of other
connections' commits during its own life. An in-memory database has no key.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Column, MetaData, String, Table, select
from sqlalchemy.engine import URL, Connection
from sqlalchemy.sql import Select

from connectors.sql.change_keys import Keys

#: Offset and size of the file change counter in the database header.
COUNTER_AT, COUNTER_BYTES = 24, 4

_schema = MetaData()
_master = Table(
    "sqlite_master", _schema, Column("type", String), Column("name", String), Column("sql", String)
)


def statement() -> Select[Any]:
    """Every table's name and ``CREATE`` statement."""
    return select(_master.c.name, _master.c.sql).where(_master.c.type == "table")


def file_state(path: Path) -> str | None:
    """The file's change counter, size and mtime, and its WAL file's; None when unreadable."""
    try:
        with path.open("rb") as handle:
            header = handle.read(COUNTER_AT + COUNTER_BYTES)
        stat = path.stat()
    except OSError:
        return None
    if len(header) < COUNTER_AT + COUNTER_BYTES:
        return None
    counter = int.from_bytes(header[COUNTER_AT:], "big")
    parts = [str(counter), str(stat.st_size), str(stat.st_mtime_ns)]
    for suffix in ("-wal", "-journal"):
        try:
            side = os.stat(f"{path}{suffix}")
        except OSError:
            parts.append("-")
            continue
        parts.append(f"{side.st_size}@{side.st_mtime_ns}")
    return ":".join(parts)


def change_keys(conn: Connection, schemas: Sequence[str], url: URL | None = None) -> Keys:
    """``{("main", table): key}`` for the file behind ``url``; empty for memory or unreadable."""
    database = url.database if url is not None else None
    if not database or database == ":memory:" or "main" not in schemas:
        return {}
    state = file_state(Path(database))
    if state is None:
        return {}
    keys: Keys = {}
    for row in conn.execute(statement()).mappings():
        created = hashlib.sha256(str(row["sql"]).encode()).hexdigest()[:16]
        keys[("main", row["name"])] = f"sqlite:{state}:{created}"
    return keys
