"""Value writers for ``locale_orgs.py``: the ways real systems write personal data.

Every function takes a ``random.Random`` and a seeded ``Faker`` for one
locale, so that an organisation built twice from the same seed is byte-for-byte
the same. Faker supplies the locale's names, phones, addresses, e-mails,
IBANs, cards and IDs; the functions here only choose and reshape the written
form (ALL CAPS, ``SURNAME/GIVEN MR``, Buddhist-era dates, IPv6 spellings …).
Thai national IDs are made with python-stdnum's check digit. All synthetic.
"""

from __future__ import annotations

import ipaddress
import random
from datetime import date, datetime, timedelta

from faker import Faker
from stdnum.th import pin

TH_MONTHS = (
    "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม พฤศจิกายน ธันวาคม".split()
)
TH_MONTHS_SHORT = "ม.ค. ก.พ. มี.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย. ต.ค. พ.ย. ธ.ค.".split()
#: Syllables for romanised Thai names (RTGS-like spellings), combined at random.
TH_ROM_GIVEN = (
    "Som Chai Nat Tha Phon Wut Kit Ti Sak Pra Sert Anan Sun Thon Wan Pen Ratt Ana Suda Porn".split()
)
TH_ROM_FAMILY = (
    "Sri Wong Suk Boon Chai Rat Thong Kaew Sawat Phan Mongkol Siri Sakul Prasert Charoen".split()
)
PREFIX_EN = ["MR", "MRS", "MS", "MISS", "DR"]
RELIGION = {
    "th_TH": ["พุทธ", "อิสลาม", "คริสต์", "ไม่นับถือศาสนา", "ฮินดู"],
    "ja_JP": ["仏教", "神道", "キリスト教", "無宗教"],
    "zh_CN": ["佛教", "道教", "基督教", "伊斯兰教", "无"],
    "ko_KR": ["불교", "개신교", "천주교", "무교"],
    "de_DE": ["evangelisch", "römisch-katholisch", "konfessionslos", "muslimisch"],
    "fr_FR": ["catholique", "protestant", "musulman", "sans religion", "juif"],
    "es_ES": ["católica", "evangélica", "musulmana", "ninguna", "judía"],
    "pt_BR": ["católica", "evangélica", "espírita", "sem religião", "umbanda"],
    "it_IT": ["cattolica", "ortodossa", "musulmana", "nessuna", "valdese"],
    "vi_VN": ["Phật giáo", "Công giáo", "Cao Đài", "Không"],
    "id_ID": ["Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Konghucu"],
    "": ["Buddhist", "Christian", "Muslim", "Hindu", "Jewish", "None", "Sikh"],
}
GENDER = {
    "th_TH": ["ชาย", "หญิง"],
    "ja_JP": ["男", "女"],
    "zh_CN": ["男", "女"],
    "ko_KR": ["남", "여"],
    "de_DE": ["männlich", "weiblich", "divers"],
    "fr_FR": ["homme", "femme"],
    "es_ES": ["hombre", "mujer"],
    "pt_BR": ["masculino", "feminino"],
    "it_IT": ["maschio", "femmina"],
    "": ["M", "F", "Male", "Female", "male", "female"],
}
BLOOD = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-", "A", "B", "O", "AB"]
DIAGNOSES = [
    ("E11.9", "Type 2 diabetes mellitus"),
    ("I10", "Essential hypertension"),
    ("J45.909", "Asthma, uncomplicated"),
    ("F32.1", "Major depressive disorder, moderate"),
    ("K29.70", "Gastritis"),
    ("B20", "HIV disease"),
    ("C50.911", "Malignant neoplasm of breast"),
    ("M54.5", "Low back pain"),
]


#: The generator's fixed "today": the same seed gives the same data on any day.
TODAY = date(2026, 1, 1)


def past_date(fake: Faker, years: float, until_years: float = 0) -> date:
    """A date between ``years`` and ``until_years`` years before ``TODAY`` (negative: after)."""
    return fake.date_between(
        TODAY - timedelta(days=int(365.25 * years)),
        TODAY - timedelta(days=int(365.25 * until_years)),
    )


def stamp(fake: Faker, years: float, sep: str = "T") -> str:
    """An ISO timestamp within ``years`` years before ``TODAY``."""
    end = datetime(TODAY.year, TODAY.month, TODAY.day)
    return fake.date_time_between(end - timedelta(days=int(365.25 * years)), end).isoformat(sep=sep)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def locale_of(fake: Faker) -> str:
    return str(fake.locales[0])


def person_name(rng: random.Random, fake: Faker, style: str) -> str:
    """A person's name in ``style``: full, given, family, caps, airline, rom_th."""
    loc = locale_of(fake)
    if style == "rom_th" or (loc == "th_TH" and style in {"caps", "airline"}):
        given = "".join(rng.sample(TH_ROM_GIVEN, 2)).capitalize()
        family = "".join(rng.sample(TH_ROM_FAMILY, rng.randint(2, 3))).capitalize()
    else:
        given, family = fake.first_name(), fake.last_name()
    if style == "given":
        return given
    if style == "family":
        return family
    if style == "caps":
        return f"{given} {family}".upper()
    if style == "airline":
        return f"{family}/{given} {rng.choice(PREFIX_EN)}".upper()
    if style == "rom_th":
        return f"{rng.choice(['', '', 'Mr. ', 'Ms. ', 'Khun '])}{given} {family}"
    if loc in {"ja_JP", "zh_CN", "ko_KR"}:
        return fake.name()
    return fake.name() if rng.random() < 0.5 else f"{given} {family}"


def phone(rng: random.Random, fake: Faker, style: str) -> str:
    """A phone number: Faker's national form, or reshaped digits."""
    raw = fake.phone_number()
    digits = "".join(c for c in raw if c.isdigit())
    if PHONE_STYLE_LOCALE.get(style, locale_of(fake)) != locale_of(fake):
        style = "native"
    if style == "native":
        return raw
    if style == "bare":
        return (
            digits[-rng.randint(10, 12) :]
            if len(digits) >= 10
            else digits + _digits(rng, 10 - len(digits))
        )
    d = _digits(rng, 10)
    if locale_of(fake) == "th_TH":
        d = f"0{rng.choice('689')}{_digits(rng, 8)}"
    if style == "paren":
        return f"({d[:3]}) {d[3:6]}-{d[6:]}"
    if style == "dash7":
        return f"{d[:3]}-{d[3:]}"
    if style == "dots":
        return f"1.{d[:3]}.{d[3:6]}.{d[6:]}"
    if style == "ext":
        return f"{raw} ext. {rng.randint(10, 9999)}"
    return f"+44 20 {d[2:6]} {d[6:]}"  # "uk" style


def email(rng: random.Random, fake: Faker) -> str:
    value = rng.choice([fake.email, fake.free_email, fake.company_email, fake.ascii_email])()
    return value.upper() if rng.random() < 0.05 else value


def address(rng: random.Random, fake: Faker, oneline: bool) -> str:
    value = fake.address()
    return value.replace("\n", ", ") if oneline else value


def dob(fake: Faker) -> date:
    return past_date(fake, 90, 16)


def date_text(rng: random.Random, fake: Faker, day: date, style: str) -> str:
    """A birth date as text: iso, local, be_slash, be_thai, be_iso, compact."""
    be = day.year + 543
    loc = locale_of(fake)
    if style == "iso":
        return day.isoformat()
    if style == "be_slash":
        return f"{day.day:02d}/{day.month:02d}/{be}"
    if style == "be_thai":
        months = TH_MONTHS if rng.random() < 0.5 else TH_MONTHS_SHORT
        return f"{day.day} {months[day.month - 1]} {be}"
    if style == "be_iso":
        return f"{be}-{day.month:02d}-{day.day:02d}"
    if style == "compact":
        return day.strftime("%Y%m%d")
    if loc == "en_US":
        return day.strftime("%m/%d/%Y")
    if loc in {"ja_JP", "zh_CN"}:
        return f"{day.year}年{day.month}月{day.day}日"
    if loc == "ko_KR":
        return f"{day.year}. {day.month}. {day.day}."
    if loc == "de_DE":
        return day.strftime("%d.%m.%Y")
    return day.strftime("%d/%m/%Y")


def thai_id(rng: random.Random, style: str = "plain") -> str:
    """A Thai national ID with a valid check digit and a real province code."""
    province = rng.choice([10, 11, 12, 13, 20, 21, 30, 34, 40, 50, 57, 65, 80, 83, 90, 96])
    body = f"{rng.randint(1, 8)}{province}{rng.randint(1, 50):02d}{_digits(rng, 7)}"
    value = body + pin.calc_check_digit(body)
    if style == "dash":
        return f"{value[0]}-{value[1:5]}-{value[5:10]}-{value[10:12]}-{value[12]}"
    if style == "space":
        return f"{value[0]} {value[1:5]} {value[5:10]} {value[10:12]} {value[12]}"
    return value


def thai_plate(rng: random.Random, fake: Faker) -> str:
    plate = fake.license_plate()
    return f"{plate} {fake.province()}" if rng.random() < 0.5 else plate


#: Locales whose banks use IBANs (and whose Faker bank provider writes a national BBAN).
IBAN_LOCALES = {"en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "pt_BR"}
#: Phone layouts that only make sense in one locale; elsewhere Faker's own form is used.
PHONE_STYLE_LOCALE = {"paren": "en_US", "dots": "en_US", "ext": "en_US", "uk": "en_GB"}


def phone_styles(locale: str) -> list[str]:
    """The phone layouts a system in ``locale`` would plausibly store."""
    return ["native", "native", "bare", "dash7"] + [
        s for s, loc in PHONE_STYLE_LOCALE.items() if loc == locale
    ]


def bank_account(rng: random.Random, fake: Faker) -> str:
    loc = locale_of(fake)
    if loc == "th_TH":
        d = _digits(rng, 10)
        return f"{d[:3]}-{d[3]}-{d[4:9]}-{d[9]}" if rng.random() < 0.6 else d
    if loc in IBAN_LOCALES:
        return fake.bban()
    if loc in {"ja_JP", "ko_KR"}:
        return f"{_digits(rng, 3)}-{_digits(rng, 7)}"
    return _digits(rng, rng.choice([9, 10, 12, 14, 16]))


def iban(rng: random.Random, fake: Faker) -> str:
    value = fake.iban()
    return (
        " ".join(value[i : i + 4] for i in range(0, len(value), 4)) if rng.random() < 0.4 else value
    )


def card(rng: random.Random, fake: Faker) -> str:
    try:
        number = fake.credit_card_number(
            card_type=rng.choice(["visa16", "mastercard", "amex", "jcb16"])
        )
    except KeyError:  # a locale with its own card list (ja_JP)
        number = fake.credit_card_number()
    style = rng.random()
    if style < 0.3 and len(number) == 16:
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    if style < 0.45 and len(number) == 16:
        return "-".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


def passport(rng: random.Random, fake: Faker) -> str:
    if locale_of(fake) == "th_TH":
        return f"{rng.choice('ABEFGKLMN')}{rng.choice('ABCDEFGHJK')}{_digits(rng, 7)}"
    return fake.passport_number()


def ip(rng: random.Random, fake: Faker, style: str) -> str:
    """An IP address written as: v4, v6 (compressed), full, upper, zone, mapped, port, mix."""
    if style == "mix":
        style = rng.choice(["v4", "v4", "v6"])
    if style == "v4":
        return fake.ipv4_public() if rng.random() < 0.7 else fake.ipv4_private()
    v6 = ipaddress.IPv6Address(
        rng.choice([0x20010DB8, 0x2A001450, 0x26001F18, 0xFE800000]) << 96
        | rng.getrandbits(rng.choice([16, 32, 64]))
    )
    if style == "full":
        return v6.exploded
    if style == "upper":
        return v6.compressed.upper()
    if style == "zone":
        link = ipaddress.IPv6Address(0xFE80 << 112 | rng.getrandbits(64))
        return f"{link.compressed}%{rng.choice(['eth0', 'en0', 'wlan0', '12'])}"
    if style == "mapped":
        return f"::ffff:{fake.ipv4_public()}"
    if style == "port":
        return f"[{v6.compressed}]:{rng.choice([443, 8080, 8443, 22, 51820])}"
    return v6.compressed


def note(rng: random.Random, fake: Faker, kinds: list[str], rate: float) -> tuple[str, str | None]:
    """A free-text remark; with probability ``rate`` it carries one of ``kinds``."""
    text = fake.sentence(nb_words=rng.randint(5, 12))
    if rng.random() >= rate:
        return text, None
    kind = rng.choice(kinds)
    thai = locale_of(fake) == "th_TH"
    value = {
        "TH_NATIONAL_ID": lambda: thai_id(rng, rng.choice(["plain", "dash"])),
        "PHONE_NUMBER": lambda: fake.phone_number(),
        "EMAIL_ADDRESS": lambda: fake.email(),
        "CREDIT_CARD": lambda: card(rng, fake),
    }[kind]()
    lead = {
        "TH_NATIONAL_ID": "เลขบัตรประชาชน" if thai else "ID card",
        "PHONE_NUMBER": "โทร" if thai else "call back on",
        "EMAIL_ADDRESS": "อีเมล" if thai else "reply to",
        "CREDIT_CARD": "บัตร" if thai else "paid with card",
    }[kind]
    return f"{text} {lead} {value}", kind
