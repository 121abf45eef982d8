"""Hostile names through the database connector alone, on SQLite, PostgreSQL and MariaDB.

Every hostile table is listed, described (its hostile columns in order, an
exact row count), sampled and classified: the national-ID column named after
its table and the hostile e-mail column are found, and nothing is injected. A
fresh connector resolves names it did not list (as a worker process does),
and include/exclude globs with special characters pick exactly their tables
(issue 9 (3)).
"""

from __future__ import annotations

from datetime import date

import pytest

from connectors.sql.database import DatabaseConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from tests.safety.hostile.names import (
    CLOCK_COL,
    MAIL_COL,
    QI_COL,
    ROWS,
    HostileDb,
    assert_nothing_injected,
    glob_escape,
)


def test_connector_lists_describes_and_classifies_hostile_names(
    hostile_db: HostileDb, detection_engine: DetectionEngine
) -> None:
    connector = DatabaseConnector("hostile", hostile_db.url)
    connector.open()
    try:
        listed = connector.list_datasets()
        for schema, table in hostile_db.datasets():
            name = f"{schema}.{table}"
            assert name in listed
            info = connector.describe(name)
            assert [c.name for c in info.columns] == ["id", table, MAIL_COL, CLOCK_COL, QI_COL]
            assert (info.row_count, info.row_count_exact) == (ROWS, True)
            sample = connector.sample(info, 50)
            assert sample.rows_sampled == ROWS
            found = {
                c.name: {m.type for m in c.pii} for c in classify_dataset(sample, detection_engine)
            }
            assert "TH_NATIONAL_ID" in found[table], name
            assert "EMAIL_ADDRESS" in found[MAIL_COL], name
    finally:
        connector.close()
    assert_nothing_injected(hostile_db)


def test_a_fresh_connector_resolves_names_it_did_not_list(hostile_db: HostileDb) -> None:
    """A worker process describes datasets by name without listing them first."""
    connector = DatabaseConnector("hostile", hostile_db.url)
    connector.open()
    try:
        for schema, table in hostile_db.datasets():
            info = connector.describe(f"{schema}.{table}")
            assert info.row_count == ROWS
            assert connector.count_before(f"{schema}.{table}", CLOCK_COL, date(2020, 1, 1)) == 5
    finally:
        connector.close()


@pytest.mark.parametrize(
    ("include", "exclude", "wanted"),
    [
        (["[[]br]*"], [], {"[br]*?"}),
        (["*[*]*"], [], {"[br]*?"}),
        (
            ["[!a-z]*"],
            [],
            {"%_like", "[br]*?", "ลูกค้า", "Robert'); DROP TABLE Students;--", "Students"},
        ),
        (["*'*"], ["*Robert*"], {"x'; DROP TABLE victim; --"}),
        (['*"*'], [], {'a"b'}),
        (["?_like"], [], {"%_like"}),
        (["*"], ["*[[]*", "*[*]*", "*[?]*", "*;*", "*'*", '*"*', "*`*", "*\\*"], None),
    ],
)
def test_include_and_exclude_globs_with_special_characters(
    hostile_db: HostileDb, include: list[str], exclude: list[str], wanted: set[str] | None
) -> None:
    """Globs on the table part, after the (escaped, itself hostile on MariaDB) schema."""
    first = next(iter(hostile_db.schemas))
    prefix = glob_escape(first) + "."
    connector = DatabaseConnector(
        "hostile",
        hostile_db.url,
        include=[prefix + g for g in include],
        exclude=[prefix + g for g in exclude],
    )
    connector.open()
    try:
        listed = connector.list_datasets()
    finally:
        connector.close()
    assert all(name.startswith(first + ".") for name in listed)
    tables = {name.removeprefix(first + ".") for name in listed}
    if wanted is None:  # everything without a glob or quoting character, canaries included
        bad = set("[*?;'\"`\\")
        wanted = {t for t in hostile_db.table_list[first] if not bad & set(t)}
    assert tables == {t for t in wanted if t in hostile_db.table_list[first]}
