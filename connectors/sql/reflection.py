"""Which tables a database source holds, and how a dataset name maps back to one.

Dataset names are ``schema.table`` (SPEC §4: ``main.table`` on SQLite,
``database.table`` on MySQL/MariaDB). :func:`user_schemas` lists the schemas
that can hold user data (a MySQL URL naming a database limits it to that
one), :func:`list_relations` their tables, views and materialized views,
:func:`split_dotted` finds the schema of a name with several dots, and
:func:`reflect` loads one table's columns. Everything goes through
:func:`sqlalchemy.inspect` and :class:`~sqlalchemy.Table` reflection, so
identifiers are always quoted by the dialect.
"""

from __future__ import annotations

import warnings

from sqlalchemy import Column, MetaData, Table, inspect
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import SAWarning

from connectors.sql import dialects
from connectors.sql.vendors import oracle

#: dataset name → (schema, table, "table" or "view")
Relations = dict[str, tuple[str | None, str, str]]


def user_schemas(conn: Connection, url: URL | None) -> list[str]:
    """The schemas whose tables are datasets: every non-system schema, the URL's database
    on MySQL / MariaDB when it names one, on Oracle every user owning a visible table
    or view that Oracle does not maintain, the default schema on another dialect."""
    fam = dialects.family(conn.dialect.name)
    if fam == "oracle":
        return oracle.user_schemas(conn)
    insp = inspect(conn)
    if fam == "mysql" and url is not None and url.database:
        return [url.database]
    if fam in ("postgresql", "mysql", "sqlite", "mssql"):
        names = insp.get_schema_names()
        return [s for s in names if not dialects.is_system_schema(fam, s)]
    return [insp.default_schema_name] if insp.default_schema_name else []


def list_relations(conn: Connection, schemas: list[str]) -> Relations:
    """Every table, view and (PostgreSQL) materialized view of ``schemas``, by dataset name."""
    found: Relations = {}
    insp = inspect(conn)
    fam = dialects.family(conn.dialect.name)
    for schema in schemas:
        kinds = [
            ("table", insp.get_table_names(schema=schema)),
            ("view", insp.get_view_names(schema=schema)),
        ]
        if fam == "postgresql":
            kinds.append(("view", insp.get_materialized_view_names(schema=schema)))
        for kind, names in kinds:
            for table in names:
                found[f"{schema}.{table}"] = (schema, table, kind)
    return found


def view_names(conn: Connection, schema: str) -> set[str]:
    """The views (and PostgreSQL materialized views) of ``schema``."""
    insp = inspect(conn)
    views = set(insp.get_view_names(schema=schema))
    if dialects.family(conn.dialect.name) == "postgresql":
        views |= set(insp.get_materialized_view_names(schema=schema))
    return views


def split_dotted(conn: Connection, name: str, schemas: set[str]) -> tuple[str, str]:
    """``(schema, table)`` of a name with several dots: the first split naming one of
    ``schemas`` that has such a table or view, else the first dot."""
    insp = inspect(conn)
    for index, char in enumerate(name):
        schema, table = name[:index], name[index + 1 :]
        if char == "." and schema in schemas and insp.has_table(table, schema=schema):
            return schema, table
    schema, _, table = name.partition(".")
    return schema, table


def reflect(conn: Connection, schema: str | None, table: str) -> Table:
    """``schema.table`` with its columns, their types and its primary key — all a scan
    reads (types SQLAlchemy does not know map to OTHER).

    Two catalogue queries (columns, primary key) instead of the ten or so of full
    reflection (foreign keys, indexes, constraints, comments): describing a table
    costs about a third, which counts over ten thousand tables.
    NoSuchTableError when there is no such table or view.
    """
    insp = inspect(conn)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)  # unknown types map to OTHER
        columns = insp.get_columns(table, schema=schema)
        keyed = set(insp.get_pk_constraint(table, schema=schema).get("constrained_columns") or ())
        family = dialects.family(conn.dialect.name)
        # SQLite's options say whether the table has a rowid (sampling reads by rowid).
        options = insp.get_table_options(table, schema=schema) if family == "sqlite" else {}
    unescape = family == "mysql"
    return Table(
        table,
        MetaData(),
        *(
            Column(
                _unescaped(column["name"]) if unescape else column["name"],
                column["type"],
                primary_key=column["name"] in keyed,
            )
            for column in columns
        ),
        schema=schema,
        **options,
    )


def _unescaped(name: str) -> str:
    """MySQL reflection reads column names from ``SHOW CREATE TABLE`` without undoing
    its doubled backticks (```a``b``` stays ``a``b``): undo them, or every query
    on such a column names a column that does not exist."""
    return name.replace("``", "`")
