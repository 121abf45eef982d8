"""Driver exceptions shaped as SQL Server's and Oracle's drivers raise them (no driver needed).

Neither pymssql, pyodbc nor python-oracledb is installed for the tests; these
build exceptions of the same shape, from classes whose module is the
driver's (which is how :func:`connectors.sql.dialects.failure_kind` tells
them apart):

- pymssql: ``args[0]`` is the ``(number, message bytes)`` tuple
  (``raise OperationalError(e.args[0])`` in ``_pymssql.pyx``);
- pyodbc: ``args`` is ``(SQLSTATE, message)``, the SQL Server number in
  parentheses before ``(SQLExecDirectW)``;
- pytds: the message in ``args[0]``, the number in ``.number``;
- python-oracledb: ``args[0]`` is an ``_Error`` with ``full_code``, ``code``
  (0 for ``DPY-`` errors) and ``message``; cx_Oracle's has ``code`` and ``message``.

The shapes were checked once against pymssql 2.4 and python-oracledb 26.1
(``pymssql.exceptions.OperationalError((20009, b'...'))``, ``_Error`` with
``full_code='DPY-6005'``, ``code=0``) by connecting to a closed port.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import OperationalError


def _error_class(module: str, name: str = "OperationalError") -> type[Exception]:
    return type(name, (Exception,), {"__module__": module})


def pymssql_error(number: int, message: str) -> Exception:
    return _error_class("pymssql._pymssql")((number, message.encode()))


def pyodbc_error(state: str, message: str) -> Exception:
    text = f"[{state}] [Microsoft][ODBC Driver 18 for SQL Server][SQL Server]{message}"
    return _error_class("pyodbc", "Error")(state, text)


def pytds_error(number: int, message: str) -> Exception:
    error = _error_class("pytds.tds_base")(message)
    error.number = number  # type: ignore[attr-defined]
    return error


@dataclass
class OracleErrorObject:
    """python-oracledb's ``_Error`` (cx_Oracle's has no ``full_code``)."""

    message: str
    code: int = 0
    full_code: str = ""


def oracledb_error(full_code: str, message: str) -> Exception:
    prefix, _, number = full_code.partition("-")
    code = int(number) if prefix == "ORA" else 0  # python-oracledb: 0 for DPY-/DPI- errors
    error = OracleErrorObject(f"{full_code}: {message}", code, full_code)
    return _error_class("oracledb.exceptions", "DatabaseError")(error)


def cx_oracle_error(code: int, message: str) -> Exception:
    error = OracleErrorObject(f"ORA-{code:05d}: {message}", code)
    error.full_code = ""
    return _error_class("cx_Oracle", "DatabaseError")(error)


def wrapped(orig: Exception, *, invalidated: bool = False) -> OperationalError:
    """The driver error as SQLAlchemy re-raises it (``invalidated``: taken for a disconnect)."""
    return OperationalError("SELECT 1", {}, orig, connection_invalidated=invalidated)
