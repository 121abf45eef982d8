"""PHONE_NUMBER (international): numbers written with ``+`` and a country code.

Examples: ``+55 (12) 3923-5555``, ``+49 0711 2842222``, ``+1 (604) 688-2255``,
``+420 2 4172 5555``. A candidate is checked with ``phonenumbers``; trailing
digit groups that do not belong to the number (``+1 604 688 2255 2019``) are
dropped until it parses. Thai (+66) numbers are left to the Thai recognizer.

Scores: valid for its country 0.8; only a possible length 0.55.

Non-compliant (matched): ``Tel. +49 711 2842222``.
Compliant (not matched): ``+1`` (too short), ``+5 points``, ``1+1=2``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.recognizers.phone_context import PHONE_CONTEXT

_CANDIDATE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ \-.]?\(?\d{1,6}\)?){1,7}(?![\d])")
_GROUP_END = re.compile(r"[ \-.(]+\(?\d+\)?$")

SCORE_VALID = 0.8
SCORE_POSSIBLE = 0.55


def _score(candidate: str) -> float | None:
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code == 66:
        return None
    if phonenumbers.is_valid_number(number):
        return SCORE_VALID
    if phonenumbers.is_possible_number(number):
        return SCORE_POSSIBLE
    return None


class InternationalPhoneRecognizer(ScannerRecognizer):
    """``+``-prefixed phone numbers of any country."""

    ENTITY = "PHONE_NUMBER"
    REQUIRES = "digit"
    CONTEXT = PHONE_CONTEXT

    def find(self, text: str) -> Iterator[Span]:
        for match in _CANDIDATE.finditer(text):
            candidate = match.group().rstrip(" -.(")
            while candidate:
                if sum(ch.isdigit() for ch in candidate) < 7:
                    break
                score = _score(candidate)
                if score is not None:
                    yield Span(match.start(), match.start() + len(candidate), score)
                    break
                shorter = _GROUP_END.sub("", candidate)
                if shorter == candidate:
                    break
                candidate = shorter
