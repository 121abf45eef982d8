"""``clock < cut-off`` in SQL for every way a clock column can store its dates.

A retention clock (SPEC §5 ``clock_column``) may be a DATE/TIMESTAMP holding
common-era or Buddhist-era years, or text: ISO ``YYYY-MM-DD``, fixed-width
``dd/mm/yyyy`` or ``YYYYMMDD``, in either era (SPEC §4). Text is never
compared as a plain string: each form gets a shape guard (``LIKE``) and its
date part, rearranged where needed so that it sorts like a date, is compared
with the cut-off written in the same form and era:

- a C.E. branch, ``clock >= 1900 AND clock < cut-off`` (a DATE: ``clock <
  cut-off``, every real date below the B.E. years being C.E.);
- a B.E. branch, ``clock >= 2401 AND clock < cut-off + 543 years`` (29
  February, which no B.E. year written as a Gregorian date has, moves to
  1 March: "before 29 Feb" is "on or before 28 Feb");

joined with ``OR`` when the column holds both eras. A DATE column keeps its
bare ``clock < cut-off`` (an index serves it) when it holds C.E. years only.
Everything is a SQLAlchemy construct: identifiers are quoted by the dialect.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Integer,
    String,
    and_,
    func,
    literal,
    or_,
    type_coerce,
    types,
)

from connectors.model import ClockLayout

#: B.E. = C.E. + 543 (DOMAIN.md §1.16).
BE_OFFSET = 543
#: The first year read as B.E.: "a year above 2400" (SPEC §4).
BE_FIRST_YEAR = 2401
#: The first plausible common-era year of a clock written as text.
CE_FIRST_YEAR = 1900
#: DATE values from this year on are read as neither era (``infinity``, typos).
IMPLAUSIBLE_YEAR = 3000


def be_cutoff(cutoff: date) -> date:
    """``cutoff`` written with a B.E. year, as a Gregorian date: ``2016-11-25`` → ``2559-11-25``.

    >>> be_cutoff(date(2024, 2, 29))
    datetime.date(2567, 3, 1)
    """
    try:
        return cutoff.replace(year=cutoff.year + BE_OFFSET)
    except ValueError:  # 29 February: B.E. 2567 is no Gregorian leap year
        return date(cutoff.year + BE_OFFSET, 3, 1)


def storage(col: ColumnElement[Any], dialect_family: str) -> str:
    """``"native"`` (a server-side DATE/TIMESTAMP), ``"number"`` or ``"text"``.

    SQLite has no date storage: whatever its declared type, it is read as text.
    """
    if dialect_family != "sqlite" and isinstance(col.type, types.Date | types.DateTime):
        return "native"
    if isinstance(col.type, types.Integer) and not isinstance(col.type, types.Boolean):
        return "number"
    return "text"


def as_text(col: ColumnElement[Any]) -> ColumnElement[Any]:
    """The column read as text, without a cast (no result processing of a DATE type)."""
    return col if isinstance(col.type, types.String) else type_coerce(col, String())


def native_bound(col: ColumnElement[Any], day: date) -> Any:
    if isinstance(col.type, types.DateTime):
        return literal(datetime.combine(day, time.min), DateTime())
    return literal(day, Date())


def _ranges(
    key: ColumnElement[Any], layout: ClockLayout, cutoff: date, write: Any
) -> ColumnElement[bool]:
    branches = []
    if "ce" in layout.eras and layout.form == "native":
        branches.append(key < write(cutoff))  # a real date below the B.E. years is C.E.
    elif "ce" in layout.eras:
        branches.append(and_(key >= write(date(CE_FIRST_YEAR, 1, 1)), key < write(cutoff)))
    if "be" in layout.eras:
        low, high = date(BE_FIRST_YEAR, 1, 1), be_cutoff(cutoff)
        branches.append(and_(key >= write(low), key < write(high)))
    return or_(*branches) if len(branches) > 1 else branches[0]


def before(col: ColumnElement[Any], cutoff: date, layout: ClockLayout) -> ColumnElement[bool]:
    """The rows whose clock, read as ``layout`` says, is before ``cutoff`` (C.E.)."""
    if layout.form == "native":
        if layout.eras == ("ce",):
            earlier: ColumnElement[bool] = col < native_bound(col, cutoff)
            return earlier
        return _ranges(col, layout, cutoff, lambda day: native_bound(col, day))
    if layout.form == "compact" and isinstance(col.type, types.Integer):
        return _ranges(col, layout, cutoff, lambda day: literal(int(f"{day:%Y%m%d}"), Integer()))
    text = as_text(col)
    if layout.form == "compact":
        guard = text.like("_" * 8)
        key = text
        write = _text_writer("%Y%m%d")
    elif layout.form == "iso":
        sep = layout.separator or "-"
        guard = text.like(f"____{sep}__{sep}__" + ("%" if layout.with_time else ""))
        key = text
        write = _text_writer(f"%Y{sep}%m{sep}%d")
    elif layout.form == "dmy":
        sep = layout.separator or "/"
        guard = text.like(f"__{sep}__{sep}____")
        key = (
            func.substr(text, 7, 4, type_=String())
            + func.substr(text, 4, 2, type_=String())
            + func.substr(text, 1, 2, type_=String())
        )
        write = _text_writer("%Y%m%d")
    else:
        raise ValueError(f"no SQL comparison for clock form {layout.form!r}")
    return and_(guard, _ranges(key, layout, cutoff, write))


def _text_writer(pattern: str) -> Any:
    def write(day: date) -> Any:
        return literal(f"{day.year:04d}" + day.strftime(pattern)[4:], String())

    return write
