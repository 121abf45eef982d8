"""Thai national ID (เลขประจำตัวประชาชน) and juristic-person ID validation.

A thin wrapper over :mod:`stdnum.th.pin` (personal IDs) and
:mod:`stdnum.th.moa` (juristic IDs, which start with 0). Both share the
mod-11 check digit; ``stdnum.th.pin`` rejects a first digit of 0 and 9.

A 0-prefixed number is treated as a juristic (company) ID, never as a
personal ID: companies are not natural persons.

>>> compact('1-1037-00001-23-9')
'1103700001239'
>>> is_valid('1 1037 00001 23 9')
True
>>> is_valid('1103700001234')
False
>>> validate('1103700001234')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidChecksum: The number's checksum or check digit is invalid.
>>> is_valid('0105536112014')   # a juristic ID is not a personal ID
False
>>> is_juristic('0-10-5-536-11201-4')
True
>>> is_juristic('1103700001239')
False
>>> format('1103700001239')
'1-1037-00001-23-9'
>>> calc_check_digit('110370000123')
'9'
"""

from __future__ import annotations

from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.th import moa, pin

__all__ = [
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "ValidationError",
    "calc_check_digit",
    "compact",
    "format",
    "is_juristic",
    "is_valid",
    "validate",
]


def compact(number: str) -> str:
    """Strip separators (spaces, dashes) and surrounding whitespace."""
    return pin.compact(number)


def calc_check_digit(first12: str) -> str:
    """The check digit for the first 12 digits (same for personal and juristic IDs)."""
    return pin.calc_check_digit(first12)


def validate(number: str) -> str:
    """Return the compact personal ID or raise a ``ValidationError``.

    Raises ``InvalidLength`` (not 13 digits), ``InvalidFormat`` (not digits),
    ``InvalidComponent`` (a first digit of 0 or 9) or ``InvalidChecksum``.
    """
    return pin.validate(number)


def is_valid(number: str) -> bool:
    """True for a checksum-valid personal ID (first digit 1-8)."""
    try:
        return bool(validate(number))
    except ValidationError:
        return False


def is_juristic(number: str) -> bool:
    """True for a checksum-valid juristic-person ID (first digit 0)."""
    return moa.is_valid(number)


def format(number: str) -> str:
    """Group a personal ID as 1-4-5-2-1."""
    return pin.format(number)
