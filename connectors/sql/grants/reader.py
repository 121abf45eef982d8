"""Which module reads the principals and effective privileges of a database source.

:class:`~connectors.sql.capabilities.DatabaseCapabilities` calls :func:`read_principals`
and :func:`read_held_privileges` on a read-only connection; they dispatch on the
dialect family to :mod:`connectors.sql.grants.postgresql`,
:mod:`connectors.sql.grants.mysql` (MySQL / MariaDB),
:mod:`connectors.sql.grants.mssql` (SQL Server), :mod:`connectors.sql.grants.oracle`
or :mod:`connectors.sql.grants.sqlite` (the file's operating-system permissions, so it
gets the database path rather than the connection). All but PostgreSQL's are
imported only when needed. Another dialect raises :class:`~connectors.errors.SourceError`
rather than answering "nobody" — an empty answer would look like a clean bill.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.engine import URL, Connection

from connectors.errors import SourceError
from connectors.model import HeldPrivilege, Principal
from connectors.sql import dialects
from connectors.sql.grants import postgresql as grants_postgresql


def read_principals(conn: Connection, dialect: str, url: URL | None) -> list[Principal]:
    """Every principal of the source behind ``conn`` (PUBLIC / everyone included)."""
    family = dialects.family(dialect)
    if family == "postgresql":
        return grants_postgresql.postgresql_principals(conn)
    if family == "mysql":
        from connectors.sql.grants import mysql as grants_mysql

        return grants_mysql.mysql_principals(conn)
    if family == "mssql":
        from connectors.sql.grants import mssql as grants_mssql

        return grants_mssql.mssql_principals(conn)
    if family == "oracle":
        from connectors.sql.grants import oracle as grants_oracle

        return grants_oracle.oracle_principals(conn)
    if family == "sqlite":
        path = _database_path(url)
        from connectors.sql.grants import sqlite as grants_sqlite

        return grants_sqlite.sqlite_principals(path)
    raise SourceError(f"reading privileges is not supported on {dialect}")


def read_held_privileges(
    conn: Connection, dialect: str, datasets: Sequence[str], url: URL | None
) -> list[HeldPrivilege]:
    """Effective privileges on ``datasets`` of the source behind ``conn``."""
    family = dialects.family(dialect)
    if family == "postgresql":
        return grants_postgresql.postgresql_held_privileges(conn, datasets)
    if family == "mysql":
        from connectors.sql.grants import mysql as grants_mysql

        return grants_mysql.mysql_held_privileges(conn, datasets)
    if family == "mssql":
        from connectors.sql.grants import mssql as grants_mssql

        return grants_mssql.mssql_held_privileges(conn, datasets)
    if family == "oracle":
        from connectors.sql.grants import oracle as grants_oracle

        return grants_oracle.oracle_held_privileges(conn, datasets)
    if family == "sqlite":
        path = _database_path(url)
        from connectors.sql.grants import sqlite as grants_sqlite

        return grants_sqlite.sqlite_held_privileges(path, datasets)
    raise SourceError(f"reading privileges is not supported on {dialect}")


def _database_path(url: URL | None) -> Path:
    """The SQLite file of ``url``; an in-memory database has no file to report on."""
    database = url.database if url is not None else None
    if not database or database == ":memory:":
        raise SourceError("an in-memory SQLite database has no file permissions to read")
    return Path(database)
