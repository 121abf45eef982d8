"""Retention periods (SPEC §5 ``retention = "10y"``) and the cut-off date they give.

A period is ``N`` followed by ``d`` (days), ``m`` (calendar months) or ``y``
(calendar years), ``N`` a positive whole number. The cut-off is *today* minus
the period in calendar arithmetic: a row whose clock is before the cut-off
has been kept longer than the period. Months and years keep the day of the
month and clamp it to the last day of a shorter month.

>>> parse_duration("10y")
Duration(amount=10, unit='y')
>>> str(parse_duration(" 18m "))
'18m'
>>> parse_duration("90d").describe_en()
'90 days'
>>> parse_duration("1y").describe_th()
'1 ปี'
>>> parse_duration("10 years")
Traceback (most recent call last):
    ...
ValueError: not a retention period: expected N followed by d, m or y (e.g. 10y, 18m, 90d)
>>> cutoff(date(2024, 2, 29), parse_duration("1y"))
datetime.date(2023, 2, 28)
>>> cutoff(date(2024, 3, 31), "1m")
datetime.date(2024, 2, 29)
>>> cutoff(date(2024, 5, 31), "18m")
datetime.date(2022, 11, 30)
>>> cutoff(date(2026, 11, 25), "10y")
datetime.date(2016, 11, 25)
>>> cutoff(date(2024, 3, 1), "1d")
datetime.date(2024, 2, 29)
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DURATION_PATTERN", "Duration", "cutoff", "parse_duration"]

#: A period as written in a register or access list: 1 to 5 digits (no leading 0), then d, m or y.
#: The config loaders validate fields with it as is (its text appears in their error messages).
DURATION_PATTERN = r"^[1-9][0-9]{0,4}[dmy]$"
_PATTERN = re.compile(DURATION_PATTERN)
_EN = {"d": ("day", "days"), "m": ("month", "months"), "y": ("year", "years")}
_TH = {"d": "วัน", "m": "เดือน", "y": "ปี"}


@dataclass(frozen=True)
class Duration:
    """A retention or review period: ``amount`` days, calendar months or calendar years."""

    amount: int
    unit: str  # "d" | "m" | "y"

    def __post_init__(self) -> None:
        if self.unit not in _EN or self.amount < 1:
            raise ValueError("a period needs a positive amount and a unit d, m or y")

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def describe_en(self) -> str:
        """``"10 years"``, ``"1 month"``: for English messages."""
        one, many = _EN[self.unit]
        return f"{self.amount} {one if self.amount == 1 else many}"

    def describe_th(self) -> str:
        """``"10 ปี"``, ``"18 เดือน"``: for Thai messages."""
        return f"{self.amount} {_TH[self.unit]}"


def parse_duration(text: str) -> Duration:
    """``"10y"`` / ``"18m"`` / ``"90d"`` as a :class:`Duration`; ValueError for anything else.

    Surrounding whitespace and an upper-case unit are accepted (``" 10Y "``).

    >>> parse_duration("0d")
    Traceback (most recent call last):
        ...
    ValueError: not a retention period: expected N followed by d, m or y (e.g. 10y, 18m, 90d)
    """
    written = text.strip().lower() if isinstance(text, str) else ""
    if _PATTERN.fullmatch(written) is None:
        raise ValueError(
            "not a retention period: expected N followed by d, m or y (e.g. 10y, 18m, 90d)"
        )
    return Duration(int(written[:-1]), written[-1])


def _months_back(today: date, months: int) -> date:
    index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(index, 12)
    if year < 1:
        raise ValueError("the period reaches before year 1")
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(today.day, last_day))


def cutoff(today: date, duration: Duration | str) -> date:
    """``today`` minus ``duration``: calendar months/years (end-of-month clamped) or days.

    >>> cutoff(date(2023, 1, 31), "1m")
    datetime.date(2022, 12, 31)
    >>> cutoff(date(2024, 2, 29), "4y")
    datetime.date(2020, 2, 29)
    """
    period = parse_duration(duration) if isinstance(duration, str) else duration
    if period.unit == "d":
        try:
            return today - timedelta(days=period.amount)
        except OverflowError as exc:
            raise ValueError("the period reaches before year 1") from exc
    months = period.amount * (12 if period.unit == "y" else 1)
    return _months_back(today, months)


def after(day: date, duration: Duration | str) -> date:
    """``day`` plus ``duration``, the way :func:`cutoff` goes back (the next follow-up date).

    >>> after(date(2026, 8, 31), "6m")
    datetime.date(2027, 2, 28)
    >>> after(date(2026, 12, 4), "90d")
    datetime.date(2027, 3, 4)
    """
    period = parse_duration(duration) if isinstance(duration, str) else duration
    try:
        if period.unit == "d":
            return day + timedelta(days=period.amount)
        return _months_back(day, -period.amount * (12 if period.unit == "y" else 1))
    except (OverflowError, ValueError) as exc:
        raise ValueError("the period reaches past year 9999") from exc
