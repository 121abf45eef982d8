"""Read-only by construction (issue 9): what the database connector hands out cannot write.

- every connection of the connector's pool, both at once, refuses INSERT,
  UPDATE, DELETE and DDL with the driver's own read-only error, on
  PostgreSQL, MariaDB and SQLite (one INSERT is already checked in the
  database connector's own tests; here every kind of write, on the whole pool);
- the statement timeout, the lock timeout and the read-only default are set
  on every pooled connection, also on the one that replaces a connection the
  server terminated (``pool_pre_ping`` reconnects).

Both share one database per backend (``module_backend``), built once for this module.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from connectors.sql.database import DatabaseConnector
from tests.safety.read_only.shared import create_people, fingerprint, rendered
from tests.support.backends import Backend

#: The driver's own words for a refused write.
READ_ONLY_ERROR = {
    "postgresql": "read-only transaction",
    "mariadb": "READ ONLY transaction",
    "sqlite": "readonly database",
}
WRITES = {
    "insert": "INSERT INTO people (id, full_name, email) VALUES (999, 'x', 'x@example.com')",
    "update": "UPDATE people SET email = 'changed@example.com'",
    "delete": "DELETE FROM people",
    "create table": "CREATE TABLE intruder (id INT)",
    "alter table": "ALTER TABLE people ADD COLUMN intruder INT",
    "create index": "CREATE INDEX people_intruder ON people (id, email)",
    "drop table": "DROP TABLE people",
}


@pytest.fixture(scope="module")
def backend(module_backend: Backend) -> Backend:
    create_people(module_backend.url)
    return module_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("ro", rendered(backend.url), statement_timeout_s=7) as opened:
        yield opened


# --- every pooled connection refuses every kind of write ------------------------


def test_every_pooled_connection_refuses_writes(
    backend: Backend, connector: DatabaseConnector
) -> None:
    check = create_engine(backend.url, poolclass=NullPool)
    with check.connect() as conn:
        before = fingerprint(conn, "people")
    # The whole pool at once: POOL_SIZE kept connections plus the overflow.
    with connector.engine.connect() as first, connector.engine.connect() as second:
        for conn in (first, second):
            for what, statement in WRITES.items():
                with pytest.raises(DBAPIError) as refused:
                    conn.exec_driver_sql(statement)
                    conn.commit()
                assert READ_ONLY_ERROR[backend.kind] in str(refused.value.orig), what
                conn.rollback()
    with check.connect() as conn:
        assert fingerprint(conn, "people") == before
        schema = inspect(conn)
        tables = set(schema.get_table_names())
        columns = {column["name"] for column in schema.get_columns("people")}
        indexes = {index["name"] for index in schema.get_indexes("people")}
    check.dispose()
    assert tables == {"people"} and "intruder" not in columns
    assert "people_intruder" not in indexes


# --- timeouts and read-only on every pooled connection, after a kill too -------


def session_settings(kind: str, conn: Connection) -> tuple[int, dict[str, str]]:
    """The backend's id and its read-only and timeout settings."""
    if kind == "postgresql":
        backend_id = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
        rows = conn.execute(
            text(
                "SELECT name, setting FROM pg_settings WHERE name IN "
                "('statement_timeout', 'lock_timeout', 'default_transaction_read_only')"
            )
        ).all()
        return backend_id, {name: str(setting) for name, setting in rows}
    row = conn.execute(
        text(
            "SELECT CONNECTION_ID(), @@session.max_statement_time, "
            "@@session.lock_wait_timeout, @@session.tx_read_only"
        )
    ).one()
    settings = {
        "max_statement_time": f"{float(row[1]):g}",
        "lock_wait_timeout": str(row[2]),
        "tx_read_only": str(row[3]),
    }
    return int(row[0]), settings


EXPECTED_SETTINGS = {
    "postgresql": {
        "statement_timeout": "7000",  # milliseconds
        "lock_timeout": "5000",
        "default_transaction_read_only": "on",
    },
    "mariadb": {"max_statement_time": "7", "lock_wait_timeout": "5", "tx_read_only": "1"},
}
CONNECTED = {
    "postgresql": "SELECT pid FROM pg_stat_activity "
    "WHERE datname = :db AND pid <> pg_backend_pid()",
    "mariadb": "SELECT ID FROM information_schema.PROCESSLIST "
    "WHERE DB = :db AND ID <> CONNECTION_ID()",
}
KILL = {"postgresql": "SELECT pg_terminate_backend(:id)", "mariadb": "KILL :id"}


def test_timeouts_on_every_pooled_connection_and_after_a_kill(
    backend: Backend, connector: DatabaseConnector
) -> None:
    if backend.kind == "sqlite":
        with connector.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA query_only").scalar_one() == 1
        return
    expected = EXPECTED_SETTINGS[backend.kind]
    with connector.engine.connect() as first, connector.engine.connect() as second:
        (id1, settings1), (id2, settings2) = (
            session_settings(backend.kind, c) for c in (first, second)
        )
    assert id1 != id2 and settings1 == expected and settings2 == expected
    assert backend.admin is not None
    admin = create_engine(backend.admin, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # the server ends the connection the pool kept
        db = {"db": str(backend.url.database)}
        killed = set(conn.execute(text(CONNECTED[backend.kind]), db).scalars())
        for backend_id in killed:
            conn.execute(text(KILL[backend.kind]), {"id": backend_id})
    admin.dispose()
    assert killed and killed <= {id1, id2}
    with connector.engine.connect() as conn:  # pre-ping finds it dead and reconnects
        fresh, settings = session_settings(backend.kind, conn)
    assert fresh not in killed
    assert settings == expected
