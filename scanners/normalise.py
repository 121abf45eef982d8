"""Normalise text before matching: Thai digits to ASCII, NFC, odd spaces.

Every mapping here replaces one code point by exactly one code point, so
offsets found in the normalised text are valid offsets in the original.
"""

from __future__ import annotations

import unicodedata

_THAI_DIGITS = {ord("๐") + i: ord("0") + i for i in range(10)}
_SPACES = {
    ord(ch): ord(" ")
    for ch in "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"
}
_DASHES = {ord(ch): ord("-") for ch in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"}
_TABLE = {**_THAI_DIGITS, **_SPACES, **_DASHES}


def normalise_text(text: str) -> str:
    """Map Thai digits, exotic spaces and dashes to ASCII; NFC when length-preserving."""
    mapped = text.translate(_TABLE).replace("\x00", " ")
    composed = unicodedata.normalize("NFC", mapped)
    return composed if len(composed) == len(mapped) else mapped


def thai_digits_to_ascii(text: str) -> str:
    """Only the digit mapping: ``"๑๒๓"`` becomes ``"123"``."""
    return text.translate(_THAI_DIGITS)
