"""EAN-13 / GTIN-13 barcode check, used to tell product codes from Thai IDs.

About one valid EAN-13 in ten also passes the Thai ID checksum; GS1
Thailand's prefix 885 begins with a valid ID category digit (8) and a real
province code (85), so barcodes in product columns look like IDs.

>>> is_valid('8858353374062')
True
>>> is_thai_barcode('8858353374062')
True
>>> is_valid('8858353374063')
False
>>> validate('885835337406')
Traceback (most recent call last):
    ...
stdnum.exceptions.InvalidLength: The number has an invalid length.
>>> calc_check_digit('885835337406')
'2'
"""

from __future__ import annotations

from stdnum import ean
from stdnum.exceptions import InvalidLength, ValidationError

__all__ = ["calc_check_digit", "compact", "is_thai_barcode", "is_valid", "validate"]

#: GS1 Thailand's company prefix.
THAI_GS1_PREFIX = "885"


def compact(number: str) -> str:
    """Strip separators and surrounding whitespace."""
    return ean.compact(number)


def calc_check_digit(first12: str) -> str:
    """The mod-10 check digit for the first 12 digits."""
    return ean.calc_check_digit(first12)


def validate(number: str) -> str:
    """Return the compact 13-digit barcode or raise a ``ValidationError``."""
    number = compact(number)
    if len(number) != 13:
        raise InvalidLength()
    return ean.validate(number)


def is_valid(number: str) -> bool:
    """True for a 13-digit number with a valid EAN-13 check digit."""
    if len(number) == 13 and number.isascii() and number.isdigit():
        # The common case, without python-stdnum's cleaning and exceptions.
        total = sum(map(int, number[0:12:2])) + 3 * sum(map(int, number[1:12:2]))
        return (10 - total % 10) % 10 == int(number[12])
    try:
        return bool(validate(number))
    except ValidationError:
        return False


def is_thai_barcode(number: str) -> bool:
    """True for a valid EAN-13 issued under GS1 Thailand (prefix 885)."""
    if not (number.isascii() and number.isdigit()):
        number = compact(number)
    return number.startswith(THAI_GS1_PREFIX) and is_valid(number)
