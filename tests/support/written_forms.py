"""Test data: data subjects stored in every written form real systems use, with near misses.

One deterministic organisation (synthetic identifiers only) that the
written-form tests create on SQLite, PostgreSQL, MariaDB and a file share:

- ``citizens.citizen_id`` (text): requested national IDs in every form —
  plain, dashed in several groupings, spaced, Thai digits with and without
  dashes, surrounding spaces, a spreadsheet apostrophe, dots, mixed
  separators — some in several forms at once; other people's IDs in the same
  forms; near misses (a valid ID one digit away, a wrong check digit, the
  ID inside a longer number) that must never count;
- ``contacts.phone`` (text): Thai and foreign phone numbers likewise;
- ``members.email`` (text): e-mail addresses in any case, with spaces;
- ``legacy.phone_no`` (integer): phone numbers that lost their trunk ``0``;
- ``tickets.notes`` (free text): a few sentences carry an ID, a phone or an
  e-mail among many that carry none.

:data:`EXPECTED` is the true number of distinct requested subjects per table.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from tests.support.synthetic import national_id, with_check_digit

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def id_forms(pin: str) -> list[str]:
    """Every way one national ID is written in the tables."""
    a, b, c, d, e = pin[0], pin[1:5], pin[5:10], pin[10:12], pin[12]
    return [
        pin,
        f"{a}-{b}-{c}-{d}-{e}",
        f"{a} {b} {c} {d} {e}",
        f"{a}-{b}-{c}-{d}{e}",
        f"{pin[:4]}-{pin[4:7]}-{pin[7:10]}-{pin[10:]}",
        pin.translate(THAI),
        f"{a}-{b}-{c}-{d}-{e}".translate(THAI),
        f"  {pin} ",
        f"'{pin}",
        f"{a}.{b}.{c}.{d}.{e}",
        f"{a} {b}-{c}.{d}-{e}",
    ]


def phone_forms(normal: str) -> list[str]:
    """Every way one Thai mobile number ``0XXXXXXXXX`` is written in the tables."""
    nsn = normal[1:]
    p, q, r = normal[:3], normal[3:6], normal[6:]
    return [
        f"{p}-{q}-{r}",
        normal,
        f"+66 {nsn[:2]} {nsn[2:5]} {nsn[5:]}",
        f"+66{nsn}",
        f"66{nsn}",
        f"{p} {q} {r}",
        f"({p}) {q}-{r}",
        normal.translate(THAI),
        f"{p}-{q}-{r}".translate(THAI),
        f"+66 (0){nsn[:2]} {nsn[2:5]} {nsn[5:]}",
        f"{p}.{q}.{r}",
        f" {p}-{q}{r} ",
    ]


def email_forms(normal: str) -> list[str]:
    """Every way one e-mail address is written in the tables."""
    return [normal, f" {normal.upper()} ", normal.title(), f"{normal}  ", normal.capitalize()]


def sha(normal: str) -> str:
    return "sha256:" + hashlib.sha256(normal.encode()).hexdigest()


@dataclass(frozen=True)
class Organisation:
    """The rows of each table and the erasure requests that refer to them."""

    citizens: list[str]
    contacts: list[str]
    members: list[str]
    legacy: list[int]
    notes: list[str]
    requests: list[str]  # erasure.csv lines, without the header
    ids: list[str]  # requested national IDs (normal forms), present ones first
    phones: list[str]
    emails: list[str]


#: Requested subjects present in each table (the others requested are absent).
PRESENT = 12
ABSENT = 2
EXPECTED = {"citizens": 12, "contacts": 13, "members": 12, "legacy": 12, "tickets": 4}


def _spread(forms_of: list[list[str]], rng: random.Random) -> list[str]:
    """Subject k in form k (cycling), the first three in every form."""
    rows: list[str] = []
    for k, forms in enumerate(forms_of):
        rows.extend(forms if k < 3 else [forms[k % len(forms)], forms[(k * 5 + 1) % len(forms)]])
    rng.shuffle(rows)
    return rows


def _neighbour(pin: str) -> str:
    """A valid ID that differs from ``pin`` in its ninth digit (and its check digit)."""
    first12 = pin[:8] + str((int(pin[8]) + 1) % 10) + pin[9:12]
    return with_check_digit(first12)


def build() -> Organisation:
    rng = random.Random(1037)
    ids = [national_id(rng) for _ in range(PRESENT + ABSENT + 20)]
    wanted, others = ids[: PRESENT + ABSENT], ids[PRESENT + ABSENT :]
    phones = [f"08{rng.randint(0, 9)}{rng.randint(0, 9_999_999):07d}" for _ in range(34)]
    phones = list(dict.fromkeys(phones))
    want_phones, other_phones = phones[: PRESENT + ABSENT], phones[PRESENT + ABSENT :]
    emails = [f"user{i}.{rng.randint(100, 999)}@example.co.th" for i in range(34)]
    want_emails, other_emails = emails[: PRESENT + ABSENT], emails[PRESENT + ABSENT :]
    foreign = "+442079460958"

    citizens = _spread([id_forms(p) for p in wanted[:PRESENT] + others], rng)
    for pin in wanted:  # near misses of every requested ID, present or not
        wrong_check = pin[:12] + str((int(pin[12]) + 1) % 10)
        citizens += [_neighbour(pin), wrong_check, "9" + pin, pin + "0", f"{pin}-1234"]

    contacts = _spread([phone_forms(p) for p in want_phones[:PRESENT] + other_phones], rng)
    contacts += ["0044 20 7946 0958", "+44 (0)20 7946 0958"]
    for phone in want_phones:
        last = str((int(phone[-1]) + 1) % 10)
        contacts += [phone[:-1] + last, phone + "9", "1" + phone, phone[:3] + "-" + phone[3:-1]]

    members = _spread([email_forms(e) for e in want_emails[:PRESENT] + other_emails], rng)
    for email in want_emails:
        members += ["x" + email, email + ".evil", email.replace("@", "@mail.")]

    legacy: list[int] = []
    for phone in want_phones[:PRESENT] + other_phones:
        legacy += [int(phone), int("66" + phone[1:])]
    legacy += [int(p + "1") for p in want_phones]  # near misses: one digit too many

    notes = [f"ลูกค้าสอบถามเรื่องพัสดุ หมายเลขคำสั่งซื้อ {1000 + i}" for i in range(180)]
    p0, i0, e0 = want_phones[0], wanted[0], want_emails[0]
    notes[10] = f"ลูกค้าแจ้งเปลี่ยนเบอร์เป็น {p0[:3]}-{p0[3:6]}-{p0[6:]} ครับ"
    notes[20] = f"ID {i0[0]}-{i0[1:5]}-{i0[5:10]}-{i0[10:12]}-{i0[12]} verified"
    notes[30] = f"โทรกลับที่ +66 {p0[1:3]} {p0[3:6]} {p0[6:]} ช่วงบ่าย"
    notes[40] = f"ส่งเอกสารไปที่ {e0.upper()} แล้ว"
    notes[50] = f"ตรวจสอบบัตร {i0.translate(THAI)} เรียบร้อย"
    notes[60] = f"เลขอ้างอิง 9{i0}5 ไม่ใช่บัตรประชาชน"  # near miss: inside a longer number
    notes[70] = f"ID {others[0]} verified"  # someone who did not ask
    notes[80] = f"ติดต่อ {other_phones[0]} หรือ {other_emails[0]}"
    notes[90] = f"แนบสำเนาบัตร {wanted[2]} แล้ว"  # a subject requested by digest only

    requests = []
    for k, pin in enumerate(wanted):
        value = sha(pin) if k in (2, 5, 13) else id_forms(pin)[k % 4]
        requests.append(f"TH_NATIONAL_ID,{value},2026-01-{k + 1:02d},erasure")
    for k, phone in enumerate(want_phones):
        value = sha(phone) if k in (4, 12) else phone_forms(phone)[k % 6]
        requests.append(f"PHONE_NUMBER,{value},2026-02-{k + 1:02d},consent_withdrawn")
    requests.append("PHONE_NUMBER,+44 20 7946 0958,2026-02-20,erasure")
    for k, email in enumerate(want_emails):
        value = sha(email) if k == 7 else email_forms(email)[k % 5].strip()
        requests.append(f"EMAIL_ADDRESS,{value},2026-03-{k + 1:02d},erasure")
    return Organisation(
        citizens,
        contacts,
        members,
        legacy,
        notes,
        requests,
        wanted,
        [*want_phones, foreign],
        want_emails,
    )
