"""ADDRESS: Thai address markers (evidence) and Latin street shapes."""

from __future__ import annotations

import pytest

MATCHES = [
    (
        "99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110",
        "99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110",
        0.85,
    ),
    (
        "บ้านเลขที่ 21/19 หมู่ที่3 ต.บางคูครัด อ.บางบัวทอง",
        "บ้านเลขที่ 21/19 หมู่ที่3 ต.บางคูครัด อ.บางบัวทอง",
        0.85,
    ),
    (
        "123 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110",
        "123 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพฯ 10110",
        0.85,
    ),
    ("55/1 ซ.ลาดพร้าว 101 ถ.ลาดพร้าว", "55/1 ซ.ลาดพร้าว 101 ถ.ลาดพร้าว", 0.75),
    ("ตำบลสุเทพ อำเภอเมือง", "ตำบลสุเทพ อำเภอเมือง", 0.6),
    ("ที่อยู่ 55/1 ถ.พหลโยธิน", "55/1 ถ.พหลโยธิน", 0.95),
    ("เขตบางรัก กทม. 10500", "เขตบางรัก กทม. 10500", 0.75),
]

SHAPES = [
    ("1600 Amphitheatre Parkway", "1600 Amphitheatre Parkway"),
    ("700 W Pender Street", "700 W Pender Street"),
    ("Theodor-Heuss-Straße 34", "Theodor-Heuss-Straße 34"),
    ("Rua Dr. Falcão Filho, 155", "Rua Dr. Falcão Filho, 155"),
    ("Av. Brigadeiro Faria Lima, 2170", "Av. Brigadeiro Faria Lima, 2170"),
    ("ถนนสุขุมวิท", "ถนนสุขุมวิท"),
]

TRAPS = [
    ("ถนนสายนี้รถติดมาก", None),
    ("เขตพื้นที่การศึกษา", None),
    ("20/05/2533", None),
    ("10110", None),
    ("https://example.com/700 Main Street", None),
    ("00:1A:2B:3C:4D:5E", None),
    ("192.168.1.10", None),
    ("fe80::1ff:fe23:4567:890a", None),
    ("john@main.street.com", None),
    ("1600 Amphitheatre Parkway", None),  # a Latin street is only a shape
    ("ราคา 1/2 กิโลกรัม", None),
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "ADDRESS")
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_shapes(best, text: str, expected: str) -> None:
    matched, score = best(text, "ADDRESS")
    assert matched == expected
    assert 0.05 <= score < 0.5


def test_street_shape_with_address_column(best) -> None:
    assert best("700 W Pender Street", "ADDRESS", context=["Address"])[1] >= 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "ADDRESS", context=context)[1] < 0.5


# Province and postcode agree (one step up) or disagree (one step down); DOMAIN §1.8.
CONSISTENCY = [
    ("99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110", 0.9),  # four+ kinds, agreeing
    ("99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 50200", 0.75),  # four+ kinds, disagreeing
    ("จ.เชียงใหม่ 50200", 0.75),  # two kinds, agreeing
    ("จังหวัดเชียงใหม่ 10110", 0.2),  # two kinds, disagreeing: only a shape
    ("อ.เมือง เชียงใหม่ 50200", 0.85),  # a bare province name counts
    ("อ.เมือง เชียงใหม่ 10110", 0.6),
    ("เขตบางรัก กทม. 10500", 0.85),
    ("เขตบางรัก กรุงเทพฯ 50500", 0.6),
    ("อ.บางพลี จ.สมุทรปราการ 10540", 0.85),  # Samut Prakan uses Bangkok's 10
    ("อ.บางพลี จ.สมุทรปราการ 11000", 0.6),  # 11 is Nonthaburi (ISO TH-11 is Samut Prakan)
    ("อ.เมือง จ.สระบุรี 18000", 0.85),  # postal 18 = Saraburi (ISO TH-19)
    ("อ.เมือง จ.บึงกาฬ 38000", 0.85),
    ("อ.เขาพนม จ.กระบี่ 80240", 0.85),  # a cross-province code
    ("ตำบลสุเทพ อำเภอเมือง", 0.6),  # no postcode: unchanged
    ("เชียงใหม่ 50200", 0.2),  # province + agreeing postcode alone: a shape
]


@pytest.mark.parametrize(("text", "score"), CONSISTENCY)
def test_province_postcode_consistency(best, text: str, score: float) -> None:
    assert best(text, "ADDRESS") == (text, score)


@pytest.mark.parametrize(
    "text",
    ["เลย 10110", "ตาก 50200", "แพร่ 54000", "จะไปเลย 42000 บาท"],  # common words, numbers
)
def test_province_names_and_numbers_alone_are_not_addresses(best, text: str) -> None:
    assert best(text, "ADDRESS")[1] < 0.5


def test_prefix_table_covers_every_province() -> None:
    from pythainlp.corpus import provinces

    from scanners.recognizers.th.th_address import POSTCODE_PREFIXES

    assert set(POSTCODE_PREFIXES) == set(provinces())
    assert all(p.isdigit() and len(p) == 2 for ps in POSTCODE_PREFIXES.values() for p in ps)
    assert "10" in POSTCODE_PREFIXES["สมุทรปราการ"]
    assert "19" not in set().union(*POSTCODE_PREFIXES.values())


ADDRESS_COLUMN_NOISE = [
    "https://maps.example.com/ต.บางคูครัด,อ.บางบัวทอง",
    "www.example.com/ซอย5/ถ.สุขุมวิท",
    "http://example.com/700 Main Street",
    "https://example.com/1600 Amphitheatre Parkway",
    "ต.บางคูครัด@example.com",
    "john@main.street.com",
    "00:1A:2B:3C:4D:5E",
    "00-1A-2B-3C-4D-5E",
    "192.168.1.10",
    "10.0.0.1/24",
    "fe80::1ff:fe23:4567:890a",
    "2001:db8::1",
]


@pytest.mark.parametrize("column", [["address"], ["ที่อยู่"], ["addr"], ["home_address"]])
@pytest.mark.parametrize("text", ADDRESS_COLUMN_NOISE)
def test_address_columns_of_urls_macs_emails_ips_are_not_addresses(
    best, text: str, column: list[str]
) -> None:
    assert best(text, "ADDRESS", context=column)[1] < 0.5
