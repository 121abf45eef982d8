"""The remediation SQL a database connector prints, run for real and rolled back.

On SQLite, PostgreSQL and MariaDB the DELETE and UPDATE (anonymise)
statements for rows before the cut-off are exactly the expected text and,
executed on a writable connection of our own inside a transaction that is
rolled back, change exactly the rows counted, hostile table and Thai
column names included. The connector's own session still cannot run them.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from connectors.sql.database import DatabaseConnector
from tests.connectors.capabilities.capability_data import (
    CUTOFF,
    THAI_CLOCK,
    WEIRD,
    count_rows,
    employees,
    weird,
)
from tests.support.backends import Backend


def _expected_sql(backend: Backend, template: str) -> str:
    return template.format(s=backend.schema)


def test_delete_sql_runs_on_a_writable_connection(
    backend: Backend, connector: DatabaseConnector, writable: Connection
) -> None:
    sql = connector.delete_sql(backend.name("employees"), "terminated_at", CUTOFF)
    assert sql == _expected_sql(
        backend, "DELETE FROM {s}.employees WHERE {s}.employees.terminated_at < '2016-11-25';"
    )
    writable.exec_driver_sql(sql)
    assert count_rows(writable, employees) == 14
    assert count_rows(writable, employees, employees.c.id.in_([1, 2, 3, 5])) == 0
    sql = connector.delete_sql(backend.name("employees"), "left_at", CUTOFF)
    writable.exec_driver_sql(sql)
    assert count_rows(writable, employees) == 13  # 4 was left, its termination date is NULL


def test_anonymise_sql_runs_on_a_writable_connection(
    backend: Backend, connector: DatabaseConnector, writable: Connection
) -> None:
    sql = connector.anonymise_sql(
        backend.name("employees"), ["name", "citizen_id"], "terminated_at", CUTOFF
    )
    assert sql.startswith(_expected_sql(backend, "UPDATE {s}.employees SET "))
    assert sql.endswith(_expected_sql(backend, "{s}.employees.terminated_at < '2016-11-25';"))
    writable.exec_driver_sql(sql)
    assert count_rows(writable, employees) == 18
    assert count_rows(writable, employees, employees.c.name.is_(None)) == 3 + 4
    nulled = count_rows(writable, employees, employees.c.citizen_id.is_(None))
    assert nulled == 4
    assert count_rows(
        writable, employees, employees.c.id.in_([1, 2, 3, 5]), employees.c.name.is_(None)
    )


def test_remediation_survives_hostile_names(
    backend: Backend, connector: DatabaseConnector, writable: Connection
) -> None:
    name = backend.name(WEIRD)
    anonymise = connector.anonymise_sql(name, ["ชื่อ", "select"], THAI_CLOCK, CUTOFF)
    writable.exec_driver_sql(anonymise)
    assert count_rows(writable, weird, weird.c["ชื่อ"].is_(None), weird.c.select.is_(None)) == 16
    writable.exec_driver_sql(connector.delete_sql(name, THAI_CLOCK, CUTOFF))
    assert count_rows(writable, weird) == 4
    assert count_rows(writable, weird, weird.c["ชื่อ"].is_not(None)) == 4


def test_connector_session_still_cannot_write(
    backend: Backend, connector: DatabaseConnector
) -> None:
    sql = connector.delete_sql(backend.name("employees"), "terminated_at", CUTOFF)
    with connector.engine.connect() as conn, pytest.raises(DBAPIError):
        conn.exec_driver_sql(sql)
        conn.commit()
    assert connector.count_before(backend.name("employees"), "terminated_at", CUTOFF) == 4
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        assert count_rows(conn, employees) == 18
    engine.dispose()
