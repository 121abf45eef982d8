"""Synthetic customer tables of one fixed shape, for the scale benchmarks.

``create_customer_table(engine, name, rows)`` creates ``name`` with ten
columns (a Thai national ID, Thai names, e-mail, mobile, birth date, a
timestamp, an amount, a status and an integer key) and fills it with ``rows``
rows: up to 10,000 distinct synthetic rows, then copies of them made inside
the database (``INSERT … SELECT``), so a million-row table takes seconds to
build. ``analyze`` refreshes the catalogue statistics the way a production
database has them. Everything is synthetic and deterministic; national IDs
have valid check digits (never real people's).
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.engine import Engine
from stdnum.th import pin

from scanners.validators.th_national_id import PROVINCE_CODES

DISTINCT_ROWS = 10_000
GIVEN = ["สมชาย", "สมหญิง", "ณัฐวุฒิ", "ศศิธร", "อัญชลี", "เอกชัย", "นันทนา", "ธนากร", "ดวงใจ"]
FAMILY = ["ใจดี", "ปัญญาดี", "สว่างวงศ์", "คงสวัสดิ์", "ชัยมงคล", "เพชรรัตน์", "พรหมมา"]
STATUSES = ["active", "closed", "pending"]


def customer_table(metadata: MetaData, name: str, schema: str | None = None) -> Table:
    """The benchmark table's shape."""
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("citizen_id", String(13)),
        Column("first_name", String(50)),
        Column("last_name", String(50)),
        Column("email", String(100)),
        Column("mobile", String(20)),
        Column("birth_date", Date),
        Column("created_at", DateTime),
        Column("amount", Numeric(12, 2)),
        Column("status", String(10)),
        schema=schema,
    )


#: Digits 2–3 of a Thai ID are an assigned province code (DOMAIN §1.1).
PROVINCES = sorted(PROVINCE_CODES)


def synthetic_rows(count: int, seed: int = 8) -> list[dict[str, object]]:
    """``count`` distinct customer rows (no ``id``: the database numbers them)."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        first12 = str(rng.randint(1, 8)) + rng.choice(PROVINCES)
        first12 += "".join(str(rng.randint(0, 9)) for _ in range(9))
        rows.append(
            {
                "citizen_id": first12 + pin.calc_check_digit(first12),
                "first_name": rng.choice(GIVEN),
                "last_name": rng.choice(FAMILY),
                "email": f"customer{i}@example.co.th",
                "mobile": f"08{rng.randint(0, 99_999_999):08d}",
                "birth_date": date(1950, 1, 1) + timedelta(days=rng.randint(0, 20_000)),
                "created_at": datetime(2020, 1, 1) + timedelta(minutes=rng.randint(0, 2_000_000)),
                "amount": rng.randint(0, 10_000_000) / 100,
                "status": rng.choice(STATUSES),
            }
        )
    return rows


def create_customer_table(
    engine: Engine, name: str, rows: int, schema: str | None = None, analyze: bool = True
) -> Table:
    """Drop and create ``name`` with exactly ``rows`` rows; return the table."""
    metadata = MetaData()
    table = customer_table(metadata, name, schema)
    metadata.drop_all(engine, [table])
    metadata.create_all(engine, [table])
    seed_rows = synthetic_rows(min(rows, DISTINCT_ROWS))
    data_columns = [c for c in table.columns if c.name != "id"]
    with engine.begin() as conn:
        if seed_rows:
            conn.execute(insert(table), seed_rows)
        present = len(seed_rows)
        while present < rows:
            # Copies made in the database; the copy source is a subquery so that
            # MySQL/MariaDB accept reading the table being inserted into.
            source = select(*data_columns).limit(rows - present).subquery("copy_source")
            conn.execute(insert(table).from_select(data_columns, select(*source.c)))
            present = conn.execute(select(func.count()).select_from(table)).scalar_one()
    if analyze:
        analyze_table(engine, table)
    return table


def analyze_table(engine: Engine, table: Table) -> None:
    """Refresh the catalogue statistics (row estimates) of ``table``."""
    quoted = engine.dialect.identifier_preparer.format_table(table)
    family = engine.dialect.name
    if family == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"ANALYZE {quoted}"))
    elif family in ("mysql", "mariadb"):
        with engine.begin() as conn:
            conn.execute(text(f"ANALYZE TABLE {quoted}"))
    elif family == "sqlite":
        with engine.begin() as conn:
            conn.execute(text(f"ANALYZE {quoted}"))
