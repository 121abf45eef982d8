"""PHONE_NUMBER (Thai): mobile and landline numbers in national or +66 form.

Mobile ``06x/08x/09x`` + 7 digits, Bangkok landline ``02`` + 7 digits,
provincial landlines ``03x-07x`` + 6 digits, and the same numbers after
``+66``/``0066``/``66`` (with an optional ``(0)``), written with or without
dashes, dots, spaces or parentheses. Every candidate is checked with
``phonenumbers`` (region TH) and must be a valid mobile or fixed-line number.

Scores: ``+66`` form 0.85 (``66`` + digits alone 0.5); mobile 0.8 grouped / 0.7 plain; landline 0.7
grouped / 0.5 plain; runs of one repeated digit (``0999999999``) 0.3.

Non-compliant (matched): ``โทร 081-234-5678``, ``+66 2 123 4567``.
Compliant (not matched): ``1103700001239`` (an ID), ``12,081,234,567``
(an amount), ``20/08/2565`` (a date), ``0212345678`` (no such number).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from phonenumbers import PhoneNumberType

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.recognizers.phone_context import PHONE_CONTEXT

_SEP = r"[ \-.]"
_PREFIX = (
    rf"(?P<intl>(?:\+|00){_SEP}?66|\(\+?66\)|66){_SEP}?(?:\(0\){_SEP}?)?"
    rf"|\(?0{_SEP}?"
)
_NSN = rf"[1-9](?:\)?{_SEP}?\d){{7,8}}"
_CANDIDATE = re.compile(rf"(?<![\dA-Za-z+\-/.,])(?:{_PREFIX}){_NSN}(?![\d]|[.,]\d)")

SCORE_INTERNATIONAL = 0.85
SCORE_MOBILE = 0.8
SCORE_MOBILE_PLAIN = 0.7
SCORE_LANDLINE = 0.7
SCORE_LANDLINE_PLAIN = 0.5
SCORE_DUMMY = 0.3

_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.VOIP}


def thai_phone_type(candidate: str) -> int | None:
    """The ``PhoneNumberType`` of a valid Thai number, else None."""
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    try:
        number = phonenumbers.parse(candidate, "TH")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 66 or not phonenumbers.is_valid_number(number):
        return None
    kind = phonenumbers.number_type(number)
    return kind if kind in _TYPES else None


class ThaiPhoneRecognizer(ScannerRecognizer):
    """Thai mobile and landline numbers validated by ``phonenumbers``."""

    ENTITY = "PHONE_NUMBER"
    REQUIRES = "digit"
    CONTEXT = PHONE_CONTEXT

    def find(self, text: str) -> Iterator[Span]:
        for match in _CANDIDATE.finditer(text):
            candidate = match.group()
            kind = thai_phone_type(candidate)
            if kind is None:
                continue
            digits = re.sub(r"\D", "", candidate)
            plain = digits == candidate
            if max(digits.count(d) for d in set(digits)) >= 8:
                score = SCORE_DUMMY
            elif match.group("intl"):
                score = SCORE_LANDLINE_PLAIN if plain else SCORE_INTERNATIONAL
            elif kind == PhoneNumberType.FIXED_LINE:
                score = SCORE_LANDLINE_PLAIN if plain else SCORE_LANDLINE
            else:
                score = SCORE_MOBILE_PLAIN if plain else SCORE_MOBILE
            yield Span(match.start(), match.end(), score)
