"""Normalise text before matching: Thai digits to ASCII, NFC, odd spaces.

Every mapping here replaces one code point by exactly one code point, so
offsets found in the normalised text are valid offsets in the original.
Hostile input is made harmless the same way: NUL becomes a space and a lone
surrogate (which JSON escapes or undecodable file names can produce, and
which no encoder accepts) becomes U+FFFD.
"""

from __future__ import annotations

import unicodedata

_THAI_DIGITS = {ord("๐") + i: ord("0") + i for i in range(10)}
_SPACES = {
    ord(ch): ord(" ")
    for ch in "\x00\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2008\u2009\u200a\u3000"
}
_DASHES = {ord(ch): ord("-") for ch in "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"}
_SURROGATES = {code: 0xFFFD for code in range(0xD800, 0xE000)}
_TABLE = {**_THAI_DIGITS, **_SPACES, **_DASHES, **_SURROGATES}


def normalise_text(text: str) -> str:
    """Map Thai digits, exotic spaces and dashes to ASCII; NFC when it maps one code
    point to one code point in place (a singleton such as the Ångström sign).

    NFC is not applied when it would move any character: a composition shortens
    the text, and one balanced by an expansion elsewhere (a composition
    exclusion such as U+0958) keeps the length but shifts what lies between.
    """
    mapped = text.translate(_TABLE)
    composed = unicodedata.normalize("NFC", mapped)
    if composed == mapped or len(composed) != len(mapped):
        return mapped
    for before, after in zip(mapped, composed, strict=True):
        if before != after and unicodedata.normalize("NFC", before) != after:
            return mapped
    return composed


def thai_digits_to_ascii(text: str) -> str:
    """Only the digit mapping: ``"๑๒๓"`` becomes ``"123"``."""
    return text.translate(_THAI_DIGITS)
