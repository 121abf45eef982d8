"""Postcode: an address reduced to its Thai five-digit postcode (SPEC §10).

s.37(2) asks whether the recipient needs the house number or only the
postcode. ``postcode`` finds the postcode in an address written in Thai or
Latin script (Thai digits count as digits): five digits standing alone,
whose first two are a province prefix (``scanners/data/th_postcode_prefixes.json``,
loaded once by the address recognizer). When an address holds several, the
last one wins: a postcode ends a Thai address.

Five digits inside something else are not a postcode: a longer run of
digits, a phone number (``+66 81234 5678``, ``081-234-5678``), a national ID
written in groups (``1 1037 12345 39 9``), a house number (``12345/6``), a
decimal or an amount (``50000 บาท``). Nothing found gives None, never the
address.

>>> postcode("99/12 หมู่ 3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี ๑๑๑๑๐")
'11110'
>>> postcode("1 Silom Rd, Bang Rak, Bangkok 10500, Thailand"), postcode(50200)
('10500', '50200')
>>> postcode("โทร +66 81234 5678") is None, postcode("00000") is None
(True, True)
"""

from __future__ import annotations

import re
from decimal import Decimal

from scanners.normalise import thai_digits_to_ascii
from scanners.recognizers.th.th_address import POSTCODE_PREFIXES

__all__ = ["PREFIXES", "is_postcode", "postcode", "postcodes_in"]

#: Every two-digit prefix a Thai postcode may start with.
PREFIXES: frozenset[str] = frozenset().union(*POSTCODE_PREFIXES.values())
#: Longer text is not one address: only its first characters are searched.
MAX_CHARS = 2000

# Five digits not touching another digit, nor a digit through , . - / : (a decimal,
# a date, a house number, a grouped number) nor a leading +.
_CANDIDATE = re.compile(r"(?<![\d.,\-/:+])\d{5}(?!\d|[.,\-/:]\d)")
# Where five digits are part of something else.
_NOT_POSTCODE = (
    # Thai phone numbers: +66 and 8-9 digits, or a trunk 0 and 8-9 digits, any grouping
    re.compile(r"\+\s?66[\s\-.]?(?:\(0\)[\s\-.]?)?(?:\d[\s\-.]?){7,8}\d(?!\d)"),
    re.compile(r"(?<![\d.+])0\d(?:[\s\-.]?\d){7,8}(?!\d)"),
    # other international numbers
    re.compile(r"\+\s?[1-57-9]\d{0,2}[\s\-.]?(?:\d[\s\-.()]?){6,12}\d(?!\d)"),
    # a 13-digit national ID in its 1-4-5-2-1 groups
    re.compile(r"(?<!\d)\d[\s\-]?\d{4}[\s\-]?\d{5}[\s\-]?\d{2}[\s\-]?\d(?!\d)"),
    # an amount of money
    re.compile(r"\d{5}\s*(?:บาท|baht|thb|฿)|(?:฿|thb)\s*\d{5}", re.IGNORECASE),
)


def is_postcode(text: str) -> bool:
    """True for five ASCII digits with a Thai province prefix."""
    return len(text) == 5 and text.isascii() and text.isdigit() and text[:2] in PREFIXES


def _as_text(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float | Decimal):
        try:
            whole = int(value)
        except (ArithmeticError, ValueError):  # inf, nan
            return None
        return str(whole) if whole == value else None
    return value if isinstance(value, str) else str(value)


def postcodes_in(text: str) -> list[str]:
    """Every Thai postcode in ``text`` (Thai digits read as ASCII), in order."""
    text = thai_digits_to_ascii(text[:MAX_CHARS])
    taken = [m.span() for pattern in _NOT_POSTCODE for m in pattern.finditer(text)]
    found = []
    for match in _CANDIDATE.finditer(text):
        start, end = match.span()
        if any(s <= start and end <= e for s, e in taken):
            continue
        if is_postcode(match.group()):
            found.append(match.group())
    return found


def postcode(value: object) -> str | None:
    """The Thai postcode an address (or a bare postcode) holds, the last of several; else None."""
    text = _as_text(value)
    if text is None or not text.strip():
        return None
    found = postcodes_in(text)
    return found[-1] if found else None
