"""A passenger list for the disclosure tests (SPEC §10), the same on every backend and file.

Sixty people built with Faker's ``th_TH`` locale (names, streets, phones) and
valid national IDs, with the quasi-identifiers laid out so k is known: birth
years 1980–1985 and three provinces and two genders all follow the row number
mod 6, so birth year × province × gender gives six groups of ten, while a
postcode (random last three digits) is nearly unique. ``build`` writes them to
a database (DATE column for the birth date) or a CSV/XLSX file (B.E. text dates),
and ``write_setup`` the config and register around them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from faker import Faker
from openpyxl import Workbook
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text, create_engine
from sqlalchemy.engine import URL

from scanners.validators.th_national_id import calc_check_digit
from tests.support.backends import Backend

ROWS = 60
TABLE = "passengers"
COLUMNS = (
    "passenger_id",
    "national_id",
    "full_name",
    "date_of_birth",
    "address",
    "gender",
    "phone",
    "notes",
)
#: (province as written in the address, its Thai name, postcode prefix)
PROVINCES = (("จ.เชียงใหม่", "เชียงใหม่", "50"), ("จ.ขอนแก่น", "ขอนแก่น", "40"), ("จ.ภูเก็ต", "ภูเก็ต", "83"))
TITLES = ("นาย", "นางสาว")
KEY = "disclosure-tests-key-0123456789abcdef"


@dataclass(frozen=True)
class Person:
    passenger_id: int
    national_id: str
    full_name: str
    date_of_birth: date
    address: str
    gender: str
    phone: str
    notes: str

    def cells(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in COLUMNS)


def people() -> list[Person]:
    fake = Faker("th_TH")
    fake.seed_instance(16)
    out = []
    for i in range(ROWS):
        group = i % 6
        first12 = f"1{(10 + i) % 90 + 10:02d}{fake.numerify('#########')}"
        national_id = first12 + calc_check_digit(first12)
        title = TITLES[group % 2]
        name = f"{title}{fake.first_name()} {fake.last_name()}"
        marker, _, prefix = PROVINCES[group % 3]
        postcode = f"{prefix}{fake.numerify('1##')}"
        address = f"{fake.building_number()} {fake.street_name()} {marker} {postcode}"
        phone = f"08{fake.numerify('#-###-####')}"
        born = date(1980 + group, 1 + i % 12, 1 + i % 28)
        notes = f"ผู้โดยสาร {name} ติดต่อกลับที่เบอร์ {phone} เรื่องสัมภาระตกค้างที่สนามบิน"
        gender = "ชาย" if group % 2 == 0 else "หญิง"
        out.append(Person(i + 1, national_id, name, born, address, gender, phone, notes))
    return out


def be_text(day: date) -> str:
    """``15/03/2525``: how a Thai file writes a birth date."""
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def build_database(url: URL | str) -> None:
    metadata = MetaData()
    table = Table(
        TABLE,
        metadata,
        Column("passenger_id", Integer, primary_key=True, autoincrement=False),
        Column("national_id", String(13)),
        Column("full_name", String(200)),
        Column("date_of_birth", Date),
        Column("address", String(500)),
        Column("gender", String(10)),
        Column("phone", String(20)),
        Column("notes", Text),
    )
    engine = create_engine(url)
    try:
        metadata.drop_all(engine)
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                table.insert(), [dict(zip(COLUMNS, p.cells(), strict=True)) for p in people()]
            )
    finally:
        engine.dispose()


def _file_rows() -> list[list[object]]:
    return [
        [str(c) if not isinstance(c, date) else be_text(c) for c in p.cells()] for p in people()
    ]


def build_file(folder: Path, kind: str) -> str:
    """Write the list as ``passengers.csv`` or ``passengers.xlsx``; its dataset name."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "csv":
        with open(folder / "passengers.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            writer.writerows(_file_rows())
        return "passengers.csv"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "people"
    sheet.append(list(COLUMNS))
    for row in _file_rows():
        sheet.append(row)
    workbook.save(folder / "passengers.xlsx")
    return "passengers.xlsx#people"


@dataclass(frozen=True)
class Setup:
    """Where one backend's disclosure organisation is."""

    config: Path
    dataset: str
    folder: Path


def write_setup(folder: Path, kind: str, backend: Backend | None) -> Setup:
    """Build the data on ``backend`` (or as a file of ``kind``), the config and the register."""
    folder.mkdir(parents=True, exist_ok=True)
    if backend is not None:
        build_database(backend.url if kind != "mariadb" else _utf8(backend.url))
        url = _utf8(backend.url) if kind == "mariadb" else backend.url
        rendered = url.render_as_string(hide_password=False)
        source = f'kind = "database"\nurl = "{rendered}"\n'
        dataset = backend.name(TABLE)
    else:
        dataset = build_file(folder / "share", kind)
        source = 'kind = "files"\npath = "share"\n'
    (folder / "pdpa-agent.toml").write_text(
        '[agent]\nstate = "sqlite:///state.db"\n\n'
        f'[[sources]]\nname = "ops"\n{source}\n'
        '[register]\npath = "register.toml"\n\n'
        '[reports]\nout_dir = "reports"\nformats = ["json"]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    (folder / "register.toml").write_text(
        "[[datasets]]\n"
        'id = "OPS-001"\nsource = "ops"\n'
        f'match = "{dataset}"\n'
        'purpose = "Passenger services"\nlegal_basis = "contract"\n'
        'owner = "ops-owner@example.co.th"\nretention = "5y"\nclock_column = "date_of_birth"\n'
        'allowed_pii = ["PERSON", "TH_NATIONAL_ID", "PHONE_NUMBER", "ADDRESS", "DATE_OF_BIRTH"]\n'
        'granularity = { DATE_OF_BIRTH = "year", TH_NATIONAL_ID = "pseudonym" }\n'
        'quasi_identifiers = ["date_of_birth", "address", "gender"]\n'
        "k_min = 5\n",
        encoding="utf-8",
    )
    return Setup(folder / "pdpa-agent.toml", dataset, folder)


def _utf8(url: URL) -> URL:
    return (
        url.update_query_dict({"charset": "utf8mb4"}) if url.drivername.startswith("mysql") else url
    )


def write_request(
    folder: Path,
    name: str,
    dataset: str,
    columns: dict[str, str],
    recipient: str = "Faculty of Public Health, Example University",
    **fields: object,
) -> Path:
    """A request file asking ``columns`` (name → treatment) of ``dataset``."""
    values: dict[str, object] = {
        "requested_by": "Research unit, Airport Operations",
        "recipient": recipient,
        "recipient_contact": "Dr. A. Researcher <a.researcher@example.ac.th>",
        "legal_basis": "archives_research",
        "purpose": "Study of passenger flows by age group",
        "approved_by": "dpo@example.co.th",
        "follow_up_every": "6m",
        "source": "ops",
        "dataset": dataset,
    } | fields
    lines = ["[request]"]
    for key, value in values.items():
        lines.append(f"{key} = {value}" if isinstance(value, int) else f'{key} = "{value}"')
    for column, treatment in columns.items():
        lines += ["", "[[request.columns]]", f'name = "{column}"', f'as = "{treatment}"']
    path = folder / f"{name}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
