"""The three breaches of SPEC §11, each on data built for it, on the real backends.

* ``hr`` (PostgreSQL): ``public.employees`` (national ID, name, birth date) and
  ``public.payroll`` (national ID, bank account) sharing people: the ransomware case,
  and the totals that count one national ID once across the two tables.
* ``jobs`` (MariaDB): ``applications`` — online application forms, some people applying
  twice (distinct people < rows), a few applicants under 20: the recruitment-site malware.
* ``share`` (files): ``courses/participants.csv`` — 15 course participants with names,
  e-mail addresses and food restrictions, two allergic to seafood: the misdirected e-mail.

Faker's ``th_TH`` locale gives the names; national IDs carry valid check digits.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from faker import Faker
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine
from sqlalchemy.engine import URL

from scanners.validators.th_national_id import calc_check_digit

EMPLOYEES = 40
PAYROLL_SHARED = 30  # of the employees, also in payroll
PAYROLL_ONLY = 5  # in payroll, not in employees
APPLICANTS = 50
APPLIED_TWICE = 6
MINOR_APPLICANTS = 4  # born less than 20 years before AWARE
PARTICIPANTS = 15
AWARE = date(2026, 12, 4)


def _national_id(fake: Faker) -> str:
    first12 = "11037" + fake.numerify("#######")  # Bangkok: an assigned province code
    return first12 + calc_check_digit(first12)


def _dashed(pid: str) -> str:
    return f"{pid[0]}-{pid[1:5]}-{pid[5:10]}-{pid[10:12]}-{pid[12]}"


@dataclass(frozen=True)
class BreachOrg:
    hr_url: URL
    jobs_url: URL
    share: Path
    employee_ids: tuple[str, ...]
    payroll_ids: tuple[str, ...]


def build_hr(url: URL, fake: Faker) -> tuple[list[str], list[str]]:
    metadata = MetaData()
    employees = Table(
        "employees",
        metadata,
        Column("emp_id", Integer, primary_key=True),
        Column("citizen_id", String(20)),
        Column("full_name", String(200)),
        Column("birth_date", Date),
    )
    payroll = Table(
        "payroll",
        metadata,
        Column("pay_id", Integer, primary_key=True),
        Column("citizen_id", String(20)),
        Column("bank_account", String(20)),
    )
    ids = [_national_id(fake) for _ in range(EMPLOYEES)]
    paid = ids[:PAYROLL_SHARED] + [_national_id(fake) for _ in range(PAYROLL_ONLY)]
    engine = create_engine(url)
    try:
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                employees.insert(),
                [
                    {
                        "emp_id": i + 1,
                        "citizen_id": pid,
                        "full_name": f"นาย{fake.first_name_male()} {fake.last_name()}",
                        "birth_date": date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
                    }
                    for i, pid in enumerate(ids)
                ],
            )
            conn.execute(
                payroll.insert(),
                [
                    # payroll writes the same IDs dashed: still one person each
                    {
                        "pay_id": i + 1,
                        "citizen_id": _dashed(pid),
                        "bank_account": fake.numerify("###-#-#####-#"),
                    }
                    for i, pid in enumerate(paid)
                ],
            )
    finally:
        engine.dispose()
    return ids, paid


def build_jobs(url: URL, fake: Faker) -> None:
    metadata = MetaData()
    applications = Table(
        "applications",
        metadata,
        Column("app_id", Integer, primary_key=True),
        Column("national_id", String(20)),
        Column("full_name", String(200)),
        Column("date_of_birth", Date),
        Column("phone", String(20)),
        Column("email", String(200)),
        Column("address", String(300)),
    )
    people = []
    for i in range(APPLICANTS):
        minor = i < MINOR_APPLICANTS
        born = date(AWARE.year - 18, 3, 1 + i) if minor else date(1985 + i % 15, 1 + i % 12, 2)
        people.append(
            {
                "national_id": _national_id(fake),
                "full_name": f"นางสาว{fake.first_name_female()} {fake.last_name()}",
                "date_of_birth": born,
                "phone": "08" + fake.numerify("########"),
                "email": fake.unique.email(),
                "address": f"{fake.building_number()} {fake.street_name()} จ.เชียงใหม่ 50200",
            }
        )
    rows = people + people[:APPLIED_TWICE]  # some applied twice
    engine = create_engine(url)
    try:
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                applications.insert(), [{"app_id": i + 1, **p} for i, p in enumerate(rows)]
            )
    finally:
        engine.dispose()


def build_share(folder: Path, fake: Faker) -> Path:
    courses = folder / "courses"
    courses.mkdir(parents=True, exist_ok=True)
    restrictions = ["แพ้อาหารทะเล", "แพ้อาหารทะเล"] + ["-"] * (PARTICIPANTS - 2)
    with open(courses / "participants.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ชื่อผู้เข้าอบรม", "อีเมล", "อาหารที่แพ้"])
        for i in range(PARTICIPANTS):
            name = f"{fake.first_name()} {fake.last_name()}"
            writer.writerow([name, fake.unique.email(), restrictions[i]])
    return folder


def build_org(folder: Path, hr_url: URL, jobs_url: URL) -> BreachOrg:
    fake = Faker("th_TH")
    fake.seed_instance(37)
    ids, paid = build_hr(hr_url, fake)
    build_jobs(jobs_url, fake)
    share = build_share(folder / "share", fake)
    return BreachOrg(hr_url, jobs_url, share, tuple(ids), tuple(paid))


def write_config(folder: Path, org: BreachOrg, smtp_port: int | None = None) -> Path:
    """Config with the three sources, a register, and [breach] dpo_email."""
    hr = org.hr_url.render_as_string(hide_password=False)
    jobs = org.jobs_url.update_query_dict({"charset": "utf8mb4"}).render_as_string(
        hide_password=False
    )
    email = (
        f'\n[reports.email]\nsmtp_url = "smtp://127.0.0.1:{smtp_port}"\n'
        'sender = "pdpa-agent@example.co.th"\n'
        if smtp_port
        else ""
    )
    (folder / "register.toml").write_text(
        '[[datasets]]\nid = "HR-001"\nsource = "hr"\nmatch = "public.employees"\n'
        'purpose = "Employment"\nlegal_basis = "contract"\nowner = "hr@example.co.th"\n'
        'subject_key = "citizen_id"\n',
        encoding="utf-8",
    )
    config = folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nstate = "sqlite:///state.db"\nschedule = "every day at 02:00"\n\n'
        f'[[sources]]\nname = "hr"\nkind = "database"\nurl = "{hr}"\n\n'
        f'[[sources]]\nname = "jobs"\nkind = "database"\nurl = "{jobs}"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        '[register]\npath = "register.toml"\n\n'
        '[breach]\ndpo_email = "dpo@example.co.th"\n\n'
        '[reports]\nout_dir = "reports"\nformats = ["json"]\nlanguage = "en"\n' + email,
        encoding="utf-8",
    )
    return config
