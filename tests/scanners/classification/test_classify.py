"""Column decisions, table-driven: a column name and sampled values → the types reported.

Matches and traps run through the real detection engine. Synthetic values only.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from stdnum import ean
from stdnum.th import moa

from connectors.model import ColumnInfo, ColumnSample, DatasetInfo, DatasetSample, ValueKind
from scanners.classification.classify import classify_column, classify_dataset
from scanners.detection.engine import DetectionEngine
from tests.support.synthetic import national_id

RNG = random.Random(42)
TEXT, INT, DATE, DATETIME = ValueKind.TEXT, ValueKind.INTEGER, ValueKind.DATE, ValueKind.DATETIME


def pins(n: int) -> list[str]:
    return [national_id(RNG) for _ in range(n)]


def juristic(n: int) -> list[str]:
    out = []
    for _ in range(n):
        body = "0105" + "".join(str(RNG.randint(0, 9)) for _ in range(8))
        out.append(body + moa.calc_check_digit(body))
    return out


def barcodes(n: int) -> list[str]:
    out = []
    for _ in range(n):
        body = "885" + "".join(str(RNG.randint(0, 9)) for _ in range(9))
        out.append(body + ean.calc_check_digit(body))
    return out


def dates(n: int, start: int = 1950) -> list[date]:
    return [date(start, 1, 1) + timedelta(days=RNG.randint(0, 20000)) for _ in range(n)]


THAI_NAMES = ["สมชาย", "วิไลวรรณ", "ก้องภพ", "ศิริพร", "ธนพล", "กาญจนา", "ประยุทธ", "อรุณี"]
THAI_SURNAMES = ["ศรีสวัสดิ์", "ทรัพย์มั่นคง", "สายทองคำ", "แก้วมณี", "บุญมา", "รุ่งเรือง"]

CASES = [
    # (column name, kind, values, expected types)
    ("citizen_id", TEXT, pins(200), {"TH_NATIONAL_ID"}),
    (
        "เลขบัตรประชาชน",
        TEXT,
        ["-".join([p[0], p[1:5], p[5:10], p[10:12], p[12]]) for p in pins(100)],
        {"TH_NATIONAL_ID"},
    ),
    ("cid", INT, [int(p) for p in pins(100)], {"TH_NATIONAL_ID"}),
    (
        "mobile",
        TEXT,
        [
            f"08{RNG.randint(0, 9)}-{RNG.randint(100, 999)}-{RNG.randint(1000, 9999)}"
            for _ in range(100)
        ],
        {"PHONE_NUMBER"},
    ),
    ("email", TEXT, [f"u{i}@example.co.th" for i in range(100)], {"EMAIL_ADDRESS"}),
    ("dob", DATE, dates(100), {"DATE_OF_BIRTH"}),
    (
        "birth_date",
        TEXT,
        [f"{d.day:02d}/{d.month:02d}/{d.year + 543}" for d in dates(100)],
        {"DATE_OF_BIRTH"},
    ),
    ("fname", TEXT, [RNG.choice(THAI_NAMES) for _ in range(100)], {"PERSON"}),
    ("lname", TEXT, [RNG.choice(THAI_SURNAMES) for _ in range(100)], {"PERSON"}),
    (
        "ชื่อ-นามสกุล",
        TEXT,
        [f"นาย{RNG.choice(THAI_NAMES)} {RNG.choice(THAI_SURNAMES)}" for _ in range(100)],
        {"PERSON"},
    ),
    ("sex", TEXT, [RNG.choice(["ชาย", "หญิง"]) for _ in range(100)], {"GENDER"}),
    (
        "zipcode",
        TEXT,
        [RNG.choice(["10110", "50200", "40000", "83000"]) for _ in range(100)],
        {"POSTAL_CODE"},
    ),
    ("birth_year", INT, [RNG.randint(2500, 2550) for _ in range(100)], {"BIRTH_YEAR"}),
    (
        "religion",
        TEXT,
        [RNG.choice(["พุทธ", "อิสลาม", "คริสต์", "-"]) for _ in range(100)],
        {"RELIGION"},
    ),
    ("blood_group", TEXT, [RNG.choice(["A", "B", "AB", "O+"]) for _ in range(100)], {"HEALTH"}),
    (
        "โรคประจำตัว",
        TEXT,
        [RNG.choice(["เบาหวาน", "ความดันโลหิตสูง", "ไม่มี"]) for _ in range(100)],
        {"HEALTH"},
    ),
    ("เชื้อชาติ", TEXT, [RNG.choice(["ไทย", "จีน", "ม้ง"]) for _ in range(100)], {"ETHNICITY"}),
    ("passport_no", TEXT, [f"AA{RNG.randint(1000000, 9999999)}" for _ in range(100)], {"PASSPORT"}),
    (
        "last_login_ip",
        TEXT,
        [
            f"10.{RNG.randint(0, 255)}.{RNG.randint(0, 255)}.{RNG.randint(1, 254)}"
            for _ in range(100)
        ],
        {"IP_ADDRESS"},
    ),
    # traps: look personal, are not
    ("nationality", TEXT, [RNG.choice(["ไทย", "Thai", "Japanese"]) for _ in range(100)], set()),
    ("รสนิยมทางเพศ", TEXT, [RNG.choice(["ชาย", "หญิง"]) for _ in range(100)], {"SEXUAL_ORIENTATION"}),
    ("photo", TEXT, [f"/images/{i}.jpg" for i in range(100)], set()),
    ("tax_id", TEXT, juristic(100), set()),
    ("barcode", TEXT, barcodes(300), set()),
    ("order_no", TEXT, [str(2025000000000 + RNG.randint(0, 10**8)) for _ in range(200)], set()),
    (
        "created_at",
        DATETIME,
        [datetime(2024, 1, 1) + timedelta(hours=i) for i in range(100)],
        set(),
    ),
    ("hire_date", DATE, dates(100, 2000), set()),
    ("name", TEXT, ["น้ำดื่มตราช้าง 600 มล.", "ข้าวหอมมะลิ 5 กก.", "Green Tea 500ml"] * 30, set()),
    ("company_name", TEXT, ["บริษัท สยามอุตสาหกรรม จำกัด", "Thai Logistics Co., Ltd."] * 50, set()),
    ("province", TEXT, ["กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "ภูเก็ต"] * 25, set()),
    (
        "address",
        TEXT,
        [":".join(f"{RNG.randint(0, 255):02x}" for _ in range(6)) for _ in range(100)],
        set(),
    ),
    ("address", TEXT, [f"https://host{i}.example.com/path" for i in range(100)], set()),
    ("uuid", TEXT, [f"{RNG.getrandbits(128):032x}" for _ in range(100)], set()),
    ("amount", ValueKind.DECIMAL, [RNG.randint(100, 99999) / 100 for _ in range(100)], set()),
    ("quantity", INT, [RNG.randint(1, 9999) for _ in range(100)], set()),
    ("phone", TEXT, ["02-123-4567"] * 100, set()),  # one company number in every row
]


@pytest.mark.parametrize(
    ("name", "kind", "values", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_column_decision(
    detection_engine: DetectionEngine, name: str, kind: ValueKind, values: list, expected: set
) -> None:
    result = classify_column(
        ColumnSample(ColumnInfo(name, kind.value, kind), tuple(values)),
        detection_engine,
        len(values),
    )
    assert {m.type for m in result.pii} == expected, result.reasons
    if expected:
        assert result.evidence and len(result.reasons) == len(expected)
        assert all(0 < m.confidence <= 1 and 0 < m.match_ratio <= 1 for m in result.pii)


def test_evidence_is_masked_and_never_a_raw_value(detection_engine: DetectionEngine) -> None:
    values = pins(50)
    result = classify_column(
        ColumnSample(ColumnInfo("cid", "text", TEXT), tuple(values)), detection_engine, 50
    )
    assert result.evidence and not set(result.evidence) & set(values)
    assert all("x" in e for e in result.evidence)


def test_free_text_reports_a_type_found_in_one_passage(detection_engine: DetectionEngine) -> None:
    lines = ["ระบบเริ่มทำงาน", "ผู้ใช้เข้าสู่ระบบสำเร็จ"] * 50 + ["ส่งอีเมลถึง somchai@example.co.th แล้ว"]
    column = ColumnInfo("content", "text", TEXT, free_text=True)
    result = classify_column(ColumnSample(column, tuple(lines)), detection_engine, len(lines))
    assert {m.type for m in result.pii} == {"EMAIL_ADDRESS"}
    tabular = classify_column(
        ColumnSample(ColumnInfo("message", "text", TEXT), tuple(lines)),
        detection_engine,
        len(lines),
    )
    assert tabular.pii == ()  # 1 in 101 is not a meaningful share of a column


def test_generic_name_column_is_a_person_only_beside_contact_data(
    detection_engine: DetectionEngine,
) -> None:
    names = [
        f"{RNG.choice(['Duangjai', 'Somsak', 'Kittipong'])} {RNG.choice(['Meesuk', 'Charoenphon'])}"
        for _ in range(50)
    ]
    emails = [f"user{i}@example.com" for i in range(50)]
    info = DatasetInfo(
        "s",
        "main.leads",
        "table",
        (ColumnInfo("name", "text", TEXT), ColumnInfo("email", "text", TEXT)),
    )
    sample = DatasetSample(
        info,
        50,
        "full",
        (ColumnSample(info.columns[0], tuple(names)), ColumnSample(info.columns[1], tuple(emails))),
    )
    assert [{m.type for m in c.pii} for c in classify_dataset(sample, detection_engine)] == [
        {"PERSON"},
        {"EMAIL_ADDRESS"},
    ]
    alone = DatasetSample(info, 50, "full", (ColumnSample(info.columns[0], tuple(names)),))
    assert [c.pii for c in classify_dataset(alone, detection_engine)] == [()]


def test_hostile_values_are_skipped_not_fatal(detection_engine: DetectionEngine) -> None:
    values = (
        b"\xff\xfe\x00binary",
        "\x00\x00",
        "a" * 100_000,
        "🙂" * 50,
        "",
        "   ",
        None,
        True,
        3.5,
    )
    result = classify_column(
        ColumnSample(ColumnInfo("blob", "text", TEXT), values), detection_engine, len(values)
    )
    assert result.pii == ()


def test_reasons_name_the_recognizer_the_ratio_and_the_column_name(
    detection_engine: DetectionEngine,
) -> None:
    values = tuple(f"{i}/3 หมู่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี 11120" for i in range(1, 60))
    result = classify_column(
        ColumnSample(ColumnInfo("address", "text", TEXT), values), detection_engine, 59
    )
    assert [m.type for m in result.pii] == ["ADDRESS"]  # the postcode inside is part of the address
    (reason,) = result.reasons
    assert (
        "ThaiAddressRecognizer" in reason and "100%" in reason and "column name 'address'" in reason
    )
