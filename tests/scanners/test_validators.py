"""Validators: Thai national ID (personal vs juristic) and EAN-13, plus their doctests."""

from __future__ import annotations

import doctest
import random

import pytest
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from scanners.validators import ean13, th_national_id


def valid_id(first12: str) -> str:
    return first12 + th_national_id.calc_check_digit(first12)


@pytest.mark.parametrize("module", [th_national_id, ean13])
def test_doctests(module) -> None:
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0


VALID = [valid_id("110370000123"), valid_id("310060044563"), "3100600445635"]


@pytest.mark.parametrize("number", VALID)
def test_valid_personal_ids(number: str) -> None:
    assert th_national_id.is_valid(number)
    assert th_national_id.is_valid(th_national_id.format(number))
    assert th_national_id.is_valid(th_national_id.format(number).replace("-", " "))
    assert th_national_id.validate(number) == number
    assert not th_national_id.is_juristic(number)


@pytest.mark.parametrize(
    ("number", "error"),
    [
        ("110370000123", InvalidLength),
        ("11037000012390", InvalidLength),
        ("1103700001234", InvalidChecksum),
        ("110370000123a", InvalidFormat),
        ("0105536112014", InvalidComponent),  # juristic, first digit 0
        (valid_id("910370000123"), InvalidComponent),  # first digit 9
        (valid_id("100370000123"), InvalidComponent),  # digits 2-3 "00": no province
        (valid_id("128370000123"), InvalidComponent),  # 28: after Prachin Buri (25-27)
        (valid_id("359370000123"), InvalidComponent),  # 59: after Mae Hong Son (58)
        (valid_id("868370000123"), InvalidComponent),  # 68
        (valid_id("779370000123"), InvalidComponent),  # 79
        (valid_id("187370000123"), InvalidComponent),  # 87: after Chumphon (86)
        (valid_id("597370000123"), InvalidComponent),  # 97: after Yala (96)
        (valid_id("199370000123"), InvalidComponent),  # 99
    ],
)
def test_invalid_personal_ids(number: str, error: type[Exception]) -> None:
    assert not th_national_id.is_valid(number)
    with pytest.raises(error):
        th_national_id.validate(number)


def test_juristic_ids() -> None:
    assert th_national_id.is_juristic("0105536112014")
    assert th_national_id.is_juristic("0-99-4-000-61772-1")
    assert not th_national_id.is_juristic("0105536112015")


def test_random_ids_round_trip() -> None:
    rng = random.Random(2562)
    for _ in range(200):
        first12 = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
        number = valid_id(first12)
        assert th_national_id.is_valid(number) is (first12[1:3] in th_national_id.PROVINCE_CODES)
        assert th_national_id.compact(th_national_id.format(number)) == number


#: Every ISO 3166-2:TH province code, as DOMAIN §1.1 lists them (77 provinces).
ASSIGNED = [
    *range(10, 28),  # Bangkok and the central region (10-19, 20-27)
    *range(30, 50),  # the north-east, 38 = Bueng Kan (2011)
    *range(50, 59),  # the north
    *range(60, 68),
    *range(70, 78),
    *range(80, 87),
    *range(90, 97),  # the south, 96 = Narathiwat
]


def test_province_codes_are_the_77_provinces() -> None:
    assert {f"{code:02d}" for code in ASSIGNED} == th_national_id.PROVINCE_CODES
    assert len(th_national_id.PROVINCE_CODES) == 77


@pytest.mark.parametrize("code", [f"{code:02d}" for code in range(100)])
def test_every_two_digit_code(code: str) -> None:
    """A checksum-valid ID passes exactly when its digits 2-3 are an assigned code."""
    number = valid_id(f"3{code}0100012345"[:12])
    assert th_national_id.is_valid(number) is (int(code) in ASSIGNED)
    assert th_national_id.is_assigned_province(code) is (int(code) in ASSIGNED)
    assert th_national_id.province_code(th_national_id.format(number)) == code


def test_juristic_ids_keep_their_own_office_codes() -> None:
    """``0-99-…`` juristic IDs are not personal IDs, and the province rule does not touch them."""
    assert th_national_id.is_juristic("0994000617721")


@pytest.mark.parametrize(
    ("number", "valid", "thai"),
    [
        ("8858353374062", True, True),
        ("8858353374063", False, False),
        ("4006381333931", True, False),
        ("885835337406", False, False),
        ("", False, False),
    ],
)
def test_ean13(number: str, valid: bool, thai: bool) -> None:
    assert ean13.is_valid(number) is valid
    assert ean13.is_thai_barcode(number) is thai
