"""Thai national ID (เลขประจำตัวประชาชน) and juristic-person ID validation.

A thin wrapper over :mod:`stdnum.th.pin` (personal IDs) and
:mod:`stdnum.th.moa` (juristic IDs, which start with 0). Both share the
mod-11 check digit; ``stdnum.th.pin`` rejects a first digit of 0 and 9.

A 0-prefixed number is treated as a juristic (company) ID, never as a
personal ID: companies are not natural persons.

Digits 2-3 of a personal ID are the province of the registrar office that
issued it (DOMAIN §1.1, [V]: the ISO 3166-2:TH numbering, 77 codes in
10-19, 20-27, 30-49, 50-58, 60-67, 70-77, 80-86, 90-96). A number whose
digits 2-3 are not one of them (``00``-``09``, ``28``, ``29``, ``59``,
``68``, ``69``, ``78``, ``79``, ``87``-``89``, ``97``-``99``) was never
issued, whatever its check digit: ``validate`` rejects it as an
``InvalidComponent``. Digits 4-5 (the district or municipal office) are not
checked: offices are numbered from 01 upwards and municipal ones from 99
downwards, so caps per province would reject real numbers.

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
>>> province_code('1-1037-00001-23-9')   # Bangkok
'10'
>>> is_assigned_province('38'), is_assigned_province('59'), is_assigned_province('05')
(True, False, False)
>>> unassigned = '1590100001' + '23'     # digits 2-3 "59": no such province
>>> is_valid(unassigned + calc_check_digit(unassigned))
False
>>> validate(unassigned + calc_check_digit(unassigned))
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidComponent: The number does not start with an assigned province code.
>>> len(PROVINCE_CODES)
77
"""

from __future__ import annotations

import operator

from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
    ValidationError,
)
from stdnum.th import moa, pin

__all__ = [
    "PROVINCE_CODES",
    "InvalidChecksum",
    "InvalidComponent",
    "InvalidFormat",
    "InvalidLength",
    "ValidationError",
    "calc_check_digit",
    "compact",
    "format",
    "is_assigned_province",
    "is_juristic",
    "is_valid",
    "province_code",
    "validate",
]

#: Province codes of ISO 3166-2:TH, used by registrar offices in digits 2-3 (DOMAIN §1.1).
PROVINCE_CODES: frozenset[str] = frozenset(
    f"{code:02d}"
    for first, last in ((10, 27), (30, 58), (60, 67), (70, 77), (80, 86), (90, 96))
    for code in range(first, last + 1)
)


_WEIGHTS = tuple(range(13, 1, -1))


def compact(number: str) -> str:
    """Strip separators (spaces, dashes) and surrounding whitespace."""
    return pin.compact(number)


def calc_check_digit(first12: str) -> str:
    """The check digit for the first 12 digits (same for personal and juristic IDs)."""
    return pin.calc_check_digit(first12)


def province_code(number: str) -> str:
    """Digits 2-3 of an ID: the province of the registrar office that issued it."""
    return compact(number)[1:3]


def is_assigned_province(code: str) -> bool:
    """True when ``code`` (two digits) is a province code that registrar offices use."""
    return code in PROVINCE_CODES


def validate(number: str) -> str:
    """Return the compact personal ID or raise a ``ValidationError``.

    Raises ``InvalidLength`` (not 13 digits), ``InvalidFormat`` (not digits),
    ``InvalidComponent`` (a first digit of 0 or 9, or digits 2-3 that are no
    assigned province code) or ``InvalidChecksum``.
    """
    number = pin.validate(number)
    if not is_assigned_province(number[1:3]):
        raise InvalidComponent("The number does not start with an assigned province code.")
    return number


def _checksum_holds(digits: str) -> bool:
    """The mod-11 check of 13 ASCII digits (weights 13 down to 2), as ``pin`` computes it."""
    total: int = sum(map(operator.mul, _WEIGHTS, map(int, digits[:12])))
    return (11 - total % 11) % 10 == int(digits[12])


def is_valid(number: str) -> bool:
    """True for a checksum-valid personal ID (first digit 1-8, an assigned province)."""
    if len(number) == 13 and number.isascii() and number.isdigit():
        # The common case, without python-stdnum's cleaning and exceptions.
        return number[0] in "12345678" and number[1:3] in PROVINCE_CODES and _checksum_holds(number)
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
