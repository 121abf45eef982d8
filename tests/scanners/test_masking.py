"""Masking: masked evidence never reveals the full value, and never raises."""

from __future__ import annotations

import random
import string

import pytest

from scanners.masking import mask_value
from scanners.pii_types import PiiType
from scanners.validators import th_national_id

CASES = [
    ("TH_NATIONAL_ID", "1103700001239", "1-1037-xxxxx-xx-9"),
    ("TH_NATIONAL_ID", "1-1037-00001-23-9", "1-1037-xxxxx-xx-9"),
    ("PHONE_NUMBER", "081-234-5678", "08x-xxx-x678"),
    ("PHONE_NUMBER", "0812345678", "08xxxxx678"),
    ("PHONE_NUMBER", "+55 12 3923-5555", "+5x xx xxxx-x555"),
    ("PHONE_NUMBER", "+1 (604) 688-2255", "+1 (xxx) xxx-x255"),
    ("EMAIL_ADDRESS", "somchai@example.co.th", "s***@example.co.th"),
    ("PERSON", "สมชาย ใจดี", "ส*** ใ***"),
    ("PERSON", "Maria Silva", "M*** S***"),
    ("DATE_OF_BIRTH", "1962-03-14", "1962-xx-xx"),
    ("DATE_OF_BIRTH", "1 มกราคม 2530", "2530-xx-xx"),
    ("DATE_OF_BIRTH", "14/03", "xxxx-xx-xx"),
    ("ADDRESS", "99/12 หมู่ 3 ต.บางคูครัด", "99/12 ***"),
    ("POSTAL_CODE", "10110", "10xxx"),
    ("POSTAL_CODE", "SW1V 3EN", "SWxxx"),
    ("PASSPORT", "AA1234567", "A***"),
    ("GENDER", "หญิง", "ห***"),
    ("UNKNOWN", "abc", "a***"),
]


@pytest.mark.parametrize(("pii_type", "value", "expected"), CASES)
def test_mask_examples(pii_type: str, value: str, expected: str) -> None:
    assert mask_value(pii_type, value) == expected


@pytest.mark.parametrize("pii_type", [*PiiType, "UNKNOWN", "", None])
@pytest.mark.parametrize("value", ["", "a", "ab", "***", "x***", "[masked]", "  ", "@", "ก"])
def test_total_and_never_unchanged(pii_type, value: str) -> None:
    masked = mask_value(pii_type, value)
    assert isinstance(masked, str)
    if value == "":
        assert masked == ""
    if len(value) > 1:
        assert masked != value


def _ids(rng: random.Random) -> list[str]:
    out = []
    for _ in range(300):
        first12 = str(rng.randint(1, 8)) + "".join(rng.choice(string.digits) for _ in range(11))
        number = first12 + th_national_id.calc_check_digit(first12)
        out.extend([number, th_national_id.format(number)])
    return out


def _phones(rng: random.Random) -> list[str]:
    out = []
    for _ in range(300):
        rest = "".join(rng.choice(string.digits) for _ in range(7))
        mobile = f"0{rng.choice('689')}{rng.choice(string.digits)}{rest}"
        out.extend([mobile, f"{mobile[:3]}-{mobile[3:6]}-{mobile[6:]}", f"+66 {mobile[1:]}"])
    return out


def _emails(rng: random.Random) -> list[str]:
    letters = string.ascii_lowercase
    return [
        "".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) + "@example.co.th"
        for _ in range(300)
    ]


@pytest.mark.parametrize(
    ("pii_type", "generate"),
    [("TH_NATIONAL_ID", _ids), ("PHONE_NUMBER", _phones), ("EMAIL_ADDRESS", _emails)],
)
def test_masks_never_contain_the_full_value(pii_type: str, generate) -> None:
    for value in generate(random.Random(2019)):
        masked = mask_value(pii_type, value)
        assert value not in masked
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) >= 9:
            assert digits not in "".join(ch for ch in masked if ch.isdigit())
        if pii_type == "EMAIL_ADDRESS" and len(value.split("@")[0]) > 1:
            assert value.split("@")[0] not in masked
