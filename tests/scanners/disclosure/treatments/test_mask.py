"""Mask: the report masker applied to one disclosed value; never the value itself."""

from __future__ import annotations

import doctest
from datetime import date, datetime

import pytest

from scanners.disclosure.treatments import mask as module
from scanners.disclosure.treatments.mask import mask


def test_doctests() -> None:
    assert doctest.testmod(module).failed == 0


CASES = [
    ("1103700012397", "TH_NATIONAL_ID", "1-1037-xxxxx-xx-7"),
    (1103700012397, "TH_NATIONAL_ID", "1-1037-xxxxx-xx-7"),
    ("081-234-5678", "PHONE_NUMBER", "08x-xxx-x678"),
    ("somchai@example.co.th", "EMAIL_ADDRESS", "s***@example.co.th"),
    ("สมชาย ใจดี", "PERSON", "ส*** ใ***"),
    (date(1962, 3, 14), "DATE_OF_BIRTH", "1962-xx-xx"),
    (datetime(1962, 3, 14, 8, 0), "DATE_OF_BIRTH", "1962-xx-xx"),
    ("99/12 หมู่ 3 ต.บางคูครัด", "ADDRESS", "99/12 ***"),
    (10110, "POSTAL_CODE", "10xxx"),
    # no type, or one the masker has no rule for: the default rule
    ("AA1234567", None, "A***"),
    ("AA1234567", "", "A***"),
    ("หญิง", "GENDER", "ห***"),
    (123456, None, "1***"),
    # traps: empty is nothing, not a mask
    ("", "PERSON", None),
    ("   ", "PERSON", None),
    (None, "TH_NATIONAL_ID", None),
]


@pytest.mark.parametrize(("value", "pii_type", "expected"), CASES)
def test_mask(value: object, pii_type: str | None, expected: str | None) -> None:
    assert mask(value, pii_type) == expected


@pytest.mark.parametrize(("value", "pii_type", "expected"), [c for c in CASES if c[2] is not None])
def test_a_mask_never_holds_the_whole_value(
    value: object, pii_type: str | None, expected: str
) -> None:
    masked = mask(value, pii_type)
    assert masked is not None
    assert str(value) not in masked
