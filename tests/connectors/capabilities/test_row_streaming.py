"""What a disclosure extract asks a database: every row of chosen columns, and their groups.

On SQLite, PostgreSQL and MariaDB (``module_backend``, tables made here): the
exact row count (also where ``describe`` only estimates); every row of the
chosen columns in the order asked, NULL as None, Thai text intact, DATE
values as dates; the groups of ``group_counts`` exactly those of the
streamed rows (NULL a group, and text that a case-insensitive or pad-space
collation calls equal kept apart, as the extract keeps it); an unknown
dataset or column a DatasetError naming it and no value, raised before any
row is read; a half-read stream closed early gives its connection back.
Its ``backend`` and ``connector`` fixtures are its own (they override this
folder's). How the rows are streamed and that the session is read-only are in
test_row_streaming_proofs.py; the files connector in test_row_streaming_files.py.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert, text
from sqlalchemy.pool import NullPool

from connectors.base import RowStreamer
from connectors.errors import DatasetError
from connectors.sql.database import DatabaseConnector
from tests.support.backends import Backend

THAI_NAMES = ("สมชาย ใจดี", "สมหญิง รักไทย", "น้ำผึ้ง เดือนห้า", "กฤษณ์ ศรีสุข")
PROVINCES = ("กรุงเทพมหานคร", "เชียงใหม่", "ภูเก็ต")
ROWS = 40
#: Spellings a case-insensitive (MariaDB's default, SQLite NOCASE, an ICU level-2
#: PostgreSQL collation) or pad-space collation calls equal; an extract keeps them apart.
VARIANTS = ("Somchai", "SOMCHAI", "somchai", "Somchai ", "สมชาย", "สมชาย ", None)
#: A collation on ``spelled.name`` that merges them, per backend.
CASE_BLIND = {"sqlite": "NOCASE", "postgresql": "case_blind", "mariadb": None}
#: What :func:`passenger` gives ``group_counts`` to check, NULLs in every one.
GROUPINGS = (["gender"], ["province", "gender"], ["birth_date"], ["full_name"], ["gender", "id"])


def passenger(i: int) -> dict[str, object]:
    """Row ``i`` (1-40) of ``passengers``: NULL names, genders and birth dates among them."""
    return {
        "id": i,
        "full_name": None if i % 7 == 0 else f"{THAI_NAMES[i % 4]} {i}",
        "gender": None if i % 5 == 0 else "FM"[i % 2],
        "birth_date": None if i % 6 == 0 else dt.date(1950 + i, 1 + i % 12, 1 + i % 28),
        "province": PROVINCES[i % 3],
    }


def create_tables(backend: Backend) -> None:
    engine = create_engine(backend.url, poolclass=NullPool)
    with engine.begin() as conn:
        if backend.kind == "postgresql":
            conn.execute(
                text(
                    "CREATE COLLATION case_blind "
                    "(provider = icu, locale = 'und-u-ks-level2', deterministic = false)"
                )
            )
        metadata = MetaData()
        passengers = Table(
            "passengers",
            metadata,
            Column("id", Integer, primary_key=True, autoincrement=False),
            Column("full_name", String(100)),
            Column("gender", String(1)),
            Column("birth_date", Date),
            Column("province", String(50)),
        )
        spelled = Table(
            "spelled",
            metadata,
            Column("id", Integer, primary_key=True, autoincrement=False),
            Column("name", String(50, collation=CASE_BLIND[backend.kind])),
        )
        Table("nobody", metadata, Column("id", Integer, primary_key=True), Column("x", Integer))
        metadata.create_all(conn)
        conn.execute(insert(passengers), [passenger(i) for i in range(1, ROWS + 1)])
        names = [VARIANTS[i % len(VARIANTS)] for i in range(30)]
        conn.execute(insert(spelled), [{"id": i, "name": n} for i, n in enumerate(names)])
    engine.dispose()


@pytest.fixture(scope="module")
def backend(module_backend: Backend) -> Backend:
    create_tables(module_backend)
    return module_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("extract", backend.rendered) as opened:
        yield opened


def test_offers_row_streaming(connector: DatabaseConnector) -> None:
    assert isinstance(connector, RowStreamer)


def test_count_rows_is_exact_where_describe_estimates(backend: Backend) -> None:
    with DatabaseConnector("extract", backend.rendered, exact_count_below=10) as connector:
        name = backend.name("passengers")
        assert not connector.describe(name).row_count_exact  # a count that stopped at 10
        assert connector.count_rows(name) == ROWS
        assert connector.count_rows(backend.name("nobody")) == 0


def test_stream_rows_gives_every_row_in_the_columns_asked(
    backend: Backend, connector: DatabaseConnector
) -> None:
    columns = ["province", "full_name", "birth_date", "gender", "id"]
    rows = connector.stream_rows(backend.name("passengers"), columns)
    assert not isinstance(rows, list | tuple)
    got = sorted(rows, key=lambda row: int(row[-1]))  # type: ignore[call-overload]
    wanted = [tuple(passenger(i)[c] for c in columns) for i in range(1, ROWS + 1)]
    assert got == wanted
    assert sum(1 for row in got if row[1] is None) == ROWS // 7
    assert all(type(row[2]) is dt.date for row in got if row[2] is not None)
    assert {row[1] for row in got if row[1]} >= {f"น้ำผึ้ง เดือนห้า {i}" for i in (2, 6, 10)}
    # A column asked twice, and the one column of a table with no row.
    twice = list(connector.stream_rows(backend.name("passengers"), ["id", "id"]))
    assert sorted(twice) == [(i, i) for i in range(1, ROWS + 1)]  # type: ignore[type-var]
    assert list(connector.stream_rows(backend.name("nobody"), ["x"])) == []


@pytest.mark.parametrize("columns", GROUPINGS, ids="+".join)
def test_group_counts_are_the_groups_of_the_streamed_rows(
    backend: Backend, connector: DatabaseConnector, columns: list[str]
) -> None:
    name = backend.name("passengers")
    groups = list(connector.group_counts(name, columns))
    assert len({combination for combination, _ in groups}) == len(groups)
    assert dict(groups) == Counter(connector.stream_rows(name, columns))
    assert all(isinstance(rows, int) and rows > 0 for _, rows in groups)


def test_group_counts_with_a_null_group(backend: Backend, connector: DatabaseConnector) -> None:
    genders = dict(connector.group_counts(backend.name("passengers"), ["gender"]))
    assert genders == {("F",): 16, ("M",): 16, (None,): 8}
    assert list(connector.group_counts(backend.name("nobody"), ["x"])) == []


def test_group_counts_keep_apart_what_a_collation_merges(
    backend: Backend, connector: DatabaseConnector
) -> None:
    """Counted by collation, ``Somchai`` and ``SOMCHAI`` would be one group and overstate k."""
    name = backend.name("spelled")
    groups = dict(connector.group_counts(name, ["name"]))
    assert groups == Counter(connector.stream_rows(name, ["name"]))
    assert set(groups) == {(v,) for v in VARIANTS}
    assert sum(groups.values()) == 30


def test_unknown_dataset_or_column(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name("passengers")
    calls: list[Callable[[], object]] = [
        lambda: connector.stream_rows(name, ["full_name", "nope"]),  # before any iteration
        lambda: connector.group_counts(name, ["gender", "nope"]),
    ]
    for call in calls:
        with pytest.raises(DatasetError, match="'nope'") as raised:
            call()
        message = str(raised.value)
        assert name in message
        assert not any(thai in message for thai in (*THAI_NAMES, *PROVINCES))
    for empty in (
        lambda: connector.stream_rows(name, []),
        lambda: connector.group_counts(name, []),
    ):
        with pytest.raises(DatasetError, match="no columns"):
            empty()
    missing = backend.name("no_such_table")
    for call in (
        lambda: connector.count_rows(missing),
        lambda: connector.stream_rows(missing, ["id"]),
        lambda: connector.group_counts(missing, ["id"]),
    ):
        with pytest.raises(DatasetError, match="no_such_table"):
            call()


def test_a_stream_closed_early_gives_its_connection_back(
    backend: Backend, connector: DatabaseConnector
) -> None:
    name = backend.name("passengers")
    for _ in range(3):  # more than the pool holds (POOL_SIZE + MAX_OVERFLOW)
        rows = connector.stream_rows(name, ["id", "full_name"])
        assert next(rows)[0] in range(1, ROWS + 1)
        rows.close()  # type: ignore[attr-defined]
        groups = connector.group_counts(name, ["province"])
        assert next(groups)[1] > 0
        groups.close()  # type: ignore[attr-defined]
    assert connector.count_rows(name) == ROWS
