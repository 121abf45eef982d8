"""Scan cost bounded by columns × sample size: describe and sample 250,000-row tables.

Each backend (a SQLite file, a fresh PostgreSQL database, a fresh MariaDB
database) gets the benchmark's customer table (bench/make_tables.py) at
250,000 rows (``big``), at 500 rows (``small``) and a view over ``big``. The
tests check that large tables are counted by estimate and sampled by a
size-independent method whose rows are spread over the whole key range, and
that small tables are still counted exactly and read whole. Speed is measured
in bench/scale_rows.py and never asserted; on SQLite the boundedness is shown
by counting virtual-machine steps instead.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, delete, event, select, text
from sqlalchemy.engine import URL
from sqlalchemy.sql.ddl import CreateView

from tests.support.paths import REPO_ROOT

sys.path.insert(0, str(REPO_ROOT / "bench"))

from make_tables import create_customer_table

from connectors.model import DatasetSample
from connectors.sql import row_counts
from connectors.sql.database import DatabaseConnector

BIG = 250_000
SMALL = 500
SAMPLE = 1000
LARGE_METHOD = {"sqlite": "rowid_probe", "postgresql": "tablesample", "mariadb": "pk_ranges"}


@dataclass(frozen=True)
class Database:
    """One test database holding ``big``, ``small`` and ``big_view``."""

    kind: str  # "sqlite" | "postgresql" | "mariadb"
    url: URL
    schema: str

    def name(self, table: str) -> str:
        return f"{self.schema}.{table}"


def _wait_for_live_tuples(engine: Engine, table: str, expected: int) -> None:
    """Poll the statistics system until it has ``expected`` live tuples for ``table``."""
    query = text("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = :t")
    deadline = time.monotonic() + 15
    live = None
    while time.monotonic() < deadline:
        with engine.connect() as conn:  # a new transaction: no cached stats snapshot
            live = conn.execute(query, {"t": table}).scalar()
        if live == expected:
            return
        time.sleep(0.2)
    pytest.fail(f"pg_stat_user_tables.n_live_tup of {table} is {live}, not {expected}")


def _build(url: URL, kind: str) -> None:
    engine = create_engine(url)
    # PostgreSQL's big table is never analysed: its estimate must come from n_live_tup.
    big = create_customer_table(engine, "big", BIG, analyze=kind != "postgresql")
    create_customer_table(engine, "small", SMALL)
    with engine.begin() as conn:
        conn.execute(CreateView(select(big.c.id, big.c.email), "big_view"))
        if kind == "postgresql":
            # Keep reltuples at -1 (no autovacuum ANALYZE) and flush the inserts' stats.
            conn.execute(text("ALTER TABLE big SET (autovacuum_enabled = false)"))
            conn.execute(text("SELECT pg_stat_force_next_flush()"))
    if kind == "postgresql":
        _wait_for_live_tuples(engine, "big", BIG)
    engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "mariadb"])
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Database:
    if request.param == "sqlite":
        url = URL.create("sqlite", database=str(tmp_path_factory.mktemp("scale") / "scale.db"))
        schema = "main"
    else:
        fixture = "fresh_pg_database" if request.param == "postgresql" else "fresh_mariadb_database"
        factory: Callable[[], URL] = request.getfixturevalue(fixture)
        url = factory()
        schema = "public" if request.param == "postgresql" else str(url.database)
    _build(url, request.param)
    return Database(request.param, url, schema)


@pytest.fixture
def connector(database: Database) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("scale", database.url) as conn:
        yield conn


def _ids(sample: DatasetSample) -> list[int]:
    column = next(c for c in sample.columns if c.column.name == "id")
    return [int(v) for v in column.values]  # type: ignore[call-overload]


def _assert_spread(ids: list[int], keys: list[int]) -> None:
    """``ids`` are distinct keys of the table, spread over its key range, not its first rows."""
    assert len(set(ids)) == len(ids) == SAMPLE
    assert set(ids) <= set(keys)
    assert max(ids) - min(ids) > (max(keys) - min(keys)) // 2  # not one block
    assert sorted(ids) != sorted(keys)[:SAMPLE]


def _keys(url: URL) -> list[int]:
    """Every ``id`` of ``big`` (not 1..BIG on MariaDB: InnoDB bulk inserts skip values)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        keys = list(conn.execute(text("SELECT id FROM big")).scalars())
    engine.dispose()
    return keys


def test_large_table_is_estimated_and_sampled_at_fixed_cost(
    database: Database, connector: DatabaseConnector
) -> None:
    info = connector.describe(database.name("big"))
    assert info.row_count_exact is False
    assert info.row_count is not None and abs(info.row_count - BIG) <= 0.2 * BIG
    sample = connector.sample(info, SAMPLE)
    assert (sample.method, sample.rows_sampled) == (LARGE_METHOD[database.kind], SAMPLE)
    _assert_spread(_ids(sample), _keys(database.url))
    for column in sample.columns:
        assert len(column.values) + column.nulls == SAMPLE
    emails = next(c for c in sample.columns if c.column.name == "email").values
    assert all(str(e).endswith("@example.co.th") for e in emails)


def test_small_table_is_counted_exactly_and_read_whole(
    database: Database, connector: DatabaseConnector
) -> None:
    info = connector.describe(database.name("small"))
    assert (info.row_count, info.row_count_exact) == (SMALL, True)
    sample = connector.sample(info, SAMPLE)
    assert (sample.method, sample.rows_sampled) == ("full", SMALL)
    assert sorted(_ids(sample)) == list(range(1, SMALL + 1))


def test_view_count_stops_at_the_bound(database: Database, connector: DatabaseConnector) -> None:
    """No catalogue estimate for a view: the count stops at the bound, a lower bound."""
    info = connector.describe(database.name("big_view"))
    assert (info.kind, info.row_count, info.row_count_exact) == (
        "view",
        row_counts.EXACT_COUNT_BELOW,
        False,
    )


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)
def test_postgresql_never_analysed_uses_live_tuples(
    database: Database, connector: DatabaseConnector
) -> None:
    engine = create_engine(database.url)
    with engine.connect() as conn:
        reltuples = conn.execute(text("SELECT reltuples FROM pg_class WHERE relname = 'big'"))
        assert reltuples.scalar_one() == -1  # never analysed: no pg_class estimate
        assert row_counts.estimated_rows(conn, "public", "big") == BIG  # n_live_tup
    engine.dispose()
    info = connector.describe(database.name("big"))
    assert (info.row_count, info.row_count_exact) == (BIG, False)


# --- SQLite: estimates without ANALYZE, sparse rowids, bounded work ----------


def _sqlite_table(path: Path, rows: int, keep_every: int = 1) -> URL:
    """A SQLite file with ``big`` of ``rows`` rows, never analysed; keep ids divisible by ``keep_every``."""
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url)
    big = create_customer_table(engine, "big", rows, analyze=False)
    if keep_every > 1:
        with engine.begin() as conn:
            conn.execute(delete(big).where(big.c.id % keep_every != 0))
    engine.dispose()
    return url


def test_sqlite_without_analyze_estimates_by_rowid_span(tmp_path: Path) -> None:
    with DatabaseConnector("f", _sqlite_table(tmp_path / "plain.db", BIG)) as connector:
        info = connector.describe("main.big")
        assert (info.row_count, info.row_count_exact) == (BIG, False)
        sample = connector.sample(info, SAMPLE)
    assert (sample.method, sample.rows_sampled) == ("rowid_probe", SAMPLE)
    _assert_spread(_ids(sample), list(range(1, BIG + 1)))


@pytest.mark.parametrize(
    ("keep_every", "method"),
    [(5, "rowid_probe"), (100, "rowid")],  # 1 row in 100 left: probing gives up, rowids sorted
)
def test_sqlite_sparse_rowids_still_give_a_valid_sample(
    tmp_path: Path, keep_every: int, method: str
) -> None:
    url = _sqlite_table(tmp_path / "sparse.db", BIG, keep_every)
    remaining = BIG // keep_every
    # A bound below what is left makes the table "large" for the connector.
    with DatabaseConnector("f", url, exact_count_below=min(10_000, remaining // 2)) as connector:
        info = connector.describe("main.big")
        assert info.row_count_exact is False
        sample = connector.sample(info, SAMPLE)
    assert (sample.method, sample.rows_sampled) == (method, SAMPLE)
    _assert_spread(_ids(sample), list(range(keep_every, BIG + 1, keep_every)))


def _vm_steps(url: URL) -> int:
    """SQLite virtual-machine steps (in thousands) to describe and sample ``main.big``."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return 0  # 0: carry on

    def on_checkout(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.set_progress_handler(tick, 1000)

    with DatabaseConnector("f", url) as connector:
        event.listen(connector.engine, "checkout", on_checkout)
        connector.sample(connector.describe("main.big"), SAMPLE)
    return steps


def test_sqlite_work_does_not_grow_with_the_table(tmp_path: Path) -> None:
    """Four times the rows, about the same number of SQLite VM steps (no clock involved)."""
    smaller = _vm_steps(_sqlite_table(tmp_path / "smaller.db", 120_000))
    larger = _vm_steps(_sqlite_table(tmp_path / "larger.db", 480_000))
    assert smaller > 0
    assert larger <= 1.25 * smaller, (smaller, larger)
