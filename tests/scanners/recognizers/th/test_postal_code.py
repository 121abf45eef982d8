"""POSTAL_CODE: shapes alone, evidence with postcode or address context."""

from __future__ import annotations

import pytest

MATCHES = [
    ("รหัสไปรษณีย์ 10110", "10110", None),
    ("รหัสไปรษณีย์๕๐๒๐๐", "๕๐๒๐๐", None),
    ("จ.เชียงใหม่ 50200", "50200", None),
    ("กรุงเทพฯ 10500", "10500", None),
    ("zip: 70174", "70174", None),
    ("10110", "10110", ["postcode"]),
    ("T2P 5M5", "T2P 5M5", ["PostalCode"]),
    ("SW1V 3EN", "SW1V 3EN", ["zip_code"]),
    ("01007-010", "01007-010", ["cep"]),
]

SHAPES = ["10110", "96000", "T2P 5M5", "SW1V 3EN", "01007-010", "70174"]

TRAPS = [
    ("19000", ["postcode"]),  # no postal prefix 19
    ("99999", ["postcode"]),
    ("123456", ["postcode"]),  # six digits
    ("10110", None),
    ("ราคา 10,110 บาท", None),
    ("1103700001239", ["postcode"]),
    ("12.34567", ["postcode"]),
]


@pytest.mark.parametrize(("text", "expected", "context"), MATCHES)
def test_matches(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "POSTAL_CODE", context=context)
    assert matched == expected
    assert score >= 0.5


@pytest.mark.parametrize("text", SHAPES)
def test_shapes(best, text: str) -> None:
    matched, score = best(text, "POSTAL_CODE")
    assert matched == text
    assert 0.05 <= score < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "POSTAL_CODE", context=context)[1] < 0.5
