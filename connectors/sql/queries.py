"""SQLAlchemy Core statements behind the database connector's capabilities.

Every function takes a reflected :class:`~sqlalchemy.Table` and returns a
construct — never SQL text — so identifiers are quoted by the dialect:

- :func:`cutoff_bound` — the right-hand side of ``col < :cutoff`` on the bare
  column, so an index on the clock column can serve it;
- :func:`group_stats` — the sizes of the ``GROUP BY`` groups of the
  quasi-identifiers, summarised by one outer query in the database;
- :func:`selected_columns` / :func:`group_counts` — chosen columns of every
  row, and each distinct combination of them with its row count, for a
  streamed disclosure extract (see :mod:`connectors.sql.row_streaming`);
- :func:`present_values` — ``SELECT DISTINCT col WHERE col IN (…)`` for one
  batch of candidates;
- :func:`count_in` — ``SELECT count(*) WHERE col IN (…)`` for one batch;
- :func:`non_null_values` — every non-NULL value of a column, for streaming;
- :func:`count_where` / :func:`era_counts` / :func:`value_counts` — a
  retention clock read as it is stored (see :mod:`connectors.sql.clock_predicates`);
- :func:`delete_where` / :func:`anonymise_where` — the remediation
  statements that :mod:`connectors.sql.remediation` compiles but never runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Delete,
    Select,
    String,
    Table,
    Update,
    case,
    cast,
    delete,
    func,
    literal,
    select,
    types,
    update,
)

from connectors.errors import DatasetError

#: The most candidates bound into one ``IN`` list.
IN_BATCH = 500
#: The largest value a 64-bit integer column can hold.
_MAX_BIGINT = 2**63 - 1
_DIGITS = re.compile(r"[0-9]+")


def column(table: Table, name: str, dataset: str) -> ColumnElement[Any]:
    """The column ``name`` of ``table``; DatasetError naming it when there is none."""
    try:
        return table.c[name]
    except KeyError:
        raise DatasetError(f"{dataset}: no column {name!r}") from None


def columns(table: Table, names: Sequence[str], dataset: str) -> list[ColumnElement[Any]]:
    """The columns ``names`` of ``table``; DatasetError when empty or one is unknown."""
    if not names:
        raise DatasetError(f"{dataset}: no columns given")
    return [column(table, n, dataset) for n in names]


def cutoff_bound(col: ColumnElement[Any], cutoff: date, dialect_family: str) -> Any:
    """The right-hand side of ``col < cutoff``, typed after the reflected column.

    SQLite keeps dates as ISO text and any TEXT column may hold ISO dates: both
    compare with the string ``YYYY-MM-DD``, which sorts correctly against
    ``YYYY-MM-DD[ HH:MM:SS]`` values. DATETIME/TIMESTAMP columns compare with
    midnight of the cutoff, DATE columns with the date itself.
    """
    if dialect_family != "sqlite":
        if isinstance(col.type, types.DateTime):
            return literal(datetime.combine(cutoff, time.min), DateTime())
        if isinstance(col.type, types.Date):
            return literal(cutoff, Date())
    return literal(cutoff.isoformat(), String())


def count_where(table: Table, where: ColumnElement[bool]) -> Select[Any]:
    """``SELECT count(*) FROM table WHERE where``."""
    return select(func.count()).select_from(table).where(where)


def era_counts(table: Table, is_ce: ColumnElement[bool], is_be: ColumnElement[bool]) -> Select[Any]:
    """How many rows satisfy ``is_ce`` and how many ``is_be``, in one pass."""
    return select(
        func.sum(case((is_ce, 1), else_=0)), func.sum(case((is_be, 1), else_=0))
    ).select_from(table)


def value_counts(table: Table, col: ColumnElement[Any], shown: ColumnElement[Any]) -> Select[Any]:
    """``SELECT shown, count(*) FROM table WHERE col IS NOT NULL GROUP BY col``."""
    return select(shown, func.count()).select_from(table).where(col.is_not(None)).group_by(col)


def group_stats(table: Table, cols: Sequence[ColumnElement[Any]], k_min: int) -> Select[Any]:
    """Groups, smallest group, records and groups below ``k_min`` in one statement."""
    sizes = (
        select(func.count().label("n")).select_from(table).group_by(*cols).subquery("group_sizes")
    )
    n = sizes.c.n
    small = n < literal(int(k_min))
    return select(
        func.count(),
        func.min(n),
        func.coalesce(func.sum(case((small, n), else_=0)), 0),
        func.coalesce(func.sum(case((small, 1), else_=0)), 0),
    ).select_from(sizes)


def selected_columns(table: Table, cols: Sequence[ColumnElement[Any]]) -> Select[Any]:
    """``SELECT cols FROM table`` (no ORDER BY: the rows come in the table's own order)."""
    return select(*cols).select_from(table)


def group_counts(
    table: Table, cols: Sequence[ColumnElement[Any]], dialect_family: str
) -> Select[Any]:
    """``SELECT cols, count(*) FROM table GROUP BY cols``, NULL a group of its own and text
    grouped byte for byte (:func:`exact_text`), each text shown as ``min`` of its group."""
    keys = [exact_text(c, dialect_family) for c in cols]
    shown = [c if key is c else func.min(c) for c, key in zip(cols, keys, strict=True)]
    return select(*shown, func.count()).select_from(table).group_by(*keys)


def exact_text(col: ColumnElement[Any], dialect_family: str) -> ColumnElement[Any]:
    """``col`` compared byte for byte when it is text: a case-insensitive or pad-space
    collation (MySQL/MariaDB's defaults, SQLite's NOCASE) would make ``'Som'``, ``'SOM'``
    and ``'Som '`` one group, which an extract keeps apart; other columns unchanged."""
    if not isinstance(col.type, types.String) or isinstance(col.type, types.Enum):
        return col
    if dialect_family == "mysql":
        return cast(col, types.LargeBinary)
    if dialect_family in ("postgresql", "sqlite"):
        return col.collate("C" if dialect_family == "postgresql" else "BINARY")
    return col


def is_integer(col: ColumnElement[Any]) -> bool:
    """Whether ``col`` holds integers (compared as ints, not as text)."""
    return isinstance(col.type, types.Integer) and not isinstance(col.type, types.Boolean)


def lookup_keys(
    col: ColumnElement[Any], candidates: Sequence[str], fold_case: bool = False
) -> dict[object, list[str]]:
    """The values to bind for ``candidates``, each mapped back to its candidates.

    An integer column only takes all-digit candidates (as ints); any other
    column takes every candidate as a string (lower-cased with ``fold_case``).
    """
    keys: dict[object, list[str]] = {}
    for candidate in dict.fromkeys(str(c) for c in candidates):
        key: object = candidate.lower() if fold_case else candidate
        if is_integer(col):
            if not _DIGITS.fullmatch(candidate) or int(candidate) > _MAX_BIGINT:
                continue
            key = int(candidate)
        keys.setdefault(key, []).append(candidate)
    return keys


def matched_candidates(keys: dict[object, list[str]], found: Sequence[object]) -> set[str]:
    """The candidates the database reported present.

    A value the database returns that is not itself a key (a case-insensitive
    or pad-space collation matched it) is mapped back through its case-folded,
    right-trimmed form, so the result is always a subset of the candidates.
    """
    folded: dict[str, list[str]] = {}
    for key, names in keys.items():
        folded.setdefault(_fold(key), []).extend(names)
    matched: set[str] = set()
    for value in found:
        if value in keys:
            matched.update(keys[value])
        elif isinstance(value, str):
            matched.update(folded.get(_fold(value), []))
    return matched


def _fold(value: object) -> str:
    return str(value).casefold().rstrip()


def lookup_target(col: ColumnElement[Any], fold_case: bool = False) -> ColumnElement[Any]:
    """The expression an ``IN`` list is compared with: the bare column when it is
    text or integer (so its index serves the lookup), else its text form;
    ``lower(column)`` with ``fold_case`` (a scan inside the database)."""
    if is_integer(col):
        return col
    text = col if isinstance(col.type, types.String) else cast(col, String())
    return func.lower(text) if fold_case else text


def present_values(
    table: Table, target: ColumnElement[Any], batch: Sequence[object]
) -> Select[Any]:
    """``SELECT DISTINCT target FROM table WHERE target IN (batch)``."""
    return select(target).select_from(table).where(target.in_(list(batch))).distinct()


def count_in(table: Table, target: ColumnElement[Any], batch: Sequence[object]) -> Select[Any]:
    """``SELECT count(*) FROM table WHERE target IN (batch)``."""
    return select(func.count()).select_from(table).where(target.in_(list(batch)))


def non_null_values(table: Table, col: ColumnElement[Any]) -> Select[Any]:
    """``SELECT col FROM table WHERE col IS NOT NULL``."""
    return select(col).select_from(table).where(col.is_not(None))


def delete_where(table: Table, where: ColumnElement[bool]) -> Delete:
    """``DELETE FROM table WHERE where``."""
    return delete(table).where(where)


def anonymise_where(
    table: Table, cols: Sequence[ColumnElement[Any]], where: ColumnElement[bool]
) -> Update:
    """``UPDATE table SET c = NULL, … WHERE where``."""
    return update(table).where(where).values({c: None for c in cols})
