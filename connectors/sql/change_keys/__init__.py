"""Change keys: what says a table has not changed since a scan, read in one pass per source.

A change key is an opaque string built from the catalogue: the table's
columns and types plus its change counters (PostgreSQL
``pg_stat_user_tables``, MySQL / MariaDB ``information_schema.TABLES``
update times, SQLite the database file's change counter and state). Equal
keys on two scans mean the table's schema and content have not moved in
between, so its stored classification may be reused
(:mod:`agent.scan.table_cache`). A table the catalogue cannot vouch for —
a view, a table whose counters are off, unknown or too fresh — gets no key
and is always read. Each dialect's module exposes
``change_keys(conn, schemas)`` → ``{(schema, table): key}``; this module picks
it and maps the answer to dataset names. Keys are read before any sample,
so a change made while a scan runs is seen by the next one.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Mapping, Sequence

from sqlalchemy.engine import URL, Connection

from connectors.sql import dialects

#: dialect family → module of this package (imported only when needed).
_MODULES = {
    "postgresql": "postgresql",
    "mysql": "mysql",
    "sqlite": "sqlite",
    "mssql": "mssql",
    "oracle": "oracle",
}

Keys = dict[tuple[str, str], str]


def read_change_keys(
    conn: Connection, url: URL | None, relations: Mapping[str, tuple[str | None, str, str]]
) -> dict[str, str]:
    """Dataset name → change key, for the tables of ``relations`` the catalogue vouches for."""
    family = dialects.family(conn.dialect.name)
    module_name = _MODULES.get(family)
    if module_name is None:
        return {}
    module = importlib.import_module(f"{__name__}.{module_name}")
    schemas = sorted(
        {schema or "" for schema, _table, kind in relations.values() if kind == "table"}
    )
    if not schemas:
        return {}
    reader: Callable[..., Keys] = module.change_keys
    keys: Keys = reader(conn, schemas, url) if family == "sqlite" else reader(conn, schemas)
    found: dict[str, str] = {}
    for name, (schema, table, kind) in relations.items():
        key = keys.get((schema or "", table))
        if kind == "table" and key is not None:
            found[name] = key
    return found


def shape_digest(columns: Sequence[tuple[object, ...]]) -> str:
    """A short digest of a table's columns (name, type …) in their order."""
    text = "\x1f".join("\x1e".join(str(part) for part in column) for column in columns)
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]
