"""MariaDB change keys on a real server, and the rules that refuse a key, case by case."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from connectors.sql.change_keys import mysql as mysql_keys
from connectors.sql.database import DatabaseConnector

NOW = datetime(2026, 12, 5, 9, 0, 0)

#: A row of information_schema.TABLES, and whether it may have a key.
ROWS = [
    ({"engine": "InnoDB", "created": NOW, "updated": NOW - timedelta(hours=1)}, True),
    ({"engine": "MyISAM", "created": NOW, "updated": NOW - timedelta(seconds=3)}, True),
    ({"engine": "Aria", "created": NOW, "updated": NOW - timedelta(days=9)}, True),
    # traps: nothing says the table is unchanged
    ({"engine": "InnoDB", "created": NOW, "updated": None}, False),  # after a restart
    ({"engine": "InnoDB", "created": NOW, "updated": NOW - timedelta(seconds=1)}, False),
    ({"engine": "InnoDB", "created": NOW, "updated": NOW}, False),  # this very second
    ({"engine": "MEMORY", "created": NOW, "updated": NOW - timedelta(hours=1)}, False),
    ({"engine": None, "created": None, "updated": None}, False),
]


@pytest.mark.parametrize(("row", "keyed"), ROWS)
def test_a_key_only_when_the_last_update_time_can_be_trusted(row: dict, keyed: bool) -> None:
    assert (mysql_keys.key_of({**row, "now": NOW}, "shape") is not None) is keyed


def test_no_key_without_the_column_list() -> None:
    row = {"engine": "InnoDB", "created": NOW, "updated": NOW - timedelta(hours=1), "now": NOW}
    assert mysql_keys.key_of(row, None) is None


def run(url: URL, *statements: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    engine.dispose()


def keys(url: URL) -> dict[str, str]:
    with DatabaseConnector("org", url) as connector:
        connector.list_datasets()
        return connector.change_keys()


def settled(url: URL) -> dict[str, str]:
    """The keys once the last change is older than the settling time."""
    time.sleep(mysql_keys.SETTLING.total_seconds() + 1.1)
    return keys(url)


def test_changes_move_the_key_on_a_real_server(
    fresh_mariadb_database: Callable[[], URL],
) -> None:
    url = fresh_mariadb_database()
    database = url.database
    run(
        url,
        "CREATE TABLE people (id int PRIMARY KEY, email varchar(100)) ENGINE=InnoDB",
        "INSERT INTO people VALUES (1, 'a@example.co.th'), (2, 'b@example.co.th')",
        "CREATE TABLE kept (id int) ENGINE=InnoDB",
        "INSERT INTO kept VALUES (1)",
        "CREATE VIEW people_view AS SELECT email FROM people",
    )
    assert f"{database}.people" not in keys(url)  # changed this very second: no key yet
    first = settled(url)
    assert set(first) == {f"{database}.people", f"{database}.kept"}
    assert keys(url) == first  # reading changes nothing
    run(url, "UPDATE people SET email = 'c@example.co.th' WHERE id = 1")
    second = settled(url)
    assert second[f"{database}.people"] != first[f"{database}.people"]
    assert second[f"{database}.kept"] == first[f"{database}.kept"]
    run(url, "ALTER TABLE kept ADD COLUMN note varchar(20)")
    third = settled(url)
    assert third[f"{database}.kept"] != second[f"{database}.kept"]
