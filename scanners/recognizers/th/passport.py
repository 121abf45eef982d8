"""PASSPORT: Thai passport numbers and generic passport-number shapes.

Thai passports (DOMAIN §1.3, community source only) are one or two Latin
letters followed by six or seven digits (``AA1234567``, ``A123456``). Other
countries use 6-9 upper-case letters and digits (``C01X00T47``,
``09AB12345``, ``E12345678``). Neither carries a public check digit, so a
match is always a shape: Thai shape 0.3, generic shape 0.2. Passport words
near the value or in the column name (หนังสือเดินทาง, พาสปอร์ต, passport,
passport no …) make it evidence.

A generic candidate needs at least one letter and at least five digits,
which keeps out product codes (``SKU-123456``: a dash joins it to a word),
invoice numbers (``INV2025001``: ten characters), flight numbers
(``TG123``, ``TG 660``), seats (``12A``), postcodes (``SW1V 3EN``), hex hashes
and UUIDs (longer runs, lower case, dashes), and VINs (17 characters).

Non-compliant (matched as evidence): ``เลขที่หนังสือเดินทาง AA1234567``.
Compliant (shape only): ``AA1234567`` alone; not matched: ``INV2025001``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_EDGE_BEFORE = r"(?<![A-Za-z0-9_\-/.@])"
_EDGE_AFTER = r"(?![A-Za-z0-9_@]|[\-/.][A-Za-z0-9])"
_CANDIDATE = re.compile(rf"{_EDGE_BEFORE}[A-Z0-9]{{6,9}}{_EDGE_AFTER}")
_THAI = re.compile(r"[A-Z]{1,2}\d{6,7}")
_LETTER = re.compile(r"[A-Z]")
_DIGIT = re.compile(r"\d")

SCORE_THAI_SHAPE = 0.3
SCORE_GENERIC_SHAPE = 0.2
#: A generic passport number has at least this many digits.
MIN_DIGITS = 5


def _is_dummy(digits: str) -> bool:
    """``AA0000000``-style placeholders: one digit repeated throughout."""
    return len(set(digits)) == 1


class PassportRecognizer(ScannerRecognizer):
    """Passport-number shapes that passport words turn into evidence."""

    ENTITY = "PASSPORT"
    REQUIRES = "digit"
    CONTEXT = (
        "หนังสือเดินทาง",
        "พาสปอร์ต",
        "พาสปอต",
        "passport",
        "passport no",
        "passport number",
        "pass no",
        "travel document",
        "reisepass",
        "pasaporte",
        "passeport",
    )

    def find(self, text: str) -> Iterator[Span]:
        if _DIGIT.search(text) is None or _LETTER.search(text) is None:
            return
        for match in _CANDIDATE.finditer(text):
            value = match.group()
            digits = sum(ch.isdigit() for ch in value)
            if digits == len(value) or digits < MIN_DIGITS:
                continue
            score = SCORE_THAI_SHAPE if _THAI.fullmatch(value) else SCORE_GENERIC_SHAPE
            dummy = _is_dummy("".join(ch for ch in value if ch.isdigit()))
            yield Span(match.start(), match.end(), score, boostable=not dummy)
