"""Hostile schema, table and column names, and the databases holding them (issue 9 (3)).

Tables named with quotes, semicolons, SQL comments, Thai, reserved words,
spaces, backticks, emoji, LIKE wildcards, glob characters, backslashes, dots
and a 60-character name hold Thai national IDs and e-mail addresses in
columns with equally hostile names, beside the canary tables ``victim`` and
``Students``: a test proves nothing was injected when the canaries keep their
rows and the server's table list has not changed.

Server limits, not product limits: MariaDB rejects identifiers holding
characters outside the Basic Multilingual Plane (the emoji) and table names
ending in a space, so those names are only created on SQLite and PostgreSQL.
SQLite has one schema, ``main`` (other schemas are per-connection ATTACH
aliases); PostgreSQL also gets a hostile schema, MariaDB a hostile database.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateSchema

from scanners.model.result import ScanResult
from tests.support.synthetic import national_id

TODAY = date(2026, 11, 25)
ROWS = 20
OLD_ROWS = 5  # rows whose clock is before the 1-year cutoff
SUBJECTS = 3  # planted erasure subjects present in every table (2 national IDs, 1 e-mail)

TABLE_NAMES = [
    'a"b',
    "x'; DROP TABLE victim; --",
    "ลูกค้า",
    "select",
    "order",
    "table name with spaces",
    "back`tick",
    "semi;colon",
    "emoji😀",
    "%_like",
    "t" * 60,
    "Robert'); DROP TABLE Students;--",
    "[br]*?",
    "back\\slash",
    "dot.ted",
    "trail ",
]
#: Names a MariaDB server refuses (4-byte UTF-8 in identifiers; a trailing space).
MARIADB_REFUSES = frozenset({"emoji😀", "trail "})
#: Columns; the national-ID column of each table carries the table's own name.
MAIL_COL = "e'mail\"; DROP TABLE victim; --"
CLOCK_COL = "when"
QI_COL = "group`%s"
HOSTILE_PG_SCHEMA = "sch\"em'a.b; DROP TABLE victim;--"
PG_SCHEMA_TABLES = ('a"b', "ลูกค้า", "%_like")
CANARIES = ("victim", "Students")


def subject_ids() -> list[str]:
    return [national_id(random.Random(seed)) for seed in (901, 902)]


def glob_escape(name: str) -> str:
    """A glob matching exactly ``name`` (``[``, ``*``, ``?`` put in brackets)."""
    return "".join(f"[{ch}]" if ch in "[*?" else ch for ch in name)


def toml_string(value: str) -> str:
    """A TOML basic string (JSON string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class HostileDb:
    """One backend holding the hostile tables."""

    kind: str
    url: URL
    schemas: dict[str, list[str]]  # schema → its hostile tables
    canary_schema: str
    table_list: dict[str, set[str]] = field(default_factory=dict)

    def datasets(self) -> list[tuple[str, str]]:
        return [(schema, table) for schema, tables in self.schemas.items() for table in tables]

    def engine(self) -> Engine:
        return create_engine(self.url, poolclass=NullPool)


def hostile_table(metadata: MetaData, schema: str, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column(name, String(20)),
        Column(MAIL_COL, String(100)),
        Column(CLOCK_COL, Date),
        Column(QI_COL, String(10)),
        schema=schema,
    )


def rows_for(index: int) -> list[dict[str, object]]:
    rng = random.Random(index)
    planted = subject_ids()
    rows = []
    for i in range(ROWS):
        ident = planted[i] if i < 2 else national_id(rng)
        mail = "subject@example.co.th" if i == 2 else f"user{index}.{i}@example.co.th"
        rows.append(
            {
                "id": i + 1,
                "pid": ident,
                "mail": mail,
                "clock": date(2010, 1, 1 + i) if i < OLD_ROWS else date(2026, 10, 1),
                "qi": "A" if i < ROWS - 1 else "B",  # groups 19 and 1: k = 1
            }
        )
    return rows


def populate(db: HostileDb) -> None:
    engine = db.engine()
    metadata = MetaData()
    victim = Table(
        "victim", metadata, Column("id", Integer, primary_key=True), schema=db.canary_schema
    )
    students = Table(
        "Students", metadata, Column("id", Integer, primary_key=True), schema=db.canary_schema
    )
    tables = []
    for index, (schema, name) in enumerate(db.datasets()):
        tables.append((index, hostile_table(metadata, schema, name)))
    with engine.begin() as conn:
        for schema in db.schemas:
            if schema != db.canary_schema and db.kind == "postgresql":
                conn.execute(CreateSchema(schema))
        metadata.create_all(conn)
        conn.execute(insert(victim), [{"id": i} for i in range(1, 4)])
        conn.execute(insert(students), [{"id": i} for i in range(1, 3)])
        for index, table in tables:
            columns = list(table.columns)
            conn.execute(
                insert(table),
                [
                    {
                        columns[0].name: r["id"],
                        columns[1].name: r["pid"],
                        columns[2].name: r["mail"],
                        columns[3].name: r["clock"],
                        columns[4].name: r["qi"],
                    }
                    for r in rows_for(index)
                ],
            )
    db.table_list = server_tables(db)
    engine.dispose()


def server_tables(db: HostileDb) -> dict[str, set[str]]:
    engine = db.engine()
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            return {s: set(insp.get_table_names(schema=s)) for s in db.schemas}
    finally:
        engine.dispose()


def canary_rows(db: HostileDb) -> dict[str, int]:
    engine = db.engine()
    metadata = MetaData()
    counts = {}
    try:
        with engine.connect() as conn:
            for name in CANARIES:
                table = Table(name, metadata, autoload_with=conn, schema=db.canary_schema)
                counts[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    finally:
        engine.dispose()
    return counts


def assert_nothing_injected(db: HostileDb) -> None:
    assert canary_rows(db) == {"victim": 3, "Students": 2}
    assert server_tables(db) == db.table_list


@dataclass(frozen=True)
class Scanned:
    db: HostileDb
    result: ScanResult
    principal: str


def granted_tables(db: HostileDb) -> list[tuple[str, str]]:
    """The tables the test principal may read: the first and the last (PostgreSQL: in the
    hostile schema)."""
    return [db.datasets()[0], db.datasets()[-1]]
