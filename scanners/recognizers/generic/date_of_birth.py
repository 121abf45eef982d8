"""DATE_OF_BIRTH: calendar dates, which are only a shape until birth context is near.

Formats: ISO ``1990-05-20`` (optionally with a time), ``20/05/2533`` and
``20-05-1990`` / ``20.05.1990`` (day or month first), Thai month names full,
abbreviated and informal (``15 ก.ค. 2565``, ``1 มกราคม 2533``,
``14ธ.ค.2509``, ``5 เม.ย. 65``), English month names (``20 May 1990``,
``May 20, 1990``). Years are Buddhist Era 2400-2600 or Common Era 1900-2100;
impossible dates (month 13, 30 February) are rejected.

Scores: numeric 0.2, month names 0.3 — never evidence alone. Context words
(เกิด, วันเกิด, born, birth, dob, birthday …) raise a date to >= 0.5;
``เกิดขึ้น`` ("occurred") does not count.

Non-compliant (matched as evidence): ``เกิดวันที่ 1 มกราคม 2530``.
Compliant (shape only): ``ประชุมวันที่ 1 มกราคม 2567``, ``2024-13-01`` (none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

THAI_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("มกราคม", "ม.ค.", "มกรา"),
        ("กุมภาพันธ์", "ก.พ.", "กุมภา"),
        ("มีนาคม", "มี.ค.", "มีนา"),
        ("เมษายน", "เม.ย.", "เมษา"),
        ("พฤษภาคม", "พ.ค.", "พฤษภา"),
        ("มิถุนายน", "มิ.ย.", "มิถุนา"),
        ("กรกฎาคม", "ก.ค.", "กรกฎา"),
        ("สิงหาคม", "ส.ค.", "สิงหา"),
        ("กันยายน", "ก.ย.", "กันยา"),
        ("ตุลาคม", "ต.ค.", "ตุลา"),
        ("พฤศจิกายน", "พ.ย.", "พฤศจิกา"),
        ("ธันวาคม", "ธ.ค.", "ธันวา"),
    ),
    start=1,
):
    for _name in _names:
        THAI_MONTHS[_name] = _number
        if _name.endswith("."):
            THAI_MONTHS[_name[:-1]] = _number  # "ก.ค" without the last dot

ENGLISH_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(
    str.split(
        "january february march april may june july august september october november december"
    ),
    start=1,
):
    ENGLISH_MONTHS[_name] = _number
    ENGLISH_MONTHS[_name[:3]] = _number
ENGLISH_MONTHS["sept"] = 9


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+\-]\d{2}:?\d{2})?)?"
_ISO = re.compile(
    rf"(?<![\d\-/.])(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_TIME}(?![\d\-])"
)
_NUMERIC = re.compile(
    r"(?<![\d\-/.])(?P<a>\d{1,2})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})"
    + _TIME
    + r"(?![\d\-/]|\.\d)"
)
_THAI = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?:เดือน\s*)?(?P<m>{_alternation(list(THAI_MONTHS))})"
    r"\s*(?:(?:พ\.ศ\.|ค\.ศ\.|พ\.ศ|ค\.ศ)\s*)?(?P<y>\d{4}|\d{2})(?!\d)"
)
_EN_MONTH = _alternation(list(ENGLISH_MONTHS))
_ENGLISH_DMY = re.compile(
    rf"(?<![\w])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ \-]?(?P<m>{_EN_MONTH})\.?,?[ \-]?"
    r"(?P<y>\d{4})(?!\d)",
    re.IGNORECASE,
)
_ENGLISH_MDY = re.compile(
    rf"(?<![\w])(?P<m>{_EN_MONTH})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)

SCORE_NUMERIC = 0.2
SCORE_NAMED_MONTH = 0.3


def to_gregorian_year(year: int, two_digit_be: bool = False) -> int | None:
    """CE year for a CE (1900-2100) or BE (2400-2600) year; None when implausible."""
    if two_digit_be:
        year += 2500
    if 1900 <= year <= 2100:
        return year
    if 2400 <= year <= 2600:
        return year - 543
    return None


def is_plausible(year: int, month: int, day: int, two_digit_be: bool = False) -> bool:
    """True for a real calendar date with a plausible CE or BE year."""
    ce = to_gregorian_year(year, two_digit_be)
    if ce is None:
        return False
    try:
        dt.date(ce, month, day)
    except ValueError:
        return False
    return True


class DateOfBirthRecognizer(ScannerRecognizer):
    """Dates as a shape for DATE_OF_BIRTH; birth words make them evidence."""

    ENTITY = "DATE_OF_BIRTH"
    REQUIRES = "digit"
    CONTEXT = (
        "เกิด",
        "birth",
        "born",
        "dob",
        "d.o.b",
        "bday",
        "b-day",
        "วดป",
    )
    NEGATIVE_CONTEXT = ("เกิดขึ้น", "เกิดเหตุ", "ก่อให้เกิด", "เกิดจาก")
    WINDOW_BEFORE = 24
    WINDOW_AFTER = 8

    def find(self, text: str) -> Iterator[Span]:
        for match in _ISO.finditer(text):
            if is_plausible(int(match["y"]), int(match["m"]), int(match["d"])):
                yield Span(match.start(), match.end(), SCORE_NUMERIC)
        for match in _NUMERIC.finditer(text):
            year, a, b = int(match["y"]), int(match["a"]), int(match["b"])
            if is_plausible(year, b, a) or is_plausible(year, a, b):
                yield Span(match.start(), match.end(), SCORE_NUMERIC)
        for match in _THAI.finditer(text):
            two_digit = len(match["y"]) == 2
            month = THAI_MONTHS[match["m"]]
            if is_plausible(int(match["y"]), month, int(match["d"]), two_digit):
                yield Span(match.start(), match.end(), SCORE_NAMED_MONTH)
        for pattern in (_ENGLISH_DMY, _ENGLISH_MDY):
            for match in pattern.finditer(text):
                month = ENGLISH_MONTHS[match["m"].lower()]
                if is_plausible(int(match["y"]), month, int(match["d"])):
                    yield Span(match.start(), match.end(), SCORE_NAMED_MONTH)
