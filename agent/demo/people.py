"""Deterministic synthetic people for the demo organisation.

Every generator takes a ``random.Random`` so the same seed always yields the
same people. Identifiers are synthetic but well formed: Thai national IDs
carry a valid check digit, phone numbers use real Thai mobile ranges and
addresses use a postcode that belongs to their province.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from stdnum.th import pin as th_pin

from agent.demo import names

# ISO 3166-2:TH province codes, as used in digits 2-3 of a national ID.
_ID_PROVINCES = (10, 11, 12, 13, 14, 20, 21, 30, 34, 40, 41, 50, 57, 65, 80, 83, 84, 90, 95)
_MOBILE_PREFIXES = ("61", "62", "63", "64", "65", "80", "81", "82", "83", "84", "85", "86")
_MOBILE_PREFIXES += ("87", "88", "89", "90", "91", "92", "93", "94", "95", "96", "97", "98")
_RELIGIONS = (("พุทธ", 90), ("อิสลาม", 6), ("คริสต์", 4))
_BLOOD_GROUPS = (("O", 38), ("B", 33), ("A", 22), ("AB", 7))
_GENERIC_MAIL = ("gmail.com", "hotmail.com", "yahoo.com")
_WORK_MAIL = ("kasetpattana.co.th", "thaiinsure.co.th", "nakornchai.co.th", "sukjai-clinic.co.th")
_RETENTION_YEARS = 10


@dataclass(frozen=True)
class Employee:
    """One row of ``employees``."""

    emp_id: int
    title_th: str
    first_name_th: str
    last_name_th: str
    first_name_en: str
    last_name_en: str
    citizen_id: str
    birth_date: date
    phone: str
    email: str
    address: str
    religion: str
    blood_group: str
    salary: int
    hired_at: date
    terminated_at: date | None


@dataclass(frozen=True)
class Customer:
    """One row of ``customers`` (Thai retail customers)."""

    customer_id: int
    full_name: str
    name_en: str
    phone: str
    email: str
    line_id: str
    created_at: datetime
    last_order_at: datetime | None
    marketing_consent: bool


@dataclass(frozen=True)
class ForeignCustomer:
    """One row of ``customers_en``."""

    customer_id: int
    first_name: str
    last_name: str
    passport_no: str
    country: str
    email: str
    phone: str


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(n))


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _day_between(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def thai_national_id(rng: random.Random, birth_date: date) -> str:
    """A synthetic 13-digit national ID (plain digits) with a valid check digit.

    The first digit follows the category rules loosely: 1/2 for people born
    from 1984, 3/5/8 for older people.
    """
    first = rng.choice("1111111112" if birth_date.year >= 1984 else "3333333358")
    office = f"{rng.choice(_ID_PROVINCES)}{rng.randrange(1, 16):02d}"
    body = first + office + _digits(rng, 7)
    return body + th_pin.calc_check_digit(body)


def dashed_id(pin: str) -> str:
    """The printed ``N-NNNN-NNNNN-NN-N`` form of a 13-digit ID."""
    return th_pin.format(pin)


def thai_mobile(rng: random.Random) -> str:
    """Ten national digits of a Thai mobile number (06x/08x/09x)."""
    return "0" + rng.choice(_MOBILE_PREFIXES) + _digits(rng, 7)


def format_thai_phone(digits: str, style: int) -> str:
    """Render a 10-digit mobile as ``081-234-5678``, ``0812345678`` or ``+66 81 234 5678``."""
    if style == 0:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    if style == 1:
        return digits
    return f"+66 {digits[1:3]} {digits[3:6]} {digits[6:]}"


def thai_address(rng: random.Random) -> str:
    """A full Thai address, small to large, with a postcode matching the province."""
    loc = rng.choice(names.LOCALITIES)
    house = str(rng.randrange(1, 400))
    if rng.random() < 0.4:
        house += f"/{rng.randrange(1, 90)}"
    if loc.is_bangkok:
        soi = f" ซ.{rng.randrange(1, 60)}" if rng.random() < 0.6 else ""
        area = f"แขวง{loc.subdistrict} เขต{loc.district} {loc.province}"
        return f"{house}{soi} {loc.road} {area} {loc.postcode}"
    moo = f" หมู่ {rng.randrange(1, 13)}" if rng.random() < 0.7 else f" {loc.road}"
    return f"{house}{moo} ต.{loc.subdistrict} อ.{loc.district} จ.{loc.province} {loc.postcode}"


def _thai_name(rng: random.Random) -> tuple[str, tuple[str, str], tuple[str, str]]:
    """A (title, first, last) triple with matching title and gender."""
    if rng.random() < 0.5:
        return names.MALE_TITLE, rng.choice(names.MALE_FIRST), rng.choice(names.SURNAMES)
    return (
        rng.choice(names.FEMALE_TITLES),
        rng.choice(names.FEMALE_FIRST),
        rng.choice(names.SURNAMES),
    )


def _unique(local: str, domain: str, used: set[str]) -> str:
    address, n = f"{local}@{domain}", 1
    while address in used:
        n += 1
        address = f"{local}{n}@{domain}"
    used.add(address)
    return address


def make_employees(rng: random.Random, count: int, today: date) -> list[Employee]:
    """``count`` employees; 30% terminated, a third of those past 10-year retention."""
    cutoff = today - timedelta(days=round(_RETENTION_YEARS * 365.25))
    terminated = rng.sample(range(count), k=round(count * 0.3))
    expired = set(terminated[: len(terminated) // 3])
    recent = set(terminated) - expired
    ids: set[str] = set()
    mails: set[str] = set()
    rows = []
    for i in range(count):
        title, (first_th, first_en), (last_th, last_en) = _thai_name(rng)
        left: date | None = None
        if i in expired:
            left = _day_between(rng, cutoff - timedelta(days=8 * 365), cutoff - timedelta(days=150))
            hired = _day_between(rng, left - timedelta(days=10 * 365), left - timedelta(days=365))
        elif i in recent:
            left = _day_between(rng, cutoff + timedelta(days=30), today - timedelta(days=20))
            hired = _day_between(rng, left - timedelta(days=12 * 365), left - timedelta(days=180))
        else:
            hired = _day_between(rng, date(2005, 1, 1), today - timedelta(days=60))
        birth = hired - timedelta(days=rng.randrange(20 * 365, 45 * 365))
        pid = thai_national_id(rng, birth)
        while pid in ids:
            pid = thai_national_id(rng, birth)
        ids.add(pid)
        local = f"{first_en}.{last_en[:3]}".lower()
        rows.append(
            Employee(
                emp_id=1001 + i,
                title_th=title,
                first_name_th=first_th,
                last_name_th=last_th,
                first_name_en=first_en,
                last_name_en=last_en,
                citizen_id=dashed_id(pid) if rng.random() < 0.35 else pid,
                birth_date=birth,
                phone=format_thai_phone(thai_mobile(rng), rng.randrange(3)),
                email=_unique(local, "siamretail.co.th", mails),
                address=thai_address(rng),
                religion=_weighted(rng, _RELIGIONS),
                blood_group=_weighted(rng, _BLOOD_GROUPS),
                salary=rng.randrange(15_000, 150_000, 500),
                hired_at=hired,
                terminated_at=left,
            )
        )
    return rows


def _moment(rng: random.Random, start: datetime, end: datetime) -> datetime:
    seconds = int((end - start).total_seconds())
    return start + timedelta(seconds=rng.randrange(seconds))


def make_customers(rng: random.Random, count: int, today: date) -> list[Customer]:
    """``count`` Thai retail customers, some inactive for years, a few never ordering."""
    end = datetime(today.year, today.month, today.day) - timedelta(days=1)
    mails: set[str] = set()
    rows = []
    for i in range(count):
        title, (first_th, first_en), (last_th, last_en) = _thai_name(rng)
        created = _moment(rng, datetime(2014, 1, 1), end - timedelta(days=30))
        last_order = None if rng.random() < 0.05 else _moment(rng, created, end)
        style = rng.randrange(4)
        if style == 0:
            local = f"{first_en}.{last_en}".lower()
        elif style == 1:
            local = f"{first_en.lower()}{rng.randrange(1970, 2006)}"
        elif style == 2:
            local = f"{rng.choice(names.NICKNAMES)}_{last_en[:4].lower()}"
        else:
            local = f"{first_en[0]}{last_en}".lower()
        domain = rng.choice(_WORK_MAIL) if rng.random() < 0.15 else rng.choice(_GENERIC_MAIL)
        line_id = (
            f"{rng.choice(names.NICKNAMES)}{rng.choice(('', '.', '_'))}{rng.randrange(1, 999)}"
        )
        rows.append(
            Customer(
                customer_id=i + 1,
                full_name=f"{title}{first_th} {last_th}",
                name_en=f"{first_en} {last_en}",
                phone=format_thai_phone(thai_mobile(rng), rng.randrange(3)),
                email=_unique(local, domain, mails),
                line_id=line_id,
                created_at=created,
                last_order_at=last_order,
                marketing_consent=rng.random() < 0.7,
            )
        )
    return rows


def _foreign_phone(rng: random.Random, dial: str) -> str:
    if dial == "+44":
        return f"+44 7{_digits(rng, 3)} {_digits(rng, 6)}"
    if dial == "+1":
        return f"+1 ({rng.randrange(201, 990)}) {_digits(rng, 3)}-{_digits(rng, 4)}"
    if dial == "+49":
        return f"+49 15{rng.randrange(1, 10)} {_digits(rng, 8)}"
    if dial == "+33":
        pairs = " ".join(_digits(rng, 2) for _ in range(4))
        return f"+33 6 {pairs}"
    if dial == "+61":
        return f"+61 4{_digits(rng, 2)} {_digits(rng, 3)} {_digits(rng, 3)}"
    return f"{dial} 70 {_digits(rng, 3)} {_digits(rng, 2)} {_digits(rng, 2)}"


def make_foreign_customers(rng: random.Random, count: int) -> list[ForeignCustomer]:
    """``count`` foreign customers with passport numbers (two letters + 7 digits)."""
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    mails: set[str] = set()
    passports: set[str] = set()
    rows = []
    for i in range(count):
        first, last = rng.choice(names.ENGLISH_FIRST), rng.choice(names.ENGLISH_LAST)
        country = rng.choice(names.COUNTRIES)
        passport = rng.choice(letters) + rng.choice(letters) + _digits(rng, 7)
        while passport in passports:
            passport = rng.choice(letters) + rng.choice(letters) + _digits(rng, 7)
        passports.add(passport)
        local = f"{first}.{last}".lower() if rng.random() < 0.6 else f"{first[0]}{last}".lower()
        rows.append(
            ForeignCustomer(
                customer_id=i + 1,
                first_name=first,
                last_name=last,
                passport_no=passport,
                country=country.name,
                email=_unique(local, rng.choice(country.mail_domains), mails),
                phone=_foreign_phone(rng, country.dial),
            )
        )
    return rows
