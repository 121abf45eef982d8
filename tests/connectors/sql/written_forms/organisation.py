"""The written-forms organisation laid out as a database, a file share and a scan's inputs.

:func:`create_tables` writes the organisation of :mod:`tests.support.written_forms`
into five tables (``citizens``, ``contacts``, ``members``, ``legacy`` with
integer phone numbers, ``tickets`` with free text) of any database;
:func:`write_share` writes the same as CSV, XLSX and TXT files;
:func:`write_config` writes beside them a register (one entry per table and
per file), the erasure requests and a ``pdpa-agent.toml`` with both sources.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, Text, create_engine
from sqlalchemy.engine import URL

from tests.support.written_forms import Organisation, build

TODAY = date(2026, 11, 25)
ORG = build()
COLUMNS = {
    "citizens": "citizen_id",
    "contacts": "phone",
    "members": "email",
    "legacy": "phone_no",
    "tickets": "notes",
}
FILES = {
    "citizens": "citizens.csv",
    "contacts": "contacts.xlsx#Sheet",
    "members": "members.csv",
    "legacy": "legacy.xlsx#Sheet",
    "tickets": "tickets.txt",
}


def create_tables(url: URL | str, org: Organisation) -> None:
    metadata = MetaData()
    tables = {
        "citizens": Table(
            "citizens",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("citizen_id", String(60)),
        ),
        "contacts": Table(
            "contacts",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("phone", String(60)),
        ),
        "members": Table(
            "members",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("email", String(120)),
        ),
        "legacy": Table(
            "legacy",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("phone_no", BigInteger),
        ),
        "tickets": Table(
            "tickets", metadata, Column("id", Integer, primary_key=True), Column("notes", Text)
        ),
    }
    values = {
        "citizens": org.citizens,
        "contacts": org.contacts,
        "members": org.members,
        "legacy": org.legacy,
        "tickets": org.notes,
    }
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        for name, table in tables.items():
            conn.execute(table.insert(), [{COLUMNS[name]: v} for v in values[name]])
    engine.dispose()


def write_share(root: Path, org: Organisation) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name in ("citizens", "members"):
        cells = org.citizens if name == "citizens" else org.members
        lines = [COLUMNS[name]] + [f'"{cell}"' for cell in cells]
        (root / FILES[name]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, cells in (("contacts", org.contacts), ("legacy", org.legacy)):
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Sheet"
        sheet.append([COLUMNS[name]])
        for cell in cells:
            sheet.append([cell])
        book.save(root / FILES[name].split("#")[0])
    (root / "tickets.txt").write_text("\n".join(org.notes) + "\n", encoding="utf-8")


def write_register(folder: Path, schema: str) -> Path:
    entries = []
    for name, column in COLUMNS.items():
        key = "" if name == "tickets" else f'subject_key = "{column}"\n'
        for source, match in (
            ("org", f"{schema}.{name}"),
            ("share", FILES[name].split("#")[0] + "*"),
        ):
            entries.append(
                f'[[datasets]]\nid = "{source}-{name}"\nsource = "{source}"\nmatch = "{match}"\n'
                'legal_basis = "contract"\nowner = "owner@example.co.th"\n'
                'allowed_pii = ["TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS"]\n' + key
            )
    path = folder / "register.toml"
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def write_config(folder: Path, url: str, schema: str) -> Path:
    write_share(folder / "share", ORG)
    write_register(folder, schema)
    requests = folder / "erasure.csv"
    header = "subject_type,subject_value,requested_at,kind"
    requests.write_text("\n".join([header, *ORG.requests]) + "\n", encoding="utf-8")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "{url}"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        "[detection]\nmin_match_ratio = 0.01\n\n"
        '[register]\npath = "register.toml"\n\n[erasure]\npath = "erasure.csv"\ngrace_days = 30\n',
        encoding="utf-8",
    )
    return config
