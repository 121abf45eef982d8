"""MySQL / MariaDB change keys: columns, creation time and the last-update time.

``information_schema.TABLES`` gives each base table its ``CREATE_TIME``
(``TRUNCATE`` and a rebuilding ``ALTER`` renew it) and ``UPDATE_TIME``, the
commit time of its last insert, update or delete; ``information_schema.COLUMNS``
its columns and types, digested in order. No key when the last-update time
cannot be trusted:

- ``UPDATE_TIME`` is NULL: InnoDB keeps it in memory only, so after a
  server restart an untouched table has none (and a table changed before
  the restart would look unchanged), and partitioned tables never have one;
- it falls within the last two seconds of the server's clock: it has a
  resolution of one second, so a second change in the same second would
  not move it;
- the table's engine does not maintain it (anything but InnoDB, MyISAM and
  Aria).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Column, MetaData, String, Table, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from connectors.sql.change_keys import Keys, shape_digest
from connectors.sql.row_counts import mysql_tables

#: Engines whose ``UPDATE_TIME`` follows every committed change.
TRACKED_ENGINES = frozenset({"innodb", "myisam", "aria"})
#: A last update this close to the server's clock may hide a second one in the same second.
SETTLING = timedelta(seconds=2)

_information_schema = MetaData()
_columns = Table(
    "COLUMNS",
    _information_schema,
    Column("TABLE_SCHEMA", String, key="schema"),
    Column("TABLE_NAME", String, key="table"),
    Column("COLUMN_NAME", String, key="name"),
    Column("COLUMN_TYPE", String, key="type"),
    Column("ORDINAL_POSITION", BigInteger, key="position"),
    schema="information_schema",
)


def tables_statement(schemas: Sequence[str]) -> Select[Any]:
    """Every base table of ``schemas`` with its engine, creation and last-update times."""
    t = mysql_tables.c
    return select(
        t.table_schema.label("schema"),
        t.table_name.label("table"),
        t.engine.label("engine"),
        t.create_time.label("created"),
        t.update_time.label("updated"),
        func.now().label("now"),
    ).where(t.table_schema.in_(list(schemas)), t.table_type == "BASE TABLE")


def columns_statement(schemas: Sequence[str]) -> Select[Any]:
    """Every column of ``schemas`` with its type, in table order."""
    c = _columns.c
    return (
        select(
            c.schema.label("schema"),
            c.table.label("table"),
            c.name.label("name"),
            c.type.label("type"),
        )
        .where(c.schema.in_(list(schemas)))
        .order_by(c.schema, c.table, c.position)
    )


def key_of(row: dict[str, Any], shape: str | None) -> str | None:
    """The key of one ``TABLES`` row and its column digest, or None when it cannot be trusted."""
    updated, created, now = row["updated"], row["created"], row["now"]
    engine = str(row["engine"] or "").lower()
    if shape is None or engine not in TRACKED_ENGINES or updated is None:
        return None
    if isinstance(now, datetime) and isinstance(updated, datetime) and updated >= now - SETTLING:
        return None
    return f"mysql:{engine}:{created}:{updated}:{shape}"


def change_keys(conn: Connection, schemas: Sequence[str]) -> Keys:
    """``{(schema, table): key}`` for the tables whose last update the server knows."""
    listed: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in conn.execute(columns_statement(schemas)).mappings():
        listed.setdefault((row["schema"], row["table"]), []).append((row["name"], row["type"]))
    keys: Keys = {}
    for row in conn.execute(tables_statement(schemas)).mappings():
        where = (row["schema"], row["table"])
        columns = listed.get(where)
        key = key_of(dict(row), shape_digest(columns) if columns else None)
        if key is not None:
            keys[where] = key
    return keys
