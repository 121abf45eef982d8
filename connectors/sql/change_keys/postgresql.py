"""PostgreSQL change keys: columns, storage file and the statistics system's row counters.

One statement per source lists every ordinary table of the scanned schemas
with its columns (name and formatted type, in order), its ``relfilenode``
(``TRUNCATE``, ``VACUUM FULL`` and ``CLUSTER`` give a table a new one) and
the cumulative ``n_tup_ins`` / ``n_tup_upd`` / ``n_tup_del`` of
``pg_stat_user_tables`` (every committed insert, update and delete counts;
a statistics reset zeroes them, which only makes the next scan read again).
No key at all when the counters cannot be trusted:

- ``track_counts`` is off (the counters never move);
- the server is a standby (``pg_is_in_recovery()``): replayed changes are
  not counted there;
- a partitioned parent (``relkind = 'p'``): its rows live in partitions.

A backend reports its counters when its transaction ends, at most about
once a second and within seconds when idle; a change committed moments
before the keys are read may be counted only later — the stored key then
differs from the next scan's, which reads the table again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    func,
    literal,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from connectors.sql.change_keys import Keys
from connectors.sql.pg_catalog import pg_attribute, pg_class, pg_namespace, pg_stat_user_tables


def trusted(conn: Connection) -> bool:
    """Whether this server's counters see every change: counting on, not a standby."""
    counting = conn.execute(select(func.current_setting("track_counts"))).scalar()
    standby = conn.execute(select(func.pg_is_in_recovery())).scalar()
    return str(counting).lower() in ("on", "true", "1") and not standby


def statement(schemas: Sequence[str]) -> Select[Any]:
    """Schema, table, file node, counters and the ordered column list of every table."""
    attribute = pg_attribute
    described = func.concat(
        attribute.c.attname, ":", func.format_type(attribute.c.atttypid, attribute.c.atttypmod)
    )
    shape = func.string_agg(described, aggregate_order_by(literal(","), attribute.c.attnum))
    return (
        select(
            pg_namespace.c.nspname.label("schema"),
            pg_class.c.relname.label("table"),
            pg_class.c.relfilenode,
            pg_stat_user_tables.c.n_tup_ins,
            pg_stat_user_tables.c.n_tup_upd,
            pg_stat_user_tables.c.n_tup_del,
            func.md5(shape).label("shape"),
        )
        .select_from(pg_class)
        .join(pg_namespace, pg_namespace.c.oid == pg_class.c.relnamespace)
        .join(attribute, attribute.c.attrelid == pg_class.c.oid)
        .join(pg_stat_user_tables, pg_stat_user_tables.c.relid == pg_class.c.oid)
        .where(
            pg_namespace.c.nspname.in_(list(schemas)),
            pg_class.c.relkind == "r",
            attribute.c.attnum > 0,
            attribute.c.attisdropped.is_(False),
        )
        .group_by(
            pg_namespace.c.nspname,
            pg_class.c.relname,
            pg_class.c.relfilenode,
            pg_stat_user_tables.c.n_tup_ins,
            pg_stat_user_tables.c.n_tup_upd,
            pg_stat_user_tables.c.n_tup_del,
        )
    )


def change_keys(conn: Connection, schemas: Sequence[str]) -> Keys:
    """``{(schema, table): key}``; empty when the server's counters cannot be trusted."""
    if not trusted(conn):
        return {}
    keys: Keys = {}
    for row in conn.execute(statement(schemas)).mappings():
        counters = (row["n_tup_ins"], row["n_tup_upd"], row["n_tup_del"])
        if any(value is None for value in counters):
            continue
        key = f"pg:{row['relfilenode']}:{':'.join(map(str, counters))}:{row['shape']}"
        keys[(row["schema"], row["table"])] = key
    return keys
