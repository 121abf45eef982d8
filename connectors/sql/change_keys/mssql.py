"""SQL Server change keys: last ALTER, row count, last write and the column list.

One statement lists every user table of the scanned schemas with:

- ``sys.tables.modify_date`` — moves on ``ALTER TABLE`` (and on creating or
  altering one of its indexes);
- the rows of its heap or clustered index (``sys.partitions.rows``, summed
  over partitions);
- the latest ``sys.dm_db_index_usage_stats.last_user_update`` over its
  indexes: the time of the last insert, update or delete;
- a digest of its columns (``BINARY_CHECKSUM`` of id, name, type, length,
  precision, scale and nullability, summed, and their count), so a renamed
  or retyped column moves the key even where ``modify_date`` would not.

No key (the table is read) when the last write cannot be trusted:

- no usage row or a NULL ``last_user_update``: the statistics live in memory
  only and start empty when the server restarts, the database is detached
  or closed (``AUTO_CLOSE``), or (2012–2016) an index is rebuilt — a table
  written before that looks untouched; memory-optimized and external tables
  are never tracked there;
- the last write is within two seconds of the server's clock: a second write
  in the same instant would not move it.

Limits: ``last_user_update`` is set when a statement runs, not when its
transaction commits, so a change committed after the keys are read, by a
transaction that wrote before, is seen only at the next write to the table.
Reading the usage statistics needs ``VIEW SERVER STATE`` (``VIEW SERVER
PERFORMANCE STATE`` on SQL Server 2022); without it the statement fails and
every table is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from connectors.sql.change_keys import Keys
from connectors.sql.vendors.mssql_catalog import (
    dm_db_index_usage_stats,
    sys_columns,
    sys_partitions,
    sys_schemas,
    sys_tables,
)

#: A last write this close to the server's clock may hide a second one in the same instant.
SETTLING = timedelta(seconds=2)


def statement(schemas: Sequence[str]) -> Select[Any]:
    """Every user table of ``schemas`` with its change facts (see the module docstring)."""
    t, s, p = sys_tables.c, sys_schemas.c, sys_partitions.c
    usage, c = dm_db_index_usage_stats.c, sys_columns.c
    rows = select(func.sum(p.rows)).where(p.object_id == t.object_id, p.index_id.in_([0, 1]))
    updated = select(func.max(usage.last_user_update)).where(
        usage.database_id == func.db_id(), usage.object_id == t.object_id
    )
    described = func.binary_checksum(
        c.column_id, c.name, c.system_type_id, c.user_type_id, c.max_length, c.precision,
        c.scale, c.is_nullable,
    )  # fmt: skip
    of_table = c.object_id == t.object_id
    shape = select(func.sum(cast(described, BigInteger))).where(of_table)
    return (
        select(
            s.name.label("schema"),
            t.name.label("table"),
            t.modify_date,
            rows.scalar_subquery().label("table_rows"),
            updated.scalar_subquery().label("updated"),
            select(func.count()).where(of_table).scalar_subquery().label("columns"),
            shape.scalar_subquery().label("shape"),
            func.sysdatetime().label("now"),
        )
        .join(sys_schemas, s.schema_id == t.schema_id)
        .where(s.name.in_(list(schemas)), t.is_ms_shipped == False)  # noqa: E712 (renders "= 0")
    )


def key_of(row: Mapping[str, Any]) -> str | None:
    """The key of one row of :func:`statement`, or None when it cannot be trusted."""
    updated, now, altered = row["updated"], row["now"], row["modify_date"]
    if updated is None or altered is None or row["table_rows"] is None or row["shape"] is None:
        return None
    if isinstance(now, datetime) and isinstance(updated, datetime) and updated >= now - SETTLING:
        return None
    return f"mssql:{altered}:{row['table_rows']}:{updated}:{row['columns']}:{row['shape']}"


def keys_from_rows(rows: Iterable[Mapping[str, Any]]) -> Keys:
    """``{(schema, table): key}`` for the rows whose key can be trusted."""
    keys: Keys = {}
    for row in rows:
        key = key_of(row)
        if key is not None:
            keys[(str(row["schema"]), str(row["table"]))] = key
    return keys


def change_keys(conn: Connection, schemas: Sequence[str]) -> Keys:
    """``{(schema, table): key}`` of the tables of ``schemas`` whose last write is known."""
    return keys_from_rows(dict(row) for row in conn.execute(statement(schemas)).mappings())
