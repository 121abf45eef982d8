"""What the checks ask a database: rows before a date, k-anonymity groups, subject lookups.

On SQLite, PostgreSQL and MariaDB (capability_data.py): rows
before the cut-off in DATE, DATETIME and ISO-text clocks, NULLs never
counted; quasi-identifier group statistics, NULL a group of its own;
requested values present in a column, text or integer, asked in batches and
never injected; a column's values streamed, not loaded; and an unknown
table or column a DatasetError naming it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from connectors.base import GroupCounter, RemediationWriter, RowCounter, SubjectFinder
from connectors.errors import DatasetError
from connectors.model import GroupStats
from connectors.sql.database import DatabaseConnector
from connectors.sql.queries import matched_candidates
from tests.connectors.capabilities.capability_data import CUTOFF, QUASI, THAI_CLOCK, WEIRD
from tests.support.backends import Backend


def test_offers_the_capability_protocols(connector: DatabaseConnector) -> None:
    for protocol in (RowCounter, GroupCounter, SubjectFinder, RemediationWriter):
        assert isinstance(connector, protocol)


def test_count_before_date_datetime_and_text(
    backend: Backend, connector: DatabaseConnector
) -> None:
    name = backend.name("employees")
    assert connector.count_before(name, "terminated_at", CUTOFF) == 4
    assert connector.count_before(name, "left_at", CUTOFF) == 4
    assert connector.count_before(name, "note_date", CUTOFF) == 6
    assert connector.count_before(name, "terminated_at", dt.date(2000, 1, 1)) == 0
    assert connector.count_before(name, "terminated_at", dt.date(2100, 1, 1)) == 14
    assert connector.count_before(backend.name("empty"), "terminated_at", CUTOFF) == 0
    assert connector.count_before(backend.name(WEIRD), THAI_CLOCK, CUTOFF) == 16


def test_group_stats(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name("employees")
    assert connector.group_stats(name, QUASI, 5) == GroupStats(4, 1, 3, 2)
    assert connector.group_stats(name, QUASI, 6) == GroupStats(4, 1, 8, 3)
    assert connector.group_stats(name, QUASI, 1) == GroupStats(4, 1, 0, 0)
    assert connector.group_stats(name, ["gender"], 10) == GroupStats(2, 6, 6, 1)
    # The three NULL names form one group of their own.
    assert connector.group_stats(name, ["name"], 2) == GroupStats(16, 1, 15, 15)
    assert connector.group_stats(backend.name("empty"), ["gender"], 5) == GroupStats(0, None, 0, 0)


def test_present_values(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name("employees")
    asked = ["1000000000001", "1000000000005", "9999999999999", "x'); drop table employees; --"]
    assert connector.present_values(name, "citizen_id", asked) == set(asked[:2])
    assert connector.present_values(name, "citizen_id", []) == set()
    codes = ["1001", "1005", "x12", "2000", "-1001", "99999999999999999999999", "๑๐๐๑"]
    assert connector.present_values(name, "code", codes) == {"1001", "1005"}
    assert connector.present_values(name, "code", ["abc"]) == set()


def test_present_values_in_batches(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name("employees")
    many = [f"1{j:012d}" for j in range(1, 1201)]
    assert connector.present_values(name, "citizen_id", many) == {
        f"1{i:012d}" for i in range(1, 19)
    }
    codes = [str(1000 + j) for j in range(-100, 1100)]
    assert connector.present_values(name, "code", codes) == {str(1000 + i) for i in range(1, 19)}
    assert connector.count_values(name, "citizen_id", many) == 18
    assert connector.count_values(name, "code", ["1001", "1002", "7"]) == 2
    assert connector.count_values(name, "code", []) == 0


def test_column_values_streams(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name("employees")
    values = connector.column_values(name, "name")
    assert not isinstance(values, list | tuple | set)
    assert sorted(values) == sorted(f"Person {i}" for i in range(1, 19) if i % 6)  # type: ignore[type-var]
    streamed = connector.column_values(backend.name("numbers"), "n")
    assert sum(streamed) == 7 * 3000 * 3001 // 2  # type: ignore[arg-type]
    partial = connector.column_values(backend.name("numbers"), "n")
    assert [next(partial) for _ in range(10)]
    partial.close()  # type: ignore[attr-defined]
    assert connector.count_before(name, "terminated_at", CUTOFF) == 4  # the pool still works


def test_unknown_column_or_table(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name("employees")
    calls: list[Callable[[], object]] = [
        lambda: connector.count_before(name, "nope", CUTOFF),
        lambda: connector.group_stats(name, ["gender", "nope"], 5),
        lambda: connector.present_values(name, "nope", ["1"]),
        lambda: connector.count_values(name, "nope", ["1"]),
        lambda: connector.column_values(name, "nope"),  # raises before any iteration
        lambda: connector.delete_sql(name, "nope", CUTOFF),
        lambda: connector.anonymise_sql(name, ["name"], "nope", CUTOFF),
        lambda: connector.anonymise_sql(name, ["nope"], "terminated_at", CUTOFF),
    ]
    for call in calls:
        with pytest.raises(DatasetError, match="'nope'"):
            call()
    with pytest.raises(DatasetError):
        connector.group_stats(name, [], 5)
    with pytest.raises(DatasetError):
        connector.count_before(backend.name("no_such_table"), "x", CUTOFF)


def test_matched_candidates_maps_collation_matches_back() -> None:
    keys: dict[object, list[str]] = {"ab@x.th": ["ab@x.th"], 7: ["7", "007"]}
    assert matched_candidates(keys, ["AB@X.TH  ", 7, "zz"]) == {"ab@x.th", "7", "007"}
