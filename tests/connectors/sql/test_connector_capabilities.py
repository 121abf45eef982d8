"""Retention counts, k-anonymity groups, subject lookups and remediation SQL.

The database cases run identically on SQLite, PostgreSQL and MariaDB: the
``backend`` fixture creates ``employees`` (18 rows in quasi-identifier groups
of 1, 2, 5 and 10; DATE, DATETIME and ISO-text clocks with NULLs), ``numbers``
(3,000 rows), ``empty`` and ``weird "table"; drop`` (Thai column names). The
generated DELETE/UPDATE statements are executed on a separate writable
connection inside a transaction that is rolled back. The files cases run on
CSV/TSV/TXT files in a temporary folder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    insert,
    select,
)
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError

from connectors.base import GroupCounter, RemediationWriter, RowCounter, SubjectFinder
from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector, parse_date
from connectors.model import GroupStats
from connectors.sql.database import DatabaseConnector
from connectors.sql.queries import matched_candidates
from tests.support.backends import Backend

CUTOFF = dt.date(2016, 11, 25)
WEIRD = 'weird "table"; drop'
THAI_CLOCK = "วันที่ออก"
QUASI = ["gender", "birth_year", "postcode"]
#: Quasi-identifier groups of sizes 1, 2, 5 and 10 (rows 1, 2-3, 4-8, 9-18).
GROUPS = [(1, ("F", 1980, "10110")), (2, ("M", 1980, "10110")), (5, ("F", 1990, "10200"))]
GROUPS += [(10, ("M", 1975, "50000"))]

metadata = MetaData()
employees = Table(
    "employees",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("citizen_id", String(13)),
    Column("code", Integer),
    Column("name", String(100)),
    Column("gender", String(1)),
    Column("birth_year", Integer),
    Column("postcode", String(5)),
    Column("terminated_at", Date),
    Column("left_at", DateTime),
    Column("note_date", Text),
)
numbers = Table("numbers", metadata, Column("id", Integer, primary_key=True), Column("n", Integer))
empty = Table(
    "empty",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("gender", String(1)),
    Column("terminated_at", Date),
)
weird = Table(
    WEIRD,
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("select", String(50)),
    Column("ชื่อ", String(100)),
    Column(THAI_CLOCK, Date),
)


def employee(i: int) -> dict[str, object]:
    """Row ``i`` (1-18) of ``employees``."""
    bounds = [sum(size for size, _ in GROUPS[: g + 1]) for g in range(len(GROUPS))]
    gender, birth_year, postcode = GROUPS[next(g for g, end in enumerate(bounds) if i <= end)][1]
    return {
        "id": i,
        "citizen_id": f"1{i:012d}",
        "code": 1000 + i,
        "name": None if i % 6 == 0 else f"Person {i}",
        "gender": gender,
        "birth_year": birth_year,
        "postcode": postcode,
        # 1, 2, 3 and 5 are before the cutoff; 6 is on it; every fourth is NULL.
        "terminated_at": None if i % 4 == 0 else dt.date(2010 + i, 11, 25),
        # 1-4 are before the cutoff; 6 is midnight of the cutoff day; every fifth is NULL.
        "left_at": None
        if i % 5 == 0
        else dt.datetime(2010 + i, 11, 25, 0, 0)
        if i % 2 == 0
        else dt.datetime(2010 + i, 11, 24, 23, 59),
        # 1-6 are before the cutoff (6 is "2016-11-24 10:00:00").
        "note_date": f"{2010 + i}-11-25" if i % 2 else f"{2010 + i}-11-24 10:00:00",
    }


def _populate(url: URL) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        conn.execute(insert(employees), [employee(i) for i in range(1, 19)])
        conn.execute(insert(numbers), [{"id": i, "n": i * 7} for i in range(1, 3001)])
        rows = [
            {"id": i, "select": f"s{i}", "ชื่อ": f"สมชาย {i}", THAI_CLOCK: dt.date(2000 + i, 1, 1)}
            for i in range(1, 21)
        ]
        conn.execute(insert(weird), rows)
    engine.dispose()


@pytest.fixture(scope="module")
def backend(module_backend: Backend) -> Backend:
    _populate(module_backend.url)
    return module_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("test", backend.url.render_as_string(hide_password=False)) as c:
        yield c


@pytest.fixture
def writable(backend: Backend) -> Iterator[Connection]:
    """A writable connection of our own, inside a transaction that is rolled back."""
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        transaction = conn.begin()
        yield conn
        transaction.rollback()
    engine.dispose()


def _count(conn: Connection, table: Table, *where: object) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


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
    assert _count(writable, employees) == 14
    assert _count(writable, employees, employees.c.id.in_([1, 2, 3, 5])) == 0
    sql = connector.delete_sql(backend.name("employees"), "left_at", CUTOFF)
    writable.exec_driver_sql(sql)
    assert _count(writable, employees) == 13  # 4 was left, its termination date is NULL


def test_anonymise_sql_runs_on_a_writable_connection(
    backend: Backend, connector: DatabaseConnector, writable: Connection
) -> None:
    sql = connector.anonymise_sql(
        backend.name("employees"), ["name", "citizen_id"], "terminated_at", CUTOFF
    )
    assert sql.startswith(_expected_sql(backend, "UPDATE {s}.employees SET "))
    assert sql.endswith(_expected_sql(backend, "{s}.employees.terminated_at < '2016-11-25';"))
    writable.exec_driver_sql(sql)
    assert _count(writable, employees) == 18
    assert _count(writable, employees, employees.c.name.is_(None)) == 3 + 4
    nulled = _count(writable, employees, employees.c.citizen_id.is_(None))
    assert nulled == 4
    assert _count(writable, employees, employees.c.id.in_([1, 2, 3, 5]), employees.c.name.is_(None))


def test_remediation_survives_hostile_names(
    backend: Backend, connector: DatabaseConnector, writable: Connection
) -> None:
    name = backend.name(WEIRD)
    anonymise = connector.anonymise_sql(name, ["ชื่อ", "select"], THAI_CLOCK, CUTOFF)
    writable.exec_driver_sql(anonymise)
    assert _count(writable, weird, weird.c["ชื่อ"].is_(None), weird.c.select.is_(None)) == 16
    writable.exec_driver_sql(connector.delete_sql(name, THAI_CLOCK, CUTOFF))
    assert _count(writable, weird) == 4
    assert _count(writable, weird, weird.c["ชื่อ"].is_not(None)) == 4


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
        assert _count(conn, employees) == 18
    engine.dispose()


def test_matched_candidates_maps_collation_matches_back() -> None:
    keys: dict[object, list[str]] = {"ab@x.th": ["ab@x.th"], 7: ["7", "007"]}
    assert matched_candidates(keys, ["AB@X.TH  ", 7, "zz"]) == {"ab@x.th", "7", "007"}


# -- files --------------------------------------------------------------------

CSV_ROWS = [
    ("1", "2015-03-01", "F", "1980", "10110"),
    ("2", "2016-11-24 18:00:00", "M", "1980", "10110"),
    ("3", "2016-11-25", "M", "1980", "10110"),
    ("4", "25/11/2559", "F", "1990", "10200"),
    ("5", "24/11/2559", "F", "1990", "10200"),
    ("6", "01/01/2010", "F", "1990", "10200"),
    ("7", "31/02/2010", "F", "1990", "10200"),
    ("8", "", "F", "1990", "10200"),
    ("9", "not a date", "M", "1975", "50000"),
    ("10", "2020-01-01T08:00:00", "M", "1975", "50000"),
]


@pytest.fixture
def share(tmp_path: Path) -> Iterator[FilesConnector]:
    lines = ["id,left,gender,birth_year,postcode", *(",".join(r) for r in CSV_ROWS)]
    (tmp_path / "staff.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    tsv = ["id\tleft", "1\t2010-01-01", "2\t2020-01-01"]
    (tmp_path / "staff.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    connector = FilesConnector("share", tmp_path)
    connector.open()
    yield connector
    connector.close()


def test_files_offer_lookups_but_no_sql(share: FilesConnector) -> None:
    for protocol in (RowCounter, GroupCounter, SubjectFinder):
        assert isinstance(share, protocol)
    assert not isinstance(share, RemediationWriter)


def test_files_count_before(share: FilesConnector) -> None:
    # 2015-03-01, 2016-11-24 18:00, 24/11/2559 (B.E.) and 01/01/2010 are before the cutoff.
    assert share.count_before("staff.csv", "left", CUTOFF) == 4
    assert share.count_before("staff.csv", "left", dt.date(2100, 1, 1)) == 7
    assert share.count_before("staff.tsv", "left", CUTOFF) == 1
    with pytest.raises(DatasetError, match="'nope'"):
        share.count_before("staff.csv", "nope", CUTOFF)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2016-11-24", dt.date(2016, 11, 24)),
        (" 2016-11-24 18:00:00 ", dt.date(2016, 11, 24)),
        ("2016-11-24T18:00:00.5+07:00", dt.date(2016, 11, 24)),
        ("24/11/2559", dt.date(2016, 11, 24)),
        ("4/1/2016 09:30", dt.date(2016, 1, 4)),
        ("2559-11-24", dt.date(2016, 11, 24)),
        ("31/02/2010", None),
        ("11/24/2016", None),
        ("24-11-2016", None),
        ("", None),
    ],
)
def test_parse_date(cell: str, expected: dt.date | None) -> None:
    assert parse_date(cell) == expected


def test_files_modified_before(share: FilesConnector, tmp_path: Path) -> None:
    stamp = dt.datetime(2015, 6, 1, 12, 0).timestamp()
    os.utime(tmp_path / "notes.txt", (stamp, stamp))
    assert share.modified_before("notes.txt", CUTOFF) is True
    assert share.modified_before("notes.txt", dt.date(2015, 6, 1)) is False
    assert share.modified_before("staff.csv", CUTOFF) is False  # written just now
    with pytest.raises(DatasetError):
        share.modified_before("gone.txt", CUTOFF)


def test_files_group_stats_and_lookups(share: FilesConnector) -> None:
    # Groups of 1, 2, 5 and 2 rows.
    assert share.group_stats("staff.csv", QUASI, 3) == GroupStats(4, 1, 5, 3)
    assert share.group_stats("staff.csv", QUASI, 6) == GroupStats(4, 1, 10, 4)
    assert share.group_stats("staff.csv", ["left"], 2) == GroupStats(10, 1, 10, 10)
    with pytest.raises(DatasetError):
        share.group_stats("staff.csv", ["gender", "nope"], 3)
    assert share.present_values("staff.csv", "id", ["1", "10", "11", " 2"]) == {"1", "10"}
    assert share.present_values("staff.csv", "id", []) == set()
    assert share.count_values("staff.csv", "gender", ["F"]) == 6
    assert list(share.column_values("staff.csv", "left"))[:2] == [
        "2015-03-01",
        "2016-11-24 18:00:00",
    ]
    assert len(list(share.column_values("staff.csv", "left"))) == 9  # the empty cell is NULL
    assert list(share.column_values("notes.txt", "content")) == ["hello"]
