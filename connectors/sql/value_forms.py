"""Compact forms of written values, in SQL and in Python, and the searches that use them.

One identifier is written many ways: ``1-1037-00001-23-9``,
``๑๑๐๓๗๐๐๐๐๑๒๓๙``, ``'1103700001239`` from a spreadsheet export,
``+66 81 234 5678``. Compacting a cell removes what varies between them:

- ``digits``: spaces (also tabs, line breaks and no-break spaces), dashes
  (``-`` and the en dash), dots, slashes, parentheses, apostrophes and ``+``
  are removed;
- ``lower``: tabs, line breaks and no-break spaces become spaces, then the
  text is trimmed and lower-cased.

A value written in Thai digits stays in Thai digits: every ``digits`` form
searched for is also searched for in Thai digits (:func:`with_thai_digits`),
which keeps the SQL shallow.

:func:`compact_sql` builds that transformation from nested ``replace``,
``trim`` and ``lower`` calls, which PostgreSQL, MySQL/MariaDB and SQLite all
have, so the database compares compact cells without a row leaving it.
:func:`compact_value` is its Python twin, for files and for columns whose type
has no text form worth compacting. :func:`matching_statements` are the
``SELECT col, count(*) … GROUP BY col`` statements of a
:class:`~connectors.model.ValueSearch`; :func:`match_cells` does the same over
cells in memory. Both return a superset of what the caller wants (SQLite
lower-cases ASCII only; a compact form may come from a value the caller
rejects): the caller verifies each distinct value it gets back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, String, Table, cast, func, or_, select, types
from sqlalchemy.dialects import mysql

from connectors.model import ValueSearch
from connectors.sql import queries

FOLDS = ("digits", "lower")
#: Fragments searched with ``LIKE`` in one statement (each one a condition of the scan).
LIKE_BATCH = 50

#: Characters the ``digits`` fold removes. Few enough for SQLite, whose parser
#: refuses ``replace`` nested about 30 deep; rarer dashes and spaces are not removed.
DIGIT_NOISE = " \t\r\n\u00a0-\u2013./()'+"
#: Characters the ``lower`` fold turns into spaces before trimming.
_BLANKS = "\t\r\n\u00a0"
_DROP = str.maketrans(dict.fromkeys(DIGIT_NOISE))
_BLANK = str.maketrans(dict.fromkeys(_BLANKS, " "))
_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _check(fold: str) -> None:
    if fold not in FOLDS:
        raise ValueError(f"unknown fold {fold!r}; expected one of {', '.join(FOLDS)}")


def compact_text(fold: str, text: str) -> str:
    """The compact form of ``text``.

    >>> compact_text("digits", "'๑-๑๐๓๗-๐๐๐๐๑-๒๓-๙ ")
    '๑๑๐๓๗๐๐๐๐๑๒๓๙'
    >>> compact_text("digits", "+66 (0)81 234 5678")
    '660812345678'
    >>> compact_text("lower", "  Somchai.J@Example.CO.TH\\t")
    'somchai.j@example.co.th'
    """
    _check(fold)
    if fold == "digits":
        return text.translate(_DROP)
    return text.translate(_BLANK).strip(" ").lower()


def compact_value(fold: str, value: object) -> str | None:
    """The compact form of one cell (integers and integral numbers by their digits);
    None for NULL, booleans and bytes."""
    if value is None or isinstance(value, bool | bytes | bytearray | memoryview):
        return None
    if isinstance(value, float | Decimal):
        try:
            whole = int(value)
        except (OverflowError, ValueError):  # inf, nan
            return None
        value = whole if whole == value else value
    return compact_text(fold, str(value))


def compact_sql(col: ColumnElement[Any], fold: str, family: str = "") -> ColumnElement[Any]:
    """``col`` compacted in SQL: nested ``replace`` (digits), or ``lower(trim(…))``.

    On MySQL/MariaDB (``family`` ``"mysql"``) the column is first read as
    utf8mb4, so a latin1 column can be compared with Thai text.
    """
    _check(fold)
    expr: ColumnElement[Any] = col
    if family == "mysql":
        expr = cast(col, mysql.CHAR(charset="utf8mb4"))
    elif not isinstance(col.type, types.String) or isinstance(col.type, types.Enum):
        expr = cast(col, String())
    if fold == "digits":
        for ch in DIGIT_NOISE:
            expr = func.replace(expr, ch, "")
        return expr
    for ch in _BLANKS:
        expr = func.replace(expr, ch, " ")
    return func.lower(func.trim(expr))


def with_thai_digits(fold: str, forms: Iterable[str]) -> list[str]:
    """``forms`` and, for the ``digits`` fold, each also written in Thai digits; sorted.

    >>> with_thai_digits("digits", ["0812"])
    ['0812', '๐๘๑๒']
    """
    _check(fold)
    forms = set(forms)
    if fold == "digits":
        forms |= {f.translate(_TO_THAI) for f in forms}
    return sorted(forms)


def searchable_in_sql(col: ColumnElement[Any]) -> bool:
    """Whether the database can compact ``col`` itself: text (not binary) or integers."""
    return queries.is_integer(col) or isinstance(col.type, types.String)


def _batches(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def _integer_keys(keys: Iterable[str]) -> list[int]:
    return sorted({int(k) for k in keys if k.isascii() and k.isdigit() and len(k) <= 18})


def _conditions(
    col: ColumnElement[Any], search: ValueSearch, family: str
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if queries.is_integer(col):
        exact = list(queries.lookup_keys(col, search.exact))
        whole = _integer_keys(search.whole) if search.fold == "digits" else []
        conditions += [col.in_(chunk) for chunk in _batches(exact, queries.IN_BATCH)]
        conditions += [col.in_(chunk) for chunk in _batches(whole, queries.IN_BATCH)]
        text: ColumnElement[Any] = cast(col, String())
    else:
        exact_keys = sorted(set(search.exact))
        conditions += [col.in_(chunk) for chunk in _batches(exact_keys, queries.IN_BATCH)]
        text = compact_sql(col, search.fold, family)
        whole_keys = with_thai_digits(search.fold, search.whole)
        conditions += [text.in_(chunk) for chunk in _batches(whole_keys, queries.IN_BATCH)]
    inside = with_thai_digits(search.fold, search.inside)
    if queries.is_integer(col):
        inside = sorted(set(search.inside))
    for chunk in _batches(inside, LIKE_BATCH):
        conditions.append(or_(*(text.contains(f, autoescape=True) for f in chunk)))
    return conditions


def matching_statements(
    table: Table, col: ColumnElement[Any], search: ValueSearch, family: str = ""
) -> list[Select[Any]]:
    """``SELECT col, count(*) FROM table WHERE <one batch> GROUP BY col``, batch by batch.

    A value matched by two batches comes back from both with the same count
    (the count is of its rows, whatever matched it): merge by value, never add.
    ``family`` is the dialect family (:func:`connectors.sql.dialects.family`).
    """
    _check(search.fold)
    return [
        select(col, func.count()).select_from(table).where(condition).group_by(col)
        for condition in _conditions(col, search, family)
    ]


def match_cells(cells: Iterable[object], search: ValueSearch) -> dict[object, int]:
    """The distinct ``cells`` that match ``search``, with how many times each occurs."""
    _check(search.fold)
    exact = set(search.exact)
    whole = set(with_thai_digits(search.fold, search.whole))
    inside = tuple(with_thai_digits(search.fold, search.inside))
    counts: Counter[object] = Counter()
    for cell in cells:
        if cell is None:
            continue
        compact = compact_value(search.fold, cell)
        if (
            str(cell) in exact
            or compact in whole
            or (compact is not None and any(f in compact for f in inside))
        ):
            counts[cell] += 1
    return dict(counts)
