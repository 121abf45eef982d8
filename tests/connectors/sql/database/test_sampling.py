"""The database connector's samples on every backend: how many rows, how chosen, what they hold.

A small table is read whole; a large one is sampled by the backend's own
method (rowid on SQLite, TABLESAMPLE or random order on PostgreSQL, key
ranges or random order on MariaDB), different on each run, with NULLs
counted apart and binary values kept as bytes. Views, empty tables, hostile
table and column names (quoted, never injected) and SQLite tables without a
rowid are sampled too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert

from connectors.sql import sampling
from connectors.sql.database import DatabaseConnector
from tests.connectors.sql.database.people_tables import (
    PEOPLE_ROWS,
    WEIRD,
    count_rows,
    people,
    person,
    weird,
)
from tests.support.backends import Backend


def test_sample_small_table_takes_all(backend: Backend, connector: DatabaseConnector) -> None:
    info = connector.describe(backend.name("small"))
    sample = connector.sample(info, 100)
    assert (sample.rows_sampled, sample.method) == (10, "full")
    codes = next(c for c in sample.columns if c.column.name == "code")
    assert sorted(codes.values) == [f"C{i:02d}" for i in range(1, 11)]
    assert sample.dataset == info


def test_sample_large_table(backend: Backend, connector: DatabaseConnector) -> None:
    info = connector.describe(backend.name("people"))
    sample = connector.sample(info, 100)
    assert sample.rows_sampled == 100
    expected = {"sqlite": {"rowid"}, "postgresql": {"tablesample", "order_by_random"}}
    assert sample.method in expected.get(backend.kind, {"order_by_random"})
    columns = {c.column.name: c for c in sample.columns}
    ids = columns["id"].values
    assert len(set(ids)) == 100 and all(1 <= i <= PEOPLE_ROWS for i in ids)  # type: ignore[operator]
    assert set(columns["email"].values) == {f"user{i}@example.com" for i in ids}
    for column in sample.columns:
        assert len(column.values) + column.nulls == 100
    assert columns["name"].nulls == sum(1 for i in ids if i % 10 == 0)  # type: ignore[operator]
    assert all(isinstance(v, bytes) for v in columns["photo"].values)
    assert set(columns["photo"].values) == {person(i)["photo"] for i in ids}  # type: ignore[call-overload]


def test_samples_differ_between_runs(backend: Backend, connector: DatabaseConnector) -> None:
    info = connector.describe(backend.name("people"))
    first = connector.sample(info, 50).columns[0].values
    second = connector.sample(info, 50).columns[0].values
    assert set(first) != set(second)


@pytest.mark.parametrize("package_backend", ["mariadb"], indirect=True)
def test_mariadb_primary_key_ranges(backend: Backend) -> None:
    """The range sampler's SQL, as used on large tables, on the real server."""
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        bounds = tuple(conn.execute(sampling.pk_bounds(people, people.c.id)).one())
        query = sampling.mysql_sample(
            people,
            100,
            estimated_rows=1_000_000,
            is_view=False,
            bounds=bounds,  # type: ignore[arg-type]
        )
        assert query.method == "pk_ranges"
        ids = [row.id for row in conn.execute(query.statement)]
    engine.dispose()
    assert 90 <= len(set(ids)) <= 100 <= len(ids) + 10
    assert set(ids) <= set(range(1, PEOPLE_ROWS + 1))
    assert max(ids) - min(ids) > PEOPLE_ROWS // 2  # spread over the key range, not one block


@pytest.mark.parametrize("package_backend", ["postgresql"], indirect=True)
def test_postgresql_tablesample_statement(backend: Backend) -> None:
    query = sampling.postgresql_sample(people, 100, estimated_rows=1_000_000, is_view=False)
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        assert "TABLESAMPLE system" in str(query.statement.compile(conn))
        assert len(conn.execute(query.statement).all()) <= 100
    engine.dispose()
    view = sampling.postgresql_sample(people, 100, estimated_rows=1_000_000, is_view=True)
    assert view.method == "order_by_random"


def test_null_counting(backend: Backend, connector: DatabaseConnector) -> None:
    sample = connector.sample(connector.describe(backend.name("people_view")), 1000)
    assert (sample.rows_sampled, sample.method) == (50, "full")
    name = sample.columns[1]
    assert (len(name.values), name.nulls) == (45, 5)
    assert sample.columns[0].nulls == 0


def test_empty_table(backend: Backend, connector: DatabaseConnector) -> None:
    sample = connector.sample(connector.describe(backend.name("empty")), 100)
    assert sample.rows_sampled == 0
    assert [(c.values, c.nulls) for c in sample.columns] == [((), 0), ((), 0)]


def test_weird_names(backend: Backend, connector: DatabaseConnector) -> None:
    name = backend.name(WEIRD)
    assert name in connector.list_datasets()
    info = connector.describe(name)
    assert [c.name for c in info.columns] == ["id", "select", "ชื่อ"]
    assert info.row_count == 20
    sample = connector.sample(info, 5)
    assert sample.rows_sampled == 5
    thai = sample.columns[2].values
    assert len(thai) == 5 and all(str(v).startswith("สมชาย ") for v in thai)
    assert count_rows(backend, weird) == 20  # still there: nothing was injected


def test_sqlite_without_rowid_table(tmp_path: Path) -> None:
    path = tmp_path / "norowid.db"
    md = MetaData()
    keyed = Table(
        "keyed",
        md,
        Column("code", String(10), primary_key=True),
        Column("value", Integer),
        sqlite_with_rowid=False,
    )
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        md.create_all(conn)
        conn.execute(insert(keyed), [{"code": f"k{i}", "value": i} for i in range(300)])
    engine.dispose()
    with DatabaseConnector("f", f"sqlite:///{path}") as c:
        sample = c.sample(c.describe("main.keyed"), 20)
    assert (sample.rows_sampled, sample.method) == (20, "order_by_random")
    assert len(set(sample.columns[0].values)) == 20
