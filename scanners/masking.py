"""Mask detected values for reports: evidence that never reveals the full value.

>>> mask_value("TH_NATIONAL_ID", "1103700001239")
'1-1037-xxxxx-xx-9'
>>> mask_value("PHONE_NUMBER", "081-234-5678")
'08x-xxx-x678'
>>> mask_value("PHONE_NUMBER", "+55 12 3923-5555")
'+5x xx xxxx-x555'
>>> mask_value("EMAIL_ADDRESS", "somchai@example.co.th")
's***@example.co.th'
>>> mask_value("PERSON", "สมชาย ใจดี")
'ส*** ใ***'
>>> mask_value("DATE_OF_BIRTH", "1962-03-14")
'1962-xx-xx'
>>> mask_value("ADDRESS", "99/12 หมู่ 3 ต.บางคูครัด")
'99/12 ***'
>>> mask_value("POSTAL_CODE", "10110")
'10xxx'
>>> mask_value("PASSPORT", "AA1234567")
'A***'
>>> mask_value("PERSON", "")
''
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

__all__ = ["mask_value"]

logger = logging.getLogger(__name__)

_FALLBACKS = ("***", "[masked]")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2[45]\d\d)(?!\d)")


def _default(value: str) -> str:
    return value[0] + "***"


def _national_id(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) == 13:
        return f"{digits[0]}-{digits[1:5]}-xxxxx-xx-{digits[12]}"
    return _digits_kept(value, lead=min(2, len(digits) // 3), trail=1)


def _digits_kept(value: str, lead: int, trail: int) -> str:
    """Replace every digit with ``x`` except the first ``lead`` and last ``trail``."""
    total = sum(ch.isdigit() for ch in value)
    while lead + trail >= total and (lead or trail):
        if lead >= trail:
            lead -= 1
        else:
            trail -= 1
    out, seen = [], 0
    for ch in value:
        if ch.isdigit():
            out.append(ch if seen < lead or seen >= total - trail else "x")
            seen += 1
        else:
            out.append(ch)
    return "".join(out)


def _phone(value: str) -> str:
    # "+" counts as one of the two leading characters kept: +5x …, 08x …
    lead = 1 if value.lstrip().startswith("+") else 2
    return _digits_kept(value, lead=lead, trail=3)


def _email(value: str) -> str:
    local, at, domain = value.rpartition("@")
    if not at or not local:
        return _default(value)
    if len(local) == 1:  # its first character would be all of it
        return f"***@{domain}"
    return f"{local[0]}***@{domain}"


def _person(value: str) -> str:
    return " ".join(token[0] + "***" for token in value.split())


def _date(value: str) -> str:
    year = _YEAR.search(value)
    return f"{year.group()}-xx-xx" if year else "xxxx-xx-xx"


def _address(value: str) -> str:
    tokens = value.split()
    if len(tokens) > 1:
        return tokens[0] + " ***"
    return _default(value)


def _postal_code(value: str) -> str:
    return value.strip()[:2] + "xxx"


_MASKERS: dict[str, Callable[[str], str]] = {
    "TH_NATIONAL_ID": _national_id,
    "PHONE_NUMBER": _phone,
    "EMAIL_ADDRESS": _email,
    "PERSON": _person,
    "DATE_OF_BIRTH": _date,
    "ADDRESS": _address,
    "POSTAL_CODE": _postal_code,
}


def mask_value(pii_type: str, value: str) -> str:
    """Masked evidence for ``value`` of ``pii_type``; total, never the value itself.

    Returns ``""`` for an empty value; for any value longer than one
    character the result differs from the value.
    """
    if not value:
        return ""
    text = str(value)
    try:
        masked = _MASKERS.get(str(pii_type), _default)(text.strip() or text)
    except Exception:  # a mask must never break a report
        logger.debug("masking failed for a %s value; using the fallback", pii_type)
        masked = _FALLBACKS[0]
    if not masked or (masked == text and len(text) > 1) or (len(text) > 1 and text in masked):
        masked = next(f for f in _FALLBACKS if f != text)
    return masked
