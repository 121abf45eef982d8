"""The synthetic organisation of the no-leak tests, built from its known people.

:func:`build_org` spreads :func:`~tests.support.leak_org.people.people` over a
PostgreSQL database, a MariaDB database, a SQLite file and a file share (CSV,
LOG, JSON, XLSX, DOCX, a ZIP holding a CSV, files without a header row, and
broken files), and writes a register, an access list and an erasure-request
file naming some of them in clear. Nothing here is a real person.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL

from tests.support.leak_org.databases import fill_mariadb, fill_postgresql, fill_sqlite
from tests.support.leak_org.files import fill_share
from tests.support.leak_org.people import Person, people


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
    fill_postgresql(pg_url, everyone[0:16])
    fill_mariadb(mariadb_url, everyone[14:28])
    fill_sqlite(sqlite_path, everyone[24:40])
    fill_share(share, everyone)
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
