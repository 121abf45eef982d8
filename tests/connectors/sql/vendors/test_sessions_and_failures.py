"""Session statements, driver timeouts and failure causes of SQL Server and Oracle.

No server: the statements are the static text each connection runs, the
connect arguments what the drivers receive, and the failures exceptions
shaped as each driver raises them (see :mod:`.driver_errors`). The begin
hook that makes every Oracle transaction read-only is checked on a real
SQLite database with a statement SQLite understands.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from connectors.sql import dialects
from connectors.sql.vendors import mssql, oracle
from tests.connectors.sql.vendors.driver_errors import (
    cx_oracle_error,
    oracledb_error,
    pymssql_error,
    pyodbc_error,
    pytds_error,
    wrapped,
)

LOST, TIMEOUT, LOCK, DENIED = (
    dialects.CONNECTION_LOST,
    dialects.STATEMENT_TIMEOUT,
    dialects.LOCK_TIMEOUT,
    dialects.PERMISSION_DENIED,
)


def test_sql_server_sessions_bound_locks_and_lose_deadlocks() -> None:
    assert dialects.session_statements("mssql", "", 30) == [
        "SET LOCK_TIMEOUT 5000",
        "SET DEADLOCK_PRIORITY LOW",
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
    ]


def test_oracle_runs_nothing_at_connect_and_read_only_at_every_begin() -> None:
    assert dialects.session_statements("oracle", "", 30) == []
    assert oracle.TRANSACTION_STATEMENTS == ("SET TRANSACTION READ ONLY",)


def test_other_dialects_sessions_are_unchanged() -> None:
    assert dialects.session_statements("postgresql", "", 1.5) == [
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY",
        "SET statement_timeout = 1500",
        "SET lock_timeout = 5000",
    ]
    assert dialects.session_statements("mysql", "10.11.6-MariaDB", 2)[1] == (
        "SET SESSION max_statement_time = 2.000"
    )
    assert dialects.session_statements("sqlite", "", 2) == ["PRAGMA query_only = ON"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mssql+pymssql://u@db.example/shop", {"login_timeout": 10}),
        ("mssql+pyodbc://u@dsn", {"timeout": 10}),
        ("oracle+oracledb://u@db.example/?service_name=orcl", {"tcp_connect_timeout": 9.6}),
        ("oracle+cx_oracle://u@db.example/orcl", {}),  # no connect timeout in cx_Oracle
        ("postgresql+psycopg2://u@h/db", {"connect_timeout": 10}),
    ],
)
def test_connect_timeouts_per_driver(url: str, expected: dict[str, object]) -> None:
    assert dialects.connect_args(make_url(url), 9.6) == expected


def test_statement_timeouts_through_each_driver() -> None:
    assert mssql.statement_timeout_params("pymssql", 29.6) == {"timeout": 30}
    assert mssql.statement_timeout_params("pymssql", 0.2) == {"timeout": 1}  # 0 would be none
    assert mssql.statement_timeout_params("pyodbc", 30) == {}
    pyodbc_connection = SimpleNamespace(timeout=0)
    mssql.bound_connection("pyodbc", pyodbc_connection, 29.6)
    assert pyodbc_connection.timeout == 30
    oracle_connection = SimpleNamespace(call_timeout=0)
    oracle.bound_connection("oracledb", oracle_connection, 2.5)
    assert oracle_connection.call_timeout == 2500
    untouched = SimpleNamespace(timeout=0)
    mssql.bound_connection("pymssql", untouched, 30)  # pymssql's is a connect argument
    assert untouched.timeout == 0


def test_begin_hook_runs_first_in_every_transaction(tmp_path: Path) -> None:
    path = tmp_path / "begin.db"
    with sqlite3.connect(path) as setup:
        setup.execute("CREATE TABLE t (a INTEGER)")
    engine = create_engine(f"sqlite:///{path}")
    dialects.install_transaction_statements(engine, ["PRAGMA query_only = ON"])
    try:
        with engine.connect() as conn:
            with pytest.raises(OperationalError, match=r"readonly|read-only|query_only"):
                conn.execute(text("INSERT INTO t VALUES (1)"))
            conn.rollback()
            conn.exec_driver_sql("PRAGMA query_only = OFF")  # a new transaction: hook, then OFF
            assert conn.execute(text("PRAGMA query_only")).scalar() == 0
            conn.rollback()
            assert conn.execute(text("PRAGMA query_only")).scalar() == 1  # the next one: hook
    finally:
        engine.dispose()


FAILURES = [
    # SQL Server through pymssql: (number, message) tuple in args[0]
    (pymssql_error(1222, "Lock request time out period exceeded."), LOCK),
    (pymssql_error(229, "The SELECT permission was denied on the object 'people'"), DENIED),
    (pymssql_error(230, "The SELECT permission was denied on the column 'ssn'"), DENIED),
    (pymssql_error(20003, "Adaptive Server connection timed out"), TIMEOUT),
    (pymssql_error(20047, "DBPROCESS is dead or not enabled"), LOST),
    (pymssql_error(20009, "Unable to connect: TDS server is unavailable"), LOST),
    (pymssql_error(208, "Invalid object name 'people'."), None),
    (pymssql_error(1205, "Transaction was deadlocked ... chosen as the deadlock victim"), None),
    # SQL Server through pyodbc: SQLSTATE, number in the text
    (pyodbc_error("HYT00", "Query timeout expired (0) (SQLExecDirectW)"), TIMEOUT),
    (pyodbc_error("42000", "Lock request time out period exceeded. (1222) (SQLExecDirectW)"), LOCK),
    (
        pyodbc_error(
            "42000",
            "The SELECT permission was denied on the object 'x (1222)'. (229) (SQLExecDirectW)",
        ),
        DENIED,
    ),
    (
        pyodbc_error("08S01", "TCP Provider: connection forcibly closed (10054) (SQLExecDirectW)"),
        LOST,
    ),
    (pyodbc_error("42S02", "Invalid object name 'people'. (208) (SQLExecDirectW)"), None),
    # pytds: .number
    (pytds_error(1222, "Lock request time out period exceeded."), LOCK),
    # Oracle
    (oracledb_error("DPY-4024", "call timeout of 2500 ms exceeded"), TIMEOUT),
    (oracledb_error("ORA-01013", "user requested cancel of current operation"), TIMEOUT),
    (oracledb_error("ORA-00054", "resource busy and acquire with NOWAIT specified"), LOCK),
    (oracledb_error("ORA-01031", "insufficient privileges"), DENIED),
    (oracledb_error("ORA-00942", "table or view does not exist"), None),  # gone or not granted
    (oracledb_error("ORA-03113", "end-of-file on communication channel"), LOST),
    (oracledb_error("DPY-4011", "the database or network closed the connection"), LOST),
    (oracledb_error("DPY-6005", "cannot connect to database"), LOST),
    (oracledb_error("ORA-00904", '"SECRET": invalid identifier'), None),
    (cx_oracle_error(1013, "user requested cancel of current operation"), TIMEOUT),
    (cx_oracle_error(28, "your session has been killed"), LOST),
]


@pytest.mark.parametrize(("orig", "expected"), FAILURES)
def test_failure_kinds(orig: Exception, expected: str | None) -> None:
    assert dialects.failure_kind(wrapped(orig)) == expected
    assert dialects.failure_kind(orig) == expected


def test_driver_timeouts_are_not_lost_connections() -> None:
    # SQLAlchemy's pymssql and pyodbc dialects flag these as disconnects.
    for orig in (pymssql_error(20003, "timed out"), pyodbc_error("HYT00", "Query timeout expired")):
        assert dialects.failure_kind(wrapped(orig, invalidated=True)) == TIMEOUT
    unknown = pymssql_error(50000, "raised by a trigger")
    assert dialects.failure_kind(wrapped(unknown, invalidated=True)) == LOST
    assert dialects.failure_kind(wrapped(unknown)) is None


def test_a_sql_server_number_is_not_read_as_a_mysql_one() -> None:
    # MySQL 1205 is a lock wait timeout; SQL Server 1205 is a deadlock.
    assert dialects.failure_kind(pymssql_error(1205, "deadlocked")) is None
    mysql_error = type("OperationalError", (Exception,), {"__module__": "pymysql.err"})
    assert dialects.failure_kind(mysql_error(1205, "Lock wait timeout exceeded")) == LOCK


@pytest.mark.parametrize(
    ("orig", "codes"),
    [
        (oracledb_error("DPY-4024", "call timeout of 10 ms exceeded"), ["DPY-4024"]),
        (cx_oracle_error(942, "table or view does not exist"), ["ORA-00942"]),
        (
            oracledb_error("DPI-1080", "connection was closed by ORA-3113"),
            ["DPI-1080", "ORA-03113"],
        ),
    ],
)
def test_oracle_error_codes(orig: Exception, codes: list[str]) -> None:
    assert oracle.error_codes(orig) == codes


@pytest.mark.parametrize(
    ("family", "schema", "system"),
    [
        ("mssql", "sys", True),
        ("mssql", "INFORMATION_SCHEMA", True),
        ("mssql", "guest", True),
        ("mssql", "db_datareader", True),
        ("mssql", "dbo", False),
        ("mssql", "Sales", False),
        ("mssql", "system_data", False),  # a prefix is not enough
        ("oracle", "sys", True),
        ("oracle", "SYSTEM", True),
        ("oracle", "xdb", True),
        ("oracle", "mdsys", True),
        ("oracle", "hr", False),
        ("oracle", "SYS_APP", False),
        ("postgresql", "pg_toast_temp_1", True),
        ("mysql", "performance_schema", True),
    ],
)
def test_system_schemas(family: str, schema: str, system: bool) -> None:
    assert dialects.is_system_schema(family, schema) is system
