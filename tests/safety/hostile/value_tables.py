"""Tables of hostile values for SQLite, PostgreSQL and MariaDB, and how to create them.

NUL bytes where the backend allows them (SQLite TEXT and BLOB, PostgreSQL
bytea, MariaDB BLOB and TEXT; PostgreSQL text cannot hold NUL), 10 MB text
cells, a BLOB stored in a SQLite TEXT column, text that is not UTF-8 (SQLite
``CAST(x'…' AS TEXT)``, a MariaDB latin1 column), extreme numbers (64-bit
limits, NaN, infinities, 65-digit decimals) and dates Python cannot hold
(PostgreSQL ``infinity`` and BC dates, year 1, MariaDB zero dates). Every
table also holds Thai national IDs in ``pid``, and a ``control`` table one
e-mail address.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from tests.support.synthetic import national_id

TODAY = date(2026, 11, 25)
TEN_MB = 10 * 1024 * 1024
IDS = [national_id(random.Random(700 + i)) for i in range(4)]
ABSENT_ID = national_id(random.Random(799))


@dataclass(frozen=True)
class HostileTable:
    """A table of hostile values: DDL, rows as literal SQL, and what the scan must find."""

    name: str
    ddl: str
    rows: tuple[str, ...]  # VALUES tuples after the id and pid
    found: dict[str, str]  # column → a PII type it must hold despite its neighbours
    clock: str | None = None  # a date column counted against a 1-year retention
    expired: int | None = None  # rows whose clock is before the cutoff


def pid_rows(table: HostileTable) -> list[str]:
    """``(id, 'pid', …)`` literals: every row carries a valid national ID."""
    return [f"({i + 1}, '{IDS[i % len(IDS)]}', {values})" for i, values in enumerate(table.rows)]


SQLITE_TABLES = [
    HostileTable(
        "nul_values",
        "t TEXT, b BLOB",
        (
            "'somchai@example.co.th' || char(0), x'00010200'",
            "'a' || char(0) || 'b@example.co.th', x'31313033373030303031323339'",
            "char(0), x''",
        ),
        {"t": "EMAIL_ADDRESS"},
    ),
    HostileTable(
        "blob_in_text",
        "t TEXT",
        ("x'ff00fe'", "CAST('wilai@example.co.th' AS BLOB)", "x'00'"),
        {},
    ),
    HostileTable(
        "not_utf8",
        "t TEXT",
        ("CAST(x'fffe41' AS TEXT)", "CAST(x'eda080' AS TEXT)", "'fine@example.co.th'"),
        {},
    ),
    HostileTable("huge_text", "t TEXT", (f"'{'x' * TEN_MB}'", "'ok'"), {}),
    HostileTable(
        "extreme_numbers",
        "n INTEGER, r REAL",
        ("9223372036854775807, 1e308", "-9223372036854775808, -1e308", "0, 9e999"),
        {},
    ),
]
POSTGRES_TABLES = [
    HostileTable(
        "nul_bytea",
        "b bytea, t text",
        ("'\\x00013100'::bytea, 'x'", "'\\x'::bytea, 'y'"),
        {},
    ),
    HostileTable(
        "extreme_numbers",
        "f float8, n numeric, r real",
        (
            "'NaN', 'NaN', 'Infinity'",
            "'Infinity', 1e1000, '-Infinity'",
            "'-Infinity', -1e-1000, 'NaN'",
        ),
        {},
    ),
    HostileTable(
        "out_of_range_dates",
        "d date, t timestamptz, iv interval",
        (
            "'infinity', '-infinity', '1000000 years'",
            "'0001-01-01', '0001-01-01 00:00:00+14', '100000000 years'",
            "'0044-03-15 BC', '4713-01-01 BC', '-178000000 years'",
            "'2026-01-01', '2026-01-01', '1 day'",
        ),
        {},
        clock="d",
        expired=2,  # 0001-01-01 and 44 BC (infinity and 2026 are not before the cutoff)
    ),
    HostileTable("huge_text", "t text", (f"'{'x' * TEN_MB}'", "'ok'"), {}),
]
MARIADB_TABLES = [
    HostileTable(
        "nul_values",
        "b BLOB, t TEXT",
        (
            "0x003100ff, CONCAT('somchai@example.co.th', CHAR(0))",
            "0x00, CONCAT('a', CHAR(0), 'b@example.co.th')",
        ),
        {"t": "EMAIL_ADDRESS"},
    ),
    HostileTable(
        "latin1_bytes",
        "t VARCHAR(50) CHARACTER SET latin1",
        ("_binary 0xfffe4142", "_binary 0x80818283", "'plain'"),
        {},
    ),
    HostileTable(
        "zero_dates",
        "d DATE, dt DATETIME, ts TIMESTAMP NULL",
        (
            "'0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00'",
            "'2020-00-15', '2020-02-30 00:00:00', NULL",
            "'2010-01-01', '2010-01-01 00:00:00', NULL",
        ),
        {},
        clock="d",
        expired=3,  # every zero date sorts before the cutoff
    ),
    HostileTable(
        "extreme_numbers",
        "n DECIMAL(65,0), u BIGINT UNSIGNED, f DOUBLE",
        (
            "99999999999999999999999999999999999999999999999999999999999999999, "
            "18446744073709551615, 1.7976931348623157e308",
            "-99999999999999999999999999999999999999999999999999999999999999999, 0, -0.0",
        ),
        {},
    ),
    HostileTable("huge_text", "t LONGTEXT", (f"'{'x' * TEN_MB}'", "'ok'"), {}),
]


@dataclass(frozen=True)
class ValuesDb:
    kind: str
    url: URL
    schema: str
    tables: list[HostileTable]


def create_tables(db: ValuesDb) -> None:
    engine = create_engine(db.url, poolclass=NullPool)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.kind == "mariadb":
            cursor.execute("SET SESSION sql_mode = ''")  # zero dates and lossy latin1 allowed
        for table in db.tables:
            cursor.execute(
                f"CREATE TABLE {table.name} (id INTEGER PRIMARY KEY, pid VARCHAR(20), {table.ddl})"
            )
            for row in pid_rows(table):
                cursor.execute(f"INSERT INTO {table.name} VALUES {row}")
        cursor.execute("CREATE TABLE control (id INTEGER PRIMARY KEY, email VARCHAR(100))")
        cursor.execute("INSERT INTO control VALUES (1, 'control@example.co.th')")
        cursor.close()
        raw.commit()
    finally:
        raw.close()
        engine.dispose()
