"""PHONE_NUMBER (Thai): matches and traps through the real engine."""

from __future__ import annotations

import pytest

MATCHES = [
    ("081-234-5678", "081-234-5678", 0.8),
    ("0812345678", "0812345678", 0.7),
    ("081 234 5678", "081 234 5678", 0.8),
    ("08-1234-5678", "08-1234-5678", 0.8),
    ("(081) 234-5678", "(081) 234-5678", 0.8),
    ("061-234-5678", "061-234-5678", 0.8),
    ("091.234.5678", "091.234.5678", 0.8),
    ("02-123-4567", "02-123-4567", 0.7),
    ("0 2123 4567", "0 2123 4567", 0.7),
    ("021234567", "021234567", 0.5),
    ("053-873890", "053-873890", 0.7),
    ("038-123-456", "038-123-456", 0.7),
    ("+66 81 234 5678", "+66 81 234 5678", 0.85),
    ("+66-2-123-4567", "+66-2-123-4567", 0.85),
    ("+66 (0) 2 123 4567", "+66 (0) 2 123 4567", 0.85),
    ("+66812345678", "+66812345678", 0.85),
    ("0066 81 234 5678", "0066 81 234 5678", 0.85),
    ("66812345678", "66812345678", 0.5),
    ("๐๘๑-๒๓๔-๕๖๗๘", "๐๘๑-๒๓๔-๕๖๗๘", 0.8),
    ("โทร081-234-5678", "081-234-5678", 0.95),
    ("เบอร์มือถือ 0812345678", "0812345678", 0.95),
    ("Tel. 02 123 4567 ext 12", "02 123 4567 ext 12", 0.95),  # the extension belongs to it
    ("053-873890-93", "053-873890-93", 0.7),  # a range: …890 to …893
    ("0-4320-2371-2", "0-4320-2371-2", 0.7),  # a range whose base alone is valid
    ("โทร 02 126 5800 ต่อ 2565", "02 126 5800 ต่อ 2565", 0.95),
    ("โทร.043-324990", "043-324990", 0.95),  # a dot after a word
    ("สายด่วน 1669", "1669", 0.6),  # hotlines right after a phone word
    ("สายด่วนกรมควบคุมโรค 1422", "1422", 0.6),
    ("โทร.191", "191", 0.6),
    ("สอบถามสายด่วน 1506 กด 3", "1506 กด 3", 0.6),
]

TRAPS = [
    "1103700001239",  # a national ID
    "1-1037-00001-23-9",
    "0212345678",  # not a valid Thai number
    "000123456",
    "12,081,234,567",  # an amount
    "฿0,812,345.00",
    "20/08/2565",  # dates
    "2565-08-12",
    "08-12-2565",
    "12081234567",  # inside a longer digit run
    "0812345678901",
    "ราคา 1,990 บาท",
    "0999999999",  # repeated digits: a dummy value
    "1669",  # a short number without a phone word
    "ในปี 1998 มีผู้ใช้โทรศัพท์",  # a year
    "โทร 1000 ครั้ง",  # a count after "call"
    "ราคา 3.0812345678",  # a decimal, not a number after a dot
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "PHONE_NUMBER")
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "PHONE_NUMBER")[1] < 0.5


def test_two_numbers_in_one_field(engine) -> None:
    text = "081 234 5678 02 123 4567"
    found = [text[e.start : e.end] for e in engine.detect(text) if e.type == "PHONE_NUMBER"]
    assert found == ["081 234 5678", "02 123 4567"]
