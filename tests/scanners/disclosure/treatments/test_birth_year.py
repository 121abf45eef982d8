"""Birth year: only the year of a birth date leaves, in the era asked for; never the raw value."""

from __future__ import annotations

import doctest
from datetime import date, datetime
from decimal import Decimal

import pytest

from scanners.disclosure.treatments import birth_year as module
from scanners.disclosure.treatments.birth_year import birth_year, read_birth


def test_doctests() -> None:
    assert doctest.testmod(module).failed == 0


CASES = [
    # full dates, either era, Thai digits and month names
    ("20/05/2533", "1990", "2533"),
    ("20/05/1990", "1990", "2533"),
    ("๒๐/๐๕/๒๕๓๓", "1990", "2533"),
    ("20 พ.ค. 2533", "1990", "2533"),
    ("1 มกราคม 33", "1990", "2533"),  # two-digit year after a Thai month: B.E.
    ("1990-05-20", "1990", "2533"),
    ("2533-05-20", "1990", "2533"),
    ("1990-05-20T10:00:00", "1990", "2533"),
    ("20 May 1990", "1990", "2533"),
    ("19900520", "1990", "2533"),
    (19900520, "1990", "2533"),
    (date(1990, 5, 20), "1990", "2533"),
    (date(2533, 5, 20), "1990", "2533"),  # a B.E. year stored in a DATE column
    (datetime(1990, 5, 20, 8, 30), "1990", "2533"),
    # a year alone
    ("1990", "1990", "2533"),
    ("2533", "1990", "2533"),
    ("๒๕๓๓", "1990", "2533"),
    (" 1990 ", "1990", "2533"),
    ("พ.ศ. 2533", "1990", "2533"),
    ("ค.ศ.1990", "1990", "2533"),
    ("2533 B.E.", "1990", "2533"),
    ("AD 1990", "1990", "2533"),
    (1990, "1990", "2533"),
    (2533, "1990", "2533"),
    (1990.0, "1990", "2533"),
    (Decimal("2533"), "1990", "2533"),
    ("1900", "1900", "2443"),
    ("2443", "1900", "2443"),
    ("2100", "2100", "2643"),
    ("2643", "2100", "2643"),
    # traps: nothing, or never the raw value
    ("05/07/90", None, None),  # two-digit year after digits: B.E. 2590 or C.E. 1990/2090
    ("30/02/2533", None, None),
    ("0000-00-00", None, None),
    (date(1, 1, 1), None, None),  # a placeholder, not a birth
    ("1899", None, None),
    ("2101", None, None),
    ("2442", None, None),
    ("2644", None, None),
    ("12345", None, None),
    ("199", None, None),
    ("ค.ศ. 2533", None, None),  # the era written contradicts the number
    ("พ.ศ. 1990", None, None),
    ("พ.ศ. 2533 B.E.", None, None),
    (1990.5, None, None),
    (float("nan"), None, None),
    (float("inf"), None, None),
    (Decimal("NaN"), None, None),
    (True, None, None),
    ("born in the nineties", None, None),
    ("สมชาย ใจดี", None, None),
    ("", None, None),
    ("   ", None, None),
    (None, None, None),
    (["1990"], None, None),
]


@pytest.mark.parametrize(("value", "ce", "be"), CASES)
def test_birth_year(value: object, ce: str | None, be: str | None) -> None:
    assert birth_year(value) == ce
    assert birth_year(value, era="ce") == ce
    assert birth_year(value, era="be") == be


@pytest.mark.parametrize(
    "junk",
    ["20/05/25", "ไม่ทราบ", "N/A", "-", "0", "99/12", "081-234-5678", "1103700012397", "2533-13-01"],
)
def test_unreadable_values_give_nothing_never_themselves(junk: str) -> None:
    assert birth_year(junk) is None
    assert birth_year(junk, era="be") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("20/05/2533", date(1990, 5, 20)), ("2533", 1990), (1990, 1990), ("05/07/90", None)],
)
def test_read_birth_tells_a_date_from_a_year(value: object, expected: date | int | None) -> None:
    assert read_birth(value) == expected


@pytest.mark.parametrize("era", ["CE", "bc", "", "buddhist"])
def test_an_unknown_era_is_refused(era: str) -> None:
    with pytest.raises(ValueError) as error:
        birth_year("20/05/2533", era=era)
    assert "2533" not in str(error.value)
