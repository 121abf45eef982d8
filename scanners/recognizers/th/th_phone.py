"""PHONE_NUMBER (Thai): mobile and landline numbers in national or +66 form.

Mobile ``06x/08x/09x`` + 7 digits, Bangkok landline ``02`` + 7 digits,
provincial landlines ``03x-07x`` + 6 digits, and the same numbers after
``+66``/``0066``/``66`` (with an optional ``(0)``), written with or without
dashes, dots, spaces or parentheses. Every candidate is checked with
``phonenumbers`` (region TH) and must be a valid mobile or fixed-line number.

Scores: ``+66`` form 0.85 (``66`` + digits alone 0.5); mobile 0.8 grouped / 0.7 plain; landline 0.7
grouped / 0.5 plain; runs of one repeated digit (``0999999999``) 0.3.

A range suffix (``0-2354-5150-2``) and an extension (``ต่อ 48136``) belong to
the number's span. Hotlines and emergency numbers (``1669``, ``191``) are
matched only right after a phone word (``โทร``, ``หมายเลข``) or within 32
characters after ``สายด่วน`` (hotline), 0.6. ``โทร.043-324990`` (a dot after
a word) is a number; ``3.081234567`` is not.

Non-compliant (matched): ``โทร 081-234-5678``, ``+66 2 123 4567``,
``02 126 5800 ต่อ 2565``, ``สายด่วน 1669``.
Compliant (not matched): ``1103700001239`` (an ID), ``12,081,234,567``
(an amount), ``20/08/2565`` (a date), ``0212345678`` (no such number),
``โทร 1000 ครั้ง`` (a count), ``ปี 1998`` (a year, no phone word).
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
# Not glued to a digit, letter, sign or decimal point; a dot after a word is fine (โทร.02…).
_CANDIDATE = re.compile(rf"(?<![\dA-Za-z+\-/,])(?<!\d[.,])(?:{_PREFIX}){_NSN}(?![\d]|[.,]\d)")

SCORE_INTERNATIONAL = 0.85
SCORE_MOBILE = 0.8
SCORE_MOBILE_PLAIN = 0.7
SCORE_LANDLINE = 0.7
SCORE_LANDLINE_PLAIN = 0.5
SCORE_DUMMY = 0.3

_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.VOIP}

#: A number range written on the last group: ``0-2354-5150-2`` (…5150 to …5152).
_RANGE = re.compile(r"-\d{1,2}(?![\d\-])")
#: An extension or menu choice after a number: ``ต่อ 48136``, ``ext. 12``, ``กด 3``.
_EXTENSION = re.compile(r"[ \t]*(?:ต่อ|ext\.?|กด)[ \t]*\d{1,6}(?!\d)", re.IGNORECASE)
#: Hotlines and emergency numbers (``1669``, ``191``), only right after a phone word.
_SHORT = re.compile(r"(?<![\w,/\-])(?:1\d{3}|19\d|911)(?![\d\-]|[.,]\d)")
_SHORT_CUE = re.compile(
    r"(?:โทร(?:ศัพท์)?|สายด่วน|หมายเลข|เบอร์(?:โทร)?|ฉุกเฉิน|hotline|call)[\s.:]{0,3}$",
    re.IGNORECASE,
)
_NOT_A_CALL = re.compile(r"^\s*(?:ครั้ง|บาท|คน|ปี|ราย|ล้าน|พัน|%|เปอร์เซ็นต์|times)")
SCORE_SHORT_CODE = 0.6


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
        yield from self._numbers(text)
        yield from self._short_codes(text)

    def _short_codes(self, text: str) -> Iterator[Span]:
        for match in _SHORT.finditer(text):
            before = text[max(0, match.start() - 16) : match.start()]
            hotline = "สายด่วน" in text[max(0, match.start() - 32) : match.start()]
            cued = hotline or _SHORT_CUE.search(before)
            if cued and not _NOT_A_CALL.match(text[match.end() :]):
                end = self._extended(text, match.end())
                yield Span(match.start(), end, SCORE_SHORT_CODE, boostable=False)

    @staticmethod
    def _extended(text: str, end: int) -> int:
        """``end`` moved past a range suffix and an extension, when they follow."""
        if match := _RANGE.match(text, end):
            end = match.end()
        if match := _EXTENSION.match(text, end):
            end = match.end()
        return end

    def _numbers(self, text: str) -> Iterator[Span]:
        for match in _CANDIDATE.finditer(text):
            candidate = match.group()
            kind = thai_phone_type(candidate)
            if kind is None and (suffix := re.search(r"-\d{1,2}$", candidate)):
                kind = thai_phone_type(candidate[: suffix.start()])  # a range: 0-4320-2371-2
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
            yield Span(match.start(), self._extended(text, match.end()), score)
