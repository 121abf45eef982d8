"""Column rules, table-driven: whole-column statistics and context through the real engine.

Each case is a column (name, kind, values) in a dataset (name, sibling
columns) and the types that must be reported. Matches and traps for every
rule of ``scanners/classification/column_rules``; synthetic values only
(Faker and our own generators), never real people's.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from faker import Faker
from stdnum import ean, luhn

from connectors.model import ColumnInfo, ColumnSample, DatasetInfo, DatasetSample, ValueKind
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from tests.support.synthetic import national_id

TEXT, INT, DATE, BINARY = ValueKind.TEXT, ValueKind.INTEGER, ValueKind.DATE, ValueKind.BINARY
RNG = random.Random(1302)
TODAY = date.today()


def faker(locale: str) -> Faker:
    fake = Faker(locale)
    fake.seed_instance(13)
    return fake


def digits(n: int, prefix: str = "") -> str:
    return prefix + "".join(str(RNG.randint(0, 9)) for _ in range(n - len(prefix)))


def random_codes13(n: int) -> list[str]:
    """13-digit codes: about one in ten passes the Thai ID check digit by chance."""
    return [digits(13, str(RNG.randint(1, 8))) for _ in range(n)]


def mixed_codes13(n: int) -> list[str]:
    """13-digit codes of which a third are valid IDs: enough to pass the match ratio alone."""
    return [national_id(RNG) if i % 3 == 0 else random_codes13(1)[0] for i in range(n)]


def past_dates(n: int, first_year: int, last_year: int) -> list[date]:
    start, end = date(first_year, 1, 1), date(last_year, 12, 28)
    return [start + timedelta(days=RNG.randint(0, (end - start).days)) for _ in range(n)]


def be_text(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year + 543}"


def notes_with(identifiers: list[str], total: int) -> list[str]:
    plain = [
        "ลูกค้าโทรมาสอบถามสถานะคำสั่งซื้อ แจ้งว่าจะติดต่อกลับภายในวันนี้",
        "Customer asked about the delivery date, promised a call back tomorrow",
        "ตรวจสอบเอกสารครบถ้วนแล้ว รออนุมัติจากหัวหน้าแผนก",
        "Requested a refund for a damaged item; photos received by the team",
    ]
    notes = [RNG.choice(plain) for _ in range(total - len(identifiers))]
    notes += [f"ลูกค้าแจ้งข้อมูลเพิ่มเติม {value} ตรวจสอบแล้ว" for value in identifiers]
    RNG.shuffle(notes)
    return notes


def jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0" + bytes(RNG.getrandbits(8) for _ in range(60))


def template() -> bytes:
    return b"\x00\x91" + bytes(RNG.getrandbits(8) for _ in range(62))


HOLIDAYS_TH = [
    "วันขึ้นปีใหม่", "วันมาฆบูชา", "วันจักรี", "วันสงกรานต์", "วันแรงงานแห่งชาติ", "วันฉัตรมงคล",
    "วันวิสาขบูชา", "วันอาสาฬหบูชา", "วันเข้าพรรษา", "วันแม่แห่งชาติ", "วันปิยมหาราช",
    "วันพ่อแห่งชาติ", "วันรัฐธรรมนูญ", "วันสิ้นปี", "วันเด็กแห่งชาติ", "วันครู",
]  # fmt: skip
DISTRICTS_TH = [
    "บางรัก", "ปทุมวัน", "สาทร", "บางกะปิ", "ลาดพร้าว", "จตุจักร", "ห้วยขวาง", "ดินแดง", "บางเขน",
    "ดอนเมือง", "หาดใหญ่", "แม่ริม", "สันทราย", "หางดง", "บ้านโป่ง", "ศรีราชา", "บางละมุง", "สัตหีบ",
]  # fmt: skip
HOLIDAYS_EN = [
    "Makha Bucha Day", "Chakri Memorial Day", "Songkran Festival", "Labour Day", "Coronation Day",
    "Visakha Bucha Day", "Asarnha Bucha Day", "Khao Phansa Day", "Mother's Day", "Father's Day",
    "Chulalongkorn Day", "Constitution Day", "Loy Krathong Festival", "New Year's Eve",
]  # fmt: skip
RELIGIONS = ["พุทธ", "อิสลาม", "คริสต์", "Buddhist", "Muslim", "Christian"]

EN, JA, TH, DE = faker("en_US"), faker("ja_JP"), faker("th_TH"), faker("de_DE")

# (dataset, column, kind, values, siblings, expected)
CASES = [
    # checksum_rate
    ("inventory", "code13", TEXT, random_codes13(300), (), set()),
    ("inventory", "ref13", TEXT, mixed_codes13(300), (), set()),
    ("people", "code13", TEXT, [national_id(RNG) for _ in range(300)], (), {"TH_NATIONAL_ID"}),
    # measure_names
    ("stats", "avg_price_by_zipcode", INT, [RNG.randint(10000, 99999) for _ in range(200)], (), set()),
    ("stats", "gender_count", INT, [RNG.randint(1000, 9000) for _ in range(200)], (), set()),
    # thing_ids
    ("devices", "serial_no", TEXT, [digits(10, RNG.choice(["08", "09"])) for _ in range(200)], (), set()),
    ("orders", "order_phone", TEXT, [digits(10, RNG.choice(["08", "09"])) for _ in range(200)], (),
     {"PHONE_NUMBER"}),
    # animal_datasets
    ("clinic.patients", "sex", TEXT, [RNG.choice(["M", "F"]) for _ in range(200)],
     ("species", "breed", "owner_phone"), set()),
    ("clinic.patients", "birth_date", DATE, past_dates(200, 2010, 2024),
     ("species", "breed", "sex"), set()),
    ("hr.staff", "sex", TEXT, [RNG.choice(["M", "F"]) for _ in range(200)], ("first_name",),
     {"GENDER"}),
    # postcode_shape
    ("areas", "zip", INT, [RNG.choice([RNG.randint(1000, 99999), RNG.randint(100000, 9999999)])
                           for _ in range(200)], (), set()),
    ("areas", "zip", TEXT, [str(RNG.randint(10**7, 10**9)) for _ in range(200)], (), set()),
    ("customers", "zip", TEXT, [RNG.choice([EN, DE, JA]).postcode() for _ in range(200)], (),
     {"POSTAL_CODE"}),
    ("customers", "zip", TEXT, [EN.postcode() for _ in range(200)], (), {"POSTAL_CODE"}),
    # person_values
    ("listings", "host_name", TEXT, [EN.first_name() for _ in range(300)], (), {"PERSON"}),
    ("t1", "c1", TEXT, [EN.name() for _ in range(300)], (), {"PERSON"}),
    ("t1", "c2", TEXT, [DE.name().upper() for _ in range(300)], (), {"PERSON"}),
    ("t1", "c3", TEXT, [f"{EN.last_name().upper()}/{EN.first_name().upper()} MR"
                        for _ in range(300)], (), {"PERSON"}),
    ("t1", "cust_first_name", TEXT, [TH.first_name() for _ in range(300)], (), {"PERSON"}),
    ("calendar.holidays", "name_th", TEXT, HOLIDAYS_TH * 10, ("holiday_date",), set()),
    ("geo.districts", "name_th", TEXT, DISTRICTS_TH * 10, ("province_id",), set()),
    ("calendar.holidays", "name_en", TEXT, HOLIDAYS_EN * 10, ("holiday_date",), set()),
    ("geo", "name", TEXT, [EN.city() for _ in range(300)], ("population",), set()),
    ("catalogue", "title", TEXT, [EN.catch_phrase() for _ in range(300)], (), set()),
    ("catalogue", "c4", TEXT, [EN.company() for _ in range(300)], (), set()),
    ("clinic.patients", "pet_name", TEXT, [EN.first_name() for _ in range(300)],
     ("species", "breed", "owner_name"), set()),
    ("clinic.patients", "owner_name", TEXT, [EN.name() for _ in range(300)],
     ("species", "breed", "pet_name"), {"PERSON"}),
    ("shop.customers", "addr", TEXT, [EN.address().replace("\n", ", ") for _ in range(300)], (),
     {"ADDRESS"}),
    # birth_dates
    ("t2", "c7", DATE, past_dates(300, 1945, 2004), (), {"DATE_OF_BIRTH"}),
    ("t2", "f3", TEXT, [be_text(d) for d in past_dates(300, 1945, 2004)], (), {"DATE_OF_BIRTH"}),
    ("t2", "c9", DATE, [d.replace(year=d.year + 543) for d in past_dates(300, 1945, 2004)
                        if (d.month, d.day) != (2, 29)], (), {"DATE_OF_BIRTH"}),
    ("t2", "c10", INT, [d.year for d in past_dates(300, 1945, 2004)], (), {"BIRTH_YEAR"}),
    ("t2", "c11", TEXT, [str(d.year + 543) for d in past_dates(300, 1945, 2004)], (),
     {"BIRTH_YEAR"}),
    ("t2", "c12", INT, [RNG.randint(TODAY.year - 3, TODAY.year) for _ in range(300)], (), set()),
    ("t2", "c8", DATE, past_dates(300, TODAY.year - 2, TODAY.year - 1), (), set()),
    ("t2", "founded_on", DATE, past_dates(300, 1945, 2004), (), set()),
    # religion_values
    ("t3", "c12", TEXT, [RNG.choice(RELIGIONS) for _ in range(200)], (), {"RELIGION"}),
    ("lookup", "label", TEXT, RELIGIONS, (), set()),
    ("t3", "c13", TEXT, [RNG.choice(["佛教", "基督教", "无", "道教", "伊斯兰教"]) for _ in range(200)],
     (), {"RELIGION"}),
    # gender_values
    ("t3", "c14", TEXT, [RNG.choice(["男", "女"]) for _ in range(200)], (), {"GENDER"}),
    ("t3", "c15", TEXT, [RNG.choice(["M", "F", "female"]) for _ in range(200)], (), {"GENDER"}),
    ("t3", "size", TEXT, [RNG.choice(["M", "F"]) for _ in range(200)], (), set()),
    ("t3", "c16", TEXT, [RNG.choice(["S", "M", "L", "XL"]) for _ in range(200)], (), set()),
    ("customers", "gender", TEXT, [RNG.choice(["männlich", "weiblich", "femme"])
                                   for _ in range(200)], (), {"GENDER"}),
    # blood_groups
    ("t3", "c17", TEXT, [RNG.choice(["A+", "B-", "AB", "O-", "O+"]) for _ in range(200)], (),
     {"HEALTH"}),
    ("t3", "grade", TEXT, [RNG.choice(["A", "B", "C", "D"]) for _ in range(200)], (), set()),
    # diagnosis_codes
    ("t3", "c18", TEXT, [RNG.choice(["E11.9", "I10 Essential hypertension", "J45.909", "K29.70",
                                     "M54.5 Low back pain", "B20", "F32.1"]) for _ in range(200)],
     (), {"HEALTH"}),
    ("t3", "seat", TEXT, [f"{RNG.choice('ABCDEF')}{RNG.randint(10, 40)}" for _ in range(200)], (),
     set()),
    # proven_values
    ("logs", "usr_mapped_addr", TEXT, [f"::ffff:10.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}."
                                       f"{RNG.randint(1, 254)}" for _ in range(200)], (),
     {"IP_ADDRESS"}),
    # sparse_identifiers
    ("crm.tickets", "remarks", TEXT, notes_with([national_id(RNG) for _ in range(8)], 300), (),
     {"TH_NATIONAL_ID"}),
    ("crm.tickets", "comment", TEXT, notes_with([EN.email() for _ in range(6)], 300), (),
     {"EMAIL_ADDRESS"}),
    ("crm.tickets", "body", TEXT, notes_with(["081-234-5678"] * 20, 300), (), set()),
    # binary_templates
    ("hr.access", "fp_template", BINARY, [template() for _ in range(100)], (), {"BIOMETRIC"}),
    ("hr.access", "ลายนิ้วมือ", BINARY, [template() for _ in range(100)], (), {"BIOMETRIC"}),
    ("hr.access", "face_photo", BINARY, [jpeg() for _ in range(100)], (), set()),
    ("docs", "template", BINARY, ["เรียน {name} ...".encode() for _ in range(100)], (), set()),
]  # fmt: skip


def _card() -> str:
    body = "4" + digits(14)
    return body + luhn.calc_check_digit(body)


CASES.append(("crm.tickets", "note", TEXT, notes_with([_card() for _ in range(5)], 300), (),
              {"CREDIT_CARD"}))  # fmt: skip


def _sample(dataset: str, column: str, kind: ValueKind, values: list, siblings: tuple):
    names = (column, *siblings)
    infos = tuple(ColumnInfo(n, "text", kind if n == column else TEXT) for n in names)
    columns = tuple(
        ColumnSample(info, tuple(values) if info.name == column else ("x",) * len(values))
        for info in infos
    )
    return DatasetSample(DatasetInfo("src", dataset, "table", infos), len(values), "all", columns)


@pytest.mark.parametrize(
    ("dataset", "column", "kind", "values", "siblings", "expected"),
    CASES,
    ids=[f"{c[0]}.{c[1]}-{i}" for i, c in enumerate(CASES)],
)
def test_column_rule(
    detection_engine: DetectionEngine,
    dataset: str,
    column: str,
    kind: ValueKind,
    values: list,
    siblings: tuple,
    expected: set[str],
) -> None:
    result = classify_dataset(_sample(dataset, column, kind, values, siblings), detection_engine)
    got = {m.type for m in result[0].pii}
    assert got == expected, result[0].reasons


def test_sparse_identifier_reports_how_many_values(detection_engine: DetectionEngine) -> None:
    # A plain ID that is also a valid EAN-13 barcode is only a shape without ID words near.
    ids = [i for i in (national_id(RNG) for _ in range(40)) if not ean.is_valid(i)][:9]
    result = classify_dataset(
        _sample("t", "remarks", TEXT, notes_with(ids, 300), ()), detection_engine
    )
    (match,) = result[0].pii
    assert match.match_ratio == pytest.approx(9 / 300, abs=0.001)
    assert any("9 of 300" in reason for reason in result[0].reasons)
    assert not any(i in " ".join(result[0].evidence + result[0].reasons) for i in ids)


def test_a_rule_that_drops_says_why(detection_engine: DetectionEngine) -> None:
    result = classify_dataset(_sample("t", "ref13", TEXT, mixed_codes13(300), ()), detection_engine)
    assert not result[0].pii
    assert any("check digit" in reason for reason in result[0].reasons)
