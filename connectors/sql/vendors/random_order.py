"""A random sort key that compiles for every dialect: ``ORDER BY`` it to shuffle rows.

``random()`` on PostgreSQL and SQLite (and any dialect not named here),
``rand()`` on MySQL / MariaDB, ``NEWID()`` on SQL Server (a fresh GUID per
row) and ``DBMS_RANDOM.VALUE`` on Oracle. Ordering by it reads and sorts the
whole table, so it is only used on small tables and views, bounded by the
statement timeout.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Float


class random_order(FunctionElement[float]):
    """``random_order()``: a random value per row, spelt the way each dialect spells it."""

    type = Float()
    inherit_cache = True
    name = "random_order"


@compiles(random_order)
def _default(_element: random_order, _compiler: SQLCompiler, **_kw: Any) -> str:
    return "random()"


@compiles(random_order, "mysql")
@compiles(random_order, "mariadb")
def _mysql(_element: random_order, _compiler: SQLCompiler, **_kw: Any) -> str:
    return "rand()"


@compiles(random_order, "mssql")
def _mssql(_element: random_order, _compiler: SQLCompiler, **_kw: Any) -> str:
    return "NEWID()"


@compiles(random_order, "oracle")
def _oracle(_element: random_order, _compiler: SQLCompiler, **_kw: Any) -> str:
    return "DBMS_RANDOM.VALUE"
