"""A small organisation for the console tests, scanned for real, with five accounts.

``org`` (SQLite): ``main.customers`` owned by owner A (``a@example.co.th``:
e-mail, phone and national id), ``main.staff`` owned by owner B
(``b@example.co.th``: name, national id, religion) and unregistered
``main.products``; ``share`` (files): ``list.csv`` owned by B, with an
access list whose one grant is long overdue for review. :func:`build`
writes it all, runs ``pdpa-agent scan`` in this process, adds one
disclosure and one breach to the log, and creates the accounts of
:data:`ACCOUNTS` (password :data:`PASSWORD`). The raw values planted are
returned so that tests can check no page ever shows them.
"""

from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import create_engine, text
from starlette.testclient import TestClient

from agent.cli import main
from agent.state.breaches import open_breach
from agent.state.decisions.accounts import add_account
from agent.state.disclosures import record_disclosure
from agent.state.store import StateStore
from scanners.model.breach import BreachAssessment, BreachRecord
from scanners.model.disclosure import DisclosureRecord
from tests.support.synthetic import national_id

PASSWORD = "correct horse battery staple"
OWNER_A = "a@example.co.th"
OWNER_B = "b@example.co.th"
#: account name → (role, e-mail)
ACCOUNTS: dict[str, tuple[str, str | None]] = {
    "dpo": ("dpo", "dpo@example.co.th"),
    "sec": ("security", None),
    "alice": ("owner", OWNER_A),
    "bob": ("owner", OWNER_B),
    "val": ("viewer", None),
}
DISCLOSURE_ID = "REQ-2026-001"
BREACH_ID = "BR-20261204-01"

REGISTER = f"""
[[datasets]]
id = "CUST-1"
source = "org"
match = "main.customers"
legal_basis = "contract"
owner = "{OWNER_A}"
allowed_pii = ["EMAIL_ADDRESS"]

[[datasets]]
id = "STAFF-1"
source = "org"
match = "main.staff"
legal_basis = "contract"
owner = "{OWNER_B}"
allowed_pii = ["PERSON", "TH_NATIONAL_ID"]
retention = "10y"

[[datasets]]
id = "SHARE-1"
source = "share"
match = "list.csv"
legal_basis = "contract"
owner = "{OWNER_B}"
allowed_pii = ["PERSON"]
"""

ACCESS = f"""
[[grants]]
source = "share"
dataset = "list.csv"
principal = "hr-team"
privileges = ["READ"]
approved_by = "{OWNER_B}"
reviewed_at = 2020-01-01
review_every = "6m"
"""


@dataclass(frozen=True)
class Planted:
    """Raw values in the scanned data that no page may show."""

    national_ids: tuple[str, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]

    def forms(self) -> list[str]:
        """Every value, also national ids written with dashes and phones without them."""
        dashed = [f"{i[0]}-{i[1:5]}-{i[5:10]}-{i[10:12]}-{i[12]}" for i in self.national_ids]
        bare = [p.replace("-", "") for p in self.phones]
        return [*self.national_ids, *dashed, *self.phones, *bare, *self.emails]


def write_org(folder: Path, state_url: str | None = None) -> Planted:
    """The data, register, access list and config in ``folder``."""
    rng = random.Random(7)
    ids = [national_id(rng) for _ in range(30)]
    phones = [f"081-234-{5000 + i}" for i in range(30)]
    emails = [f"customer{i}@example.com" for i in range(30)]
    engine = create_engine(f"sqlite:///{folder / 'org.sqlite'}")
    with engine.begin() as conn:
        for statement in (
            "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, citizen_id TEXT)",
            "CREATE TABLE staff (id INTEGER PRIMARY KEY, full_name TEXT, citizen_id TEXT, religion TEXT)",
            "CREATE TABLE products (sku TEXT PRIMARY KEY, price INTEGER)",
        ):
            conn.execute(text(statement))
        conn.execute(
            text("INSERT INTO customers VALUES (:i, :e, :p, :c)"),
            [{"i": i, "e": emails[i], "p": phones[i], "c": ids[i]} for i in range(30)],
        )
        conn.execute(
            text("INSERT INTO staff VALUES (:i, :n, :c, :r)"),
            [
                {
                    "i": i,
                    "n": f"นายสมชาย ใจดี{i}",
                    "c": ids[(i + 7) % 30],
                    "r": ("พุทธ", "อิสลาม")[i % 2],
                }
                for i in range(30)
            ],
        )
        conn.execute(
            text("INSERT INTO products VALUES (:s, :p)"),
            [{"s": f"SKU-{i:04d}", "p": i} for i in range(30)],
        )
    engine.dispose()
    share = folder / "share"
    share.mkdir()
    rows = "\n".join(f"คุณสมศรี มีสุข{i},s{i}@example.co.th" for i in range(20))
    (share / "list.csv").write_text("name,email\n" + rows, encoding="utf-8")
    os.chmod(share / "list.csv", 0o644)
    (folder / "register.toml").write_text(REGISTER, encoding="utf-8")
    (folder / "access.toml").write_text(ACCESS, encoding="utf-8")
    state = state_url or "sqlite:///state.db"
    (folder / "pdpa-agent.toml").write_text(
        f'[agent]\nstate = "{state}"\n\n'
        '[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///org.sqlite"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        '[register]\npath = "register.toml"\n\n[access]\npath = "access.toml"\n\n'
        '[reports]\nlanguage = "en"\nformats = ["json"]\n',
        encoding="utf-8",
    )
    return Planted(tuple(ids), tuple(phones), tuple(emails))


def fill_registers(store: StateStore) -> None:
    """One open disclosure (its follow-up overdue) and one open breach."""
    record_disclosure(
        store,
        DisclosureRecord(
            id=DISCLOSURE_ID,
            source="org",
            dataset="main.customers",
            recipient="Provident Fund Co.",
            recipient_contact="fund@example.org",
            requested_by="hr@example.co.th",
            legal_basis="contract",
            sensitive_basis="",
            purpose="fund membership",
            approved_by="dpo@example.co.th",
            register_id="CUST-1",
            owner=OWNER_A,
            disclosed_at=datetime(2026, 1, 5, 3, 0, tzinfo=UTC),
            rows=30,
            sha256="0" * 64,
            k=5,
            treatments=(("email", "keep"), ("citizen_id", "drop")),
            format="csv",
            follow_up_every="6m",
            next_followup=date(2026, 7, 5),
        ),
    )
    aware = datetime(2026, 12, 4, 9, 30, tzinfo=timezone(timedelta(hours=7)))
    assessment = BreachAssessment(BREACH_ID, aware, "high", "{}")
    open_breach(
        store,
        BreachRecord(
            id=BREACH_ID,
            title="Laptop stolen with an HR export",
            aware_at=aware,
            deadline=aware + timedelta(hours=72),
            opened_at=aware,
            grade="high",
            people=30,
            reported_by="it@example.co.th",
            sources=("org",),
            assessments=(assessment,),
        ),
        assessment,
    )


def build(folder: Path, state_url: str | None = None) -> Planted:
    """Write, scan and fill the organisation; create the accounts."""
    planted = write_org(folder, state_url)
    config = folder / "pdpa-agent.toml"
    assert main(["-c", str(config), "scan", "--out", str(folder / "out")]) in (0, 1)
    with StateStore(state_url or f"sqlite:///{folder / 'state.db'}") as store:
        fill_registers(store)
        for name, (role, email) in ACCOUNTS.items():
            add_account(store.engine, name, role, PASSWORD, datetime.now(UTC), email)
    return planted


_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """The CSRF token of the first form of a page."""
    found = _CSRF.search(html)
    assert found, "no csrf_token field on the page"
    return found.group(1)


def log_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Log ``client`` in as ``name``; returns the session's CSRF token."""
    form = client.get("/login")
    done = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": csrf_of(form.text)},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    return csrf_of(client.get("/").text)
