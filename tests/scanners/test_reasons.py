"""Failure reasons keep what went wrong and drop the value the driver or parser quoted.

The database cases raise real errors on the local PostgreSQL and MariaDB
servers (their exact wording is what reaches a SCAN_ERROR); the others are
the messages of Python parsers and of the connectors themselves.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from connectors.errors import DatasetError
from scanners.reasons import MAX_CHARS, error_reason, redact
from tests.support.synthetic import with_check_digit

PIN = with_check_digit("174829365017")
DASHED = f"{PIN[0]}-{PIN[1:5]}-{PIN[5:10]}-{PIN[10:12]}-{PIN[12]}"


def _raised(url: URL, statement: str, **params: object) -> DBAPIError:
    engine = create_engine(url)
    try:
        with engine.connect() as conn, pytest.raises(DBAPIError) as caught:
            conn.execute(text(statement), params)
        return caught.value
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("statement", "value", "kept"),
    [
        ("SELECT CAST(:v AS integer)", PIN, 'value "***" is out of range for type integer'),
        ("SELECT CAST(:v AS bigint)", DASHED, 'invalid input syntax for type bigint: "***"'),
        ("SELECT CAST(:v AS date)", "นางสาวกัญญารัตน์ ศรีสุวรรณวงศ์", "type date: "),
        ("SELECT CAST(:v AS integer)", "Somchai", 'invalid input syntax for type integer: "***"'),
    ],
)
def test_postgresql_errors_lose_the_value(
    pg_url: URL, statement: str, value: str, kept: str
) -> None:
    exc = _raised(pg_url, statement, v=value)
    assert value in str(exc.orig)  # the driver really quoted it
    reason = error_reason(exc)
    assert value not in reason and kept in reason
    assert reason.startswith(type(exc.orig).__name__ + ": ")


def test_mariadb_errors_lose_the_value(fresh_mariadb_database: Callable[[], URL]) -> None:
    url = fresh_mariadb_database()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (n INTEGER) ENGINE=InnoDB"))
        conn.execute(text("SET SESSION sql_mode = 'STRICT_ALL_TABLES'"))
        with pytest.raises(DBAPIError) as caught:
            conn.execute(text("INSERT INTO t (n) VALUES (:v)"), {"v": "Jaidee"})
    engine.dispose()
    assert "Jaidee" in str(caught.value.orig)  # the driver really quoted it
    reason = error_reason(caught.value)
    assert "Jaidee" not in reason
    assert reason.startswith("DataError: 1366: Incorrect integer value: '***' for column")


@pytest.mark.parametrize(
    ("message", "secret", "kept"),
    [
        (f"time data '{DASHED}' does not match format '%Y'", DASHED, "time data '***'"),
        ("could not convert string to float: 'ศรีสุวรรณวงศ์'", "ศรีสุวรรณวงศ์", "float: '***'"),
        (f"bad row {PIN} here", PIN, "bad row *** here"),
        ("call 081 927 4635 today", "927 4635", "call *** today"),
        ("mail Kanyarat.S@Example.co.th now", "Kanyarat.S", "mail K***@Example.co.th now"),
        ("unterminated: 'AB1234567 and more", "AB1234567", "unterminated: '***"),
        ("(1292, \"Truncated incorrect INTEGER value: 'Jaidee'\")", "Jaidee", "1292: Truncated"),
    ],
)
def test_quoted_values_numbers_and_emails_are_replaced(
    message: str, secret: str, kept: str
) -> None:
    reason = error_reason(ValueError(message))
    assert secret not in reason and kept in reason


@pytest.mark.parametrize(
    "message",
    [
        'relation "public.employees" does not exist',
        'duplicate key value violates unique constraint "pk_people"',
        "source 'hr': cannot connect to postgresql+psycopg2://scanner:***@db1:5432/hr",
        'connection to server at "10.1.2.3", port 5432 failed: Connection refused',
        "hr/big.csv: larger than the read budget (21474836480 > 16777216 bytes)",
        "scan stopped at 2026-11-25 02:00:00",
    ],
)
def test_identifiers_hosts_dates_and_sizes_are_kept(message: str) -> None:
    assert redact(message) == message
    assert error_reason(DatasetError(message)) == message


def test_one_line_capped_and_never_empty() -> None:
    long = DatasetError("x: " + "word " * 200 + "\nsecond line " + PIN)
    reason = error_reason(long)
    assert "\n" not in reason and len(reason) <= MAX_CHARS and PIN not in reason
    assert error_reason(ValueError("")) == "ValueError:"
    assert error_reason(DatasetError("")) == "DatasetError"


def test_an_apostrophe_is_not_an_opening_quote() -> None:
    reason = redact("Can't connect to MySQL server on '127.0.0.1' ([Errno 111] Connection refused)")
    assert reason == "Can't connect to MySQL server on '127.0.0.1' ([Errno 111] Connection refused)"
