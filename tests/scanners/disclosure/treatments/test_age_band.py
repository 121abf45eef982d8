"""Age band: completed years on a day, banded, the very old in one open band."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from scanners.disclosure.treatments import age_band as module
from scanners.disclosure.treatments.age_band import age_band, age_on

ON = date(2026, 5, 20)


def test_doctests() -> None:
    assert doctest.testmod(module).failed == 0


CASES = [
    # birthday reached / not yet reached: 40 today, 39 yesterday
    ("20/05/2529", ON, 10, "40-49"),
    ("21/05/2529", ON, 10, "30-39"),
    ("1986-05-20", ON, 10, "40-49"),
    (date(1986, 5, 21), ON, 10, "30-39"),
    (date(2529, 5, 21), ON, 10, "30-39"),  # B.E. year in a DATE column
    ("๒๑ พ.ค. ๒๕๒๙", ON, 10, "30-39"),
    # a leap-day birth counts on 1 March in other years
    ("29/02/2000", date(2030, 2, 28), 10, "20-29"),
    ("29/02/2000", date(2030, 3, 1), 10, "30-39"),
    # the edges of the scale
    (ON, ON, 10, "0-9"),  # born today
    ("2017-05-21", ON, 10, "0-9"),  # 8
    ("2016-05-20", ON, 10, "10-19"),  # 10
    ("1936-05-21", ON, 10, "80-89"),  # 89
    ("1936-05-20", ON, 10, "90+"),  # 90
    ("1900-01-01", ON, 10, "90+"),
    # other widths: the band below 90 never reaches past 89
    ("1990-01-01", ON, 5, "35-39"),
    ("1940-01-01", ON, 20, "80-89"),
    ("1990-01-01", ON, 1, "36"),
    ("1930-01-01", ON, 5, "90+"),
    # a year alone: on.year - year
    ("2533", ON, 10, "30-39"),
    (1986, ON, 10, "40-49"),
    ("๒๕๖๙", ON, 10, "0-9"),
    # traps: the future, placeholders, unreadable
    ("2026-05-21", ON, 10, None),  # tomorrow
    ("2030-01-01", ON, 10, None),
    (2027, ON, 10, None),
    (date(1800, 1, 1), ON, 10, None),  # 226 years: a placeholder
    ("05/07/90", ON, 10, None),  # two-digit year: ambiguous
    ("30/02/2533", ON, 10, None),
    ("สี่สิบ", ON, 10, None),
    ("42", ON, 10, None),  # an age, not a birth: not guessed
    ("", ON, 10, None),
    (None, ON, 10, None),
]


@pytest.mark.parametrize(("value", "on", "width", "expected"), CASES)
def test_age_band(value: object, on: date, width: int, expected: str | None) -> None:
    assert age_band(value, on=on, width=width) == expected


@pytest.mark.parametrize(
    ("birth", "expected"), [(date(1986, 5, 20), 40), (date(1986, 5, 21), 39), (1986, 40)]
)
def test_age_on_counts_completed_years(birth: date | int, expected: int) -> None:
    assert age_on(birth, ON) == expected


@pytest.mark.parametrize("width", [0, -5, True])
def test_a_band_is_at_least_one_year_wide(width: int) -> None:
    with pytest.raises(ValueError):
        age_band("1986-05-20", on=ON, width=width)
