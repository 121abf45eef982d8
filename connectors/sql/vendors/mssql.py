"""SQL Server sessions, driver timeouts, failure causes, system schemas and row estimates.

**Sessions.** SQL Server has no read-only session or transaction mode. Writes
are refused only by the login's permissions (give the scanner a login that
can only read: ``db_datareader``, or ``SELECT`` on the scanned schemas);
the connector itself issues nothing but ``SELECT``. ``ApplicationIntent=ReadOnly``
only routes a connection to a readable secondary of an availability group
(and is refused by a primary configured for read-write connections only), so
it is not forced: add it to a ``mssql+pyodbc`` URL's query when it fits.
Every new connection runs :data:`SESSION_STATEMENTS`:

- ``SET LOCK_TIMEOUT 5000`` — wait at most 5 s for a lock (error 1222);
- ``SET DEADLOCK_PRIORITY LOW`` — in a deadlock with an application, the
  scanner is the victim (error 1205), not the application;
- ``SET TRANSACTION ISOLATION LEVEL READ COMMITTED`` — the server default,
  set again in case a DSN or login trigger chose otherwise (``SNAPSHOT``
  would fail on a database without ``ALLOW_SNAPSHOT_ISOLATION``).

**Timeouts.** SQL Server has no session statement timeout; the driver bounds
each statement: pymssql's ``timeout`` connect argument (seconds, error 20003),
pyodbc's ``Connection.timeout`` attribute (seconds, SQLSTATE ``HYT00``).
Connecting is bounded by pymssql's ``login_timeout`` / pyodbc's ``timeout``
connect argument. SQLAlchemy reports both drivers' statement timeouts as a
lost connection; :func:`failure_kind` names them a statement timeout.

**Failures.** :func:`failure_kind` reads the error number from each driver's
exception shape: pymssql's ``args[0]`` is a ``(number, message)`` tuple,
pytds sets ``.number``, pyodbc has ``(SQLSTATE, message)`` with the number
in parentheses before ``(SQLExecDirectW)``.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import BigInteger, Select, func, select

from connectors.sql.vendors import failures
from connectors.sql.vendors.mssql_catalog import sys_objects, sys_partitions, sys_schemas

#: Python modules whose exceptions come from a SQL Server driver.
DRIVER_MODULES = frozenset({"pymssql", "_mssql", "pyodbc", "pytds"})

SESSION_STATEMENTS = (
    "SET LOCK_TIMEOUT 5000",
    "SET DEADLOCK_PRIORITY LOW",
    "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
)

#: Schemas of every database that hold no user data (the fixed roles own one each).
SYSTEM_SCHEMAS = frozenset(
    {
        "sys",
        "information_schema",
        "guest",
        "db_owner",
        "db_accessadmin",
        "db_securityadmin",
        "db_ddladmin",
        "db_backupoperator",
        "db_datareader",
        "db_datawriter",
        "db_denydatareader",
        "db_denydatawriter",
    }
)

#: SQL Server error numbers (and the pymssql / FreeTDS DB-Library ones, 20000+).
ERRORS = {
    1222: failures.LOCK_TIMEOUT,  # lock request time out period exceeded (SET LOCK_TIMEOUT)
    229: failures.PERMISSION_DENIED,  # permission denied on an object
    230: failures.PERMISSION_DENIED,  # permission denied on a column
    262: failures.PERMISSION_DENIED,  # permission denied in the database
    297: failures.PERMISSION_DENIED,  # the user does not have permission to perform this action
    300: failures.PERMISSION_DENIED,  # VIEW SERVER STATE (or another) permission was denied
    916: failures.PERMISSION_DENIED,  # the login cannot access the database
    20003: failures.STATEMENT_TIMEOUT,  # pymssql: the query timeout expired
    233: failures.CONNECTION_LOST,  # no process is on the other end of the pipe
    596: failures.CONNECTION_LOST,  # the session is in the kill state
    6005: failures.CONNECTION_LOST,  # SHUTDOWN is in progress
    10053: failures.CONNECTION_LOST,  # TCP: connection aborted
    10054: failures.CONNECTION_LOST,  # TCP: connection reset by the peer
    20004: failures.CONNECTION_LOST,  # DB-Library: read from the server failed
    20006: failures.CONNECTION_LOST,  # DB-Library: write to the server failed
    20017: failures.CONNECTION_LOST,  # DB-Library: unexpected EOF from the server
    20047: failures.CONNECTION_LOST,  # DB-Library: DBPROCESS is dead or not enabled
    20009: failures.CONNECTION_LOST,  # DB-Library: unable to connect (a reconnect failed)
}
#: ODBC SQLSTATEs pyodbc reports (its SQL Server errors carry the number in the text too).
STATES = {
    "HYT00": failures.STATEMENT_TIMEOUT,  # the query timeout (Connection.timeout) expired
    "08S01": failures.CONNECTION_LOST,  # communication link failure
    "08003": failures.CONNECTION_LOST,  # connection not open
    "08007": failures.CONNECTION_LOST,  # connection failure during the transaction
}
_ODBC_NUMBER = re.compile(r"\((\d+)\)\s*\(SQL\w*\)")


def connect_args(driver: str, connect_timeout_s: float) -> dict[str, Any]:
    """Driver keyword arguments bounding the time spent connecting and logging in."""
    seconds = max(1, round(connect_timeout_s))
    if driver == "pymssql":
        return {"login_timeout": seconds}
    if driver == "pyodbc":
        return {"timeout": seconds}
    return {}


def statement_timeout_params(driver: str, statement_timeout_s: float) -> dict[str, Any]:
    """Connect arguments bounding every statement (pymssql's ``timeout``, in seconds)."""
    if driver == "pymssql":
        return {"timeout": max(1, round(statement_timeout_s))}
    return {}


def bound_connection(driver: str, dbapi_connection: Any, statement_timeout_s: float) -> None:
    """Bound every statement of a new pyodbc connection (``Connection.timeout``, seconds)."""
    if driver == "pyodbc":
        dbapi_connection.timeout = max(1, round(statement_timeout_s))


def error_number(original: BaseException) -> int | None:
    """The SQL Server (or DB-Library) error number of a driver exception, when it has one."""
    number = getattr(original, "number", None)
    if isinstance(number, int) and not isinstance(number, bool):
        return number
    args: tuple[Any, ...] = tuple(getattr(original, "args", ()) or ())
    first = args[0] if args else None
    if isinstance(first, tuple) and first and isinstance(first[0], int):
        return first[0]  # pymssql: ((number, message),)
    if isinstance(first, int) and not isinstance(first, bool):
        return first
    text = str(args[1]) if len(args) > 1 else str(original)
    found = _ODBC_NUMBER.search(text)  # pyodbc: "... denied ... (229) (SQLExecDirectW)"
    return int(found.group(1)) if found else None


def failure_kind(original: BaseException) -> str | None:
    """What made a SQL Server statement fail, as a :mod:`.failures` name, or None."""
    kind = ERRORS.get(error_number(original) or -1)
    if kind is not None:
        return kind
    args = getattr(original, "args", ())
    state = args[0] if args and isinstance(args[0], str) else None
    return STATES.get(state or "")


def is_system_schema(schema: str) -> bool:
    """Whether ``schema`` is one of every database's system or fixed-role schemas."""
    return schema.lower() in SYSTEM_SCHEMAS


def estimated_rows_statement(schema: str | None, table: str) -> Select[Any]:
    """The rows of a table's heap or clustered index (``index_id`` 0 or 1), from ``sys.partitions``.

    ``sys.partitions.rows`` is kept up to date by the storage engine (an
    approximation only while a transaction is open) and needs no permission
    beyond seeing the table; a view has no partitions, so its sum is NULL.
    """
    p, o, s = sys_partitions.c, sys_objects.c, sys_schemas.c
    return (
        select(func.sum(p.rows, type_=BigInteger))
        .select_from(sys_partitions)
        .join(sys_objects, o.object_id == p.object_id)
        .join(sys_schemas, s.schema_id == o.schema_id)
        .where(s.name == schema, o.name == table, p.index_id.in_([0, 1]))
    )
