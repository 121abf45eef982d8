"""The database connector, run identically on SQLite, PostgreSQL and MariaDB.

The ``backend`` fixture creates the same tables on each backend with
SQLAlchemy Core: ``people`` (5,000 rows), ``small`` (10), ``empty``, the view
``people_view`` (ids 1-50) and ``weird "table"; drop`` with the columns
``select`` and ``ชื่อ``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Time,
    create_engine,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.ddl import CreateView

from connectors.base import Connector
from connectors.errors import DatasetError, SourceError
from connectors.model import ValueKind
from connectors.sql import sampling
from connectors.sql.database import DatabaseConnector
from tests.support.backends import Backend

PEOPLE_ROWS = 5000
WEIRD = 'weird "table"; drop'

metadata = MetaData()
people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", String(100)),
    Column("email", String(200)),
    Column("birth", Date),
    Column("balance", Numeric(12, 2)),
    Column("active", Boolean),
    Column("photo", LargeBinary),
    Column("created", DateTime),
    Column("wake", Time),
)
small = Table(
    "small",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("code", String(20)),
)
empty = Table("empty", metadata, Column("id", Integer, primary_key=True), Column("note", Text))
weird = Table(
    WEIRD,
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("select", String(50)),
    Column("ชื่อ", String(100)),
)
CreateView(
    select(people.c.id, people.c.name).where(people.c.id <= 50), "people_view", metadata=metadata
)


def person(i: int) -> dict[str, object]:
    """Row ``i`` of ``people``; every tenth name is NULL."""
    return {
        "id": i,
        "name": None if i % 10 == 0 else f"Person {i}",
        "email": f"user{i}@example.com",
        "birth": dt.date(1970, 1, 1) + dt.timedelta(days=i),
        "balance": Decimal(i) / 4,
        "active": i % 2 == 0,
        "photo": bytes([i % 256, 0, 255]),
        "created": dt.datetime(2024, 1, 1, 12, 0) + dt.timedelta(minutes=i),
        "wake": dt.time(i % 24, i % 60),
    }


def _populate(url: URL) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        conn.execute(insert(people), [person(i) for i in range(1, PEOPLE_ROWS + 1)])
        conn.execute(insert(small), [{"id": i, "code": f"C{i:02d}"} for i in range(1, 11)])
        rows = [{"id": i, "select": f"s{i}", "ชื่อ": f"สมชาย {i}"} for i in range(1, 21)]
        conn.execute(insert(weird), rows)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))
        elif engine.dialect.name in ("mysql", "mariadb"):
            conn.execute(text("ANALYZE TABLE people, small"))
    engine.dispose()


@pytest.fixture(scope="module")
def backend(module_backend: Backend) -> Backend:
    _populate(module_backend.url)
    return module_backend


@pytest.fixture
def connector(backend: Backend) -> Iterator[DatabaseConnector]:
    conn = DatabaseConnector("test", backend.url.render_as_string(hide_password=False))
    conn.open()
    yield conn
    conn.close()


def _count(backend: Backend, table: Table) -> int:
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(table)).scalar_one()
    engine.dispose()
    return int(n)


def test_is_a_connector(connector: DatabaseConnector) -> None:
    assert isinstance(connector, Connector)


def test_lists_tables_and_views(backend: Backend, connector: DatabaseConnector) -> None:
    names = ["empty", "people", "people_view", "small", WEIRD]
    assert connector.list_datasets() == sorted(backend.name(n) for n in names)


def test_include_and_exclude_globs(backend: Backend) -> None:
    url = backend.url.render_as_string(hide_password=False)
    with DatabaseConnector("t", url, include=[f"{backend.schema}.p*"], exclude=["*_view"]) as c:
        assert c.list_datasets() == [backend.name("people")]
    with DatabaseConnector("t", url, exclude=["*.weird*", "*.e*"]) as c:
        assert c.list_datasets() == [backend.name(n) for n in ("people", "people_view", "small")]


def test_describe_kinds_and_counts(backend: Backend, connector: DatabaseConnector) -> None:
    info = connector.describe(backend.name("people"))
    assert info.source == "test" and info.kind == "table"
    assert (info.row_count, info.row_count_exact) == (PEOPLE_ROWS, True)
    kinds = {c.name: c.kind for c in info.columns}
    assert kinds == {
        "id": ValueKind.INTEGER,
        "name": ValueKind.TEXT,
        "email": ValueKind.TEXT,
        "birth": ValueKind.DATE,
        "balance": ValueKind.DECIMAL,
        # MySQL/MariaDB have no boolean type: BOOL is TINYINT(1).
        "active": ValueKind.INTEGER if backend.kind == "mariadb" else ValueKind.BOOLEAN,
        "photo": ValueKind.BINARY,
        "created": ValueKind.DATETIME,
        "wake": ValueKind.TIME,
    }
    assert all(c.type_name for c in info.columns)
    view = connector.describe(backend.name("people_view"))
    assert (view.kind, view.row_count, view.row_count_exact) == ("view", 50, True)
    assert [c.name for c in view.columns] == ["id", "name"]
    assert connector.describe(backend.name("small")).row_count == 10
    assert connector.describe(backend.name("empty")).row_count == 0


def test_estimated_row_count(backend: Backend) -> None:
    url = backend.url.render_as_string(hide_password=False)
    with DatabaseConnector("test", url, exact_count_below=100) as connector:
        info = connector.describe(backend.name("people"))
    if backend.kind == "sqlite":
        # The count stops at the bound; the rowid span (ids 1..5000) is the estimate.
        assert (info.row_count, info.row_count_exact) == (PEOPLE_ROWS, False)
    else:
        assert info.row_count_exact is False
        assert info.row_count is not None and 0.5 * PEOPLE_ROWS <= info.row_count <= 2 * PEOPLE_ROWS


def test_missing_dataset(backend: Backend, connector: DatabaseConnector) -> None:
    with pytest.raises(DatasetError):
        connector.describe(backend.name("no_such_table"))
    info = connector.describe(backend.name("small"))
    gone = info.__class__(info.source, backend.name("gone"), "table", info.columns, 10, True)
    with pytest.raises(DatasetError):
        connector.sample(gone, 5)


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


@pytest.mark.parametrize("module_backend", ["mariadb"], indirect=True)
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


@pytest.mark.parametrize("module_backend", ["postgresql"], indirect=True)
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
    assert _count(backend, weird) == 20  # still there: nothing was injected


def test_connection_is_read_only(backend: Backend, connector: DatabaseConnector) -> None:
    with connector.engine.connect() as conn, pytest.raises(DBAPIError):
        conn.execute(insert(small).values(id=999, code="X"))
        conn.commit()
    assert _count(backend, small) == 10


def test_close_is_idempotent(backend: Backend) -> None:
    c = DatabaseConnector("t", backend.url.render_as_string(hide_password=False))
    c.open()
    c.close()
    c.close()
    with pytest.raises(SourceError):
        c.list_datasets()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg2://u:secret@127.0.0.1:1/x",
        "mysql+pymysql://u:secret@127.0.0.1:1/x",
    ],
)
def test_unreachable_server_masks_password(url: str) -> None:
    with pytest.raises(SourceError) as caught:
        DatabaseConnector("hr", url, connect_timeout_s=2).open()
    message = str(caught.value)
    assert "secret" not in message and "hr" in message and "127.0.0.1" in message
    assert "\n" not in message
    with pytest.raises(SourceError) as caught:
        DatabaseConnector("hr", url.replace("secret@", "@"), password="hunter2").open()
    assert "hunter2" not in str(caught.value)


def test_bad_url_is_a_source_error() -> None:
    with pytest.raises(SourceError) as caught:
        DatabaseConnector("hr", "not a url :secret@").open()
    assert "secret" not in str(caught.value)


def test_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(SourceError):
        DatabaseConnector("f", f"sqlite:///{path}").open()
    assert not path.exists()


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
