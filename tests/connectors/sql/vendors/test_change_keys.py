"""SQL Server and Oracle change keys: statements compiled, keys from recorded catalogue rows.

A key must stay equal while a table is untouched, move with every change the
catalogue records, and be absent when the catalogue cannot vouch for the table.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.dialects import mssql, oracle
from sqlalchemy.sql import Select

from connectors.sql.change_keys import mssql as sqlserver_keys
from connectors.sql.change_keys import oracle as oracle_keys


def sql(stmt: Select[object], dialect: Any) -> str:
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True})
    return " ".join(str(compiled).split())


def test_sql_server_statement() -> None:
    compiled = sql(sqlserver_keys.statement(["dbo", "Sales"]), mssql.dialect())
    for part in (
        "sys.tables.modify_date",
        "(SELECT sum(sys.partitions.rows) AS sum_1 FROM sys.partitions "
        "WHERE sys.partitions.object_id = sys.tables.object_id "
        "AND sys.partitions.index_id IN (0, 1)) AS table_rows",
        "(SELECT max(sys.dm_db_index_usage_stats.last_user_update) AS max_1 "
        "FROM sys.dm_db_index_usage_stats WHERE sys.dm_db_index_usage_stats.database_id = db_id() "
        "AND sys.dm_db_index_usage_stats.object_id = sys.tables.object_id) AS updated",
        "binary_checksum(sys.columns.column_id, sys.columns.name, sys.columns.system_type_id",
        "sysdatetime() AS now",
        "WHERE sys.schemas.name IN ('dbo', 'Sales') AND sys.tables.is_ms_shipped = 0",
    ):
        assert part in compiled


NOW = datetime(2025, 3, 1, 12, 0, 0)
SQL_SERVER_ROW = {
    "schema": "dbo",
    "table": "people",
    "modify_date": datetime(2025, 1, 5, 9, 0),
    "table_rows": 1200,
    "updated": NOW - timedelta(hours=3),
    "columns": 4,
    "shape": 123456789,
    "now": NOW,
}


def server_key(**changes: object) -> str | None:
    return sqlserver_keys.keys_from_rows([{**SQL_SERVER_ROW, **changes}]).get(("dbo", "people"))


def test_sql_server_key_is_stable_while_nothing_changes() -> None:
    first = server_key()
    assert first is not None and first == server_key(now=NOW + timedelta(days=1))


@pytest.mark.parametrize(
    "change",
    [
        {"modify_date": datetime(2025, 2, 1)},  # ALTER TABLE
        {"table_rows": 1201},  # rows added or removed
        {"updated": NOW - timedelta(hours=1)},  # an update that kept the row count
        {"columns": 5},  # a column added
        {"shape": 987654321},  # a column renamed or retyped
    ],
)
def test_sql_server_key_moves_with_each_recorded_change(change: dict[str, object]) -> None:
    assert server_key(**change) not in (None, server_key())


@pytest.mark.parametrize(
    "change",
    [
        {"updated": None},  # no write since the restart (or never tracked): cannot tell
        {"updated": NOW - timedelta(seconds=1)},  # a second write this instant would not show
        {"table_rows": None},
        {"modify_date": None},
        {"shape": None},  # no columns read
    ],
)
def test_sql_server_table_without_a_trusted_key_is_read(change: dict[str, object]) -> None:
    assert server_key(**change) is None


def test_sql_server_settling_boundary() -> None:
    assert server_key(updated=NOW - timedelta(seconds=3)) is not None
    assert server_key(updated=NOW - timedelta(seconds=2)) is None


def test_oracle_statement() -> None:
    compiled = sql(oracle_keys.statement(["hr", "Mixed"]), oracle.dialect())
    for part in (
        "all_objects.last_ddl_time",
        "all_tab_modifications.inserts, all_tab_modifications.updates, all_tab_modifications.deletes, "
        'all_tab_modifications.truncated, all_tab_modifications.drop_segments, all_tab_modifications."TIMESTAMP"',
        "all_objects.object_type = 'TABLE' AND all_objects.subobject_name IS NULL",
        "LEFT OUTER JOIN all_tab_modifications",
        "all_tab_modifications.partition_name IS NULL",
        "WHERE all_tables.owner IN ('HR', 'Mixed') AND all_tables.temporary = 'N' "
        "AND all_tables.nested = 'NO' AND all_tables.secondary = 'N' AND all_tables.dropped = 'NO' "
        "AND NOT (EXISTS (SELECT * FROM all_external_tables",
    ):
        assert part in compiled


ORACLE_ROW = {
    "owner": "HR",
    "table_name": "EMPLOYEES",
    "num_rows": 5000,
    "last_analyzed": datetime(2025, 2, 1, 22, 0),
    "monitoring": "YES",
    "last_ddl_time": datetime(2025, 1, 10, 8, 0),
    "inserts": None,  # no ALL_TAB_MODIFICATIONS row: nothing counted since the statistics
    "updates": None,
    "deletes": None,
    "truncated": None,
    "drop_segments": None,
    "timestamp": None,
}


def oracle_key(**changes: object) -> str | None:
    return oracle_keys.keys_from_rows([{**ORACLE_ROW, **changes}]).get(("hr", "employees"))


def test_oracle_key_names_tables_as_sqlalchemy_does() -> None:
    keys = oracle_keys.keys_from_rows(
        [ORACLE_ROW, {**ORACLE_ROW, "owner": "Mixed", "table_name": "Orders"}]
    )
    assert set(keys) == {("hr", "employees"), ("Mixed", "Orders")}


@pytest.mark.parametrize(
    "change",
    [
        {"last_ddl_time": datetime(2025, 2, 2)},  # ALTER, TRUNCATE, GRANT …
        {"inserts": 3, "updates": 0, "deletes": 0, "truncated": "NO", "drop_segments": 0,
         "timestamp": datetime(2025, 2, 2)},  # DML counted since the statistics
        {"last_analyzed": datetime(2025, 2, 3), "num_rows": 5003},  # statistics gathered again
    ],
)  # fmt: skip
def test_oracle_key_moves_with_each_recorded_change(change: dict[str, object]) -> None:
    assert oracle_key(**change) not in (None, oracle_key())


def test_oracle_counted_dml_moves_the_key_again() -> None:
    counted = {"inserts": 3, "updates": 0, "deletes": 0, "truncated": "NO", "drop_segments": 0,
               "timestamp": datetime(2025, 2, 2)}  # fmt: skip
    assert oracle_key(**counted) != oracle_key(**{**counted, "updates": 1})


@pytest.mark.parametrize(
    "change", [{"monitoring": "NO"}, {"monitoring": None}, {"last_ddl_time": None}]
)
def test_oracle_table_without_a_trusted_key_is_read(change: dict[str, object]) -> None:
    assert oracle_key(**change) is None


def test_oracle_key_is_stable_while_nothing_changes() -> None:
    assert oracle_key() is not None and oracle_key() == oracle_key()
