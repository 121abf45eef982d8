"""Random row sampling, one function per dialect, each returning a ``Select``.

Every statement is built from SQLAlchemy constructs over a reflected
:class:`~sqlalchemy.Table`, so identifiers are always quoted by the dialect.
Each statement returns at most ``rows`` rows:

- ``full`` — the whole (small) table, when it has no more than ``rows`` rows;
- ``tablesample`` — PostgreSQL ``TABLESAMPLE SYSTEM (pct)`` sized for about
  three times ``rows``, then shuffled and limited;
- ``order_by_random`` — ``ORDER BY random() LIMIT n`` (``RAND()`` on MySQL,
  ``NEWID()`` on SQL Server, ``DBMS_RANDOM.VALUE`` on Oracle);
- ``pk_ranges`` — MySQL/MariaDB large tables with one integer primary key:
  several short index range scans from random starting keys.

:func:`plan` picks the method for a dataset. SQLite's methods (``rowid``,
``rowid_probe``) are in :mod:`connectors.sql.sampling_sqlite`; SQL Server's
``TABLESAMPLE SYSTEM (p PERCENT)`` and Oracle's ``SAMPLE BLOCK (p)`` (the
``tablesample`` method there, sized like PostgreSQL's) are built by
:mod:`connectors.sql.vendors.mssql_sampling` and
:mod:`connectors.sql.vendors.oracle_sampling`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    Select,
    Table,
    func,
    select,
    tablesample,
    union_all,
)
from sqlalchemy.engine import Connection

from connectors.model import ColumnSample, DatasetInfo, DatasetSample
from connectors.sql import dialects
from connectors.sql.vendors import mssql_sampling, oracle_sampling
from connectors.sql.vendors.random_order import random_order

#: PostgreSQL uses TABLESAMPLE when the table has more than this many times ``rows``.
TABLESAMPLE_FACTOR = 10
#: TABLESAMPLE aims at this many times ``rows`` so that LIMIT usually has enough.
OVERSAMPLE = 3
#: MySQL/MariaDB tables above this estimate (and 10 × rows) are "large".
MYSQL_LARGE_TABLE_ROWS = 100_000
#: Rows read per random primary-key range, and the most ranges in one statement.
PK_CHUNK_ROWS = 10
PK_MAX_CHUNKS = 100
#: ``pk_ranges`` statements run at most this many times to make up rows lost to key gaps.
PK_ROUNDS = 4


@dataclass(frozen=True)
class SampleQuery:
    """A sampling statement and the name of the method it implements."""

    statement: Select[Any]
    method: str
    #: Column label to drop duplicate rows by (overlapping ranges), if any.
    dedupe_by: str | None = None


def selected_columns(table: Table, columns: list[str] | None) -> list[ColumnElement[Any]]:
    """The ``columns`` of ``table`` (all of them when None), in that order."""
    names = columns if columns is not None else [c.name for c in table.columns]
    return [table.c[name] for name in names]


def full(table: Table, rows: int, columns: list[str] | None = None) -> SampleQuery:
    """All rows (the caller knows there are no more than ``rows``), still limited."""
    return SampleQuery(select(*selected_columns(table, columns)).limit(rows), "full")


def first_rows(table: Table, rows: int, columns: list[str] | None = None) -> SampleQuery:
    """The first ``rows`` rows: the fallback for dialects without a known random order."""
    return SampleQuery(select(*selected_columns(table, columns)).limit(rows), "first_rows")


def order_by_random(
    table: Table, rows: int, columns: list[str] | None = None, *, mysql: bool = False
) -> SampleQuery:
    """``ORDER BY random() LIMIT rows`` (``RAND()`` on MySQL/MariaDB; another
    dialect's own random function, see :mod:`connectors.sql.vendors.random_order`)."""
    shuffle = func.rand() if mysql else random_order()
    stmt = select(*selected_columns(table, columns)).order_by(shuffle).limit(rows)
    return SampleQuery(stmt, "order_by_random")


def postgresql_sample(
    table: Table,
    rows: int,
    *,
    estimated_rows: int | None,
    is_view: bool,
    columns: list[str] | None = None,
) -> SampleQuery:
    """PostgreSQL: ``TABLESAMPLE SYSTEM`` on large tables, else ``ORDER BY random()``."""
    if is_view or estimated_rows is None or estimated_rows <= TABLESAMPLE_FACTOR * rows:
        return order_by_random(table, rows, columns)
    percent = min(100.0, 100.0 * OVERSAMPLE * rows / estimated_rows)
    sampled = tablesample(table, func.system(round(percent, 6)))
    names = columns if columns is not None else [c.name for c in table.columns]
    stmt = select(*(sampled.c[name] for name in names)).order_by(func.random()).limit(rows)
    return SampleQuery(stmt, "tablesample")


def vendor_sample(
    dialect_family: str,
    table: Table,
    rows: int,
    *,
    estimated_rows: int | None,
    is_view: bool,
    columns: list[str] | None = None,
) -> SampleQuery:
    """SQL Server / Oracle: page or block sampling on large tables (sized as on
    PostgreSQL), else the dialect's ``ORDER BY`` random value."""
    percent = None
    if not is_view and estimated_rows is not None and estimated_rows > TABLESAMPLE_FACTOR * rows:
        percent = min(100.0, 100.0 * OVERSAMPLE * rows / estimated_rows)
    build = mssql_sampling.sample if dialect_family == "mssql" else oracle_sampling.sample
    stmt, method = build(table, rows, percent=percent, columns=columns)
    return SampleQuery(stmt, method)


def single_integer_pk(table: Table) -> Column[Any] | None:
    """The primary-key column when the key is exactly one integer column."""
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and isinstance(pk[0].type, Integer):
        return pk[0]
    return None


def pk_bounds(table: Table, pk: Column[Any]) -> Select[Any]:
    """``SELECT min(pk), max(pk)`` — an index lookup for the range sampler."""
    return select(func.min(pk), func.max(pk))


def mysql_is_large(estimated_rows: int | None, rows: int) -> bool:
    """Whether a MySQL/MariaDB table is worth sampling by primary-key ranges."""
    return (
        estimated_rows is not None
        and estimated_rows > TABLESAMPLE_FACTOR * rows
        and estimated_rows >= MYSQL_LARGE_TABLE_ROWS
    )


def mysql_sample(
    table: Table,
    rows: int,
    *,
    estimated_rows: int | None,
    is_view: bool,
    bounds: tuple[int, int] | None = None,
    columns: list[str] | None = None,
    rng: random.Random | None = None,
) -> SampleQuery:
    """MySQL/MariaDB: random primary-key ranges on large tables, else ``ORDER BY RAND()``.

    ``bounds`` is the (min, max) of the single integer primary key, when the
    table has one (see :func:`single_integer_pk` and :func:`pk_bounds`).
    Large tables without one fall back to ``ORDER BY RAND()``, bounded by the
    session's statement timeout. The key range is cut into ``chunks`` strata;
    each range starts at a random key of its stratum, early enough that, on
    dense keys, it ends inside it: the ranges never overlap and the last one
    never runs off the end of the table, so the sample has ``rows`` rows.
    """
    pk = single_integer_pk(table)
    if is_view or not mysql_is_large(estimated_rows, rows) or pk is None or bounds is None:
        return order_by_random(table, rows, columns, mysql=True)
    low, high = bounds
    chunks = min(PK_MAX_CHUNKS, math.ceil(rows / PK_CHUNK_ROWS))
    chunk_rows = math.ceil(rows / chunks)
    rng = rng or random.SystemRandom()
    width = (high - low + 1) / chunks
    selected = selected_columns(table, columns)
    if pk.name not in {c.name for c in selected}:
        selected.append(pk)
    parts = []
    for i in range(chunks):
        # One random start per stratum keeps the ranges spread and apart.
        start = low + int(i * width + rng.random() * max(1.0, width - chunk_rows))
        parts.append(select(*selected).where(pk >= start).order_by(pk).limit(chunk_rows))
    ranges = union_all(*parts).subquery("pk_ranges")
    stmt = select(*ranges.c).limit(rows)
    return SampleQuery(stmt, "pk_ranges", dedupe_by=pk.name)


def mysql_plan(
    conn: Connection,
    table: Table,
    rows: int,
    *,
    estimated_rows: int | None,
    is_view: bool,
    columns: list[str] | None = None,
) -> SampleQuery:
    """:func:`mysql_sample`, after looking up the key's bounds when the table is large."""
    bounds = None
    pk = single_integer_pk(table)
    if pk is not None and not is_view and mysql_is_large(estimated_rows, rows):
        low, high = conn.execute(pk_bounds(table, pk)).one()
        bounds = None if low is None or high is None else (int(low), int(high))
    return mysql_sample(
        table, rows, estimated_rows=estimated_rows, is_view=is_view, bounds=bounds, columns=columns
    )


def plan(
    conn: Connection, table: Table, info: DatasetInfo, rows: int, columns: list[str]
) -> SampleQuery:
    """The cheapest correct statement sampling ``rows`` rows of ``info`` on this dialect
    (SQLite samples through :mod:`connectors.sql.sampling_sqlite` instead)."""
    fam = dialects.family(conn.dialect.name)
    is_view = info.kind == "view"
    if info.row_count_exact and info.row_count is not None and info.row_count <= rows:
        return full(table, rows, columns)
    if fam == "postgresql":
        return postgresql_sample(
            table, rows, estimated_rows=info.row_count, is_view=is_view, columns=columns
        )
    if fam == "mysql":
        return mysql_plan(
            conn, table, rows, estimated_rows=info.row_count, is_view=is_view, columns=columns
        )
    if fam in ("mssql", "oracle"):
        return vendor_sample(
            fam, table, rows, estimated_rows=info.row_count, is_view=is_view, columns=columns
        )
    return first_rows(table, rows, columns)


def fetch(
    conn: Connection,
    query: SampleQuery,
    names: list[str],
    rows: int,
    seen: set[object] | None = None,
) -> list[tuple[object, ...]]:
    """Run ``query`` and keep at most ``rows`` rows of the ``names`` columns.

    With ``query.dedupe_by``, rows whose key is in ``seen`` are dropped and
    the keys kept are added to it (pass one set to several calls).
    """
    kept: list[tuple[object, ...]] = []
    seen = set() if seen is None else seen
    for row in conn.execute(query.statement):
        mapping = row._mapping
        if query.dedupe_by is not None:
            key = mapping[query.dedupe_by]
            if key in seen:
                continue
            seen.add(key)
        kept.append(tuple(plain_value(mapping[n]) for n in names))
        if len(kept) >= rows:
            break
    return kept


def fetch_rounds(
    conn: Connection,
    query: SampleQuery,
    again: Callable[[], SampleQuery],
    names: list[str],
    rows: int,
    rng: random.Random | None = None,
) -> list[tuple[object, ...]]:
    """Distinct rows from up to :data:`PK_ROUNDS` fresh ``pk_ranges`` statements.

    On keys with gaps (InnoDB skips auto-increment values in bulk inserts;
    deletions leave more), a range starting in a gap reads on into the next
    range and repeats its rows. The duplicates are dropped and further
    statements (``query`` first, then ``again()``: fresh random starts) make up the rows lost;
    when they bring more than ``rows``, a random ``rows`` of them are kept.
    """
    kept: list[tuple[object, ...]] = []
    seen: set[object] = set()
    for _round in range(PK_ROUNDS):
        kept.extend(fetch(conn, query, names, rows, seen))
        if len(kept) >= rows:
            break
        query = again()
    if len(kept) > rows:
        (rng or random.SystemRandom()).shuffle(kept)
        del kept[rows:]
    return kept


def pivot(info: DatasetInfo, rows: list[tuple[object, ...]], method: str) -> DatasetSample:
    """Turn sampled rows into one :class:`ColumnSample` per column of ``info``."""
    columns = []
    for i, column in enumerate(info.columns):
        values = tuple(r[i] for r in rows if r[i] is not None)
        columns.append(ColumnSample(column, values, len(rows) - len(values)))
    return DatasetSample(info, len(rows), method, tuple(columns))


def plain_value(value: object) -> object:
    """Driver-specific binary buffers (psycopg2 ``memoryview``) as ``bytes``."""
    if isinstance(value, memoryview | bytearray):
        return bytes(value)
    return value
