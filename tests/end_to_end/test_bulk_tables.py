"""The 10,000-table benchmark's generator (bench/bulk_tables.py) on the local PostgreSQL server.

Tables are built in fresh databases with few rows; the checks are on what a
scan would meet: ten columns per table, the declared kind mix, valid Thai
national IDs (every check digit, the mod-11 wrap-around included), values
that differ between tables of one kind, the same data for the same table
number in two databases, and no NULLs. The benchmark's marker and the scan
timing (bench/scale_10k.py) are not exercised here.
"""

from __future__ import annotations

import ipaddress
import re
import sys
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, MetaData, create_engine, func, inspect, select
from sqlalchemy.engine import URL
from stdnum.th import pin

from scanners.validators import th_national_id
from tests.support.paths import BENCH

sys.path.insert(0, str(BENCH))

import bulk_tables
from make_tables import customer_table

TABLES = 20  # two of each slot of the 10-kind cycle
ROWS = 400


@pytest.fixture(scope="module")
def built(fresh_pg_database: Callable[[], URL]) -> Iterator[Engine]:
    engine = create_engine(fresh_pg_database())
    bulk_tables.build_tables(engine, range(TABLES), ROWS, batch=7)
    bulk_tables.analyze_database(engine)
    yield engine
    engine.dispose()


def _rows(engine: Engine, number: int) -> list[tuple[object, ...]]:
    table = bulk_tables.table_of(MetaData(), number)
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(select(table).order_by(table.c.id))]


def _column(engine: Engine, number: int, column: str) -> list[object]:
    table = bulk_tables.table_of(MetaData(), number)
    with engine.connect() as conn:
        return list(conn.execute(select(table.c[column]).order_by(table.c.id)).scalars())


def test_every_table_has_ten_columns_and_its_rows(built: Engine) -> None:
    found = inspect(built)
    names = sorted(found.get_table_names(schema="public"))
    assert names == sorted(bulk_tables.table_name(number) for number in range(TABLES))
    for number in range(TABLES):
        name = bulk_tables.table_name(number)
        assert len(found.get_columns(name, schema="public")) == 10, name
        table = bulk_tables.table_of(MetaData(), number)
        with built.connect() as conn:
            assert conn.execute(select(func.count()).select_from(table)).scalar_one() == ROWS


def test_the_kind_mix_is_half_personal() -> None:
    kinds = [bulk_tables.kind_of(number).name for number in range(10)]
    assert kinds.count("customers") == 3 and kinds.count("orders") == 2
    assert {"staff", "access_logs", "inventory", "metrics", "codes"} <= set(kinds)
    personal = sum(bool(bulk_tables.kind_of(number).personal) for number in range(10_000))
    assert personal == 5_000
    # Declared personal columns are real columns of their kind.
    for kind in set(bulk_tables.KIND_CYCLE):
        columns = {column.name for column in kind.table(MetaData(), "t").columns}
        assert kind.personal <= columns, kind.name
    assert bulk_tables.personal_columns(range(10)) == 3 * 6 + 3 + 1


def test_customers_have_make_tables_shape() -> None:
    ours = bulk_tables.CUSTOMERS.table(MetaData(), "t")
    theirs = customer_table(MetaData(), "t")
    assert [(c.name, type(c.type)) for c in ours.columns] == [
        (c.name, type(c.type)) for c in theirs.columns
    ]


def test_national_ids_are_valid_and_use_every_check_digit(built: Engine) -> None:
    ids = [value for number in (0, 3, 6) for value in _column(built, number, "citizen_id")]
    assert len(ids) == 3 * ROWS
    invalid = [value for value in ids if not th_national_id.is_valid(str(value))]
    assert invalid == []
    assert all(pin.is_valid(str(value)) for value in ids)
    # Check digit 0 comes from two remainders (10 and 11 mod 11): the wrap-around is exercised.
    assert {str(value)[-1] for value in ids} == set("0123456789")
    assert {str(value)[0] for value in ids} <= set("12345678")


def test_contact_values_have_their_shapes(built: Engine) -> None:
    assert all(re.fullmatch(r"[a-z]+\.\d+@[a-z.]+", str(v)) for v in _column(built, 0, "email"))
    assert all(re.fullmatch(r"0[689]\d{8}", str(v)) for v in _column(built, 0, "mobile"))
    assert all(re.fullmatch(r"08\d-\d{3}-\d{4}", str(v)) for v in _column(built, 7, "phone"))
    for address in _column(built, 4, "client_ip"):
        parsed = ipaddress.IPv4Address(str(address))
        assert 1 <= int(str(parsed).split(".")[0]) <= 223 and str(parsed).split(".")[3] != "0"
    given = set(bulk_tables.ARRAYS["given"])
    assert set(_column(built, 0, "first_name")) <= given
    assert len(set(_column(built, 0, "first_name"))) > 100  # drawn over the whole list


def test_no_nulls_and_tables_of_one_kind_differ(built: Engine) -> None:
    for number in range(TABLES):
        assert all(value is not None for row in _rows(built, number) for value in row), number
    for first, second in ((0, 3), (0, 10), (1, 8), (4, 14)):
        assert _rows(built, first)[0][1:] != _rows(built, second)[0][1:]


def test_the_same_table_number_gives_the_same_rows(
    built: Engine, fresh_pg_database: Callable[[], URL]
) -> None:
    again = create_engine(fresh_pg_database())
    try:
        bulk_tables.build_tables(again, range(3, 5), ROWS)
        assert _rows(again, 3) == _rows(built, 3)
        assert _rows(again, 4) == _rows(built, 4)
    finally:
        again.dispose()


def test_the_recipe_names_the_lists() -> None:
    before = bulk_tables.RECIPE
    assert re.fullmatch(r"[0-9a-f]{16}", before)
    assert bulk_tables.fill_parameters(0, 5)["rows"] == 5
    assert set(bulk_tables.fill_parameters(0, 5)) == {
        "rows", "seed", "given", "family", "handles", "provinces", "domains",
        "mobile_prefixes", "customer_statuses",
    }  # fmt: skip
