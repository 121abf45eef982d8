"""How an extract is read: streamed through a server-side cursor, in a session that cannot write.

- PostgreSQL: while a 5,000-row ``stream_rows`` is half read, the server
  shows its session idle inside its transaction, last running ``FETCH
  FORWARD`` from a named cursor (a client-side cursor would have run the
  whole ``SELECT`` at once and kept every row in the client);
- MariaDB: the first row of a 100,000-row stream costs the process a small
  fraction of the memory that holding every row takes (measured with
  ``tracemalloc``: the buffered cursor of a plain read is the yardstick);
- every backend: right before each statement of ``count_rows``,
  ``stream_rows`` and ``group_counts``, the very session that runs it tries
  an INSERT, and the database refuses it as a write in a read-only session.

The servers come from the ``fresh_*_database`` and ``module_backend`` fixtures
(skipped here when a server is absent, failing on CI); this module's
``backend`` and ``connector`` fixtures override this folder's.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, event, insert, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import NullPool

from connectors.sql.database import DatabaseConnector
from tests.support.backends import Backend

FILLER = "ผู้โดยสาร ขาออก " + "x" * 40

metadata = MetaData()
flights = Table(
    "flights",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("passenger", String(100)),
)


def fill(url: URL, rows: int) -> None:
    """Create ``flights`` with ``rows`` rows, inserted 20,000 at a time."""
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        metadata.create_all(conn)
        for start in range(0, rows, 20_000):
            batch = range(start, min(rows, start + 20_000))
            conn.execute(insert(flights), [{"id": i, "passenger": f"{FILLER} {i}"} for i in batch])
    engine.dispose()


# --- PostgreSQL: a named cursor, fetched batch by batch ---------------------------

SESSIONS = text(
    "SELECT state, query FROM pg_stat_activity "
    "WHERE datname = :db AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
)


def test_postgresql_streams_through_a_named_cursor(
    fresh_pg_database: Callable[[], URL], pg_url: URL
) -> None:
    url = fresh_pg_database()
    fill(url, 5_000)
    admin = create_engine(pg_url, poolclass=NullPool)
    with DatabaseConnector("pg", url.render_as_string(hide_password=False)) as connector:
        rows = connector.stream_rows("public.flights", ["id", "passenger"])
        first = [next(rows) for _ in range(2_500)]
        with admin.connect() as conn:
            sessions = conn.execute(SESSIONS, {"db": url.database}).all()
        rest = list(rows)
    admin.dispose()
    assert len(sessions) == 1  # the stream's own connection, nothing else
    ((state, query),) = sessions
    assert state == "idle in transaction"  # the cursor lives in an open transaction ...
    assert query.startswith("FETCH FORWARD")  # ... and rows come a batch at a time
    assert sorted(row[0] for row in first + rest) == list(range(5_000))  # type: ignore[type-var]


# --- MariaDB: an unbuffered cursor, memory bounded --------------------------------

MARIADB_ROWS = 100_000


def peak_bytes(read_first_row: Callable[[], object]) -> int:
    """The most memory Python allocated while ``read_first_row`` ran."""
    tracemalloc.start()
    try:
        read_first_row()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def first_row_buffered(connector: DatabaseConnector) -> object:
    """The yardstick: the first row of a plain read, whose buffered cursor holds them all."""
    with connector.engine.connect() as conn:
        return conn.execute(flights.select()).first()


def test_mariadb_streams_through_an_unbuffered_cursor(
    fresh_mariadb_database: Callable[[], URL],
) -> None:
    url = fresh_mariadb_database()
    fill(url, MARIADB_ROWS)
    name = f"{url.database}.flights"
    with DatabaseConnector("maria", url.render_as_string(hide_password=False)) as connector:
        assert connector.count_rows(name) == MARIADB_ROWS  # the table is reflected now
        rows = connector.stream_rows(name, ["id", "passenger"])
        streamed = peak_bytes(lambda: next(rows))
        rows.close()  # type: ignore[attr-defined]
        buffered = peak_bytes(lambda: first_row_buffered(connector))
    assert buffered > 20_000_000  # holding every row costs tens of MB ...
    assert streamed < buffered // 10  # ... the first row of a stream a small part of it
    assert streamed < 5_000_000


# --- every backend: each statement runs in a session that refuses writes ---------

REFUSED = {
    "postgresql": "read-only transaction",
    "mariadb": "READ ONLY transaction",
    "sqlite": "readonly database",
}


@pytest.fixture(scope="module")
def backend(module_backend: Backend) -> Backend:
    fill(module_backend.url, 50)
    return module_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("ro", backend.rendered) as opened:
        yield opened


def write_attempts(kind: str, refusals: list[str]) -> Callable[..., None]:
    """A ``before_cursor_execute`` listener: before each SELECT, the same session (a cursor
    of its own on the same DBAPI connection) tries an INSERT; the error is recorded."""

    def attempt(conn: Connection, *_args: Any) -> None:
        statement = str(_args[1]).lstrip().upper()
        if not statement.startswith("SELECT"):
            return
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            if kind == "postgresql":  # a failed statement would abort the whole transaction
                cursor.execute("SAVEPOINT probe")
            try:
                cursor.execute("INSERT INTO flights (id, passenger) VALUES (-1, 'intruder')")
                refusals.append("written")
            except Exception as exc:  # the driver's own read-only error, whatever its class
                refusals.append(str(exc))
            if kind == "postgresql":
                cursor.execute("ROLLBACK TO SAVEPOINT probe")
        finally:
            cursor.close()

    return attempt


def test_every_statement_runs_where_a_write_is_refused(
    backend: Backend, connector: DatabaseConnector
) -> None:
    name = backend.name("flights")
    refusals: list[str] = []
    listener = write_attempts(backend.kind, refusals)
    event.listen(connector.engine, "before_cursor_execute", listener)
    calls: list[Callable[[], object]] = [
        lambda: connector.count_rows(name),
        lambda: list(connector.stream_rows(name, ["id", "passenger"])),
        lambda: list(connector.group_counts(name, ["passenger"])),
    ]
    try:
        for call in calls:
            before = len(refusals)
            call()
            assert len(refusals) > before  # the call's statements ran on the connector's engine
    finally:
        event.remove(connector.engine, "before_cursor_execute", listener)
    assert all(REFUSED[backend.kind] in refusal for refusal in refusals), refusals
    assert connector.count_rows(name) == 50
