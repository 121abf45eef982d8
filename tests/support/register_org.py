"""The organisation of the register end-to-end test (issue 4), with every finding planted.

:func:`create_org` makes its tables on any backend (staff past retention,
with sensitive and too-fine data; customers without retention; a survey
whose quasi-identifiers leave small groups; a raw "anonymised" survey; an
exempt archive; products) and returns the national ids it planted;
:func:`write_share` writes a small file share beside it, :func:`write_register`
the register naming them and :func:`write_requests` the erasure requests
(due, hashed, still in grace, matching nothing). Every value is fixed, so
``tests/end_to_end/test_register_findings.py`` can expect each finding exactly.
"""

from __future__ import annotations

import hashlib
import os
import random
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.engine import URL

from tests.support.synthetic import national_id

THAI = ["สมชาย", "วิไลวรรณ", "ก้องภพ", "ศิริพร", "ธนพล", "กาญจนา"]
SURNAMES = ["ศรีสวัสดิ์", "ทรัพย์มั่นคง", "สายทองคำ", "แก้วมณี", "บุญมา"]


def create_org(url: URL | str) -> dict[str, list[str]]:
    """The tables; returns some planted values the erasure requests refer to."""
    rng = random.Random(4)
    metadata = MetaData()
    staff = Table(
        "staff",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("full_name", String(100)),
        Column("citizen_id", String(20)),
        Column("email", String(100)),
        Column("phone", String(30)),
        Column("birth_date", Date),
        Column("religion", String(20)),
        Column("terminated_at", Date),
    )
    customer = Table(
        "customer",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("email", String(100)),
        Column("phone", String(30)),
        Column("last_order", Date),
    )
    survey = Table(
        "survey",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("gender", String(10)),
        Column("postcode", String(10)),
        Column("birth_year", Integer),
        Column("score", Integer),
    )
    survey_raw = Table(
        "survey_raw",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("email", String(100)),
        Column("score", Integer),
    )
    archive = Table(
        "archive",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("email", String(100)),
        Column("filed_at", Date),
    )
    product = Table(
        "product", metadata, Column("sku", String(20), primary_key=True), Column("price", Integer)
    )
    ids = [national_id(rng) for _ in range(50)]
    staff_rows = []
    for i in range(50):
        if i < 10:
            terminated = date(2010 + i % 5, 3, 1)  # 10 rows past a 10-year retention
        elif i < 15:
            terminated = date(2020, 1, 1)
        else:
            terminated = None
        staff_rows.append(
            {
                "id": i + 1,
                "full_name": f"นาย{rng.choice(THAI)} {rng.choice(SURNAMES)}",
                "citizen_id": ids[i],
                "email": f"staff{i}@example.co.th",
                "phone": f"08{i % 10}-555-{1000 + i}",
                "birth_date": date(1960 + i % 30, 1 + i % 12, 1 + i % 28),
                "religion": rng.choice(["พุทธ", "อิสลาม"]),
                "terminated_at": terminated,
            }
        )
    # groups (gender, postcode, birth_year): sizes 10, 10, 6, 2, 1 -> k = 1, 3 records below k=5
    groups = [("M", "10110", 1980)] * 10 + [("F", "10110", 1980)] * 10 + [("F", "50200", 1990)] * 6
    groups += [("M", "50200", 1991)] * 2 + [("F", "83000", 1975)]
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(staff), staff_rows)
        conn.execute(
            insert(customer),
            [
                {
                    "id": i,
                    "email": f"c{i}@example.com",
                    "phone": f"09{i % 10}-444-{2000 + i}",
                    "last_order": date(2024, 1, 1),
                }
                for i in range(1, 41)
            ],
        )
        conn.execute(
            insert(survey),
            [
                {"id": i + 1, "gender": g, "postcode": p, "birth_year": y, "score": i % 5}
                for i, (g, p, y) in enumerate(groups)
            ],
        )
        conn.execute(
            insert(survey_raw),
            [{"id": i, "email": f"r{i}@example.com", "score": i} for i in range(1, 31)],
        )
        conn.execute(
            insert(archive),
            [
                {
                    "id": i,
                    "email": f"a{i}@example.com",
                    "filed_at": date(2015, 1, 1) if i <= 7 else date(2026, 10, 1),
                }
                for i in range(1, 21)
            ],
        )
        conn.execute(
            insert(product), [{"sku": f"SKU-{i:04d}", "price": i * 10} for i in range(1, 21)]
        )
    engine.dispose()
    return {"ids": ids}


def write_share(root: Path) -> None:
    (root / "hr").mkdir(parents=True)
    lines = ["name,email,exported_at"]
    for i in range(12):
        exported = (
            "2020-01-15" if i < 4 else f"{15:02d}/06/{2569}"
        )  # 4 ISO rows past 1y; 8 BE dates inside
        lines.append(f"คุณ{THAI[i % 6]} {SURNAMES[i % 5]},e{i}@example.co.th,{exported}")
    (root / "hr" / "export.csv").write_text("\n".join(lines), encoding="utf-8")
    memo = root / "hr" / "memo.txt"
    memo.write_text("ติดต่อคุณสมชายที่ somchai@example.co.th\nรายงานประจำเดือน\n", encoding="utf-8")
    old = datetime(2020, 5, 1).timestamp()
    os.utime(memo, (old, old))


def write_register(folder: Path, db_schema: str) -> Path:
    def entry(ident: str, source: str, match: str, **extra: object) -> str:
        body = {
            "id": ident,
            "source": source,
            "match": match,
            "legal_basis": "contract",
            "owner": "owner@example.co.th",
            **extra,
        }
        lines = ["[[datasets]]"]
        for key, value in body.items():
            if isinstance(value, bool):
                lines.append(f"{key} = {'true' if value else 'false'}")
            elif isinstance(value, (int,)):
                lines.append(f"{key} = {value}")
            elif isinstance(value, list):
                lines.append(
                    f"{key} = [{', '.join(repr(v).replace(chr(39), chr(34)) for v in value)}]"
                )
            elif isinstance(value, dict):
                lines.append(
                    f"{key} = {{ {', '.join(f'{k} = {chr(34)}{v}{chr(34)}' for k, v in value.items())} }}"
                )
            else:
                lines.append(f'{key} = "{value}"')
        return "\n".join(lines) + "\n\n"

    text = (
        entry(
            "HR-1",
            "org",
            f"{db_schema}.staff",
            allowed_pii=["PERSON", "TH_NATIONAL_ID", "EMAIL_ADDRESS", "DATE_OF_BIRTH"],
            granularity={"DATE_OF_BIRTH": "year"},
            retention="10y",
            clock_column="terminated_at",
            subject_key="citizen_id",
        )
        + entry(
            "CRM-1", "org", f"{db_schema}.customer", allowed_pii=["EMAIL_ADDRESS", "PHONE_NUMBER"]
        )
        + entry(
            "SURV-1",
            "org",
            f"{db_schema}.survey",
            anonymised=True,
            quasi_identifiers=["gender", "postcode", "birth_year"],
            k_min=5,
        )
        + entry(
            "SURV-RAW",
            "org",
            f"{db_schema}.survey_raw",
            anonymised=True,
            allowed_pii=["EMAIL_ADDRESS"],
        )
        + entry(
            "ARC-1",
            "org",
            f"{db_schema}.archive",
            allowed_pii=["EMAIL_ADDRESS"],
            retention="1y",
            clock_column="filed_at",
            exemptions=["archives"],
        )
        + entry(
            "SHARE-EXPORT",
            "share",
            "hr/export.csv",
            allowed_pii=["PERSON", "EMAIL_ADDRESS"],
            retention="1y",
            clock_column="exported_at",
            on_expiry="delete",
        )
        + entry(
            "SHARE-MEMO",
            "share",
            "hr/memo.txt",
            allowed_pii=["PERSON", "EMAIL_ADDRESS"],
            retention="3y",
        )
    )
    path = folder / "register.toml"
    path.write_text(text, encoding="utf-8")
    return path


def write_requests(folder: Path, ids: list[str]) -> Path:
    hashed = "sha256:" + hashlib.sha256(ids[3].encode()).hexdigest()
    rows = [
        "subject_type,subject_value,requested_at,kind",
        f"TH_NATIONAL_ID,{ids[1][0]}-{ids[1][1:5]}-{ids[1][5:10]}-{ids[1][10:12]}-{ids[1][12]},2026-08-01,erasure",
        f"TH_NATIONAL_ID,{hashed},2026-09-01,consent_withdrawn",
        f"TH_NATIONAL_ID,{ids[5]},2026-11-20,erasure",  # still within its grace period
        "EMAIL_ADDRESS,nobody@example.com,2026-01-01,erasure",  # not present anywhere
    ]
    path = folder / "erasure.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
