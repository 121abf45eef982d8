"""A synthetic organisation whose every personal value is known, for the no-leak test.

:func:`people` makes deterministic, distinctive people (Thai national IDs with
valid check digits, phones, e-mails, Thai and Latin names, passports, bank
accounts, birth dates); :func:`build_org` spreads them over a PostgreSQL
database, a MariaDB database, a SQLite file and a file share (CSV, LOG,
JSON, XLSX, DOCX, a ZIP holding a CSV, files without a header row, and
broken files), and writes a register, an access list and an erasure-request
file naming some of them in clear. :func:`spellings` lists how each raw value could be written, so a test
can search every output for all of them. Nothing here is a real person.
"""

from __future__ import annotations

import io
import json
import random
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
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
    insert,
    text,
)
from sqlalchemy.engine import URL

from tests.support.file_samples import zip_bytes
from tests.support.synthetic import national_id

FIRST_TH = ["กัญญารัตน์", "วิชัยยุทธ", "ปรียานุช", "ธีรวัฒน์", "อัมพวรรณ", "ณัฐพงษ์"]
LAST_TH = ["ศรีสุวรรณวงศ์", "ทองประเสริฐกุล", "เจริญรุ่งโรจน์ชัย", "พิทักษ์ธรรมากร"]
FIRST_EN = ["Pornthip", "Kittisak", "Wannisa", "Thanakrit"]
LAST_EN = ["Wongsawatdikul", "Chaiyaprasertsuk", "Rattanakosinthorn"]
TITLES = ["นาย", "นางสาว", "นาง"]


@dataclass(frozen=True)
class Person:
    """One synthetic data subject and every personal value it has."""

    index: int
    name_th: str  # title + first name + surname
    surname_th: str
    name_en: str
    surname_en: str
    national_id: str  # 13 digits
    phone: str  # 10 digits, 0 first
    email: str  # as stored (mixed case for some)
    passport: str
    bank_account: str  # 10 digits
    birth_date: date

    @property
    def id_dashed(self) -> str:
        n = self.national_id
        return f"{n[0]}-{n[1:5]}-{n[5:10]}-{n[10:12]}-{n[12]}"

    @property
    def phone_dashed(self) -> str:
        p = self.phone
        return f"{p[:3]}-{p[3:6]}-{p[6:]}"

    @property
    def bank_dashed(self) -> str:
        b = self.bank_account
        return f"{b[:3]}-{b[3]}-{b[4:9]}-{b[9]}"

    @property
    def birth_thai(self) -> str:
        d = self.birth_date
        return f"{d.day:02d}/{d.month:02d}/{d.year + 543}"

    @property
    def note(self) -> str:
        """Free text quoting most of the person's values."""
        return (
            f"ติดต่อ{self.name_th} โทร {self.phone_dashed} อีเมล {self.email} "
            f"บัตรประชาชน {self.id_dashed} เกิด {self.birth_thai} "
            f"พาสปอร์ต {self.passport} บัญชี {self.bank_dashed}"
        )


def people(count: int = 40, seed: int = 90210) -> list[Person]:
    """``count`` distinct synthetic people (the same on every call)."""
    rng = random.Random(seed)
    out: list[Person] = []
    ids: set[str] = set()
    while len(out) < count:
        i = len(out)
        pin = national_id(rng)
        if pin in ids or pin[0] == "0":
            continue
        ids.add(pin)
        first, last = FIRST_TH[i % len(FIRST_TH)], LAST_TH[(i // 2) % len(LAST_TH)]
        first_en, last_en = FIRST_EN[i % len(FIRST_EN)], LAST_EN[(i // 3) % len(LAST_EN)]
        local = f"{first_en.lower()}.{last_en.lower()}{i:02d}"
        email = f"{local}@example.co.th" if i % 3 else f"{local.title()}@Example.co.th"
        out.append(
            Person(
                index=i,
                name_th=f"{TITLES[i % len(TITLES)]}{first} {last}",
                surname_th=last,
                name_en=f"{first_en} {last_en}",
                surname_en=last_en,
                national_id=pin,
                phone=f"0{rng.choice('689')}{rng.randint(10_000_000, 99_999_999)}",
                email=email,
                passport=f"A{rng.choice('ABCDEFGH')}{rng.randint(1_000_000, 9_999_999)}",
                bank_account=f"{rng.randint(1_000_000_000, 9_999_999_999)}",
                birth_date=date(rng.randint(1955, 2000), rng.randint(1, 12), rng.randint(1, 28)),
            )
        )
    return out


def spellings(person: Person) -> Iterator[tuple[str, str, str]]:
    """``(kind, spelling, masked)`` for every way the person's raw values may be written.

    ``masked`` is what a failure message may show instead of the spelling.
    """
    pid = person.national_id
    masked_id = f"{pid[0]}-{pid[1:5]}-xxxxx-xx-{pid[12]}"
    yield "TH_NATIONAL_ID digits", pid, masked_id
    yield "TH_NATIONAL_ID dashed", person.id_dashed, masked_id
    yield "TH_NATIONAL_ID spaced", person.id_dashed.replace("-", " "), masked_id
    masked_phone = f"{person.phone[:2]}x-xxx-x{person.phone[-3:]}"
    yield "PHONE_NUMBER digits", person.phone, masked_phone
    yield "PHONE_NUMBER dashed", person.phone_dashed, masked_phone
    yield "PHONE_NUMBER +66", "+66" + person.phone[1:], masked_phone
    masked_email = person.email[0] + "***@" + person.email.split("@")[1]
    yield "EMAIL_ADDRESS", person.email, masked_email
    yield "EMAIL_ADDRESS lowercase", person.email.lower(), masked_email
    yield "PERSON th", person.name_th, "(Thai full name)"
    yield "PERSON th surname", person.surname_th, "(Thai surname)"
    yield "PERSON en", person.name_en, "(Latin full name)"
    yield "PERSON en surname", person.surname_en, "(Latin surname)"
    yield "PASSPORT", person.passport, person.passport[0] + "***"
    yield "BANK_ACCOUNT digits", person.bank_account, person.bank_account[:3] + "-x-xxxxx-x"
    yield "BANK_ACCOUNT dashed", person.bank_dashed, person.bank_account[:3] + "-x-xxxxx-x"
    yield "DATE_OF_BIRTH iso", person.birth_date.isoformat(), f"{person.birth_date.year}-xx-xx"
    yield "DATE_OF_BIRTH thai", person.birth_thai, "xx/xx/" + str(person.birth_date.year + 543)


@dataclass(frozen=True)
class Org:
    """Where the organisation lives, and the people of each place."""

    root: Path
    share: Path
    sqlite_path: Path
    pg_url: URL
    mariadb_url: URL
    register: Path
    access: Path
    erasure: Path
    people: tuple[Person, ...]
    erasure_subjects: tuple[Person, ...]  # named in clear in the erasure file


def build_org(root: Path, pg_url: URL, mariadb_url: URL) -> Org:
    """Every source, the register, the access list and the erasure file under ``root``."""
    everyone = people()
    share = root / "share"
    share.mkdir(parents=True)
    sqlite_path = root / "clinic.sqlite"
    _postgresql(pg_url, everyone[0:16])
    _mariadb(mariadb_url, everyone[14:28])
    _sqlite(sqlite_path, everyone[24:40])
    _files(share, everyone)
    subjects = (everyone[0], everyone[15], everyone[26], everyone[33])
    erasure = root / "erasure_requests.csv"
    erasure.write_text(
        "subject_type,subject_value,requested_at,kind\n"
        f"TH_NATIONAL_ID,{subjects[0].national_id},2020-01-02,erasure\n"
        f"EMAIL_ADDRESS,{subjects[1].email.lower()},2020-01-02,consent_withdrawn\n"
        f"TH_NATIONAL_ID,{subjects[2].id_dashed},2020-01-02,erasure\n"
        f"PHONE_NUMBER,{subjects[3].phone_dashed},2020-01-02,erasure\n",
        encoding="utf-8",
    )
    register = root / "register.toml"
    register.write_text(REGISTER.format(mariadb=mariadb_url.database), encoding="utf-8")
    access = root / "access.toml"
    access.write_text(ACCESS.format(mariadb=mariadb_url.database), encoding="utf-8")
    return Org(
        root,
        share,
        sqlite_path,
        pg_url,
        mariadb_url,
        register,
        access,
        erasure,
        tuple(everyone),
        subjects,
    )


# -- PostgreSQL ----------------------------------------------------------------

PG_DDL = (
    "CREATE TABLE public.legacy_ids (id serial PRIMARY KEY, citizen_id text, full_name text)",
    # Sampling these views makes PostgreSQL quote a value in its error message.
    "CREATE VIEW public.bad_cast_range AS SELECT CAST(citizen_id AS integer) AS cid FROM public.legacy_ids",
    "CREATE VIEW public.bad_cast_syntax AS SELECT CAST(citizen_id AS bigint) AS cid FROM public.employees",
    "CREATE VIEW public.bad_cast_date AS SELECT CAST(full_name AS date) AS born FROM public.employees",
)


def _postgresql(url: URL, group: list[Person]) -> None:
    metadata = MetaData()
    employees = Table(
        "employees",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("full_name", String(200)),
        Column("citizen_id", String(20)),
        Column("phone", String(20)),
        Column("email", String(200)),
        Column("birth_date", Date),
        Column("bank_account", String(20)),
        Column("passport_no", String(20)),
        Column("notes", Text),
        Column("terminated_at", Date),
        schema="public",
    )
    customers = Table(
        "customers",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("customer_name", String(200)),
        Column("email", String(200)),
        Column("mobile", String(20)),
        Column("created_at", DateTime),
        schema="public",
    )
    engine = create_engine(url)
    try:
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                insert(employees),
                [
                    {
                        "full_name": p.name_th,
                        "citizen_id": p.id_dashed,
                        "phone": p.phone_dashed,
                        "email": p.email,
                        "birth_date": p.birth_date,
                        "bank_account": p.bank_dashed,
                        "passport_no": p.passport,
                        "notes": p.note,
                        "terminated_at": date(2010 + p.index % 12, 1 + p.index % 12, 3),
                    }
                    for p in group
                ],
            )
            conn.execute(
                insert(customers),
                [
                    {
                        "customer_name": p.name_en,
                        "email": p.email.lower(),
                        "mobile": p.phone,
                        "created_at": datetime(2012 + p.index % 10, 2, 3, 4, 5),
                    }
                    for p in group
                ],
            )
            for statement in PG_DDL:
                conn.execute(text(statement))
            legacy = Table("legacy_ids", MetaData(), autoload_with=conn, schema="public")
            conn.execute(
                insert(legacy),
                [{"citizen_id": p.national_id, "full_name": p.name_th} for p in group],
            )
    finally:
        engine.dispose()


# -- MariaDB ---------------------------------------------------------------------


def _mariadb(url: URL, group: list[Person]) -> None:
    metadata = MetaData()
    members = Table(
        "members",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("display_name", String(200)),
        Column("email", String(200)),
        Column("mobile_phone", String(20)),
        Column("citizen_id", String(20)),
        Column("dob", Date),
        Column("passport_number", String(20)),
        Column("remark", Text),
        Column("joined_at", DateTime),
        mysql_charset="utf8mb4",
    )
    engine = create_engine(url)
    try:
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                insert(members),
                [
                    {
                        "display_name": p.name_en,
                        "email": p.email,
                        "mobile_phone": "+66" + p.phone[1:],
                        "citizen_id": p.national_id,
                        "dob": p.birth_date,
                        "passport_number": p.passport,
                        "remark": p.note,
                        "joined_at": datetime(2015 + p.index % 5, 5, 6, 7, 8),
                    }
                    for p in group
                ],
            )
    finally:
        engine.dispose()


# -- SQLite ------------------------------------------------------------------------


def _sqlite(path: Path, group: list[Person]) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(
            "CREATE TABLE patients (id INTEGER PRIMARY KEY, patient_name TEXT, citizen_id TEXT,"
            " phone TEXT, birth_date TEXT, blood_group TEXT, diagnosis TEXT, province TEXT,"
            " gender TEXT, bank_account TEXT)"
        )
        conn.executemany(
            "INSERT INTO patients (patient_name, citizen_id, phone, birth_date, blood_group,"
            " diagnosis, province, gender, bank_account) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.name_th,
                    p.id_dashed if p.index % 2 else p.national_id,
                    p.phone_dashed,
                    p.birth_thai,
                    "AB",
                    "เบาหวาน" if p.index % 2 else "ความดันโลหิตสูง",
                    "เชียงใหม่" if p.index % 4 else "ลำปาง",
                    "ชาย" if p.index % 2 else "หญิง",
                    p.bank_dashed,
                )
                for p in group
            ],
        )
        conn.execute("CREATE TABLE visit_notes (id INTEGER PRIMARY KEY, note TEXT)")
        conn.executemany("INSERT INTO visit_notes (note) VALUES (?)", [(p.note,) for p in group])


# -- the file share ------------------------------------------------------------------


def _files(share: Path, everyone: list[Person]) -> None:
    for folder in ("hr", "logs", "data", "letters", "archive", "broken"):
        (share / folder).mkdir()
    staff = everyone[0:12]
    rows = ["ชื่อ,เลขบัตรประชาชน,โทรศัพท์,อีเมล,วันเกิด,วันที่ออก"]
    rows += [
        f"{p.name_th},{p.id_dashed},{p.phone_dashed},{p.email},{p.birth_thai},"
        f"{date(2015 + p.index % 3, 3, 4).isoformat()}"
        for p in staff
    ]
    (share / "hr" / "staff.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    # An export without a header row: its first row must not become column names.
    headerless = [f"{p.name_th};{p.national_id};{p.email};{p.phone}" for p in everyone[4:10]]
    (share / "hr" / "export_noheader.csv").write_text("\n".join(headerless), encoding="utf-8")
    log_lines = [
        f"2025-01-0{1 + p.index % 9} 10:00:00 INFO login {p.email} from 10.0.0.{p.index} "
        f"citizen {p.national_id} phone {p.phone}"
        for p in everyone[8:20]
    ]
    (share / "logs" / "app.log").write_text("\n".join(log_lines) + "\n", encoding="utf-8")
    records = [
        {
            "name": p.name_th,
            "contact": {"email": p.email, "phone": p.phone_dashed},
            "citizen_id": p.national_id,
            "passport": p.passport,
            "note": p.note,
        }
        for p in everyone[12:24]
    ]
    (share / "data" / "customers.json").write_text(
        json.dumps({"customers": records}, ensure_ascii=False), encoding="utf-8"
    )
    (share / "hr" / "book.xlsx").write_bytes(_xlsx(everyone[20:32]))
    (share / "letters" / "letter.docx").write_bytes(_docx(everyone[28:34]))
    member_csv = "name,citizen_id,email,mobile\n" + "".join(
        f"{p.name_en},{p.national_id},{p.email},{p.phone}\n" for p in everyone[30:40]
    )
    (share / "archive" / "export.zip").write_bytes(
        zip_bytes({"members/list.csv": member_csv.encode("utf-8")})
    )
    _broken_files(share / "broken", everyone[34:40])


def _xlsx(group: list[Person]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "staff"
    sheet.append(["ชื่อ-นามสกุล", "เลขบัตรประชาชน", "เบอร์โทร", "email", "วันเกิด", "บัญชีธนาคาร"])
    for p in group:
        sheet.append(
            [p.name_th, p.national_id, p.phone_dashed, p.email, p.birth_date, p.bank_dashed]
        )
    bare = book.create_sheet("no header")
    for p in reversed(group):
        bare.append([p.name_th, p.bank_dashed, p.passport, p.email])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _docx(group: list[Person]) -> bytes:
    document = docx.Document()
    document.add_paragraph("เรียน ฝ่ายบุคคล")
    for p in group:
        document.add_paragraph(p.note)
    table = document.add_table(rows=len(group), cols=3)
    for row, p in enumerate(group):
        for column, value in enumerate((p.name_th, p.id_dashed, p.email)):
            table.cell(row, column).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _broken_files(folder: Path, group: list[Person]) -> None:
    """Files that fail to parse part of the way through, with values near the failure."""
    good = "".join(f"{p.name_th},{p.national_id},{p.phone}\n" for p in group[:3])
    bad = "".join(
        f'{p.name_th},"{p.national_id}\x00{p.email},{p.phone_dashed}\n' for p in group[3:]
    ).encode("utf-8")
    (folder / "partial.csv").write_bytes(
        b"name,citizen_id,phone\n" + good.encode("utf-8") + bad + b"\xff\xfe\x00broken"
    )
    book = _xlsx(group)
    (folder / "truncated.xlsx").write_bytes(book[: len(book) // 2])
    letter = _docx(group)
    (folder / "truncated.docx").write_bytes(letter[: len(letter) * 2 // 3])
    (folder / "bad.json").write_text(
        '{"customers": ['
        + ", ".join(f'{{"id": "{p.national_id}", "mail": {p.email}' for p in group),
        encoding="utf-8",
    )
    member = zipfile.ZipInfo("inner/list.csv")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, good + good)
    data = bytearray(buffer.getvalue())
    data[40:60] = b"\x00" * 20  # damage the compressed member
    (folder / "damaged.zip").write_bytes(bytes(data))


# -- register, access list ---------------------------------------------------------

REGISTER = """
[[datasets]]
id = "HR-001"
source = "pg"
match = "public.employees"
purpose = "Employment administration"
legal_basis = "contract"
owner = "hr-owner@example.org"
retention = "5y"
clock_column = "terminated_at"
on_expiry = "delete"
allowed_pii = ["PERSON", "TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS"]
granularity = {{ TH_NATIONAL_ID = "pseudonym", DATE_OF_BIRTH = "year" }}
subject_key = "citizen_id"

[[datasets]]
id = "CRM-001"
source = "pg"
match = "public.customers"
purpose = "Customer relationship"
legal_basis = "consent"
owner = "crm-owner@example.org"
retention = "3y"
clock_column = "created_at"
on_expiry = "anonymise"
allowed_pii = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER"]
subject_key = "email"

[[datasets]]
id = "MEM-001"
source = "maria"
match = "{mariadb}.members"
purpose = "Membership"
legal_basis = "contract"
owner = "crm-owner@example.org"
retention = "2y"
clock_column = "joined_at"
on_expiry = "delete"
allowed_pii = ["PERSON", "EMAIL_ADDRESS"]
subject_key = "email"

[[datasets]]
id = "MED-001"
source = "clinic"
match = "main.patients"
purpose = "Statistics"
legal_basis = "public_task"
owner = "clinic-owner@example.org"
retention = "1y"
anonymised = true
quasi_identifiers = ["province", "gender"]
k_min = 5

[[datasets]]
id = "FILE-001"
source = "share"
match = "hr/staff.csv"
purpose = "Staff list"
legal_basis = "contract"
owner = "hr-owner@example.org"
retention = "1y"
clock_column = "วันที่ออก"
on_expiry = "delete"
allowed_pii = ["PERSON"]
subject_key = "เลขบัตรประชาชน"
"""

ACCESS = """
[[grants]]
source = "pg"
dataset = "public.*"
principal = "postgres"
privileges = ["SELECT"]
approved_by = "hr-owner@example.org"
reviewed_at = 2020-01-01
review_every = "6m"

[[grants]]
source = "pg"
dataset = "public.employees"
principal = "ghost_app"
privileges = ["SELECT"]
approved_by = "hr-owner@example.org"
reviewed_at = 2020-01-01
review_every = "6m"

[[grants]]
source = "maria"
dataset = "{mariadb}.*"
principal = "root"
privileges = ["SELECT"]
approved_by = "crm-owner@example.org"
reviewed_at = 2020-01-01
review_every = "1y"
"""
