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
