"""Postcode: the Thai postcode an address ends with, and nothing that only looks like one."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

from scanners.disclosure.treatments import postcode as module
from scanners.disclosure.treatments.postcode import PREFIXES, is_postcode, postcode, postcodes_in


def test_doctests() -> None:
    assert doctest.testmod(module).failed == 0


CASES = [
    # Thai and Latin addresses, Thai digits
    ("99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110", "11110"),
    ("99/12 หมู่ ๓ ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี ๑๑๑๑๐", "11110"),
    ("เลขที่ 1 ถนนสีลม แขวงสุริยวงศ์ เขตบางรัก กรุงเทพฯ 10500 ประเทศไทย", "10500"),
    ("กรุงเทพฯ10110", "10110"),
    ("1 Silom Rd, Bang Rak, Bangkok 10500, Thailand", "10500"),
    ("239 Huay Kaew Rd, Mueang Chiang Mai, Chiang Mai 50200", "50200"),
    ("Phuket 83000 Tel. 076-123-456", "83000"),
    ("เชียงใหม่ 50200 โทร 081-234-5678", "50200"),
    ("โทร 02 123 4567 กรุงเทพฯ 10110", "10110"),
    ("โทร +66 2 123 4567 10110", "10110"),
    # several: the last one ends the address
    ("ที่ทำงาน 10110 ที่บ้าน 50200", "50200"),
    # a bare postcode, as text or number
    ("10110", "10110"),
    (" ๕๐๒๐๐ ", "50200"),
    (50200, "50200"),
    (50200.0, "50200"),
    (Decimal("50200"), "50200"),
    # traps: phone numbers, IDs, house numbers, amounts, invalid prefixes
    ("0812345678", None),
    ("081-234-5678", None),
    ("+66 81234 5678", None),
    ("+6681234 5678", None),
    ("081 23456 78", None),
    ("1103700012397", None),
    ("1-1037-00012-39-7", None),
    ("1 1037 12345 39 6", None),
    ("00000", None),
    ("19000", None),  # no province 19
    ("99000", None),
    ("99/12", None),
    ("12345/6", None),
    ("บ้านเลขที่ 10110/5", None),
    ("50000 บาท", None),
    ("฿50000", None),
    ("123456", None),
    ("12.34567", None),
    ("10110-1234", None),
    ("1,234,567", None),
    ("1011", None),
    (50200.5, None),
    (True, None),
    ("", None),
    ("ไม่มีรหัสไปรษณีย์", None),
    (None, None),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_postcode(value: object, expected: str | None) -> None:
    assert postcode(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10110", True),
        ("50200", True),
        ("19000", False),
        ("00000", False),
        ("๑๐๑๑๐", False),
        ("1011", False),
    ],
)
def test_is_postcode_checks_the_province_prefix(text: str, expected: bool) -> None:
    assert is_postcode(text) is expected


def test_every_prefix_is_two_digits_from_the_data_file() -> None:
    assert {"10", "11", "50", "96"} <= PREFIXES
    assert not {"00", "19", "28", "59", "97"} & PREFIXES
    assert all(len(p) == 2 and p.isdigit() for p in PREFIXES)


def test_postcodes_in_keeps_their_order() -> None:
    assert postcodes_in("10110 / 50200 / 0812345678 / 83000") == ["10110", "50200", "83000"]
