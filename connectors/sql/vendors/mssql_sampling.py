"""SQL Server sampling statements: ``TABLESAMPLE SYSTEM (p PERCENT)`` or ``ORDER BY NEWID()``.

:func:`sample` builds one statement over a reflected table, returning at
most ``rows`` rows (``TOP``, which SQLAlchemy renders for ``limit``):

- ``tablesample`` — large tables: ``FROM t AS sampled TABLESAMPLE SYSTEM
  (p PERCENT)``, which reads about ``p`` % of the table's 8 KB pages (every
  row of each page picked), shuffled with ``NEWID()``. Page sampling can come
  up short; the connector then falls back to ``order_by_random``;
- ``order_by_random`` — small tables and views (``TABLESAMPLE`` cannot read
  a view): ``SELECT TOP n … ORDER BY NEWID()``.

SQLAlchemy's generic ``TABLESAMPLE`` rendering writes ``system(p)``; SQL
Server wants the keyword ``PERCENT``, so this module compiles
:class:`~sqlalchemy.sql.expression.TableSample` for the ``mssql`` dialect
itself. The percentage is a constant we format (:func:`percent_text`) and
pass as a literal column: a bound parameter's value is not part of
SQLAlchemy's statement-cache key, so a percentage rendered from one would be
reused for the next table.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import Select, Table, func, literal_column, select, tablesample
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnClause
from sqlalchemy.sql.selectable import TableSample

from connectors.sql.vendors.random_order import random_order

#: The smallest percentage written (a smaller one would read no page at all anyway).
MIN_PERCENT = 0.000001


def percent_text(percent: float) -> str:
    """``percent`` as SQL number text (at least :data:`MIN_PERCENT`); ValueError unless
    0 < percent <= 100."""
    if not (math.isfinite(percent) and 0 < percent <= 100):
        raise ValueError("a sampling percentage is a number above 0 and at most 100")
    return f"{max(float(percent), MIN_PERCENT):.6f}".rstrip("0").rstrip(".")


def method_argument(element: TableSample, compiler: SQLCompiler, **kw: Any) -> str:
    """The first argument of a ``TableSample``'s method (``func.system(<this>)``), compiled."""
    clauses = list(element.sampling.clauses)
    if len(clauses) != 1:
        raise ValueError("a sampling method takes one percentage")
    argument: Any = clauses[0]
    return compiler.process(argument, **kw)


@compiles(TableSample, "mssql")
def _tablesample(element: TableSample, compiler: SQLCompiler, **kw: Any) -> str:
    kw["asfrom"] = True
    percent = method_argument(element, compiler, **kw)
    visit_alias: Any = compiler.visit_alias  # the generic alias rendering (untyped upstream)
    text = f"{visit_alias(element, **kw)} TABLESAMPLE SYSTEM ({percent} PERCENT)"
    seed: Any = element.seed
    if seed is not None:
        text += f" REPEATABLE ({compiler.process(seed, **kw)})"
    return text


def sample(
    table: Table, rows: int, *, percent: float | None, columns: list[str] | None = None
) -> tuple[Select[Any], str]:
    """``(statement, method)``: ``TABLESAMPLE`` at ``percent`` when given, else
    ``ORDER BY NEWID()``."""
    names = columns if columns is not None else [c.name for c in table.columns]
    if percent is None:
        stmt = select(*(table.c[n] for n in names)).order_by(random_order()).limit(rows)
        return stmt, "order_by_random"
    amount: ColumnClause[Any] = literal_column(percent_text(min(100.0, percent)))
    sampled = tablesample(table, func.system(amount), name="sampled")
    stmt = select(*(sampled.c[n] for n in names)).order_by(random_order()).limit(rows)
    return stmt, "tablesample"
