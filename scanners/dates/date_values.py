"""Whole-value calendar dates in the forms Thai systems store them, in either era.

``parse_date`` reads one cell: a ``date``/``datetime``, or text in ISO
(``1990-05-20``, ``2533-05-20``, with an optional time), day-first numeric
(``20/05/2533``, ``20-05-1990``, ``20.05.90``), Thai month names full or
abbreviated (``20 พ.ค. 2533``, ``1 มกราคม 33``) and English month names
(``20 May 1990``, ``May 20, 1990``). A year above 2400 is Buddhist era
(B.E. = C.E. + 543); a two-digit year after a Thai month name is B.E.
(``65`` → 2565). Thai digits are read as digits. ``read_date`` also says
how the value was written (layout, era, width): see :class:`DateReading`.
Impossible dates (30 February) give None.

>>> parse_date("20/05/2533")
datetime.date(1990, 5, 20)
>>> parse_date("1 ม.ค. 2500")
datetime.date(1957, 1, 1)
>>> parse_date("2567-02-30") is None
True
>>> parse_date(date(2533, 5, 20))
datetime.date(1990, 5, 20)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from scanners.normalise import thai_digits_to_ascii
from scanners.recognizers.generic.date_of_birth import (
    ENGLISH_MONTHS,
    THAI_MONTHS,
    to_gregorian_year,
)

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?"
_ISO = re.compile(rf"(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}}){_TIME}")
_DMY = re.compile(
    rf"(?P<d>\d{{1,2}})(?P<sep>[/\-.])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){_TIME}"
)
_THAI_MONTH = "|".join(re.escape(m) for m in sorted(THAI_MONTHS, key=len, reverse=True))
_THAI = re.compile(
    rf"(?P<d>\d{{1,2}})\s*(?:เดือน\s*)?(?P<m>{_THAI_MONTH})\s*(?:(?:พ\.ศ\.?|ค\.ศ\.?)\s*)?"
    rf"(?P<y>\d{{4}}|\d{{2}}){_TIME}"
)
_EN_MONTH = "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True))
_EN_DMY = re.compile(
    rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \-](?P<m>{_EN_MONTH})\.?,?[ \-](?P<y>\d{{4}})", re.I
)
_EN_MDY = re.compile(
    rf"(?P<m>{_EN_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})", re.I
)


#: A year above this is Buddhist era (SPEC §4), in DATE columns as in text.
BE_FROM = 2400


def _from_be(day: date) -> date | None:
    """A DATE whose year is B.E. (``2533-05-20``) as the common-era date."""
    try:
        return day.replace(year=day.year - 543)
    except ValueError:  # 29 February in a year that is not leap in C.E.
        return None


def _make(year: int, month: int, day: int, two_digit_be: bool = False) -> date | None:
    ce = to_gregorian_year(year, two_digit_be)
    if ce is None:
        return None
    try:
        return date(ce, month, day)
    except ValueError:
        return None


@dataclass(frozen=True)
class DateReading:
    """One cell read as a date, with how it was written.

    ``layout`` is ``"date"`` (a DATE/TIMESTAMP value), ``"iso"``
    (``2558-07-05``), ``"dmy"`` (``05/07/2558``), ``"compact"``
    (``25580705``), ``"thai_month"`` (``5 ก.ค. 2558``) or ``"english_month"``.
    ``era`` is ``"be"`` or ``"ce"``. ``width`` is the length of the text
    (0 for a DATE value): a fixed width across a column lets SQL compare it.
    A two-digit year (``05/07/58``) is read both ways: ``day`` as B.E.
    (2558 → 2015) and ``day_ce`` as C.E. (2058); the column decides which.
    """

    day: date
    layout: str
    era: str
    width: int = 0
    separator: str = ""
    thai_digits: bool = False
    day_ce: date | None = None  # the C.E. reading of a two-digit year
    padded: bool = True  # day and month written with two digits each


def _era(year: int, two_digit: bool = False) -> str:
    return "be" if two_digit or year > BE_FROM else "ce"


def _compact(text: str) -> tuple[int, int, int] | None:
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def read_date(value: object, compact: bool = True) -> DateReading | None:
    """``value`` as a :class:`DateReading`, or None when it is not a date.

    Thai digits are read as digits; an 8-digit ``YYYYMMDD`` (text or integer)
    is read when ``compact`` is true.

    >>> read_date("๐๕/๐๗/๒๕๕๘").day, read_date("05/07/2558").era
    (datetime.date(2015, 7, 5), 'be')
    >>> r = read_date("05/07/58"); (r.day, r.day_ce)
    (datetime.date(2015, 7, 5), datetime.date(2058, 7, 5))
    >>> read_date(25580705).layout, read_date("2015-07-05 10:00").era
    ('compact', 'ce')
    >>> read_date("0000-00-00") is None, read_date("20151332") is None
    (True, True)
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        day = _from_be(value) if value.year > BE_FROM else value
        return None if day is None else DateReading(day, "date", _era(value.year))
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    raw = value.strip()
    if not raw or len(raw) > 40:
        return None
    text = thai_digits_to_ascii(raw)
    thai = text != raw
    width = len(raw)
    if compact and (parts := _compact(text)) is not None:
        day = _make(*parts)
        return None if day is None else DateReading(day, "compact", _era(parts[0]), width, "", thai)
    if match := _ISO.fullmatch(text):
        year = int(match["y"])
        day = _make(year, int(match["m"]), int(match["d"]))
        padded = len(match["m"]) == 2 and len(match["d"]) == 2
        if day is None:
            return None
        return DateReading(day, "iso", _era(year), width, text[4], thai, padded=padded)
    if match := _DMY.fullmatch(text):
        year_text, month, dom = match["y"], int(match["m"]), int(match["d"])
        padded = len(match["m"]) == 2 and len(match["d"]) == 2
        if len(year_text) == 2:
            be = _make(int(year_text), month, dom, two_digit_be=True)
            ce = _make(2000 + int(year_text), month, dom)
            if be is None:
                return None
            return DateReading(be, "dmy", "be", width, match["sep"], thai, ce, padded)
        day = _make(int(year_text), month, dom)
        era = _era(int(year_text))
        if day is None:
            return None
        return DateReading(day, "dmy", era, width, match["sep"], thai, padded=padded)
    if match := _THAI.fullmatch(text):
        two = len(match["y"]) == 2
        day = _make(int(match["y"]), THAI_MONTHS[match["m"]], int(match["d"]), two)
        era = _era(int(match["y"]), two)
        return None if day is None else DateReading(day, "thai_month", era, width, "", thai)
    for pattern in (_EN_DMY, _EN_MDY):
        if match := pattern.fullmatch(text):
            year = int(match["y"])
            day = _make(year, ENGLISH_MONTHS[match["m"].lower()], int(match["d"]))
            if day is None:
                return None
            return DateReading(day, "english_month", _era(year), width, "", thai)
    return None


def parse_date(value: object) -> date | None:
    """The calendar date one cell holds, or None (see the module doc for the forms).

    A day-first date with a two-digit year (``05/06/07``) is too ambiguous to
    read alone, and an 8-digit number is not taken for a date: both give None.
    """
    reading = read_date(value, compact=False)
    if reading is None or (reading.layout == "dmy" and reading.day_ce is not None):
        return None
    return reading.day
