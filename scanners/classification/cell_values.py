"""One sampled cell as the classifier reads it: text, a date, or nothing to analyse.

Total over anything a driver returns: bytes that are not UTF-8, integers too
long to print, NaN and infinities are skipped; a huge value is cut to
:data:`MAX_VALUE_CHARS` before it is normalised (Thai digits, NFC, odd
spaces), so its size costs nothing; :func:`cut_values` counts such values, so
the dataset can say that some were analysed in part.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from connectors.model import ValueKind
from scanners.normalise import normalise_text

__all__ = ["MAX_VALUE_CHARS", "cut_values", "prepare_value"]

#: Values longer than this are cut before analysis (free text is sampled, not read whole).
MAX_VALUE_CHARS = 2000
#: Integers shorter than this cannot be any type we look for (4 digits: a birth year).
MIN_INTEGER_DIGITS = 4
#: Integers longer than this are no identifier (and too long for ``str()``).
MAX_INTEGER_BITS = 256


def prepare_value(value: object, kind: ValueKind) -> object | None:
    """The analysable form of one sampled value, or None to skip it.

    Total: bytes that are not UTF-8, integers too long to print, NaN and
    infinities are skipped; a huge value is cut to :data:`MAX_VALUE_CHARS`
    before it is normalised, so its size costs nothing.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (date, datetime)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        value = _utf8_prefix(bytes(value[: 4 * MAX_VALUE_CHARS]))
        if value is None:
            return None
    if isinstance(value, int):
        if value.bit_length() > MAX_INTEGER_BITS:
            return None
        return str(value) if len(str(abs(value))) >= MIN_INTEGER_DIGITS else None
    if isinstance(value, (float, Decimal)):
        return None
    text = str(value)
    if len(text) > MAX_VALUE_CHARS:
        text = text.lstrip()[:MAX_VALUE_CHARS]
    return normalise_text(text).strip() or None


def cut_values(values: Iterable[object]) -> int:
    """How many of ``values`` :func:`prepare_value` analyses only in part (longer than
    :data:`MAX_VALUE_CHARS` characters, or its byte budget for binary values)."""
    return sum(
        1
        for value in values
        if (isinstance(value, str) and len(value) > MAX_VALUE_CHARS)
        or (isinstance(value, bytes | bytearray) and len(value) > 4 * MAX_VALUE_CHARS)
    )


def _utf8_prefix(data: bytes) -> str | None:
    """``data`` as UTF-8 text, a character cut at its end dropped; None when not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.start < len(data) - 3:
            return None
        return data[: exc.start].decode("utf-8")
