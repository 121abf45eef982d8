"""Labelled multi-locale organisations for column classification (dev / held-back split).

An *organisation* is generated from ``(locales, seed, variant)``: a shop's
customers, an HR table, a payments ledger, an access log, a clinic, a travel
desk, a helpdesk whose notes carry a few identifiers, and (Thai
organisations) a member register with licence plates; plus ten trap tables
from ``locale_traps.py`` that hold no personal data but look like it. Values
come from Faker in the organisation's locales (rows mix them), reshaped by
``locale_values.py``; column names come from ``locale_names.py`` (snake_case,
camelCase, prefixed, cryptic ``c1``, Thai, romanised Thai such as ``chue``).
``build_org(url, org, rows)`` writes it to any SQLAlchemy URL (SQLite by
default; PostgreSQL and MariaDB work too, MariaDB with ``?charset=utf8mb4``
for the Thai names) and returns the labels ``(table, column) -> set of SPEC
§8 types`` (empty: no personal data). Same ``Org`` and ``rows``: same data,
byte for byte (the generator's "today" is fixed).

The split (tune on DEV only; HELD-BACK is for reporting):

* **DEV** — seeds 101–108, locales th_TH, en_US, en_GB, ja_JP, zh_CN, de_DE,
  fr_FR, vi_VN, id_ID; column names from the ``dev`` pools: snake_case,
  camelCase and ``cust_``-style prefixes; cryptic names ``c1``/``f2``;
  romanised Thai of the even-numbered pool entries.
* **HELD-BACK** — seeds 9001–9006 (disjoint), locales es_ES, pt_BR, it_IT and
  ko_KR (never used by DEV) beside th_TH, en_US and en_GB; column names from
  the disjoint ``held`` pools (Spanish/Portuguese/Italian names, PascalCase,
  UPPER_SNAKE, ``_txt`` suffixes), cryptic ``col_3``/``fld3``, the
  odd-numbered Thai and romanised Thai entries.

Labelling choices: a full date of birth is DATE_OF_BIRTH (not also
BIRTH_YEAR); an address is ADDRESS even with its postcode inside; IBANs and
local account numbers are BANK_ACCOUNT; titles, hire dates, salaries and card
expiry dates are not personal types. Non-Thai national IDs (US SSN, UK NINO,
Chinese resident ID, Korean RRN, Italian codice fiscale, Brazilian CPF …) have
no SPEC §8 type, so those columns are labelled empty and returned through
``build_org(..., foreign=)`` for a separate report. A notes column is labelled
with the types its embedded values actually carry. Every column of a trap
table is empty: an animal's name, sex and birth date, MAC addresses (no SPEC
type), holiday names. Everything is synthetic.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import locale_traps
import locale_values as v
from faker import Faker
from locale_names import Namer
from sqlalchemy import (
    Column,
    Date,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
)

Labels = dict[tuple[str, str], set[str]]
Maker = Callable[[random.Random, Faker, int], Any]


@dataclass(frozen=True)
class Org:
    name: str
    locales: tuple[str, ...]
    seed: int
    variant: str  # "dev" or "held": which column-name pools


DEV = (
    Org("th_retail", ("th_TH",), 101, "dev"),
    Org("th_intl", ("th_TH", "en_US"), 102, "dev"),
    Org("us_shop", ("en_US",), 103, "dev"),
    Org("uk_bank", ("en_GB",), 104, "dev"),
    Org("jp_travel", ("ja_JP", "en_US"), 105, "dev"),
    Org("cn_clinic", ("zh_CN",), 106, "dev"),
    Org("eu_group", ("de_DE", "fr_FR"), 107, "dev"),
    Org("sea_app", ("vi_VN", "id_ID"), 108, "dev"),
)
HELDBACK = (
    Org("es_shop", ("es_ES",), 9001, "held"),
    Org("br_bank", ("pt_BR",), 9002, "held"),
    Org("it_clinic", ("it_IT", "en_GB"), 9003, "held"),
    Org("kr_app", ("ko_KR", "en_US"), 9004, "held"),
    Org("th_hospital", ("th_TH",), 9005, "held"),
    Org("th_es_travel", ("th_TH", "es_ES"), 9006, "held"),
)
SPLITS = {"dev": DEV, "heldback": HELDBACK}

Spec = list[tuple[str, Any, set[str], Maker]]


def _recent(fake: Faker) -> str:
    """A timestamp of the last three years, ISO 8601 (system clocks, not birth dates)."""
    return v.stamp(fake, 3)


def _personal_tables(rng: random.Random, org: Org) -> dict[str, Spec]:
    """Table name -> [(column key, SQL type, labels, value maker)] for one organisation."""
    S, T, D = String(300), Text, Date
    thai = "th_TH" in org.locales
    name_style = rng.choice(
        ["full", "given", "family", "rom_th"] if thai else ["full", "given", "family"]
    )
    phone_styles = v.phone_styles(org.locales[0])
    dob_style = rng.choice(
        ["date", "iso", "local"]
        + (["be_date", "be_slash", "be_thai", "be_iso"] * 2 if thai else ["compact"])
    )

    def birth(r: random.Random, f: Faker, _: int) -> object:
        day = v.dob(f)
        if dob_style == "date":
            return day
        if dob_style == "be_date":
            return day.replace(year=day.year + 543)
        return v.date_text(r, f, day, dob_style)

    def ph(style: str) -> Maker:
        return lambda r, f, _: v.phone(r, f, style)

    def nm(style: str) -> Maker:
        return lambda r, f, _: v.person_name(r, f, style)

    def religion(r: random.Random, f: Faker, _: int) -> str:
        return r.choice(v.RELIGION.get(v.locale_of(f), v.RELIGION[""]))

    def gender(r: random.Random, f: Faker, _: int) -> str:
        return r.choice(
            v.GENDER.get(v.locale_of(f), v.GENDER[""]) if r.random() < 0.7 else v.GENDER[""][:2]
        )

    def ident(r: random.Random, f: Faker, _: int) -> str:
        return v.thai_id(r, id_style) if thai else f.ssn()

    id_style = rng.choice(["plain", "dash", "space"])
    split_names = rng.random() < 0.5
    customers: Spec = [("customer_no", S, set(), lambda r, f, i: f"C{i:06d}")]
    if split_names:
        customers += [("first", S, {"PERSON"}, nm("given")), ("last", S, {"PERSON"}, nm("family"))]
    else:
        customers += [("full", S, {"PERSON"}, nm(name_style))]
    customers += [
        ("email", S, {"EMAIL_ADDRESS"}, lambda r, f, _: v.email(r, f)),
        ("phone", S, {"PHONE_NUMBER"}, ph(rng.choice(phone_styles))),
        ("address", T, {"ADDRESS"}, lambda r, f, _: v.address(r, f, oneline=True)),
        ("postcode", S, {"POSTAL_CODE"}, lambda r, f, _: f.postcode()),
        ("dob", D if dob_style in {"date", "be_date"} else S, {"DATE_OF_BIRTH"}, birth),
        ("gender", S, {"GENDER"}, gender),
        ("loyalty_tier", S, set(), lambda r, f, _: r.choice(["gold", "silver", "bronze"])),
        ("created_at", S, set(), lambda r, f, _: v.stamp(f, 6, sep=" ")),
    ]
    employees: Spec = [
        ("employee_code", S, set(), lambda r, f, i: f"E-{i:05d}"),
        ("full", S, {"PERSON"}, nm(rng.choice(["full", "caps", "rom_th" if thai else "full"]))),
        ("th_id" if thai else "foreign_id", S, {"TH_NATIONAL_ID"} if thai else set(), ident),
        (
            "passport",
            S,
            {"PASSPORT"},
            lambda r, f, _: v.passport(r, f) if r.random() < 0.7 else None,
        ),
        ("account", S, {"BANK_ACCOUNT"}, lambda r, f, _: v.bank_account(r, f)),
        (
            "birth_year",
            Integer,
            {"BIRTH_YEAR"},
            lambda r, f, _: v.dob(f).year + (543 if thai else 0),
        ),
        ("religion", S, {"RELIGION"}, religion),
        ("phone", S, {"PHONE_NUMBER"}, ph(rng.choice(phone_styles))),
        *(
            [("iban", S, {"BANK_ACCOUNT"}, lambda r, f, _: v.iban(r, f))]
            if org.locales[0] in v.IBAN_LOCALES
            else []
        ),
        ("salary", Integer, set(), lambda r, f, _: r.randint(20, 300) * 1000),
        ("hire_date", D, set(), lambda r, f, _: v.past_date(f, 15)),
    ]
    payments: Spec = [
        ("payment_ref", S, set(), lambda r, f, i: f"PAY{r.randint(10**9, 10**10 - 1)}"),
        ("holder", S, {"PERSON"}, nm("caps")),
        ("card", S, {"CREDIT_CARD"}, lambda r, f, _: v.card(r, f)),
        (
            "card_expiry",
            S,
            set(),
            lambda r, f, _: f.credit_card_expire(v.TODAY, v.TODAY + timedelta(days=3650)),
        ),
        ("amount", S, set(), lambda r, f, _: f"{r.uniform(1, 5000):.2f}"),
        ("currency", S, set(), lambda r, f, _: f.currency_code()),
        ("paid_at", S, set(), lambda r, f, _: _recent(f)),
    ]
    access_log: Spec = [
        ("event_id", S, set(), lambda r, f, _: f.uuid4()),
        ("email", S, {"EMAIL_ADDRESS"}, lambda r, f, _: v.email(r, f)),
        ("ip", S, {"IP_ADDRESS"}, lambda r, f, _: v.ip(r, f, "mix")),
        ("ipv6_full", S, {"IP_ADDRESS"}, lambda r, f, _: v.ip(r, f, "full")),
        ("ipv6_upper", S, {"IP_ADDRESS"}, lambda r, f, _: v.ip(r, f, "upper")),
        ("link_local", S, {"IP_ADDRESS"}, lambda r, f, _: v.ip(r, f, "zone")),
        ("mapped_addr", S, {"IP_ADDRESS"}, lambda r, f, _: v.ip(r, f, "mapped")),
        ("peer_endpoint", S, {"IP_ADDRESS"}, lambda r, f, _: v.ip(r, f, "port")),
        ("path", S, set(), lambda r, f, _: f.uri_path()),
        ("status", Integer, set(), lambda r, f, _: r.choice([200, 200, 302, 404, 500])),
        ("logged_at", S, set(), lambda r, f, _: _recent(f)),
    ]
    clinic: Spec = [
        ("visit_no", S, set(), lambda r, f, i: f"V{i:07d}"),
        (
            "passenger" if rng.random() < 0.3 else "full",
            S,
            {"PERSON"},
            nm(rng.choice(["full", "airline"])),
        ),
        ("dob", D, {"DATE_OF_BIRTH"}, lambda r, f, _: v.dob(f)),
        ("blood", S, {"HEALTH"}, lambda r, f, _: r.choice(v.BLOOD)),
        (
            "diagnosis",
            S,
            {"HEALTH"},
            lambda r, f, _: " ".join(r.choice(v.DIAGNOSES)[: r.randint(1, 2)]),
        ),
        ("religion", S, {"RELIGION"}, religion),
        (
            "finger",
            LargeBinary,
            {"BIOMETRIC"},
            lambda r, f, _: r.randbytes(r.choice([256, 384, 512])),
        ),
        ("face", LargeBinary, {"BIOMETRIC"}, lambda r, f, _: r.randbytes(512)),
        ("visit_date", D, set(), lambda r, f, _: v.past_date(f, 3)),
    ]
    bookings: Spec = [
        (
            "pnr",
            S,
            set(),
            lambda r, f, _: "".join(r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
        ),
        ("passenger", S, {"PERSON"}, nm("airline")),
        ("passport", S, {"PASSPORT"}, lambda r, f, _: v.passport(r, f)),
        ("phone", S, {"PHONE_NUMBER"}, ph(rng.choice(phone_styles))),
        (
            "flight_no",
            S,
            set(),
            lambda r, f, _: f"{r.choice(['TG', 'NH', 'BA', 'LH', 'IB'])}{r.randint(100, 999)}",
        ),
        ("seat", S, set(), lambda r, f, _: f"{r.randint(1, 60)}{r.choice('ABCDEFHK')}"),
    ]
    tables = {
        "customers": customers,
        "employees": employees,
        "payments": payments,
        "access_log": access_log,
        "clinic": clinic,
        "bookings": bookings,
    }
    if thai:
        tables["members"] = [
            ("member_no", S, set(), lambda r, f, i: f"M{i:05d}"),
            ("first", S, {"PERSON"}, nm("given" if rng.random() < 0.5 else "rom_th")),
            ("last", S, {"PERSON"}, nm("family")),
            (
                "th_id",
                S,
                {"TH_NATIONAL_ID"},
                lambda r, f, _: v.thai_id(r, r.choice(["plain", "dash"])),
            ),
            ("phone", S, {"PHONE_NUMBER"}, ph(rng.choice(["native", "bare", "dash7"]))),
            ("address", T, {"ADDRESS"}, lambda r, f, _: v.address(r, f, oneline=False)),
            (
                "dob",
                S,
                {"DATE_OF_BIRTH"},
                lambda r, f, _: v.date_text(r, f, v.dob(f), r.choice(["be_slash", "be_thai"])),
            ),
            ("plate", S, {"TH_LICENSE_PLATE"}, lambda r, f, _: v.thai_plate(r, f)),
        ]
    return tables


def _notes_spec(rng: random.Random, found: set[str]) -> tuple[str, Any, set[str], Maker]:
    kinds = rng.sample(
        ["TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS", "CREDIT_CARD"], rng.randint(1, 2)
    )
    rate = rng.uniform(0.02, 0.10)

    def make(r: random.Random, f: Faker, _: int) -> str:
        text, kind = v.note(r, f, kinds, rate)
        if kind:
            found.add(kind)
        return text

    return ("notes", Text, found, make)


def build_org(
    url: str, org: Org, rows: int = 350, foreign: set[tuple[str, str]] | None = None
) -> Labels:
    """Write ``org`` to ``url`` (tables dropped first); return (table, column) -> types.

    ``foreign``, when given, receives the (table, column) of non-Thai national IDs.
    """
    rng = random.Random(f"{org.name}:{org.seed}")
    fakers = [Faker(loc) for loc in org.locales]
    for n, fake in enumerate(fakers):
        fake.seed_instance(org.seed * 31 + n)
    thai = "th_TH" in org.locales
    tables = _personal_tables(rng, org)
    found: set[str] = set()
    tables["tickets"] = [
        ("ticket_no", String(40), set(), lambda r, f, i: f"T-{i:06d}"),
        (
            "subject",
            String(300),
            set(),
            lambda r, f, _: f.catch_phrase() if hasattr(f, "catch_phrase") else f.sentence(),
        ),
        _notes_spec(rng, found),
        ("opened_at", String(40), set(), lambda r, f, _: _recent(f)),
    ]
    traps = locale_traps.trap_tables(rng, org.variant)
    tables.update(traps)
    labels: Labels = {}
    metadata = MetaData()
    writers: list[tuple[Table, list[tuple[str, Maker]], dict[str, set[str]]]] = []
    keep: set[str] = set()  # columns never NULLed (notes: their labels follow their values)
    for table_name, spec in tables.items():
        namer = Namer(
            rng, org.variant, table_name, thai, fixed=table_name in traps, lang=org.locales[0][:2]
        )
        columns, makers, col_labels = (
            [Column("id", Integer, primary_key=True)],
            [],
            {"id": set[str]()},
        )
        for key, sql_type, types, make in spec:
            name = namer(key, force_cryptic=key == "religion" and table_name == "clinic")
            if key == "foreign_id" and foreign is not None:
                foreign.add((table_name, name))
            columns.append(Column(name, sql_type))
            makers.append((name, make))
            if key == "notes" or name == "id":
                keep.add(name)
            col_labels[name] = types
        writers.append((Table(table_name, metadata, *columns), makers, col_labels))
    engine = create_engine(url)
    metadata.drop_all(engine)
    metadata.create_all(engine)
    with engine.begin() as conn:
        for table, makers, col_labels in writers:
            count = rows if table.name not in locale_traps.SMALL else max(20, rows // 8)
            batch = []
            for i in range(1, count + 1):
                fake = fakers[0] if len(fakers) == 1 or rng.random() < 0.7 else rng.choice(fakers)
                if table.name == "members":  # a Thai register: Thai plates and provinces
                    fake = fakers[0]
                row = {name: make(rng, fake, i) for name, make in makers}
                batch.append(
                    {
                        k: (None if k not in keep and rng.random() < 0.04 else val)
                        for k, val in row.items()
                    }
                )
            conn.execute(insert(table), batch)
            labels.update({(table.name, c): set(t) for c, t in col_labels.items()})
    engine.dispose()
    return labels


def trap_tables_of(labels: Labels) -> set[str]:
    """Tables whose every column is labelled empty."""
    tables = {t for t, _ in labels}
    return {t for t in tables if not any(types for (tt, _), types in labels.items() if tt == t)}


if __name__ == "__main__":
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        for org in DEV + HELDBACK:
            got = build_org(f"sqlite:///{Path(tmp) / org.name}.sqlite", org, rows=20)
            print(org.name, len({t for t, _ in got}), "tables", len(got), "columns")
