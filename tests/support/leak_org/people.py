"""Synthetic people whose every personal value is known, and every way to spell them.

:func:`people` makes deterministic, distinctive people (Thai national IDs with
valid check digits, phones, e-mails, Thai and Latin names, passports, bank
accounts, birth dates); :func:`spellings` lists how each raw value could be
written, so a test can search every output for all of them. Nothing here is
a real person.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

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
