"""Oracle change keys: last DDL, the last statistics and the DML counted since.

One statement lists every ordinary table of the scanned schemas with:

- ``ALL_OBJECTS.LAST_DDL_TIME`` — moves on every ``ALTER`` (a column added,
  dropped, renamed or retyped), ``TRUNCATE``, ``GRANT`` and ``REVOKE``;
- ``ALL_TABLES.NUM_ROWS`` / ``LAST_ANALYZED`` — the last statistics;
- the table's ``ALL_TAB_MODIFICATIONS`` row: inserts, updates, deletes,
  truncation and dropped segments counted since those statistics, with the
  time they were last counted (no row: nothing counted since).

No key (the table is read) for a table whose DML Oracle does not count
(``MONITORING`` not ``YES``), a global temporary, nested, secondary or
external table, one in the recycle bin, or one without ``LAST_DDL_TIME``.

Limits: Oracle counts DML in memory and writes the counts to
``ALL_TAB_MODIFICATIONS`` only now and then (periodically, when statistics
are gathered, or on ``DBMS_STATS.FLUSH_DATABASE_MONITORING_INFO``), and the
scanner never runs a procedure. A change made shortly before a scan, still
unwritten, leaves the key as it was: that table's classification is reused
until the counts are written (the next scan after that reads it). Where that
delay matters, have the DBA schedule ``FLUSH_DATABASE_MONITORING_INFO``
before the scans. With ``STATISTICS_LEVEL = BASIC`` nothing is counted; the
``MONITORING`` column does not always say so, so check that setting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import and_, exists, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from connectors.sql.change_keys import Keys
from connectors.sql.vendors.oracle import dataset_name, stored_name
from connectors.sql.vendors.oracle_catalog import (
    all_external_tables,
    all_objects,
    all_tab_modifications,
    all_tables,
)

#: The counters of a modifications row, in key order.
COUNTERS = ("inserts", "updates", "deletes", "truncated", "drop_segments", "timestamp")


def statement(schemas: Sequence[str]) -> Select[Any]:
    """Every ordinary table of ``schemas`` (SQLAlchemy names) with its change facts."""
    t, o, m, x = all_tables.c, all_objects.c, all_tab_modifications.c, all_external_tables.c
    objects = and_(
        o.owner == t.owner,
        o.object_name == t.table_name,
        o.object_type == "TABLE",
        o.subobject_name.is_(None),
    )
    modifications = and_(
        m.table_owner == t.owner, m.table_name == t.table_name, m.partition_name.is_(None)
    )
    external = exists().where(x.owner == t.owner, x.table_name == t.table_name)
    return (
        select(
            t.owner,
            t.table_name,
            t.num_rows,
            t.last_analyzed,
            t.monitoring,
            o.last_ddl_time,
            *(m[name] for name in COUNTERS),
        )
        .select_from(
            all_tables.join(all_objects, objects).outerjoin(all_tab_modifications, modifications)
        )
        .where(
            t.owner.in_(sorted({stored_name(s) for s in schemas})),
            t.temporary == "N",
            t.nested == "NO",
            t.secondary == "N",
            t.dropped == "NO",
            ~external,
        )
    )


def key_of(row: Mapping[str, Any]) -> str | None:
    """The key of one row of :func:`statement`, or None when it cannot be trusted."""
    if str(row["monitoring"] or "").upper() != "YES" or row["last_ddl_time"] is None:
        return None
    counted = ":".join(str(row[name]) for name in COUNTERS)
    return f"oracle:{row['last_ddl_time']}:{row['last_analyzed']}:{row['num_rows']}:{counted}"


def keys_from_rows(rows: Iterable[Mapping[str, Any]]) -> Keys:
    """``{(schema, table): key}`` (SQLAlchemy names) for the rows whose key can be trusted."""
    keys: Keys = {}
    for row in rows:
        key = key_of(row)
        if key is not None:
            keys[(dataset_name(row["owner"]), dataset_name(row["table_name"]))] = key
    return keys


def change_keys(conn: Connection, schemas: Sequence[str]) -> Keys:
    """``{(schema, table): key}`` of the tables of ``schemas`` whose DML Oracle counts."""
    return keys_from_rows(dict(row) for row in conn.execute(statement(schemas)).mappings())
