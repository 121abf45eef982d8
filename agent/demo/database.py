"""The demo organisation's SQLite database ("Siam Retail Co.").

Personal-data tables (``employees``, ``customers``, ``customers_en``) sit next
to trap tables that hold none: product barcodes that happen to pass the Thai
ID checksum, juristic tax IDs, 13-digit order numbers, aggregates and device
identifiers. Written with SQLAlchemy Core only; no SQL is built from strings.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
)
from stdnum import ean
from stdnum.th import moa
from stdnum.th import pin as th_pin

from agent.demo import names
from agent.demo.people import Customer, Employee, ForeignCustomer

metadata = MetaData()

employees = Table(
    "employees",
    metadata,
    Column("emp_id", Integer, primary_key=True),
    Column("title_th", String(16), nullable=False),
    Column("first_name_th", String(64), nullable=False),
    Column("last_name_th", String(64), nullable=False),
    Column("first_name_en", String(64), nullable=False),
    Column("last_name_en", String(64), nullable=False),
    Column("citizen_id", String(17), nullable=False, unique=True),
    Column("birth_date", Date, nullable=False),
    Column("phone", String(20)),
    Column("email", String(128)),
    Column("address", String(255)),
    Column("religion", String(16)),
    Column("blood_group", String(4)),
    Column("salary", Integer),
    Column("hired_at", Date, nullable=False),
    Column("terminated_at", Date, nullable=True),
)

customers = Table(
    "customers",
    metadata,
    Column("customer_id", Integer, primary_key=True),
    Column("full_name", String(128), nullable=False),
    Column("phone", String(20)),
    Column("email", String(128)),
    Column("line_id", String(64)),
    Column("created_at", DateTime, nullable=False),
    Column("last_order_at", DateTime, nullable=True),
    Column("marketing_consent", Boolean, nullable=False),
)

customers_en = Table(
    "customers_en",
    metadata,
    Column("customer_id", Integer, primary_key=True),
    Column("first_name", String(64), nullable=False),
    Column("last_name", String(64), nullable=False),
    Column("passport_no", String(9), nullable=False),
    Column("country", String(64)),
    Column("email", String(128)),
    Column("phone", String(24)),
)

products = Table(
    "products",
    metadata,
    Column("sku", String(16), primary_key=True),
    Column("barcode", String(13), nullable=False),
    Column("name", String(128), nullable=False),
    Column("price", Float, nullable=False),
)

suppliers = Table(
    "suppliers",
    metadata,
    Column("supplier_id", Integer, primary_key=True),
    Column("company_name", String(128), nullable=False),
    Column("tax_id", String(13), nullable=False),
    Column("website", String(128)),
)

orders = Table(
    "orders",
    metadata,
    Column("order_no", String(13), primary_key=True),
    Column("customer_id", Integer, nullable=False),
    Column("ordered_at", DateTime, nullable=False),
    Column("total", Float, nullable=False),
)

branch_sales = Table(
    "branch_sales",
    metadata,
    Column("province", String(64), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("revenue", Integer, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", Integer, primary_key=True),
    Column("mac_address", String(17), nullable=False),
    Column("serial_no", String(32), nullable=False),
    Column("uuid", String(36), nullable=False),
    Column("sha256", String(64), nullable=False),
)

PRODUCT_COUNT = 120
PERSONAL_TABLES = ("employees", "customers", "customers_en")
TRAP_TABLES = ("products", "suppliers", "orders", "branch_sales", "devices")


@dataclass(frozen=True)
class Population:
    """The people written to the database, kept for the file share and requests."""

    employees: tuple[Employee, ...]
    customers: tuple[Customer, ...]
    foreign_customers: tuple[ForeignCustomer, ...]


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def product_barcode(rng: random.Random, thai_id_lookalike: bool) -> str:
    """A valid EAN-13 with the GS1 Thailand prefix 885.

    With ``thai_id_lookalike`` the code also passes the Thai national-ID
    checksum (about 1 in 10 random codes do), the classic false positive.
    """
    while True:
        body = "885" + _digits(rng, 9)
        code = body + ean.calc_check_digit(body)
        if not thai_id_lookalike or th_pin.is_valid(code):
            return code


def juristic_tax_id(rng: random.Random) -> str:
    """A 13-digit juristic-person ID: leading 0, office, type, B.E. year, check digit."""
    body = "0" + rng.choice(("10", "10", "11", "12", "20", "50", "99"))
    body += rng.choice("557") + str(rng.randrange(530, 568)) + _digits(rng, 5)
    return body + moa.calc_check_digit(body)


def product_rows(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Products; every eighth barcode is a Thai-ID look-alike."""
    rows = []
    for i in range(count):
        th_name, en_name, th_unit, en_unit = names.PRODUCTS[i % len(names.PRODUCTS)]
        variant = i // len(names.PRODUCTS)
        name = f"{th_name} {th_unit}" if i % 2 == 0 else f"{en_name} {en_unit}"
        if variant:
            name += f" (แพ็ก {variant + 1})" if i % 2 == 0 else f" (pack of {variant + 1})"
        rows.append(
            {
                "sku": f"SKU-{10001 + i}",
                "barcode": product_barcode(rng, thai_id_lookalike=i % 8 == 0),
                "name": name,
                "price": round(rng.uniform(9, 450), 2),
            }
        )
    return rows


def supplier_rows(rng: random.Random) -> list[dict[str, Any]]:
    """One supplier per company stem, each a limited or public company."""
    rows = []
    for i, (stem, roman) in enumerate(zip(names.COMPANY_STEMS, names.COMPANY_ROMAN, strict=True)):
        public = i % 5 == 0
        company = f"บริษัท {stem} จำกัด (มหาชน)" if public else f"บริษัท {stem} จำกัด"
        rows.append(
            {
                "supplier_id": 501 + i,
                "company_name": company,
                "tax_id": juristic_tax_id(rng),
                "website": f"https://www.{roman}.co.th",
            }
        )
    return rows


def order_rows(rng: random.Random, count: int, customer_count: int) -> list[dict[str, Any]]:
    """Orders with 13-digit running numbers (``2025000012345`` …)."""
    start = datetime(2025, 1, 1)
    rows = []
    for i in range(count):
        rows.append(
            {
                "order_no": f"2025{12345 + i:09d}",
                "customer_id": rng.randrange(1, customer_count + 1),
                "ordered_at": start + timedelta(minutes=i * 250 + rng.randrange(240)),
                "total": round(rng.uniform(35, 5000), 2),
            }
        )
    return rows


def branch_sales_rows(rng: random.Random, year: int) -> list[dict[str, Any]]:
    """Monthly revenue per province branch: aggregate, not personal."""
    return [
        {
            "province": province,
            "month": f"{year}-{month:02d}",
            "revenue": rng.randrange(4, 90) * 10_000,
        }
        for province in names.BRANCH_PROVINCES
        for month in range(1, 13)
    ]


def device_rows(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Point-of-sale devices: MAC, serial, UUID and a firmware SHA-256."""
    rows = []
    for i in range(count):
        mac = ":".join(f"{b:02X}" for b in (0x00, 0x1B, 0x44, *rng.randbytes(3)))
        rows.append(
            {
                "device_id": i + 1,
                "mac_address": mac,
                "serial_no": f"POS{rng.choice('ABCDEFGH')}{_digits(rng, 8)}",
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "sha256": hashlib.sha256(rng.randbytes(32)).hexdigest(),
            }
        )
    return rows


def _records(items: Sequence[Any], table: Table) -> list[dict[str, Any]]:
    keys = set(table.columns.keys())
    return [{k: v for k, v in asdict(item).items() if k in keys} for item in items]


def write_database(path: Path, population: Population, seed: int, today: date) -> None:
    """(Re)create the demo database at ``path`` with every table filled."""
    for stale in (path, path.with_name(path.name + "-journal")):
        stale.unlink(missing_ok=True)
    trap_rng = random.Random(f"{seed}:traps")
    product_rng = random.Random(f"{seed}:products")
    engine = create_engine(f"sqlite:///{path}")
    try:
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(employees.insert(), _records(population.employees, employees))
            conn.execute(customers.insert(), _records(population.customers, customers))
            conn.execute(
                customers_en.insert(), _records(population.foreign_customers, customers_en)
            )
            conn.execute(products.insert(), product_rows(product_rng, PRODUCT_COUNT))
            conn.execute(suppliers.insert(), supplier_rows(trap_rng))
            conn.execute(orders.insert(), order_rows(trap_rng, 2000, len(population.customers)))
            conn.execute(branch_sales.insert(), branch_sales_rows(trap_rng, today.year - 1))
            conn.execute(devices.insert(), device_rows(trap_rng, 40))
    finally:
        engine.dispose()
