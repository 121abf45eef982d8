"""Per-dialect facts for the database connector: sessions, names, types, failures.

Every connection the connector opens is read-only and time-bounded:

- PostgreSQL: ``SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY`` plus
  ``statement_timeout`` and ``lock_timeout``;
- MySQL / MariaDB: ``SET SESSION TRANSACTION READ ONLY`` plus
  ``max_statement_time`` (MariaDB, seconds) or ``max_execution_time``
  (MySQL, milliseconds) and ``lock_wait_timeout``;
- SQLite: the file is opened with a ``mode=ro`` URI and ``PRAGMA query_only``;
- SQL Server and Oracle: see :mod:`connectors.sql.vendors.mssql` and
  :mod:`connectors.sql.vendors.oracle` (a lock timeout and driver statement
  timeouts; Oracle's ``SET TRANSACTION READ ONLY`` opens every transaction).

The session statements are static text with numbers we format ourselves; no
user-supplied identifier ever reaches them. :func:`failure_kind` names the
cause of a failed statement the same way on every dialect (connection lost,
statement or lock timeout, permission denied), for SCAN_ERROR reasons; a lost
connection raises :class:`ConnectionLostError`, which the dataset task retries
once on a fresh connection. Values Python cannot hold (SQLite text that is not
UTF-8, PostgreSQL BC dates) are read leniently (:func:`lenient_values`) rather
than failing a whole sample. Row counts are in :mod:`connectors.sql.row_counts`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from sqlalchemy import event, types
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DBAPIError

from connectors.errors import DatasetError
from connectors.model import ValueKind
from connectors.sql.vendors import mssql, oracle
from connectors.sql.vendors.failures import CONNECTION_LOST as CONNECTION_LOST
from connectors.sql.vendors.failures import LOCK_TIMEOUT as LOCK_TIMEOUT
from connectors.sql.vendors.failures import PERMISSION_DENIED as PERMISSION_DENIED
from connectors.sql.vendors.failures import STATEMENT_TIMEOUT as STATEMENT_TIMEOUT

log = logging.getLogger(__name__)

#: MySQL / MariaDB databases that hold no user data.
MYSQL_SYSTEM_SCHEMAS = frozenset({"mysql", "information_schema", "performance_schema", "sys"})
#: PostgreSQL schemas that hold no user data (plus every ``pg_toast*``/``pg_temp*``).
POSTGRES_SYSTEM_SCHEMAS = frozenset({"pg_catalog", "information_schema"})

#: Dialect family → its vendor module (sessions, timeouts, failures, system schemas).
_VENDORS = {"mssql": mssql, "oracle": oracle}

#: PostgreSQL SQLSTATEs (57014 query_canceled is a timeout only when the message says so).
_POSTGRES_STATES = {
    "55P03": LOCK_TIMEOUT,  # lock_not_available (lock_timeout)
    "42501": PERMISSION_DENIED,  # insufficient_privilege
    "57P01": CONNECTION_LOST,  # admin_shutdown: pg_terminate_backend, a server shutting down
    "57P02": CONNECTION_LOST,  # crash_shutdown
    "57P03": CONNECTION_LOST,  # cannot_connect_now
}
#: MySQL / MariaDB error numbers.
_MYSQL_ERRORS = {
    1969: STATEMENT_TIMEOUT,  # MariaDB max_statement_time
    3024: STATEMENT_TIMEOUT,  # MySQL max_execution_time
    1205: LOCK_TIMEOUT,  # lock_wait_timeout
    1044: PERMISSION_DENIED,  # access denied to a database
    1142: PERMISSION_DENIED,  # command denied on a table
    1143: PERMISSION_DENIED,  # command denied on a column
    1227: PERMISSION_DENIED,  # a privilege is needed
    1370: PERMISSION_DENIED,  # command denied on a routine
    1927: CONNECTION_LOST,  # MariaDB: KILL
    2006: CONNECTION_LOST,  # server has gone away
    2013: CONNECTION_LOST,  # lost connection during query
}


class ConnectionLostError(DatasetError):
    """The connection died under a statement (terminated, killed, the server went away)."""


def failure_kind(exc: BaseException) -> str | None:
    """What made a statement fail, as one of the names above; None when it is none of them.

    SQL Server and Oracle driver errors are named by their vendor module first:
    SQLAlchemy takes pymssql's and pyodbc's statement timeouts for a lost
    connection, which they are not.
    """
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    module = type(original).__module__.partition(".")[0]
    vendor = next((v for v in _VENDORS.values() if module in v.DRIVER_MODULES), None)
    if vendor is not None:
        kind: str | None = vendor.failure_kind(original)
        if kind is not None:
            return kind
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return CONNECTION_LOST
    if vendor is not None:
        return None
    state = getattr(original, "pgcode", None)
    if isinstance(state, str):
        if state == "57014":
            return STATEMENT_TIMEOUT if "statement timeout" in str(original) else None
        return _POSTGRES_STATES.get(state) or (CONNECTION_LOST if state[:2] == "08" else None)
    args = getattr(original, "args", ())
    if args and isinstance(args[0], int):
        return _MYSQL_ERRORS.get(args[0])
    if type(original).__module__ == "sqlite3" and "database is locked" in str(original):
        return LOCK_TIMEOUT
    return None


def family(dialect_name: str) -> str:
    """``postgresql``, ``mysql`` (MySQL and MariaDB), ``sqlite`` or the name itself."""
    return "mysql" if dialect_name in ("mysql", "mariadb") else dialect_name


def prepare_url(url: URL) -> URL:
    """Open SQLite files read-only through a ``mode=ro`` URI; other URLs unchanged."""
    if url.get_backend_name() != "sqlite":
        return url
    database = url.database or ""
    if not database or database == ":memory:" or "uri" in url.query:
        return url
    return url.set(
        database="file:" + quote(database), query={**url.query, "mode": "ro", "uri": "true"}
    )


def connect_args(url: URL, connect_timeout_s: float) -> dict[str, Any]:
    """Driver keyword arguments bounding the time spent connecting."""
    driver = url.get_driver_name()
    if driver in ("psycopg2", "psycopg", "pymysql", "mysqldb"):
        return {"connect_timeout": max(1, round(connect_timeout_s))}
    if url.get_backend_name() == "sqlite":
        return {"timeout": connect_timeout_s}
    vendor = _VENDORS.get(family(url.get_backend_name()))
    return vendor.connect_args(driver, connect_timeout_s) if vendor is not None else {}


def session_statements(
    dialect_family: str, server_version: str, statement_timeout_s: float
) -> list[str]:
    """The static statements that make a fresh connection read-only and bounded."""
    millis = max(1, round(statement_timeout_s * 1000))
    if dialect_family == "postgresql":
        return [
            "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
            f"SET statement_timeout = {millis:d}",
            "SET lock_timeout = 5000",
        ]
    if dialect_family == "mysql":
        timeout = (
            f"SET SESSION max_statement_time = {millis / 1000:.3f}"
            if "mariadb" in server_version.lower()
            else f"SET SESSION max_execution_time = {millis:d}"
        )
        return ["SET SESSION TRANSACTION READ ONLY", timeout, "SET SESSION lock_wait_timeout = 5"]
    if dialect_family == "sqlite":
        return ["PRAGMA query_only = ON"]
    if dialect_family == "mssql":
        return list(mssql.SESSION_STATEMENTS)
    return []  # Oracle: SET TRANSACTION READ ONLY opens each transaction instead


def install_session_setup(engine: Engine, statement_timeout_s: float) -> None:
    """Run :func:`session_statements` on every new DBAPI connection of ``engine``
    (and bound SQL Server's and Oracle's statements through their drivers)."""
    dialect_family = family(engine.dialect.name)
    driver = str(engine.dialect.driver)
    vendor = _VENDORS.get(dialect_family)
    if dialect_family == "mssql":
        install_connect_params(engine, mssql.statement_timeout_params(driver, statement_timeout_s))
    if dialect_family == "oracle":
        install_transaction_statements(engine, oracle.TRANSACTION_STATEMENTS)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        try:
            version = ""
            if dialect_family == "mysql":
                cursor.execute("SELECT VERSION()")
                version = str(cursor.fetchone()[0])
            for statement in session_statements(dialect_family, version, statement_timeout_s):
                cursor.execute(statement)
        finally:
            cursor.close()
        if vendor is not None:
            vendor.bound_connection(driver, dbapi_connection, statement_timeout_s)
        lenient_values(dialect_family, dbapi_connection)
        if dialect_family != "sqlite":
            # Session settings made inside an implicit transaction would be
            # undone by the pool's reset-on-return rollback; commit them.
            dbapi_connection.commit()


def install_connect_params(engine: Engine, params: dict[str, Any]) -> None:
    """Add ``params`` (unless the URL or ``connect_args`` set them) to every driver connect."""
    if not params:
        return

    @event.listens_for(engine, "do_connect")
    def _on_do_connect(_dialect: Any, _record: Any, _args: Any, kwargs: dict[str, Any]) -> None:
        for name, value in params.items():
            kwargs.setdefault(name, value)


def install_transaction_statements(engine: Engine, statements: Sequence[str]) -> None:
    """Run the static ``statements`` first in every transaction ``engine`` begins."""

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        for statement in statements:
            conn.exec_driver_sql(statement)


def lenient_values(dialect_family: str, dbapi_connection: Any) -> None:
    """Read values Python cannot represent as something else, never as a failed query.

    SQLite TEXT holding bytes that are not UTF-8 (``CAST(x'fffe' AS TEXT)``) is
    decoded with U+FFFD replacements: the driver's own error would fail the
    whole sample and quote the bytes. psycopg2 dates, timestamps and
    intervals outside Python's range (``'0044-03-15 BC'::date``) are kept as
    the server's text instead of raising ``ValueError`` in the middle of a fetch.
    """
    if dialect_family == "sqlite":
        dbapi_connection.text_factory = _utf8_with_replacements
        return
    if dialect_family != "postgresql":
        return
    try:
        from psycopg2 import extensions
    except ImportError:  # another PostgreSQL driver: its own conversions apply
        return
    if not isinstance(dbapi_connection, extensions.connection):
        return
    for base in (
        extensions.PYDATE,
        extensions.PYDATETIME,
        extensions.PYDATETIMETZ,
        extensions.PYINTERVAL,
    ):
        lenient = extensions.new_type(base.values, f"LENIENT_{base.name}", _or_text(base))
        extensions.register_type(lenient, dbapi_connection)


def _utf8_with_replacements(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _or_text(caster: Any) -> Any:
    def cast(value: str | None, cursor: Any) -> object:
        try:
            return caster(value, cursor)
        except (ValueError, OverflowError):
            return value

    return cast


def is_system_schema(dialect_family: str, schema: str) -> bool:
    """Whether ``schema`` is a catalogue schema that never holds user data."""
    if dialect_family == "postgresql":
        return schema in POSTGRES_SYSTEM_SCHEMAS or schema.startswith(("pg_toast", "pg_temp"))
    if dialect_family == "mysql":
        return schema.lower() in MYSQL_SYSTEM_SCHEMAS
    vendor = _VENDORS.get(dialect_family)
    return vendor.is_system_schema(schema) if vendor is not None else False


def value_kind(type_: types.TypeEngine[Any]) -> ValueKind:
    """Map a reflected SQLAlchemy type to the dialect-neutral :class:`ValueKind`."""
    checks: tuple[tuple[type[Any] | tuple[type[Any], ...], ValueKind], ...] = (
        (types.Boolean, ValueKind.BOOLEAN),
        ((types.String, types.Enum, types.Uuid), ValueKind.TEXT),
        (types.Integer, ValueKind.INTEGER),
        (types.Numeric, ValueKind.DECIMAL),
        (types.DateTime, ValueKind.DATETIME),
        (types.Date, ValueKind.DATE),
        (types.Time, ValueKind.TIME),
        ((types.LargeBinary, types.BINARY, types.VARBINARY), ValueKind.BINARY),
    )
    for classes, kind in checks:
        if isinstance(type_, classes):
            return kind
    try:
        python_type = type_.python_type
    except (NotImplementedError, AttributeError):
        return ValueKind.OTHER
    return ValueKind.BINARY if issubclass(python_type, bytes) else ValueKind.OTHER
