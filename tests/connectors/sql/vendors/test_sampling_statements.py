"""SQL Server and Oracle sampling statements, compiled for each dialect (no server needed).

Each test compiles the statement the connector would send and asserts the
parts that make it right: the sampling clause and where it sits, the random
order, the row bound, identifiers quoted by the dialect. PostgreSQL, MySQL
and SQLite statements must not change.
"""

from __future__ import annotations

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    func,
    literal_column,
    select,
    tablesample,
)
from sqlalchemy.dialects import mssql, mysql, oracle, postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Select

from connectors.sql import sampling
from connectors.sql.vendors import mssql_sampling, oracle_sampling
from connectors.sql.vendors.random_order import random_order


def people(schema: str) -> Table:
    return Table(
        "people",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("Full Name", String),
        Column("select", String),  # a reserved word
        schema=schema,
    )


def sql(stmt: Select[object], dialect: Dialect) -> str:
    return " ".join(
        str(stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True})).split()
    )


def test_sql_server_large_table_samples_pages_then_shuffles() -> None:
    stmt, method = mssql_sampling.sample(people("hr"), 100, percent=0.3, columns=["id", "select"])
    assert method == "tablesample"
    assert sql(stmt, mssql.dialect()) == (
        "SELECT TOP 100 sampled.id, sampled.[select] "
        "FROM hr.people AS sampled TABLESAMPLE SYSTEM (0.3 PERCENT) ORDER BY NEWID()"
    )


def test_sql_server_small_table_orders_by_newid() -> None:
    stmt, method = mssql_sampling.sample(people("dbo"), 50, percent=None)
    assert method == "order_by_random"
    assert sql(stmt, mssql.dialect()) == (
        "SELECT TOP 50 dbo.people.id, dbo.people.[Full Name], dbo.people.[select] "
        "FROM dbo.people ORDER BY NEWID()"
    )


def test_oracle_large_table_samples_blocks_before_the_alias() -> None:
    stmt, method = oracle_sampling.sample(people("hr"), 100, percent=2.5, columns=["Full Name"])
    assert method == "tablesample"
    assert sql(stmt, oracle.dialect()) == (
        'SELECT sampled."Full Name" FROM hr.people SAMPLE BLOCK (2.5) sampled '
        "ORDER BY DBMS_RANDOM.VALUE FETCH FIRST 100 ROWS ONLY"
    )


def test_oracle_small_table_orders_by_dbms_random() -> None:
    stmt, method = oracle_sampling.sample(people("hr"), 10, percent=None, columns=["id"])
    assert method == "order_by_random"
    assert sql(stmt, oracle.dialect()) == (
        "SELECT hr.people.id FROM hr.people ORDER BY DBMS_RANDOM.VALUE FETCH FIRST 10 ROWS ONLY"
    )


def test_oracle_before_12c_bounds_rows_with_rownum() -> None:
    old = oracle.dialect()
    old.server_version_info = (11, 2)
    old._supports_offset_fetch = False
    stmt, _method = oracle_sampling.sample(people("hr"), 10, percent=1.0, columns=["id"])
    compiled = sql(stmt, old)
    assert "SAMPLE BLOCK (1) sampled" in compiled and "ROWNUM <= 10" in compiled
    assert "FETCH FIRST" not in compiled


@pytest.mark.parametrize(
    ("percent", "method", "clause"),
    [
        (99.999999, "tablesample", "SAMPLE BLOCK (99.999999)"),
        (99.9999999, "order_by_random", None),  # Oracle refuses 100 and its rounding
        (100.0, "order_by_random", None),
        (1e-9, "tablesample", "SAMPLE BLOCK (0.000001)"),  # Oracle's smallest
    ],
)
def test_oracle_percentage_bounds(percent: float, method: str, clause: str | None) -> None:
    stmt, got = oracle_sampling.sample(people("hr"), 10, percent=percent)
    assert got == method
    if clause is not None:
        assert clause in sql(stmt, oracle.dialect())


@pytest.mark.parametrize("percent", [0.0, -1.0, 100.5, float("nan"), float("inf")])
def test_percentages_out_of_range_are_refused(percent: float) -> None:
    with pytest.raises(ValueError):
        mssql_sampling.percent_text(percent)


def test_a_percentage_is_part_of_the_statement_cache_key() -> None:
    # A bound value is not part of SQLAlchemy's cache key: a percentage taken
    # from one would be reused for the next table's statement.
    one, _ = mssql_sampling.sample(people("hr"), 100, percent=0.3)
    two, _ = mssql_sampling.sample(people("hr"), 100, percent=0.4)
    assert one._generate_cache_key() != two._generate_cache_key()
    three, _ = oracle_sampling.sample(people("hr"), 100, percent=0.3)
    four, _ = oracle_sampling.sample(people("hr"), 100, percent=0.4)
    assert three._generate_cache_key() != four._generate_cache_key()


def test_oracle_row_sampling_and_seed() -> None:
    table = people("hr")
    sampled = tablesample(table, func.bernoulli(literal_column("5")), seed=literal_column("7"))
    assert "FROM hr.people SAMPLE (5) SEED (7) people_1" in sql(
        select(sampled.c.id), oracle.dialect()
    )
    odd = tablesample(table, func.reservoir(literal_column("5")))
    with pytest.raises(ValueError, match="BLOCK"):
        sql(select(odd.c.id), oracle.dialect())


@pytest.mark.parametrize(
    ("estimated", "is_view", "method", "percent_text"),
    [
        (None, False, "order_by_random", None),  # no estimate
        (1_000, False, "order_by_random", None),  # small: at most 10 × rows
        (1_001, False, "tablesample", "29.97003"),  # 3 × 100 rows of 1,001
        (10_000_000, False, "tablesample", "0.003"),
        (10_000_000, True, "order_by_random", None),  # a view cannot be sampled
    ],
)
def test_plan_sizes_the_sample_like_postgresql(
    estimated: int | None, is_view: bool, method: str, percent_text: str | None
) -> None:
    for family, dialect, clause in (
        ("mssql", mssql.dialect(), "TABLESAMPLE SYSTEM ({} PERCENT)"),
        ("oracle", oracle.dialect(), "SAMPLE BLOCK ({})"),
    ):
        query = sampling.vendor_sample(
            family, people("hr"), 100, estimated_rows=estimated, is_view=is_view
        )
        assert query.method == method
        compiled = sql(query.statement, dialect)
        if percent_text is not None:
            assert clause.format(percent_text) in compiled
        else:
            assert "SAMPLE" not in compiled


RANDOM_ORDER = [
    (mssql.dialect(), "ORDER BY NEWID()"),
    (oracle.dialect(), "ORDER BY DBMS_RANDOM.VALUE"),
    (postgresql.dialect(), "ORDER BY random()"),
    (sqlite.dialect(), "ORDER BY random()"),
]


@pytest.mark.parametrize(("dialect", "order"), RANDOM_ORDER)
def test_the_connectors_fallback_shuffle_compiles_for_every_dialect(
    dialect: Dialect, order: str
) -> None:
    # DatabaseConnector.sample falls back to sampling.order_by_random when a
    # page/block sample comes up short, without knowing the dialect.
    query = sampling.order_by_random(people("hr"), 20, ["id"])
    assert order in sql(query.statement, dialect)
    assert order in sql(select(literal_column("1")).order_by(random_order()), dialect)


def test_mysql_and_postgresql_sampling_statements_are_unchanged() -> None:
    my = sampling.order_by_random(people("shop"), 5, ["id"], mysql=True)
    assert sql(my.statement, mysql.dialect()) == (
        "SELECT shop.people.id FROM shop.people ORDER BY rand() LIMIT 5"
    )
    pg = sampling.postgresql_sample(people("hr"), 100, estimated_rows=1_000_000, is_view=False)
    assert sql(pg.statement, postgresql.dialect()) == (
        'SELECT people_1.id, people_1."Full Name", people_1."select" '
        "FROM hr.people AS people_1 TABLESAMPLE system(0.03) ORDER BY random() LIMIT 100"
    )
