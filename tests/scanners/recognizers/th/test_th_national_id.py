"""TH_NATIONAL_ID: matches and traps through the real engine."""

from __future__ import annotations

import pytest

from scanners.validators import ean13, th_national_id


def valid_id(first12: str) -> str:
    return first12 + th_national_id.calc_check_digit(first12)


ID = valid_id("110370000123")  # 1103700001239
ID2 = valid_id("310060044563")
DASHED = th_national_id.format(ID)
SPACED = DASHED.replace("-", " ")
THAI_DIGITS = ID.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def _barcode_like_id(prefix: str) -> str:
    """A 13-digit number valid both as an EAN-13 and as a Thai ID."""
    for n in range(100000):
        candidate = valid_id(f"{prefix}{n:0{12 - len(prefix)}d}")
        if ean13.is_valid(candidate):
            return candidate
    raise AssertionError("no candidate")


THAI_BARCODE = _barcode_like_id("885")
OTHER_BARCODE = _barcode_like_id("490")
JURISTIC = "0105536112014"  # python-stdnum th.moa example
#: Checksum-valid numbers whose digits 2-3 are no province code (DOMAIN §1.1).
UNASSIGNED = [
    valid_id(f"{first}{code}010001234")
    for first, code in (
        (1, "00"),
        (3, "09"),
        (1, "28"),
        (2, "29"),
        (3, "59"),
        (5, "68"),
        (8, "69"),
        (1, "78"),
        (4, "79"),
        (3, "87"),
        (6, "88"),
        (7, "89"),
        (1, "97"),
        (3, "98"),
        (1, "99"),
    )
]
#: Checksum-valid IDs from newer or edge provinces: Bueng Kan 38, Mae Hong Son 58, Narathiwat 96.
ASSIGNED_EDGES = [valid_id("138010001234"), valid_id("558010001234"), valid_id("896010001234")]

MATCHES = [
    # (text, expected match, minimum score)
    (ID, ID, 0.7),
    (DASHED, DASHED, 0.85),
    (SPACED, SPACED, 0.85),
    (THAI_DIGITS, THAI_DIGITS, 0.7),
    (f"เลขบัตรประชาชน {DASHED}", DASHED, 0.95),
    (f"เลขประจำตัวประชาชน{ID}", ID, 0.95),
    (f"citizen id: {ID2}", ID2, 0.95),
    (f"เลขบัตรประชาชน {THAI_BARCODE}", THAI_BARCODE, 0.5),
    (f"national id {OTHER_BARCODE}", OTHER_BARCODE, 0.5),
    *((number, number, 0.7) for number in ASSIGNED_EDGES),
    *((th_national_id.format(n), th_national_id.format(n), 0.85) for n in ASSIGNED_EDGES),
]

TRAPS = [
    ID[:-1] + str((int(ID[-1]) + 1) % 10),  # bad check digit
    JURISTIC,  # 0-prefixed juristic ID
    "0-10-5-536-11201-4",
    "9" + ID[1:-1] + th_national_id.calc_check_digit("9" + ID[1:-1]),  # first digit 9
    THAI_BARCODE,  # GS1 Thailand barcode that also passes the ID checksum
    OTHER_BARCODE,
    f"barcode {THAI_BARCODE}",
    ID + "0",  # inside a longer digit run
    "9" + ID,
    f"{ID}.50",
    "1111111111119",  # repeated digits
    "1748503543012",  # a millisecond timestamp (checksum fails)
    "a3900655730733d5a261078d202f00a8",  # a UUID whose digit run passes the checksum
    "a89f5f9de12def5844820852489a4ca4",
    f"sha1:{ID}abcdef0123456789abcd",
    *UNASSIGNED,  # checksum holds, province code does not
    *(th_national_id.format(number) for number in UNASSIGNED),
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "TH_NATIONAL_ID")
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "TH_NATIONAL_ID")[1] < 0.5


def test_barcode_is_a_shape_that_column_context_promotes(best) -> None:
    assert 0 < best(OTHER_BARCODE, "TH_NATIONAL_ID")[1] < 0.5
    assert best(OTHER_BARCODE, "TH_NATIONAL_ID", context=["citizen_id"])[1] >= 0.5


@pytest.mark.parametrize("number", UNASSIGNED)
def test_unassigned_province_is_never_evidence(best, number: str) -> None:
    """Not even beside ID words or in an ID column: no registrar office issued it."""
    assert th_national_id.calc_check_digit(number[:12]) == number[12]
    assert best(f"เลขบัตรประชาชน {number}", "TH_NATIONAL_ID") == ("", 0.0)
    assert best(th_national_id.format(number), "TH_NATIONAL_ID", context=["citizen_id"]) == (
        "",
        0.0,
    )
