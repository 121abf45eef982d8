"""The leak organisation's databases: PostgreSQL, MariaDB and a SQLite file.

Each ``fill_*`` function writes its group of people in the columns and
spellings a real system would use (dashed and plain IDs, Thai dates, notes
quoting most values). PostgreSQL also gets views whose sampling makes the
server quote a value in its error message.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

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

from tests.support.leak_org.people import Person

# -- PostgreSQL ----------------------------------------------------------------

PG_DDL = (
    "CREATE TABLE public.legacy_ids (id serial PRIMARY KEY, citizen_id text, full_name text)",
    # Sampling these views makes PostgreSQL quote a value in its error message.
    "CREATE VIEW public.bad_cast_range AS SELECT CAST(citizen_id AS integer) AS cid FROM public.legacy_ids",
    "CREATE VIEW public.bad_cast_syntax AS SELECT CAST(citizen_id AS bigint) AS cid FROM public.employees",
    "CREATE VIEW public.bad_cast_date AS SELECT CAST(full_name AS date) AS born FROM public.employees",
)


def fill_postgresql(url: URL, group: list[Person]) -> None:
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


def fill_mariadb(url: URL, group: list[Person]) -> None:
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


def fill_sqlite(path: Path, group: list[Person]) -> None:
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
