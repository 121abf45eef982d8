"""Names, and the shared helpers, for the person-name likeness model's data (development only).

Used by ``scripts/train_name_model.py`` with ``scripts/name_model_negatives.py``.
Every string comes from a generator or a bundled list (Faker providers,
PyThaiNLP's bundled corpora and its offline ``royin`` romaniser) and from
fixed seeds, so the same library versions give the same data. No
evaluation data (ThaiNER, Chinook) is read.

``Data`` collects ``{string: (label, category)}``: label 1 for a person's
name or part of one, 0 for anything else.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from faker import Faker
from pythainlp.corpus import thai_family_names, thai_female_names, thai_male_names
from pythainlp.transliterate import romanize

from scanners.offline import enforce_offline

LATIN = (
    "en_US en_GB en_IE en_NZ en_IN en_PH de_DE de_AT de_CH fr_FR fr_CA fr_BE es_ES es_MX es_AR "
    "es_CO es_CL pt_BR pt_PT it_IT nl_NL nl_BE da_DK no_NO sv_SE fi_FI pl_PL cs_CZ sk_SK hu_HU "
    "ro_RO hr_HR sl_SI lt_LT lv_LV et_EE tr_TR id_ID tl_PH sw yo_NG zu_ZA ga_IE vi_VN az_AZ is_IS"
).split()
OTHER = "ja_JP zh_CN zh_TW ko_KR ru_RU uk_UA el_GR he_IL ar_AA bg_BG".split()
THAI_TITLES = (
    "นาย นาง นางสาว น.ส. ด.ช. ด.ญ. เด็กชาย เด็กหญิง คุณ ดร. นพ. พญ. ทพ. ศ. รศ. ผศ. ศ.ดร. "
    "พ.ต.อ. พ.ต.ท. พ.ต.ต. ร.ต.อ. ด.ต. จ.ส.อ. พล.อ. พ.อ. ร.อ. ว่าที่ร.ต. พระ หม่อมราชวงศ์ ม.ร.ว."
).split()
LATIN_TITLES = "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof. Miss Herr Frau M. Mme Sr. Sra. Khun".split()
PARTICLES = "de|de la|del|da|dos|das|van|van der|van den|von|du|di|le|bin|binti|al|ben".split("|")
AIRLINE_TITLES = ("MR", "MRS", "MS", "MISS", "MSTR", "DR", "")
INFORMAL_ROMAN = (
    ("ch", "j"),
    ("phon", "porn"),
    ("ph", "p"),
    ("th", "t"),
    ("kh", "k"),
    ("i", "ee"),
    ("u", "oo"),
    ("oe", "er"),
    ("w", "v"),
)
PARTS = re.compile(r"[\s\-,./&()]+")


def _unique(values: Iterable[str]) -> list[str]:
    return sorted({v.strip() for v in values if v and v.strip()})


def _sample(rng: random.Random, values: Iterable[str], k: int) -> list[str]:
    pool = _unique(values)
    return pool if len(pool) <= k else rng.sample(pool, k)


def _calls(fake: Faker, method: str, k: int) -> list[str]:
    try:
        return [str(getattr(fake, method)()) for _ in range(k)]
    except (AttributeError, TypeError, ValueError):
        return []


def _provider_names(fake: Faker, part: str) -> list[str]:
    """Every name list of the locale's person provider whose attribute names ``part``."""
    names: list[str] = []
    for provider in fake.providers:
        for attr in dir(provider):
            value = getattr(provider, attr, None)
            if part in attr and attr.endswith("s") and isinstance(value, tuple | list | dict):
                names.extend(n for n in value if isinstance(n, str))
    return _unique(names)


def _title(words: list[str]) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words)


class Data:
    """Collects labelled strings; a string given both labels is dropped at the end."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[int, str]] = {}
        self.labels: dict[str, set[int]] = {}

    def add(self, label: int, category: str, values: Iterable[str]) -> None:
        for value in values:
            value = " ".join(str(value).split())
            if not value:
                continue
            old = self.rows.setdefault(value, (label, category))
            if category == "gazetteer" and old[0] == label:
                self.rows[value] = (label, category)
            self.labels.setdefault(value.casefold(), set()).add(label)

    def result(self) -> dict[str, tuple[int, str]]:
        titles = {t.casefold() for t in (*LATIN_TITLES, *AIRLINE_TITLES, *THAI_TITLES)}
        name_tokens = {
            t.casefold()
            for value, (label, _) in self.rows.items()
            if label == 1
            for t in PARTS.split(value)
            if t
        } - {t.strip(".") for t in titles}
        out = {}
        for value, (label, category) in sorted(self.rows.items()):
            if len(self.labels[value.casefold()]) > 1:
                continue
            tokens = [t.casefold() for t in PARTS.split(value) if t]
            only_names = tokens and all(t in name_tokens for t in tokens)
            if label == 0 and only_names and category in ("company", "product"):
                continue  # "Smith-Jones" (a firm) is a name too
            out[value] = (label, category)
        return out


def _latin_formats(rng: random.Random, given: str, family: str) -> list[tuple[str, str]]:
    g, f = given, family
    title = rng.choice(AIRLINE_TITLES)
    options = [
        ("caps", f"{g} {f}".upper()),
        ("caps", f"{g} {rng.choice('ABCDEFGHJKLMNPRSTW')} {f}".upper()),
        ("airline", f"{f}/{g} {title}".upper().strip()),
        ("surname_first", f"{f}, {g}"),
        ("surname_first", f"{f.upper()}, {g.upper()}"),
        ("surname_first", f"{f.upper()} {g}"),
        ("initials", f"{g[0]}. {f}"),
        ("initials", f"{g[0]}.{rng.choice('ABCDEJKLMRS')}. {f}"),
        ("initials", f"{f} {g[0]}."),
        ("initials", f"{g[0]} {f}"),
        ("titled", f"{rng.choice(LATIN_TITLES)} {g} {f}"),
        ("lower", f"{g} {f}".lower()),
    ]
    return rng.sample(options, 3)


def _latin_positives(data: Data, rng: random.Random) -> None:
    for locale in LATIN:
        fake = Faker(locale)
        fake.seed_instance(7)
        given = _unique(_provider_names(fake, "first_name") + _calls(fake, "first_name", 1500))
        family = _unique(_provider_names(fake, "last_name") + _calls(fake, "last_name", 1500))
        if locale == "pl_PL":  # Faker lists no feminine forms: Kowalski → Kowalska
            family = _unique(family + [f[:-1] + "a" for f in family if f.endswith(("ski", "cki"))])
        data.add(1, "latin_given", _sample(rng, given, 1500))
        data.add(1, "latin_surname", _sample(rng, family, 2000))
        data.add(1, "latin_full", _calls(fake, "name", 500))
        for _ in range(min(1500, 300 + len(family) // 3)):
            g, f = rng.choice(given), rng.choice(family)
            second, particle = rng.choice(given), rng.choice(PARTICLES)
            double = f"{f}-{rng.choice(family)}"
            forms = (f"{g} {f}", f"{g} {second} {f}", f"{g} {double}", f"{g} {particle} {f}")
            full = rng.choice(forms)
            data.add(1, "latin_full", [full])
            for category, value in _latin_formats(rng, g, f):
                data.add(1, category, [value])


def _informal(rng: random.Random, roman: str) -> str:
    out = roman
    for old, new in rng.sample(INFORMAL_ROMAN, 4):
        if old in out:
            out = out.replace(old, new, 1)
    return out


def _thai_positives(data: Data, rng: random.Random) -> tuple[list[str], list[str]]:
    given = _unique([*thai_male_names(), *thai_female_names()])
    family = _unique(thai_family_names())
    data.add(1, "thai_script", given + family)
    roman: dict[str, str] = {}
    for name in _sample(rng, given, 5000) + _sample(rng, family, 6000):
        text = romanize(name, engine="royin").replace(" ", "")
        if text.isascii() and text.isalpha():
            roman[name] = text.capitalize()
    romans = sorted(roman.items())
    data.add(1, "roman_thai", [r for _, r in romans])
    data.add(1, "roman_thai", [_informal(rng, r.lower()).capitalize() for _, r in romans])
    g_roman = [roman[g] for g in given if g in roman]
    f_roman = [roman[f] for f in family if f in roman]
    for _ in range(12000):
        g, f = rng.choice(given), rng.choice(family)
        title = rng.choice(THAI_TITLES)
        thai = (f"{g} {f}", f"{title}{g} {f}", f"{title} {g} {f}")
        data.add(1, "thai_script", [rng.choice(thai)])
        rg, rf = rng.choice(g_roman), rng.choice(f_roman)
        if rng.random() < 0.5:
            rg = _informal(rng, rg.lower()).capitalize()
            rf = _informal(rng, rf.lower()).capitalize()
        full = rng.choice((f"{rg} {rf}", f"{rg} {rf}", f"{rg} {rf}".upper(), f"{rf}/{rg} MR"))
        data.add(1, "roman_thai", [full.upper() if full.endswith(" MR") else full])
        if rng.random() < 0.3:
            data.add(1, "caps", [f"{rg} {rf}".upper()])
    for locale in ("th_TH", "en_TH"):
        fake = Faker(locale)
        fake.seed_instance(11)
        category = "thai_script" if locale == "th_TH" else "roman_thai"
        data.add(1, category, _calls(fake, "name", 3000) + _calls(fake, "last_name", 1500))
    return given, family


def _other_script_positives(data: Data, rng: random.Random) -> None:
    for locale in OTHER:
        fake = Faker(locale)
        fake.seed_instance(13)
        category = "cjk_name" if locale[:2] in ("ja", "zh", "ko") else "other_script_name"
        data.add(1, category, _calls(fake, "name", 1500))
        data.add(1, category, _calls(fake, "first_name", 600) + _calls(fake, "last_name", 600))
        names = _calls(fake, "name", 600)
        data.add(1, category, [n.replace(" ", "") for n in names if locale[:2] in ("ja", "ko")])
        if locale == "ja_JP":
            data.add(1, "latin_full", _calls(fake, "romanized_name", 600))
            data.add(1, category, _calls(fake, "kana_name", 600))


def add_positives(data: Data, rng: random.Random) -> set[str]:
    """Add every kind of name; returns the Thai given and family names (for the negatives)."""
    enforce_offline()  # PyThaiNLP reads its switches per call: never download a corpus
    _latin_positives(data, rng)
    given, family = _thai_positives(data, rng)
    _other_script_positives(data, rng)
    return set(given) | set(family)
