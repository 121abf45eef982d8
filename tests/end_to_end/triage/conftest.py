"""A small organisation for the triage tests, on SQLite and on PostgreSQL.

``customer`` is registered (PERSON and EMAIL_ADDRESS allowed) but holds phone
numbers (MINIMISE_UNDECLARED_PII on ``phone``); ``newsletter`` is not
registered (PII_UNREGISTERED). ``scan_json`` runs ``pdpa-agent scan`` in
process and returns its ``findings.json``; ``cli`` runs any command and
returns (exit code, stdout + stderr).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.engine import URL

from agent.cli import main

NAMES = ["สมชาย ศรีสวัสดิ์", "วิไลวรรณ ทรัพย์มั่นคง", "ก้องภพ สายทองคำ", "ศิริพร แก้วมณี"]


@dataclass(frozen=True)
class Org:
    folder: Path
    config: Path

    def cli(self, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
        capsys.readouterr()
        code = main(["-c", str(self.config), *args])
        out = capsys.readouterr()
        return code, out.out + out.err

    def scan_json(self, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, Any]:
        code, text = self.cli("scan", "--format", "json", *extra, capsys=capsys)
        assert code in (0, 1), text
        loaded: dict[str, Any] = json.loads((self.folder / "out" / "findings.json").read_text())
        return loaded

    @property
    def state_url(self) -> str:
        return f"sqlite:///{(self.folder / 'state.db').as_posix()}"


def _create(url: URL | str) -> None:
    metadata = MetaData()
    customer = Table(
        "customer",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("full_name", String(100)),
        Column("email", String(100)),
        Column("phone", String(30)),
        Column("last_order", Date),
    )
    newsletter = Table(
        "newsletter",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("contact_email", String(100)),
    )
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(customer),
            [
                {
                    "id": i + 1,
                    "full_name": NAMES[i % 4],
                    "email": f"customer{i}@example.co.th",
                    "phone": f"08{i % 10}-{100 + i:03d}-{2000 + i:04d}",
                    "last_order": date(2026, 1 + i % 12, 1 + i % 28),
                }
                for i in range(40)
            ],
        )
        conn.execute(
            insert(newsletter),
            [{"id": i + 1, "contact_email": f"reader{i}@mail.example.com"} for i in range(30)],
        )
    engine.dispose()


def _write(folder: Path, url: str, schema: str) -> Path:
    (folder / "register.toml").write_text(
        '[[datasets]]\nid = "CRM-001"\nsource = "org"\n'
        f'match = "{schema}.customer"\nlegal_basis = "consent"\n'
        'owner = "crm@example.co.th"\nretention = "10y"\nclock_column = "last_order"\n'
        'allowed_pii = ["PERSON", "EMAIL_ADDRESS"]\n',
        encoding="utf-8",
    )
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{(folder / "state.db").as_posix()}"\nworkers = 1\n\n'
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "{url}"\n\n'
        f'[register]\npath = "register.toml"\n\n[reports]\nout_dir = "{(folder / "out").as_posix()}"\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture(params=["sqlite", "postgresql"])
def org(request: pytest.FixtureRequest, tmp_path: Path) -> Org:
    if request.param == "sqlite":
        url: URL | str = f"sqlite:///{tmp_path / 'org.sqlite'}"
        schema = "main"
    else:
        factory: Callable[[], URL] = request.getfixturevalue("fresh_pg_database")
        url = factory()
        schema = "public"
    _create(url)
    rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
    return Org(tmp_path, _write(tmp_path, rendered, schema))


@pytest.fixture
def sqlite_org(tmp_path: Path) -> Org:
    url = f"sqlite:///{tmp_path / 'org.sqlite'}"
    _create(url)
    return Org(tmp_path, _write(tmp_path, url, "main"))
