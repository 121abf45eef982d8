"""Row estimates and schema listing on SQL Server and Oracle: statements compiled, rules on values."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import mssql, oracle
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Select

from connectors.sql.vendors import mssql as sqlserver
from connectors.sql.vendors import oracle as ora


def sql(stmt: Select[object], dialect: Dialect) -> str:
    return " ".join(
        str(stmt.compile(dialect=dialect, compile_kwargs={"literal_binds": True})).split()
    )


def test_sql_server_estimate_reads_heap_or_clustered_index_rows() -> None:
    compiled = sql(sqlserver.estimated_rows_statement("Sales", "Order's"), mssql.dialect())
    assert compiled == (
        "SELECT sum(sys.partitions.rows) AS sum_1 FROM sys.partitions "
        "JOIN sys.objects ON sys.objects.object_id = sys.partitions.object_id "
        "JOIN sys.schemas ON sys.schemas.schema_id = sys.objects.schema_id "
        "WHERE sys.schemas.name = 'Sales' AND sys.objects.name = 'Order''s' "
        "AND sys.partitions.index_id IN (0, 1)"
    )
    bound = sqlserver.estimated_rows_statement("Sales", "x").compile(dialect=mssql.dialect())
    assert {"Sales", "x"} <= {v for v in bound.params.values() if isinstance(v, str)}


def test_oracle_estimate_reads_statistics_and_dml_since_with_dictionary_names() -> None:
    compiled = sql(ora.estimated_rows_statement("hr", "employees"), oracle.dialect())
    assert compiled == (
        "SELECT all_tables.num_rows, all_tab_modifications.inserts, all_tab_modifications.deletes "
        "FROM all_tables LEFT OUTER JOIN all_tab_modifications "
        "ON all_tab_modifications.table_owner = all_tables.owner "
        "AND all_tab_modifications.table_name = all_tables.table_name "
        "AND all_tab_modifications.partition_name IS NULL "
        "WHERE all_tables.owner = 'HR' AND all_tables.table_name = 'EMPLOYEES'"
    )
    mixed = sql(ora.estimated_rows_statement("Mixed", "Orders"), oracle.dialect())
    assert "owner = 'Mixed' AND all_tables.table_name = 'Orders'" in mixed


@pytest.mark.parametrize(
    ("num_rows", "inserts", "deletes", "expected"),
    [
        (None, None, None, None),  # never analysed: the connector counts (bounded)
        (None, 500, 0, None),
        (1_000, None, None, 1_000),  # no DML since the statistics
        (1_000, 400, 100, 1_300),  # grew since
        (1_000, 0, 900, 1_000),  # shrank: the stale larger number wins (never shrink a sample)
        (0, 0, 50, 0),  # never negative
    ],
)
def test_oracle_estimate(
    num_rows: int | None, inserts: int | None, deletes: int | None, expected: int | None
) -> None:
    assert ora.estimate(num_rows, inserts, deletes) == expected


def test_oracle_user_schemas_statement_skips_oracle_maintained_and_empty_users() -> None:
    compiled = sql(ora.user_schemas_statement(), oracle.dialect())
    assert compiled == (
        "SELECT all_users.username FROM all_users WHERE all_users.oracle_maintained = 'N' "
        "AND ((EXISTS (SELECT * FROM all_tables WHERE all_tables.owner = all_users.username)) "
        "OR (EXISTS (SELECT * FROM all_views WHERE all_views.owner = all_users.username))) "
        "ORDER BY all_users.username"
    )


def test_oracle_schema_names_are_sqlalchemy_names_without_system_users() -> None:
    stored = ["HR", "Mixed", "SYSTEM", "XDB", "APP_2", "lower"]
    assert ora.schema_names(stored) == ["hr", "Mixed", "app_2", "lower"]


@pytest.mark.parametrize(
    ("stored", "name"),
    [
        ("HR", "hr"),
        ("EMPLOYEES", "employees"),
        ("Mixed", "Mixed"),
        ("lower", "lower"),
        ("A$B", "a$b"),
    ],
)
def test_oracle_names_round_trip(stored: str, name: str) -> None:
    assert ora.dataset_name(stored) == name
    assert ora.stored_name(ora.dataset_name(stored)) == stored


def test_a_plain_lower_case_name_is_taken_as_case_insensitive() -> None:
    # The trap: "lower" (stored quoted, in lower case) and LOWER read the same as plain
    # strings; only SQLAlchemy's quoted_name keeps the difference.
    assert ora.stored_name("lower") == "LOWER"
    assert ora.stored_name(ora.dataset_name("lower")) == "lower"
