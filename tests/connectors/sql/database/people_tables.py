"""The tables of the database connector tests (tests/connectors/sql/database).

Created the same way on SQLite, PostgreSQL and MariaDB with SQLAlchemy Core:
``people`` (5,000 rows of every value kind, every tenth name NULL), ``small``
(10), ``empty``, the view ``people_view`` (ids 1-50) and ``weird "table";
drop`` with the columns ``select`` and ``ชื่อ``. :func:`populate` creates and
fills them (and has the server analyse them, for the estimated row counts);
:func:`count_rows` counts a table's rows on a connection of its own.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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
from sqlalchemy.sql.ddl import CreateView

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


def populate(url: URL) -> None:
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


def count_rows(backend: Backend, table: Table) -> int:
    engine = create_engine(backend.url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(table)).scalar_one()
    engine.dispose()
    return int(n)
