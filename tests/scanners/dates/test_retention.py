"""Retention periods and their cut-off dates: parsing and calendar arithmetic."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

from scanners.dates import retention
from scanners.dates.retention import Duration, cutoff, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10y", Duration(10, "y")),
        ("18m", Duration(18, "m")),
        ("90d", Duration(90, "d")),
        (" 6m ", Duration(6, "m")),
        ("1Y", Duration(1, "y")),
        ("99999d", Duration(99999, "d")),
    ],
)
def test_parse_duration(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "10", "y", "0y", "-1y", "1.5y", "10 y", "10w", "10 years", "1y6m", "010y", "100000d"],
)
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_duration_is_frozen_and_validated() -> None:
    period = parse_duration("10y")
    with pytest.raises(AttributeError):
        period.amount = 5  # type: ignore[misc]
    with pytest.raises(ValueError):
        Duration(0, "d")
    with pytest.raises(ValueError):
        Duration(3, "w")


@pytest.mark.parametrize(
    ("text", "en", "th"),
    [("1y", "1 year", "1 ปี"), ("18m", "18 months", "18 เดือน"), ("1d", "1 day", "1 วัน")],
)
def test_describe(text: str, en: str, th: str) -> None:
    assert parse_duration(text).describe_en() == en
    assert parse_duration(text).describe_th() == th
    assert str(parse_duration(text)) == text


@pytest.mark.parametrize(
    ("today", "period", "expected"),
    [
        (date(2026, 11, 25), "10y", date(2016, 11, 25)),
        (date(2024, 2, 29), "1y", date(2023, 2, 28)),  # leap day, clamped
        (date(2024, 2, 29), "4y", date(2020, 2, 29)),  # leap day to leap day
        (date(2024, 3, 31), "1m", date(2024, 2, 29)),  # end of month, clamped
        (date(2023, 3, 31), "1m", date(2023, 2, 28)),
        (date(2024, 5, 31), "18m", date(2022, 11, 30)),
        (date(2024, 1, 15), "1m", date(2023, 12, 15)),  # across the year
        (date(2024, 1, 31), "13m", date(2022, 12, 31)),
        (date(2024, 3, 1), "1d", date(2024, 2, 29)),
        (date(2024, 1, 1), "90d", date(2023, 10, 3)),
        (date(2024, 6, 15), "12m", date(2023, 6, 15)),  # 12m is 1y
    ],
)
def test_cutoff(today: date, period: str, expected: date) -> None:
    assert cutoff(today, parse_duration(period)) == expected
    assert cutoff(today, period) == expected


def test_cutoff_before_year_one() -> None:
    with pytest.raises(ValueError):
        cutoff(date(5, 1, 1), "10y")
    with pytest.raises(ValueError):
        cutoff(date(1, 1, 5), "10d")


def test_doctests() -> None:
    failures, _ = doctest.testmod(retention)
    assert failures == 0
