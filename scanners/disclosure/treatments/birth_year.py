"""Birth year: a date of birth reduced to its year, in either era (SPEC §10).

s.37(2) asks whether the recipient needs the full date of birth or only the
year. ``birth_year`` reads the value as Thai systems store it (a DATE, a B.E.
year in a DATE column, ``20/05/2533``, ``20 พ.ค. 2533``, Thai digits, a year
alone …) and returns only the year, in the era asked for: ``"ce"``
(Gregorian) or ``"be"`` (Buddhist era, C.E. + 543). A value it cannot read
as a birth date or a birth year gives None: the raw value is never passed
through.

:func:`read_birth` is the shared reading, also used by ``age_band``.

>>> birth_year("20/05/2533"), birth_year("๒๐ พ.ค. ๒๕๓๓", era="be")
('1990', '2533')
>>> birth_year(2533), birth_year("1990", era="be")
('1990', '2533')
>>> birth_year("05/07/90") is None, birth_year("not a date") is None
(True, True)
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from scanners.dates.date_values import read_date
from scanners.normalise import thai_digits_to_ascii

__all__ = ["BE_OFFSET", "ERAS", "birth_year", "plausible_year", "read_birth"]

#: Buddhist era = common era + this.
BE_OFFSET = 543
#: A year written alone is a birth year only within these C.E. bounds (B.E. 2443-2643).
YEAR_CE_MIN, YEAR_CE_MAX = 1900, 2100
#: A full date outside these C.E. years is a placeholder (0001-01-01, 9999-12-31), not a birth.
DATE_CE_MIN, DATE_CE_MAX = 1800, 2200
#: The eras a year may be written in.
ERAS = ("ce", "be")

# "2533", "พ.ศ. 2533", "ค.ศ.1990", "1990 CE", "2533 B.E.", "AD 1990"
_YEAR_TEXT = re.compile(
    r"(?:(?P<thai>พ\.\s?ศ\.?|ค\.\s?ศ\.?)\s*|(?P<pre>A\.?D\.?)\s+)?(?P<y>\d{4})"
    r"(?:\s+(?P<post>B\.?E\.?|C\.?E\.?|A\.?D\.?))?",
    re.IGNORECASE,
)


def plausible_year(year: int, era: str | None = None) -> int | None:
    """The C.E. year of a year written alone, or None when it is not a plausible birth year.

    ``era`` (``"ce"``/``"be"``) is what the writing said; None lets the number decide.
    """
    if era != "be" and YEAR_CE_MIN <= year <= YEAR_CE_MAX:
        return year
    if era != "ce" and YEAR_CE_MIN + BE_OFFSET <= year <= YEAR_CE_MAX + BE_OFFSET:
        return year - BE_OFFSET
    return None


def _year_of_text(text: str) -> int | None:
    match = _YEAR_TEXT.fullmatch(text)
    if match is None:
        return None
    marks = [m.upper() for m in (match["thai"], match["pre"], match["post"]) if m]
    if len(marks) > 1:
        return None
    era = None
    if marks:
        era = "be" if marks[0].startswith(("พ", "B")) else "ce"
    return plausible_year(int(match["y"]), era)


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        try:
            whole = int(value)
        except (ArithmeticError, ValueError):  # inf, nan
            return None
        return whole if whole == value else None
    return None


def read_birth(value: object) -> date | int | None:
    """A full birth date, a C.E. birth year (int) when only the year is written, or None.

    A day-first date with a two-digit year (``05/07/90``) is None: it could be
    B.E. 2590 or C.E. 1990 or 2090, and a guess would publish a wrong year.
    """
    number = _whole_number(value)
    if number is not None:
        if (year := plausible_year(number)) is not None:
            return year
        value = number  # an 8-digit YYYYMMDD stored as a number
    if isinstance(value, str):
        text = thai_digits_to_ascii(value).strip()
        if (year := _year_of_text(text)) is not None:
            return year
    reading = read_date(value)
    if reading is None or reading.day_ce is not None:
        return None
    if not DATE_CE_MIN <= reading.day.year <= DATE_CE_MAX:
        return None
    return reading.day


def birth_year(value: object, era: str = "ce") -> str | None:
    """The birth year ``value`` holds, as text in ``era`` (``"ce"`` or ``"be"``), or None."""
    if era not in ERAS:
        raise ValueError(f"era must be one of {', '.join(ERAS)}")
    birth = read_birth(value)
    if birth is None:
        return None
    year = birth if isinstance(birth, int) else birth.year
    return str(year + BE_OFFSET if era == "be" else year)
