"""PHONE_NUMBER in other countries' national formats: shapes alone, evidence with phone words."""

from __future__ import annotations

import pytest

from scanners.recognizers.generic.phone_national import (
    POSSIBLE,
    VALID,
    NationalPhoneRecognizer,
    number_status,
)

RECOGNIZER = NationalPhoneRecognizer()

#: (value, score of the shape alone): grouped numbers score more than bare digits.
SHAPES = [
    ("(555) 123-4567", 0.4),
    ("(555)123-4567", 0.4),
    ("555-123-4567", 0.4),
    ("555.123.4567", 0.4),
    ("1.555.123.4567", 0.4),
    ("1-555-123-4567", 0.4),
    ("1 (780) 836-9987", 0.4),
    ("(780) 836-9987", 0.4),
    ("020 7946 0958", 0.4),  # London
    ("0161 496 0018", 0.4),  # Manchester
    ("07700 900123", 0.4),  # UK mobile
    ("030 12345678", 0.4),  # Berlin
    ("089/1234567", 0.0),  # a slash is no separator here
    ("03-1234-5678", 0.4),  # Tokyo
    ("090-1234-5678", 0.4),  # Japanese mobile
    ("(02) 9374 4000", 0.4),  # Sydney
    ("010-1234-5678", 0.4),  # Korean mobile
    ("98765 43210", 0.4),  # Indian mobile
    ("6123 4567", 0.4),  # Singapore
    ("912 345 678", 0.4),  # Madrid
    ("04 72 10 30 30", 0.4),  # Lyon
    ("0044 20 7946 0958", 0.4),  # international 00 dialling
    ("555-1234567", 0.4),
    ("555-123-4567 ext. 89", 0.4),
    ("555-123-4567 x12", 0.4),
    ("555-123-4567 ต่อ 12", 0.4),
    ("5551234567x123", 0.2),
    ("5551234567", 0.2),
    ("2125551234", 0.2),
    ("14155552671", 0.2),
    ("442079460958", 0.2),  # country code without +
]

#: Values with a phone word in the column name: evidence.
COLUMN_MATCHES = [
    ("(555) 123-4567", ["phone"]),
    ("555.123.4567", ["mobile_phone_number"]),
    ("020 7946 0958", ["telephone"]),
    ("030 12345678", ["tel_work"]),
    ("5551234567", ["contactPhoneNum"]),
    ("5551234567x123", ["fax"]),
    ("03-1234-5678", ["เบอร์โทร"]),
    ("1 (780) 836-9987", ["CallPhone"]),
]

#: Free text with a phone word before the number: evidence.
TEXT_MATCHES = [
    ("Tel: (555) 123-4567", "(555) 123-4567"),
    ("โทร +44 20 7946 0958", "+44 20 7946 0958"),
    ("call 020 7946 0958 after 5pm", "020 7946 0958"),
    ("Phone 555.123.4567", "555.123.4567"),
    ("mobile: 090-1234-5678", "090-1234-5678"),
    ("Fax (02) 9374 4000", "(02) 9374 4000"),
    ("ติดต่อ 555-123-4567 ext. 89", "555-123-4567 ext. 89"),
    ("Contact: 1 (780) 836-9987, thanks", "1 (780) 836-9987"),
    ("tel 555-123-4567 2019", "555-123-4567"),
]

#: Never a national-format phone, even as a shape.
TRAPS = [
    "2024-01-15",
    "15/01/2024",
    "2567-01-15",
    "15.01.2024",
    "01-15-2024",
    "15 01 2024",
    "2024.01.15",
    "12:30:45",
    "10:30",
    "10.30-12.00",
    "1,234,567.89",
    "1.234.567",
    "1.234.567,89",
    "$12.50",
    "฿1,250,000",
    "3.14159265",
    "v1.2.3",
    "10.0.19041.1",
    "2.10.0.1",
    "192.168.100.200",
    "10.20.30.40",
    "0-306-40615-2",  # ISBN-10
    "978-0-306-40615-7",  # ISBN-13
    "9780306406157",
    "4111 1111 1111 1111",  # card
    "4111-1111-1111-1111",
    "4111111111111111",
    "1103700001239",  # Thai national ID
    "1-1037-00001-23-9",
    "1 1037 00001 23 9",
    "12345-6789",  # ZIP+4
    "01310-100",  # Brazilian CEP
    "10110",
    "ORD-2024-000123",
    "INV2024000123",
    "A123-456-7890",
    "123-456-7890A",
    "550e8400-e29b-41d4-a716-446655440000",
    "2010-2020",
    "1990-2000",
    "2560-2565",
    "000-000-0000",
    "9999999999",
    "12345",
    "123-4567",  # seven digits
    "20240115",  # eight bare digits
    "1234567890123",  # thirteen bare digits
    "-5551234567",
    "+1 (604) 688-2255",  # InternationalPhoneRecognizer's
    "081-234-5678",  # ThaiPhoneRecognizer's
    "0812345678",
    "02 123 4567",
]


@pytest.mark.parametrize(("text", "score"), SHAPES)
def test_shapes(best, text: str, score: float) -> None:
    found = [(text[s.start : s.end], s.score) for s in RECOGNIZER.find(text)]
    assert found == ([(text, score)] if score else [])
    if score:
        assert best(text, "PHONE_NUMBER") == (text, score)


@pytest.mark.parametrize(("text", "context"), COLUMN_MATCHES)
def test_phone_column_makes_evidence(best, text: str, context: list[str]) -> None:
    matched, score = best(text, "PHONE_NUMBER", context=context)
    assert matched == text
    assert score >= 0.5


@pytest.mark.parametrize(("text", "expected"), TEXT_MATCHES)
def test_phone_words_make_evidence(best, text: str, expected: str) -> None:
    matched, score = best(text, "PHONE_NUMBER")
    assert matched == expected
    assert score >= 0.5


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert list(RECOGNIZER.find(text)) == []
    if text not in ("+1 (604) 688-2255", "081-234-5678", "0812345678", "02 123 4567"):
        assert best(text, "PHONE_NUMBER")[1] < 0.5


@pytest.mark.parametrize(
    "text",
    ["2024-01-15", "2010-2020", "1,234,567.89", "1103700001239", "ORD-2024-000123", "12:30:45"],
)
def test_traps_stay_out_even_in_a_phone_column(best, text: str) -> None:
    assert best(text, "PHONE_NUMBER", context=["phone"])[1] < 0.5


def test_in_free_text_without_phone_words_only_a_shape(best) -> None:
    assert best("ref (555) 123-4567 paid", "PHONE_NUMBER") == ("(555) 123-4567", 0.4)


def test_several_numbers_in_one_value() -> None:
    text = "5551234567 5559876543"
    assert [text[s.start : s.end] for s in RECOGNIZER.find(text)] == ["5551234567", "5559876543"]


def test_regions_are_configurable() -> None:
    assert number_status("02079460958") == VALID
    assert number_status("02079460958", ("GB",)) == VALID
    assert number_status("02079460958", ("US",)) == 0
    assert number_status("5551234567", ("US",)) == POSSIBLE  # 555 is no US area code
    only_us = NationalPhoneRecognizer(regions=["US"])
    assert list(only_us.find("020 7946 0958")) == []
    assert [s.score for s in only_us.find("(212) 555-1234")] == [0.4]


def test_unknown_region_fails_early() -> None:
    with pytest.raises(ValueError, match="no metadata"):
        NationalPhoneRecognizer(regions=["XX"])


def test_thai_numbers_stay_with_the_thai_recognizer(best) -> None:
    for text in ("081-234-5678", "02 123 4567", "0812345678"):
        assert list(RECOGNIZER.find(text)) == []
        assert best(text, "PHONE_NUMBER")[1] >= 0.5
