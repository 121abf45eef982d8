"""Replace the identifiers a row already names (its own name, ID, phone…) inside its free text.

Detection in prose misses some names (a rare given name, ``นายพล…`` read as
a rank). But the same row usually holds the person's name, national ID and
phone in their own columns, so a notes cell is checked for those exact
values first: each is replaced by ``<TYPE>`` wherever it appears — digits
matched across any spaces, dashes or dots between them, a birth date in ISO
or day/month/year of either era, e-mail addresses and passport numbers
without regard to case, a name also by its given name and surname alone
(with or without its title). Only then does detection look at what is left.

>>> replace_known("โทร 081 234 5678 คุณสมชาย", [("PHONE_NUMBER", "0812345678"),
...                                            ("PERSON", "นายสมชาย ใจดี")])
'โทร <PHONE_NUMBER> คุณ<PERSON>'
>>> replace_known("เกิด 02/03/2528 พาสปอร์ต aa1234567", [("DATE_OF_BIRTH", "1985-03-02"),
...                                                    ("PASSPORT", "AA1234567")])
'เกิด <DATE_OF_BIRTH> พาสปอร์ต <PASSPORT>'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from scanners.dates.date_values import parse_date
from scanners.normalise import thai_digits_to_ascii
from scanners.recognizers.th.th_person import TITLES

#: Name parts shorter than this are left alone (too likely to be part of another word).
MIN_NAME_PART = 3
#: Digit identifiers shorter than this are left alone (house numbers, amounts).
MIN_DIGITS = 6
_DIGIT_TYPES = frozenset({"TH_NATIONAL_ID", "PHONE_NUMBER", "BANK_ACCOUNT", "CREDIT_CARD"})
_TITLES = sorted({t.rstrip(".") for t in TITLES} | set(TITLES), key=len, reverse=True)
_SEPARATORS = r"[\s\-.]*"


def _without_title(name: str) -> str:
    for title in _TITLES:
        if name.startswith(title) and len(name) > len(title) + 1:
            return name[len(title) :].lstrip(". ")
    return name


def _name_patterns(name: str) -> Iterable[str]:
    bare = _without_title(" ".join(name.split()))
    yield re.escape(" ".join(name.split())).replace(r"\ ", r"\s+")
    yield re.escape(bare).replace(r"\ ", r"\s+")
    for part in bare.split():
        if len(part) >= MIN_NAME_PART:
            yield re.escape(part)


def _date_patterns(value: str) -> Iterable[str]:
    """A birth date as Thai records write it: ISO, or day/month/year in either era."""
    day = parse_date(value)
    if day is None:
        return
    yield rf"{day.year}-0?{day.month}-0?{day.day}(?!\d)"
    for year in (day.year, day.year + 543):
        yield rf"(?<!\d)0?{day.day}[/\-.]0?{day.month}[/\-.]{year}(?!\d)"


def _patterns(pii_type: str, value: str) -> Iterable[str]:
    value = value.strip()
    if pii_type == "PERSON":
        yield from _name_patterns(value)
        return
    if pii_type == "DATE_OF_BIRTH":
        yield from _date_patterns(value)
        return
    digits = re.sub(r"\D", "", thai_digits_to_ascii(value))
    if pii_type in _DIGIT_TYPES and len(digits) >= MIN_DIGITS:
        yield r"(?<!\d)" + _SEPARATORS.join(digits) + r"(?!\d)"
        if pii_type == "PHONE_NUMBER" and digits.startswith("0"):
            yield r"\+66" + _SEPARATORS + _SEPARATORS.join(digits[1:]) + r"(?!\d)"
        return
    if len(value) >= MIN_NAME_PART:
        yield re.escape(value)


def replace_known(text: str, known: Sequence[tuple[str, str]]) -> str:
    """``text`` with every (type, value) of ``known`` replaced by ``<TYPE>``, longest first."""
    if not known:
        return text
    matched = thai_digits_to_ascii(text)
    spans: list[tuple[int, int, str]] = []
    patterns = sorted(
        (
            (pii_type, pattern)
            for pii_type, value in known
            for pattern in _patterns(pii_type, value)
        ),
        key=lambda item: len(item[1]),
        reverse=True,
    )
    taken = [False] * len(text)
    for pii_type, pattern in patterns:
        for match in re.finditer(pattern, matched, re.IGNORECASE):
            start, end = match.span()
            if start == end or any(taken[start:end]):
                continue
            spans.append((start, end, pii_type))
            taken[start:end] = [True] * (end - start)
    for start, end, pii_type in sorted(spans, reverse=True):
        text = f"{text[:start]}<{pii_type}>{text[end:]}"
    return text
