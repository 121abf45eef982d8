"""Whole-value calendar dates in the forms Thai systems store them, in either era.

``parse_date`` reads one cell: a ``date``/``datetime``, or text in ISO
(``1990-05-20``, ``2533-05-20``, with an optional time), day-first numeric
(``20/05/2533``, ``20-05-1990``, ``20.05.90``), Thai month names full or
abbreviated (``20 พ.ค. 2533``, ``1 มกราคม 33``) and English month names
(``20 May 1990``, ``May 20, 1990``). A year above 2400 is Buddhist era
(B.E. = C.E. + 543); a two-digit year after a Thai month name is B.E.
(``65`` → 2565). Thai digits must already be ASCII (``normalise_text``).
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
from datetime import date, datetime

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


def parse_date(value: object) -> date | None:
    """The calendar date one cell holds, or None (see the module doc for the forms)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _from_be(value) if value.year > BE_FROM else value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if len(text) > 40:
        return None
    if match := _ISO.fullmatch(text):
        return _make(int(match["y"]), int(match["m"]), int(match["d"]))
    if match := _DMY.fullmatch(text):
        year = match["y"]
        if len(year) == 2:
            return None  # "05/06/07": too ambiguous to read
        return _make(int(year), int(match["m"]), int(match["d"]))
    if match := _THAI.fullmatch(text):
        month = THAI_MONTHS[match["m"]]
        return _make(int(match["y"]), month, int(match["d"]), len(match["y"]) == 2)
    for pattern in (_EN_DMY, _EN_MDY):
        if match := pattern.fullmatch(text):
            return _make(int(match["y"]), ENGLISH_MONTHS[match["m"].lower()], int(match["d"]))
    return None
