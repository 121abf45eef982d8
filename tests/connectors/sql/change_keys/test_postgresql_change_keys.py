"""PostgreSQL change keys on a real server: every kind of change moves a table's key, reads do not.

Each change is made on its own connection, which asks the server to report
its counters at once (``pg_stat_force_next_flush``) and then closes, as a
real application's change would be counted within a second or so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import URL

from connectors.sql.change_keys import postgresql as pg_keys
from connectors.sql.database import DatabaseConnector

SETUP = [
    "CREATE TABLE people (id int PRIMARY KEY, email text, born date)",
    "INSERT INTO people SELECT g, 'u' || g || '@example.co.th', '1990-01-01' "
    "FROM generate_series(1, 50) g",
    "CREATE TABLE other (id int)",
    "CREATE VIEW people_view AS SELECT email FROM people",
    "CREATE TABLE events (at date, what text) PARTITION BY RANGE (at)",
    "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
]

#: A change and whether it must move the key of ``public.people``.
CHANGES = [
    ("INSERT INTO people VALUES (1000, 'new@example.co.th', NULL)", True),
    ("UPDATE people SET email = 'x@example.co.th' WHERE id = 1", True),
    ("DELETE FROM people WHERE id = 2", True),
    ("TRUNCATE people", True),
    ("ALTER TABLE people ADD COLUMN phone text", True),
    ("ALTER TABLE people ALTER COLUMN born TYPE timestamp", True),
    ("ALTER TABLE people RENAME COLUMN born TO birth_date", True),
    ("UPDATE people SET email = email WHERE false", False),  # touches no row
    ("SELECT count(*) FROM people", False),
    ("ANALYZE people", False),
    ("INSERT INTO other VALUES (1)", False),  # another table
]


@pytest.fixture
def database(fresh_pg_database: Callable[[], URL]) -> Iterator[URL]:
    url = fresh_pg_database()
    run(url, *SETUP)
    yield url


def run(url: URL, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
        conn.execute(text("SELECT pg_stat_force_next_flush()"))
    engine.dispose()


def keys(url: URL) -> dict[str, str]:
    with DatabaseConnector("org", url) as connector:
        connector.list_datasets()
        return connector.change_keys()


def test_ordinary_tables_have_keys_views_and_partitioned_parents_do_not(database: URL) -> None:
    found = keys(database)
    assert set(found) == {"public.people", "public.other", "public.events_2026"}
    assert all(key.startswith("pg:") for key in found.values())
    assert "u1@example" not in "".join(found.values())  # counters and digests, never values


@pytest.mark.parametrize(("statement", "moves"), CHANGES)
def test_a_change_moves_the_key_and_a_read_does_not(
    database: URL, statement: str, moves: bool
) -> None:
    before = keys(database)
    assert keys(database) == before  # reading the keys changes nothing
    run(database, statement)
    after = keys(database)
    assert (after["public.people"] != before["public.people"]) is moves
    assert after["public.events_2026"] == before["public.events_2026"]


def test_a_standby_or_a_server_without_counters_gives_no_key(database: URL) -> None:
    engine = create_engine(database)
    with engine.connect() as conn:
        assert pg_keys.trusted(conn)
        conn.execute(text("SET track_counts = off"))
        assert not pg_keys.trusted(conn)
        assert pg_keys.change_keys(conn, ["public"]) == {}
    engine.dispose()


def test_the_statement_binds_every_schema_name() -> None:
    compiled = pg_keys.statement(["public", "x'; drop table t; --"]).compile(
        dialect=postgresql.dialect()
    )
    sql = str(compiled)
    assert "drop table" not in sql and "pg_stat_user_tables" in sql
    assert "string_agg" in sql and "ORDER BY pg_catalog.pg_attribute.attnum" in sql
    assert ["public", "x'; drop table t; --"] in compiled.params.values()
