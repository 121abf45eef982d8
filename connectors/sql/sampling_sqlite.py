"""SQLite: row estimates for large tables, and random sampling by rowid.

SQLite keeps no row count in its catalogue. :func:`estimated_rows` reads
``sqlite_stat1`` when ANALYZE has written it, else the rowid span
``max(rowid) - min(rowid) + 1`` (two b-tree lookups; an upper bound, exact
until rows are deleted).

:func:`sample` picks one of these methods, reported in the DatasetSample:

- ``full`` — the table has no more rows than asked for (exact count);
- ``order_by_random`` — views, WITHOUT ROWID tables and tables whose every
  rowid alias is shadowed by a user column: ``ORDER BY random() LIMIT n``;
- ``rowid`` — ``WHERE rowid IN (SELECT rowid … ORDER BY random() LIMIT n)``:
  sorts every rowid, so it is used for tables counted exactly below
  :data:`LARGE_TABLE_ROWS`, and as the fallback of ``rowid_probe``;
- ``rowid_probe`` — large tables: distinct random integers between
  ``min(rowid)`` and ``max(rowid)`` looked up with ``WHERE rowid IN (…)``
  (bound parameters, at most :data:`MAX_VARIABLES` per statement). Every
  existing rowid is equally likely to be drawn, so the rows found are a
  uniform sample; a first round draws :data:`PROBE_MARGIN` × ``rows`` keys
  (more when the estimate says rowids are missing), later rounds make up a
  shortfall at the density observed, and ``rows`` of the rows found are kept
  at random. When the draws would exceed :data:`MAX_PROBE_FACTOR` × ``rows``
  (or half the rowid span), the rowids are too sparse: fall back to ``rowid``.

``rowid_probe`` costs O(rows × log N): the table's size only enters through
the depth of its b-tree.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Table, column, func, literal_column, select, table
from sqlalchemy.engine import Connection

from connectors.model import DatasetInfo
from connectors.sql.sampling import (
    TABLESAMPLE_FACTOR,
    SampleQuery,
    fetch,
    full,
    order_by_random,
    plain_value,
    selected_columns,
)

#: Tables counted exactly below this many rows are sampled by sorting their rowids.
LARGE_TABLE_ROWS = 100_000
#: SQLite's default SQLITE_MAX_VARIABLE_NUMBER (since 3.32): bound parameters per statement.
MAX_VARIABLES = 32_766
#: ``rowid_probe`` gives up (falls back to ``rowid``) beyond this many draws per row asked for.
MAX_PROBE_FACTOR = 30
#: Rounds of probing before falling back (the later ones use the density observed).
PROBE_ROUNDS = 4
#: Each round draws this many times the rowids it expects to need, at the density assumed.
PROBE_MARGIN = 1.2


def rowid_column(tbl: Table, *, is_view: bool = False) -> ColumnElement[Any] | None:
    """The table's rowid under an alias no user column shadows, or None (views, WITHOUT ROWID)."""
    if is_view or not tbl.dialect_options["sqlite"]["with_rowid"]:
        return None
    names = {c.name.lower() for c in tbl.columns}
    alias = next((a for a in ("rowid", "_rowid_", "oid") if a not in names), None)
    return None if alias is None else literal_column(alias)


def rowid_bounds(conn: Connection, tbl: Table, rowid: ColumnElement[Any]) -> tuple[int, int] | None:
    """``(min(rowid), max(rowid))``, or None when the table is empty.

    Two scalar subqueries: SQLite answers a lone ``min``/``max`` of the rowid
    from the b-tree's edge, but scans the table for both in one ``SELECT``.
    """
    low = select(func.min(rowid)).select_from(tbl).scalar_subquery()
    high = select(func.max(rowid)).select_from(tbl).scalar_subquery()
    first, last = conn.execute(select(low, high)).one()
    return None if first is None or last is None else (int(first), int(last))


def estimated_rows(conn: Connection, tbl: Table, *, is_view: bool = False) -> int | None:
    """``sqlite_stat1``'s row count if ANALYZE ran, else the rowid span; None if neither."""
    if not is_view:
        analysed = _stat1_rows(conn, tbl)
        if analysed is not None:
            return analysed
    rowid = rowid_column(tbl, is_view=is_view)
    bounds = None if rowid is None else rowid_bounds(conn, tbl, rowid)
    return None if bounds is None else bounds[1] - bounds[0] + 1


def _stat1_rows(conn: Connection, tbl: Table) -> int | None:
    """The largest row count ``sqlite_stat1`` holds for ``tbl`` (its first number per row)."""
    master = table("sqlite_master", column("type"), column("name"), schema=tbl.schema)
    exists = select(master.c.name).where(master.c.type == "table", master.c.name == "sqlite_stat1")
    if conn.execute(exists).first() is None:
        return None
    stat1 = table("sqlite_stat1", column("tbl"), column("stat"), schema=tbl.schema)
    counts = []
    for (stat,) in conn.execute(select(stat1.c.stat).where(stat1.c.tbl == tbl.name)):
        head = str(stat or "").split(" ", 1)[0]
        if head.isdigit():
            counts.append(int(head))
    return max(counts) if counts else None


def is_large(info: DatasetInfo, rows: int) -> bool:
    """Whether sorting every rowid would cost more than probing for ``rows`` of them."""
    if not info.row_count_exact or info.row_count is None:
        return True  # counting stopped at the bound (or timed out): at least that many rows
    return info.row_count >= LARGE_TABLE_ROWS and info.row_count > TABLESAMPLE_FACTOR * rows


def rowid_sort(tbl: Table, rows: int, rowid: ColumnElement[Any], columns: list[str]) -> SampleQuery:
    """``WHERE rowid IN (SELECT rowid … ORDER BY random() LIMIT rows)``: sorts every rowid."""
    chosen = select(rowid).select_from(tbl).order_by(func.random()).limit(rows)
    stmt = select(*selected_columns(tbl, columns)).where(rowid.in_(chosen))
    return SampleQuery(stmt.limit(rows), "rowid")


def sample(
    conn: Connection, tbl: Table, info: DatasetInfo, rows: int, columns: list[str]
) -> tuple[list[tuple[object, ...]], str]:
    """At most ``rows`` random rows of ``tbl`` (the ``columns``), and the method's name."""
    if info.row_count_exact and info.row_count is not None and info.row_count <= rows:
        query = full(tbl, rows, columns)
        return fetch(conn, query, columns, rows), query.method
    rowid = rowid_column(tbl, is_view=info.kind == "view")
    if rowid is None:
        query = order_by_random(tbl, rows, columns)
        return fetch(conn, query, columns, rows), query.method
    if is_large(info, rows):
        probed = rowid_probe(conn, tbl, rows, columns, rowid=rowid, row_count=info.row_count)
        if probed is not None:
            return probed, "rowid_probe"
    query = rowid_sort(tbl, rows, rowid, columns)
    return fetch(conn, query, columns, rows), query.method


def rowid_probe(
    conn: Connection,
    tbl: Table,
    rows: int,
    columns: list[str],
    *,
    rowid: ColumnElement[Any],
    row_count: int | None,
    rng: random.Random | None = None,
) -> list[tuple[object, ...]] | None:
    """``rows`` uniformly random rows found by random rowid lookups; None if too sparse.

    ``row_count`` (an estimate) sets the first round's expected density of
    rowids in ``[min, max]``; later rounds use the density found so far.
    """
    bounds = rowid_bounds(conn, tbl, rowid)
    if bounds is None:
        return None
    low, high = bounds
    span = high - low + 1
    budget = min(MAX_PROBE_FACTOR * rows, span // 2)
    density = 1.0 if not row_count else min(1.0, row_count / span)
    rng = rng or random.Random()
    selected = selected_columns(tbl, columns)
    drawn: set[int] = set()
    found: list[tuple[object, ...]] = []
    for _round in range(PROBE_ROUNDS):
        wanted = math.ceil((rows - len(found)) * PROBE_MARGIN / density)
        if len(drawn) + wanted > budget:
            return None
        keys = _draw(rng, low, high, wanted, drawn)
        found.extend(
            tuple(plain_value(v) for v in r) for r in _lookup(conn, tbl, rowid, selected, keys)
        )
        if len(found) >= rows:
            return rng.sample(found, rows)  # also undoes the lookups' rowid order
        density = max(1, len(found)) / len(drawn)
    return None


def _lookup(
    conn: Connection,
    tbl: Table,
    rowid: ColumnElement[Any],
    selected: list[ColumnElement[Any]],
    keys: list[int],
) -> Iterator[Any]:
    """Rows of ``SELECT selected FROM tbl WHERE rowid IN (:keys)``, one bound parameter per key.

    At most :data:`MAX_VARIABLES` keys go into one statement.
    """
    for start in range(0, len(keys), MAX_VARIABLES):
        chunk = keys[start : start + MAX_VARIABLES]
        stmt = select(*selected).select_from(tbl).where(rowid.in_(chunk))
        yield from conn.execute(stmt)


def _draw(rng: random.Random, low: int, high: int, count: int, drawn: set[int]) -> list[int]:
    """``count`` integers of ``[low, high]`` not drawn before (recorded in ``drawn``)."""
    fresh: list[int] = []
    while len(fresh) < count:
        key = rng.randint(low, high)
        if key not in drawn:
            drawn.add(key)
            fresh.append(key)
    return fresh
