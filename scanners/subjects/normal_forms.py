"""The normal form of a data subject's identifier, per subject type (SPEC §7).

SPEC §7 lets an erasure request name its subject in clear or as
``sha256:<hex>`` of the *normalised* value, so the normal form is part of the
contract. It is defined per subject type:

``TH_NATIONAL_ID``
    the 13 ASCII digits: Thai digits become ASCII, spaces, dashes and dots
    are removed; the number must have 13 digits and a valid check digit and
    be a personal (not juristic, 0-prefixed) ID. ``๑-๑๐๓๗-๐๐๐๐๑-๒๓-๙`` →
    ``1103700001239``.
``EMAIL_ADDRESS``
    the address stripped of surrounding whitespace, NFC-composed and
    lower-cased: `` Somchai.J@Example.CO.TH `` → ``somchai.j@example.co.th``.
    It must have one ``@`` with text on both sides and no inner whitespace.
``PHONE_NUMBER``
    a Thai number (``+66``, ``0066``, ``66`` or a trunk ``0``) becomes its
    national form with the trunk ``0`` and no separators: ``+66 81 234 5678``,
    ``081-234-5678``, ``๐๘๑๒๓๔๕๖๗๘`` → ``0812345678``; ``+66 2 123 4567`` →
    ``021234567``. A Thai national significant number of 8-9 digits written
    without its trunk ``0`` (an integer column: ``812345678``) gets it back.
    Other countries become ``+`` and the digits (``+1 (555) 123-4567`` →
    ``+15551234567``; a ``(0)`` after the country code is dropped).
    Separators allowed: spaces, dashes, dots, slashes and parentheses.

A cell of a scanned column is read the same way (:func:`normalise_cell`), so
a value found in a column can be compared with a requested subject.

>>> normalise("TH_NATIONAL_ID", "1-1037-00001-23-9")
'1103700001239'
>>> normalise("PHONE_NUMBER", "+66 81 234 5678")
'0812345678'
>>> normalise("TH_NATIONAL_ID", "1-1037-00001-23-4")
Traceback (most recent call last):
    ...
ValueError: TH_NATIONAL_ID: the check digit does not match

Error messages never repeat the value they reject.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from scanners.normalise import normalise_text
from scanners.validators import th_national_id

__all__ = [
    "SUBJECT_TYPES",
    "check_type",
    "looks_like_national_id",
    "normalise",
    "normalise_cell",
]

SUBJECT_TYPES: tuple[str, ...] = ("TH_NATIONAL_ID", "EMAIL_ADDRESS", "PHONE_NUMBER")

_SEPARATORS = re.compile(r"[\s\-./()]")
_PHONE_CHARS = re.compile(r"\+?[0-9\s\-./()]+")
_TRUNK_MARK = re.compile(r"\(\s*0\s*\)")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_THAI_CC = "66"


def check_type(subject_type: str) -> None:
    """ValueError unless ``subject_type`` is one of :data:`SUBJECT_TYPES`."""
    if subject_type not in SUBJECT_TYPES:
        raise ValueError(f"unknown subject type; expected one of {', '.join(SUBJECT_TYPES)}")


def _national_id(value: str) -> str:
    number = _SEPARATORS.sub("", normalise_text(value))
    if not number.isascii() or not number.isdigit():
        raise ValueError("TH_NATIONAL_ID: only digits, spaces and dashes are allowed")
    if len(number) != 13:
        raise ValueError("TH_NATIONAL_ID: a national ID has 13 digits")
    if th_national_id.calc_check_digit(number[:12]) != number[12]:
        raise ValueError("TH_NATIONAL_ID: the check digit does not match")
    if not th_national_id.is_valid(number):
        raise ValueError(
            "TH_NATIONAL_ID: not a personal ID (a first digit of 0 or 9, or no such province)"
        )
    return number


def _email(value: str) -> str:
    address = unicodedata.normalize("NFC", value.strip()).lower()
    if not _EMAIL.fullmatch(address):
        raise ValueError("EMAIL_ADDRESS: expected one @ with text on both sides and no spaces")
    return address


def _thai(rest: str) -> str:
    """National form of the digits after the country code 66 (a trunk 0 there is dropped)."""
    if rest.startswith("0") and len(rest) in (9, 10):
        rest = rest[1:]
    if len(rest) not in (8, 9) or rest.startswith("0"):
        raise ValueError("PHONE_NUMBER: a Thai number has 8 or 9 digits after +66")
    return "0" + rest


def _phone(value: str) -> str:
    text = _TRUNK_MARK.sub("", normalise_text(value)).strip()
    if not _PHONE_CHARS.fullmatch(text):
        raise ValueError(
            "PHONE_NUMBER: only digits, spaces, dashes, dots, parentheses and a leading + "
            "are allowed"
        )
    international = text.startswith("+")
    digits = _SEPARATORS.sub("", text.removeprefix("+"))
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
    if international:
        if digits.startswith(_THAI_CC):
            return _thai(digits[2:])
        if not 7 <= len(digits) <= 15 or digits.startswith("0"):
            raise ValueError("PHONE_NUMBER: an international number has 7 to 15 digits")
        return "+" + digits
    if digits.startswith("0"):
        if len(digits) not in (9, 10):
            raise ValueError("PHONE_NUMBER: a Thai number has 9 or 10 digits with the leading 0")
        return digits
    if digits.startswith(_THAI_CC) and 10 <= len(digits) <= 12:
        return _thai(digits[2:])
    if len(digits) in (8, 9):
        return "0" + digits
    if 10 <= len(digits) <= 15:
        return "+" + digits
    raise ValueError("PHONE_NUMBER: too few or too many digits for a phone number")


def looks_like_national_id(value: str) -> bool:
    """Whether ``value`` is written like a Thai national ID, valid or not.

    13 digits once separators are dropped (Thai digits count), and no ``+``
    or ``00`` in front (those are international phone numbers). A value that
    looks like one but fails its check digit is a mistyped ID, not a
    13-digit phone number.

    >>> looks_like_national_id("1-1037-00012-34-4"), looks_like_national_id("1103700012344")
    (True, True)
    >>> looks_like_national_id("0066 81 234 5678"), looks_like_national_id("+1103700012344")
    (False, False)
    """
    text = normalise_text(value).strip()
    digits = _SEPARATORS.sub("", text)
    return (
        not text.startswith("+")
        and len(digits) == 13
        and digits.isascii()
        and digits.isdigit()
        and not digits.startswith("00")
    )


_NORMALISERS = {"TH_NATIONAL_ID": _national_id, "EMAIL_ADDRESS": _email, "PHONE_NUMBER": _phone}


def normalise(subject_type: str, value: str) -> str:
    """The normal form of ``value`` as ``subject_type``; ValueError (without the value) if not one.

    >>> normalise("PHONE_NUMBER", "๐๘๑๒๓๔๕๖๗๘")
    '0812345678'
    >>> normalise("PHONE_NUMBER", "+44 (0)20 7946 0958")
    '+442079460958'
    >>> normalise("EMAIL_ADDRESS", "no-at-sign")
    Traceback (most recent call last):
        ...
    ValueError: EMAIL_ADDRESS: expected one @ with text on both sides and no spaces
    """
    check_type(subject_type)
    if not isinstance(value, str):
        raise ValueError(f"{subject_type}: expected text")
    return _NORMALISERS[subject_type](value)


def normalise_cell(subject_type: str, cell: object) -> str | None:
    """The normal form of one streamed cell, or None when the cell is not that type.

    Text is normalised as a whole (a cell holding a sentence is None), after
    dropping the apostrophe a spreadsheet export puts before a number kept as
    text; integers and integral floats/decimals are read as their digits, so
    an ID or a phone number stored as a number still matches.

    >>> normalise_cell("PHONE_NUMBER", 812345678)
    '0812345678'
    >>> normalise_cell("TH_NATIONAL_ID", " '1103700001239")
    '1103700001239'
    >>> normalise_cell("TH_NATIONAL_ID", 1103700001239.0)
    '1103700001239'
    >>> normalise_cell("EMAIL_ADDRESS", None) is None
    True
    """
    check_type(subject_type)
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, int | float | Decimal):
        try:
            whole = int(cell)
        except (OverflowError, ValueError):  # inf, nan
            return None
        if whole < 0 or whole != cell:
            return None
        text = str(whole)
    elif isinstance(cell, str):
        text = cell.strip().removeprefix("'")
    else:
        return None
    try:
        return normalise(subject_type, text)
    except ValueError:
        return None
