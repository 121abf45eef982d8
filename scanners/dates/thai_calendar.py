"""Dates written the Thai way in messages: ``25 พ.ย. 2559`` (day, month abbreviation, B.E. year).

B.E. = C.E. + 543 (DOMAIN.md §1.16). The abbreviations are those of the
Royal Institute, as on Thai forms.

>>> thai_date(date(2016, 11, 25))
'25 พ.ย. 2559'
>>> be_year(2026)
2569
"""

from __future__ import annotations

from datetime import date

#: B.E. = C.E. + 543.
BE_OFFSET = 543

THAI_MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)


def be_year(year: int) -> int:
    """The Buddhist-era year of a common-era year."""
    return year + BE_OFFSET


def thai_date(day: date) -> str:
    """``day`` as ``"25 พ.ย. 2559"``."""
    return f"{day.day} {THAI_MONTH_ABBREVIATIONS[day.month - 1]} {be_year(day.year)}"
