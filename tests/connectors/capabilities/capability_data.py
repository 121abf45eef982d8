"""The data of the connector capability tests: the employees database and the shared cut-off.

The database cases of this folder create these tables on SQLite, PostgreSQL
and MariaDB: ``employees`` (18 rows in quasi-identifier groups of 1, 2, 5 and
10; DATE, DATETIME and ISO-text clocks with NULLs), ``numbers`` (3,000 rows),
``empty`` and ``weird "table"; drop`` (Thai column names). :data:`CUTOFF` and
the quasi-identifiers :data:`QUASI` are shared with the files cases
(test_file_capabilities.py).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    func,
    insert,
    select,
)
from sqlalchemy.engine import URL, Connection

CUTOFF = dt.date(2016, 11, 25)
WEIRD = 'weird "table"; drop'
THAI_CLOCK = "วันที่ออก"
QUASI = ["gender", "birth_year", "postcode"]
#: Quasi-identifier groups of sizes 1, 2, 5 and 10 (rows 1, 2-3, 4-8, 9-18).
GROUPS = [(1, ("F", 1980, "10110")), (2, ("M", 1980, "10110")), (5, ("F", 1990, "10200"))]
GROUPS += [(10, ("M", 1975, "50000"))]

metadata = MetaData()
employees = Table(
    "employees",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("citizen_id", String(13)),
    Column("code", Integer),
    Column("name", String(100)),
    Column("gender", String(1)),
    Column("birth_year", Integer),
    Column("postcode", String(5)),
    Column("terminated_at", Date),
    Column("left_at", DateTime),
    Column("note_date", Text),
)
numbers = Table("numbers", metadata, Column("id", Integer, primary_key=True), Column("n", Integer))
empty = Table(
    "empty",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("gender", String(1)),
    Column("terminated_at", Date),
)
weird = Table(
    WEIRD,
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("select", String(50)),
    Column("ชื่อ", String(100)),
    Column(THAI_CLOCK, Date),
)


def employee(i: int) -> dict[str, object]:
    """Row ``i`` (1-18) of ``employees``."""
    bounds = [sum(size for size, _ in GROUPS[: g + 1]) for g in range(len(GROUPS))]
    gender, birth_year, postcode = GROUPS[next(g for g, end in enumerate(bounds) if i <= end)][1]
    return {
        "id": i,
        "citizen_id": f"1{i:012d}",
        "code": 1000 + i,
        "name": None if i % 6 == 0 else f"Person {i}",
        "gender": gender,
        "birth_year": birth_year,
        "postcode": postcode,
        # 1, 2, 3 and 5 are before the cutoff; 6 is on it; every fourth is NULL.
        "terminated_at": None if i % 4 == 0 else dt.date(2010 + i, 11, 25),
        # 1-4 are before the cutoff; 6 is midnight of the cutoff day; every fifth is NULL.
        "left_at": None
        if i % 5 == 0
        else dt.datetime(2010 + i, 11, 25, 0, 0)
        if i % 2 == 0
        else dt.datetime(2010 + i, 11, 24, 23, 59),
        # 1-6 are before the cutoff (6 is "2016-11-24 10:00:00").
        "note_date": f"{2010 + i}-11-25" if i % 2 else f"{2010 + i}-11-24 10:00:00",
    }


def populate(url: URL) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        conn.execute(insert(employees), [employee(i) for i in range(1, 19)])
        conn.execute(insert(numbers), [{"id": i, "n": i * 7} for i in range(1, 3001)])
        rows = [
            {"id": i, "select": f"s{i}", "ชื่อ": f"สมชาย {i}", THAI_CLOCK: dt.date(2000 + i, 1, 1)}
            for i in range(1, 21)
        ]
        conn.execute(insert(weird), rows)
    engine.dispose()


def count_rows(conn: Connection, table: Table, *where: object) -> int:
    return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())
