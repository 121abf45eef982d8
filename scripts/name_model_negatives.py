"""Non-name strings for the person-name likeness model (development time only).

Words, places, streets, companies, jobs, colours, phrases, titles and
products from Faker's non-person providers in many locales; Thai words,
phrases, event and organisation names from PyThaiNLP's bundled corpora;
codes and host names. Used by ``scripts/train_name_model.py``.
"""

from __future__ import annotations

import random

from faker import Faker
from name_model_data import LATIN, OTHER, Data, _calls, _sample, _title, _unique
from pythainlp.corpus import countries, provinces, thai_words

NEGATIVE_LOCALES = (*LATIN, *OTHER, "th_TH")
THAI_EVENT_HEADS = (
    "วัน เทศกาล งาน ประเพณี พิธี สัปดาห์ มหกรรม การประชุม โครงการ กิจกรรม การแข่งขัน ฤดู".split()
)
THAI_EVENT_TAILS = ("", "", "แห่งชาติ", "สากล", "ประจำปี", "โลก", "ไทย", "2567", "ครั้งที่ 5")
THAI_ORG_FORMS = (
    "บริษัท {} จำกัด",
    "บริษัท {} จำกัด (มหาชน)",
    "บจก. {}",
    "หจก. {}",
    "ร้าน{}",
    "โรงแรม{}",
    "มูลนิธิ{}",
    "สหกรณ์{}",
    "โรงเรียน{}",
    "{} กรุ๊ป",
)
THAI_PLACE_HEADS = ("จังหวัด", "อำเภอ", "ตำบล", "ถนน", "ซอย", "หมู่บ้าน", "เขต", "แขวง")


NEGATIVE_METHODS: tuple[tuple[str, str, int], ...] = (
    ("city", "city", 200),
    ("administrative_unit", "city", 60),
    ("street_name", "street", 200),
    ("street_address", "street", 100),
    ("company", "company", 300),
    ("job", "job", 250),
    ("country", "country", 150),
    ("color_name", "color", 60),
    ("catch_phrase", "phrase", 120),
    ("bs", "phrase", 120),
    ("sentence", "phrase", 150),
    ("word", "word", 500),
)


def _words(fake: Faker) -> list[str]:
    for provider in fake.providers:
        words = getattr(provider, "word_list", None)
        if words:
            return _unique(words)
    return []


def _latin_negatives(data: Data, rng: random.Random) -> None:
    for locale in NEGATIVE_LOCALES:
        fake = Faker(locale)
        fake.seed_instance(17)
        for method, category, k in NEGATIVE_METHODS:
            values = _calls(fake, method, k)
            data.add(0, category, values)
            data.add(0, category, [v.upper() for v in rng.sample(values, len(values) // 8)])
        words = _words(fake)
        data.add(0, "word", words)
        data.add(0, "word", [w.capitalize() for w in rng.sample(words, min(600, len(words)))])
        for _ in range(300 if words else 0):
            phrase = rng.sample(words, rng.randint(2, 6))
            title = _title(phrase) if rng.random() < 0.8 else " ".join(phrase)
            data.add(0, "title", [title.upper() if rng.random() < 0.1 else title])
            data.add(0, "phrase", ["".join(phrase) if locale[:2] in ("ja", "zh", "th") else title])


def _products(data: Data, rng: random.Random) -> None:
    fake = Faker("en_US")
    fake.seed_instance(19)
    words = _words(fake)
    nouns = [w for p in fake.providers for lst in getattr(p, "catch_phrase_words", ()) for w in lst]
    brands = [c.split()[0].strip(",") for c in _calls(fake, "company", 400)]
    units = ("", "", " 500ml", " 1kg", " XL", " 64GB", " Pro", " Max", " Plus", " v2", " 2024")
    for _ in range(6000):
        name = _title(rng.sample(words, rng.randint(1, 3)))
        pattern = rng.choice(("??-###", "#####", "?###", ""))
        model = fake.bothify(pattern, letters="ABCDEFGHKMNPRSTXZ")
        parts = [rng.choice(brands + nouns), name, model.upper() + rng.choice(units)]
        data.add(0, "product", [" ".join(p for p in parts if p).strip()])
        data.add(0, "product", [_title(rng.sample(nouns, 2)) + rng.choice(units)])


def _codes(data: Data) -> None:
    fake = Faker("en_US")
    fake.seed_instance(23)
    for method, k in (
        ("hostname", 1500),
        ("domain_name", 800),
        ("url", 600),
        ("email", 800),
        ("ipv4", 400),
        ("uuid4", 300),
        ("ean13", 300),
        ("license_plate", 600),
        ("phone_number", 600),
        ("date", 400),
        ("file_name", 600),
        ("iban", 300),
        ("postcode", 400),
        ("mime_type", 200),
    ):
        data.add(0, "code", _calls(fake, method, k))
    patterns = ("??-####", "???###", "#####", "SKU-#####", "INV/####/##", "?#?#?#", "srv-??##")
    data.add(0, "code", [fake.bothify(p) for p in patterns for _ in range(300)])
    data.add(0, "code", [fake.user_name() + str(i % 97) for i in range(800)])


def _thai_negatives(data: Data, rng: random.Random, names: set[str]) -> None:
    words = [w for w in _unique(thai_words()) if w not in names]
    data.add(0, "thai_word", _sample(rng, words, 30000))
    short = [w for w in words if len(w) <= 8 and " " not in w]
    for _ in range(10000):
        parts = rng.sample(short, rng.randint(2, 4))
        data.add(0, "thai_phrase", [rng.choice(("", " ")).join(parts)])
    for _ in range(5000):
        head, tail = rng.choice(THAI_EVENT_HEADS), rng.choice(THAI_EVENT_TAILS)
        body = "".join(rng.sample(short, rng.randint(1, 2)))
        data.add(0, "thai_event", [f"{head}{body}{tail}", f"{head}{body} {tail}".strip()])
    fake = Faker("th_TH")
    fake.seed_instance(29)
    for _ in range(4000):
        body = rng.choice(short) + rng.choice(("", rng.choice(short)))
        data.add(0, "company", [rng.choice(THAI_ORG_FORMS).format(body)])
        data.add(0, "city", [rng.choice(THAI_PLACE_HEADS) + rng.choice(short)])
    data.add(0, "company", _calls(fake, "company", 1500))
    data.add(0, "street", _calls(fake, "address", 1500))
    for place in provinces(details=True):
        th, en = place["name_th"], place["name_en"]
        data.add(0, "gazetteer", [th, "จังหวัด" + th, "จ." + th, "อำเภอเมือง" + th, f"{th} ไทย"])
        data.add(0, "gazetteer", [en, en.upper(), f"{en} Province", f"Mueang {en}"])
    for country in countries():
        data.add(0, "gazetteer", [country, "ประเทศ" + country])
    for locale in ("en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "id_ID"):
        fake = Faker(locale)
        fake.seed_instance(31)
        names = _unique(_calls(fake, "country", 800))
        data.add(0, "gazetteer", names + [n.upper() for n in names])


def add_negatives(data: Data, rng: random.Random, thai_names: set[str]) -> None:
    """Add every kind of non-name; ``thai_names`` are kept out of the Thai words."""
    _latin_negatives(data, rng)
    _products(data, rng)
    _codes(data)
    _thai_negatives(data, rng, thai_names)
