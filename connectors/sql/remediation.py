"""Remediation statements written — never run — in the source's own dialect.

A finding's ``remediation`` field (SPEC §8) holds the exact statement a DBA
would run to fix it. The statement is built with SQLAlchemy Core (see
:mod:`connectors.sql.queries`) over the reflected, schema-qualified table and
compiled for the connector's dialect with literal values inlined, so every
identifier is quoted by the dialect, however hostile its name. The only
literal values are the cutoff dates (written in the clock's own form and era)
and NULL; nothing here executes anything.
The text is for people to paste into ``psql`` or ``mysql``, not for a driver:
a ``%`` in a name stays one ``%`` (a ``format``/``pyformat`` driver dialect,
psycopg2's or PyMySQL's, doubles it for its own parameter substitution).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Delete, Table, Update
from sqlalchemy.engine import Dialect

from connectors.model import NATIVE_CE, ClockLayout
from connectors.sql import clock_predicates, queries


def compile_statement(statement: Delete | Update, dialect: Dialect) -> str:
    """``statement`` as SQL for ``dialect``, values inlined, ending with ``;``."""
    compiled = statement.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    text = str(compiled).strip()
    if dialect.paramstyle in ("format", "pyformat"):
        # Every % was doubled for the driver, and no placeholder is left (all values are
        # inlined): undoubling them all is the exact inverse.
        text = text.replace("%%", "%")
    return text + ";"


def _before(
    col: ColumnElement[Any], cutoff: date, family: str, layout: ClockLayout
) -> ColumnElement[bool]:
    if layout == NATIVE_CE:
        earlier: ColumnElement[bool] = col < queries.cutoff_bound(col, cutoff, family)
        return earlier
    return clock_predicates.before(col, cutoff, layout)


def delete_sql(
    table: Table,
    dataset: str,
    column: str,
    cutoff: date,
    dialect: Dialect,
    family: str,
    layout: ClockLayout = NATIVE_CE,
) -> str:
    """``DELETE FROM table WHERE column < cutoff;`` for ``dialect``, ``column`` read as
    ``layout`` says (see :mod:`connectors.sql.clock_predicates`)."""
    col = queries.column(table, column, dataset)
    where = _before(col, cutoff, family, layout)
    return compile_statement(queries.delete_where(table, where), dialect)


def anonymise_sql(
    table: Table,
    dataset: str,
    columns: Sequence[str],
    clock_column: str,
    cutoff: date,
    dialect: Dialect,
    family: str,
    layout: ClockLayout = NATIVE_CE,
) -> str:
    """``UPDATE table SET c = NULL, … WHERE clock_column < cutoff;`` for ``dialect``."""
    cols = queries.columns(table, columns, dataset)
    clock = queries.column(table, clock_column, dataset)
    where = _before(clock, cutoff, family, layout)
    return compile_statement(queries.anonymise_where(table, cols, where), dialect)
