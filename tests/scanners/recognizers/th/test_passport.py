"""PASSPORT: Thai and generic passport-number shapes; passport words make them evidence."""

from __future__ import annotations

import pytest

MATCHES = [
    ("เลขที่หนังสือเดินทาง AA1234567", "AA1234567", None),
    ("หนังสือเดินทางเลขที่ AB7654321", "AB7654321", None),
    ("พาสปอร์ต: A1234567", "A1234567", None),
    ("Passport No. AA1234567", "AA1234567", None),
    ("passport #K123456", "K123456", None),
    ("AA1234567", "AA1234567", ["passport_no"]),
    ("A123456", "A123456", ["passportNumber"]),
    ("C01X00T47", "C01X00T47", ["passport"]),  # German-style
    ("09AB12345", "09AB12345", ["เลขหนังสือเดินทาง"]),  # French-style
    ("E12345678", "E12345678", ["passportno"]),
]

SHAPES = [
    ("AA1234567", 0.3),
    ("A1234567", 0.3),
    ("C01X00T47", 0.2),
    ("EA1234567", 0.3),
]

TRAPS = [
    ("SKU-123456", ["passport"]),
    ("INV2025001", ["passport"]),  # ten characters
    ("TG123", ["passport"]),
    ("TG 660", ["passport"]),
    ("12A", ["passport"]),
    ("SW1V 3EN", ["passport"]),
    ("5d41402abc4b2a76b9719d911017c592", ["passport"]),
    ("123E4567-E89B-12D3-A456-426614174000", ["passport"]),
    ("1HGCM82633A004352", ["passport"]),  # a VIN
    ("123456789", ["passport"]),  # digits only
    ("ORDER-AA1234567", ["passport"]),
    ("https://x.com/AA1234567", ["passport"]),
    ("aa1234567", ["passport"]),  # lower case: a username, not a passport
    ("AA0000000", ["passport"]),  # placeholder
    ("AA1234567", None),  # shape only without passport words
    ("รหัสสินค้า AB123456", None),
]


@pytest.mark.parametrize(("text", "expected", "context"), MATCHES)
def test_matches(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "PASSPORT", context=context)
    assert matched == expected
    assert score >= 0.5


@pytest.mark.parametrize(("text", "score"), SHAPES)
def test_shapes(best, text: str, score: float) -> None:
    assert best(text, "PASSPORT") == (text, score)


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "PASSPORT", context=context)[1] < 0.5
