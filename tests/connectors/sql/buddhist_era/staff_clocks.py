"""The staff table of the Buddhist-era clock tests (tests/connectors/sql/buddhist_era).

The same 260 leaving dates written nine ways — DATE with B.E. years, DATE with
both eras, ``dd/mm/25xx``, ``dd/mm/20xx``, ISO B.E. text with and without a
time, Thai month names (some in Thai digits), two-digit B.E. years and
``YYYYMMDD`` — plus a ``true_ce`` DATE column with the same dates in the
common era, values that are not dates and an all-NULL row. Also the
dataset and register entry the retention check reads it with, and
:func:`rows_changed`, which runs a printed statement and rolls it back.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, text

from connectors.sql.database import DatabaseConnector
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult, PiiMatch

TODAY = date(2026, 11, 25)
CUTOFF = date(2016, 11, 25)  # ten years before TODAY
ROWS = 260
UNREADABLE = ("ไม่ทราบ", "-", "N/A", "00/00/0000")
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.")
THAI_MONTHS += ("ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _be(day: date) -> date:
    return day.replace(year=day.year + 543)


def clock_writers() -> dict[str, object]:
    return {
        "be_date": lambda d, i: _be(d),
        "mixed_date": lambda d, i: _be(d) if i % 2 else d,
        "dmy_be": lambda d, i: f"{d:%d/%m}/{d.year + 543}",
        "dmy_ce": lambda d, i: f"{d:%d/%m/%Y}",
        "iso_be": lambda d, i: f"{d.year + 543}-{d:%m-%d}",
        "iso_be_time": lambda d, i: f"{d.year + 543}-{d:%m-%d} {i % 24:02d}:15:00",
        "thai_month": lambda d, i: (lambda s: s.translate(THAI_DIGITS) if i % 3 == 0 else s)(
            f"{d.day} {THAI_MONTHS[d.month - 1]} {d.year + 543}"
        ),
        "two_digit": lambda d, i: f"{d:%d/%m}/{(d.year + 543) % 100:02d}",
        "compact_be": lambda d, i: f"{d.year + 543}{d:%m%d}",
    }


CLOCKS = tuple(clock_writers())
DATE_CLOCKS = ("be_date", "mixed_date")
#: clock → (era, layout) the finding must report.
CALENDARS = {
    "be_date": ("be", "date"),
    "mixed_date": ("mixed", "date"),
    "dmy_be": ("be", "dmy"),
    "dmy_ce": ("ce", "dmy"),
    "iso_be": ("be", "iso"),
    "iso_be_time": ("be", "iso"),
    "thai_month": ("be", "thai_month"),
    "two_digit": ("be", "dmy"),
    "compact_be": ("be", "compact"),
}
#: Clocks no single SQL comparison can select: the remediation is a sentence.
NO_SQL = {"thai_month", "two_digit"}


def leaving_dates() -> list[date]:
    rng = random.Random(2569)
    start = date(1999, 1, 1)
    days = [start + timedelta(days=rng.randrange(0, 10_150)) for _ in range(ROWS - 4)]
    days += [CUTOFF, CUTOFF - timedelta(days=1), CUTOFF + timedelta(days=1), date(2016, 2, 28)]
    return [d if (d.month, d.day) != (2, 29) else d - timedelta(days=1) for d in days]


def staff_table(metadata: MetaData, name: str = "staff") -> Table:
    columns = [
        Column("id", Integer, primary_key=True),
        Column("full_name", String(80)),
        Column("true_ce", Date),
    ]
    for clock in CLOCKS:
        columns.append(Column(clock, Date if clock in DATE_CLOCKS else String(40)))
    return Table(name, metadata, *columns)


def staff_rows() -> list[dict[str, object]]:
    writers = clock_writers()
    rows: list[dict[str, object]] = []
    for i, day in enumerate(leaving_dates()):
        row: dict[str, object] = {"id": i + 1, "full_name": f"staff {i}", "true_ce": day}
        row.update({clock: write(day, i) for clock, write in writers.items()})  # type: ignore[operator]
        rows.append(row)
    for j, junk in enumerate(UNREADABLE):  # not dates: NULL in DATE columns, text elsewhere
        row = {"id": ROWS + j + 1, "full_name": "junk", "true_ce": None}
        row.update({c: None if c in DATE_CLOCKS else junk for c in CLOCKS})
        rows.append(row)
    rows.append({"id": ROWS + 10, "full_name": None, "true_ce": None, **dict.fromkeys(CLOCKS)})
    return rows


def staff_dataset(connector: DatabaseConnector) -> DatasetResult:
    name = next(n for n in connector.list_datasets() if n.endswith(".staff"))
    columns = [ColumnResult("id", 0), ColumnResult("true_ce", 0)]
    columns += [ColumnResult(c, 0) for c in CLOCKS]
    columns.append(ColumnResult("full_name", 0, (PiiMatch("PERSON", 0.9, 0.9),)))
    return DatasetResult("hr", name, "table", ROWS + 5, "HR-001", tuple(columns))


def register_entry(clock: str, on_expiry: str = "delete") -> RegisterEntry:
    return RegisterEntry(
        "HR-001", "hr", "*staff", retention="10y", clock_column=clock, on_expiry=on_expiry
    )


def rows_changed(url: str, statement: str) -> int:
    """Run a printed remediation statement in a transaction that is rolled back."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            transaction = conn.begin()
            changed = conn.execute(text(statement)).rowcount
            transaction.rollback()
    finally:
        engine.dispose()
    return int(changed)
