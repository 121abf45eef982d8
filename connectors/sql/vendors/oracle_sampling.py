"""Oracle sampling statements: ``SAMPLE BLOCK (p)`` or ``ORDER BY DBMS_RANDOM.VALUE``.

:func:`sample` builds one statement over a reflected table, returning at
most ``rows`` rows (``FETCH FIRST n ROWS ONLY`` on Oracle 12c and later,
which SQLAlchemy renders for ``limit``; a ``ROWNUM`` wrapper before):

- ``tablesample`` — large tables: ``FROM t SAMPLE BLOCK (p) sampled``,
  which reads about ``p`` % of the table's blocks (every row of each block
  picked), shuffled with ``DBMS_RANDOM.VALUE``. Block sampling can come up
  short; the connector then falls back to ``order_by_random``. Oracle takes
  a percentage from 0.000001 up to, not including, 100;
- ``order_by_random`` — small tables and views (``SAMPLE`` cannot read a
  view or a join): ``ORDER BY DBMS_RANDOM.VALUE FETCH FIRST n ROWS ONLY``.

SQLAlchemy's generic rendering (``t alias TABLESAMPLE system(p)``) is not
Oracle syntax; this module compiles
:class:`~sqlalchemy.sql.expression.TableSample` for the ``oracle`` dialect:
``func.system(p)`` is ``SAMPLE BLOCK (p)``, ``func.bernoulli(p)`` row
sampling ``SAMPLE (p)``, a seed ``SEED (n)``; the alias follows the clause.
The percentage is a constant we format (a literal column, so that it is part
of SQLAlchemy's statement-cache key).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, Table, func, literal_column, select, tablesample
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnClause, _truncated_label
from sqlalchemy.sql.selectable import TableSample

from connectors.sql.vendors.mssql_sampling import method_argument, percent_text
from connectors.sql.vendors.random_order import random_order

#: Oracle's largest sample percentage (100 itself is refused: ORA-30562).
MAX_PERCENT = 99.999999


@compiles(TableSample, "oracle")
def _sample_clause(element: TableSample, compiler: SQLCompiler, **kw: Any) -> str:
    kw["asfrom"] = True
    method = str(element.sampling.name).lower()
    if method not in ("system", "block", "bernoulli", "row"):
        raise ValueError("Oracle samples by BLOCK (system) or by row (bernoulli) only")
    unit = " BLOCK" if method in ("system", "block") else ""
    table: Any = element.element
    text = f"{compiler.process(table, **kw)} SAMPLE{unit} ("
    text += f"{method_argument(element, compiler, **kw)})"
    seed: Any = element.seed
    if seed is not None:
        text += f" SEED ({compiler.process(seed, **kw)})"
    name = element.name
    if isinstance(name, _truncated_label):  # an anonymous alias: named as its columns name it
        name = compiler._truncated_identifier("alias", name)
    return f"{text} {compiler.preparer.format_alias(element, name)}"


def sample(
    table: Table, rows: int, *, percent: float | None, columns: list[str] | None = None
) -> tuple[Select[Any], str]:
    """``(statement, method)``: ``SAMPLE BLOCK`` at ``percent`` when given and below 100,
    else ``ORDER BY DBMS_RANDOM.VALUE``."""
    names = columns if columns is not None else [c.name for c in table.columns]
    if percent is None or percent > MAX_PERCENT:
        stmt = select(*(table.c[n] for n in names)).order_by(random_order()).limit(rows)
        return stmt, "order_by_random"
    amount: ColumnClause[Any] = literal_column(percent_text(percent))
    sampled = tablesample(table, func.system(amount), name="sampled")
    stmt = select(*(sampled.c[n] for n in names)).order_by(random_order()).limit(rows)
    return stmt, "tablesample"
