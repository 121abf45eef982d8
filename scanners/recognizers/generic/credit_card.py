"""CREDIT_CARD: payment card numbers (PAN) with a valid Luhn check digit.

Candidates are 13-19 digit runs, or numbers in groups separated by spaces or
dashes (4-4-4-4, 4-4-4-4-3, Amex 4-6-5, Diners 4-6-4). The Luhn check
(``stdnum.luhn``) must hold. Known issuer prefixes (IIN) with a length the
scheme uses: Visa 4 (13, 16, 19), Mastercard 51-55 and 2221-2720 (16), Amex
34/37 (15), JCB 3528-3589 (16-19), UnionPay 62 (16-19), Diners 36/38/300-305
(14-19), Discover 6011/644-649/65 (16-19).

Scores: grouped with a known prefix 0.85; plain with a known prefix 0.8;
grouped or a plain 16-digit run without one 0.6; other plain lengths 0.3
(card words make them evidence).

Not cards: 13-digit runs that are valid Thai national or juristic IDs or
EAN-13 barcodes, Unix timestamps in milli-/micro-/nanoseconds (13, 16, 19
digits starting 15-19), and runs of one repeated digit (test numbers such as
``4111 1111 1111 1111``). Masked numbers are handled elsewhere.

Non-compliant (matched): ``4539 1488 0343 6467``.
Compliant (not matched): ``4539 1488 0343 6468`` (Luhn fails),
``1748503543012`` (a timestamp), ``a3f94539148803436467d5`` (digits inside a
hex hash).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.validators import ean13, th_national_id

#: Not glued to a Latin letter either: a digit run inside a hex hash or a UUID is no card.
_EDGE_BEFORE = r"(?<![\dA-Za-z\-/.,])"
_EDGE_AFTER = r"(?![\dA-Za-z]|[\-/.,:]\d)"
_GROUPED = re.compile(
    _EDGE_BEFORE + r"(?:\d{4}(?P<s1>[ \-])\d{4}(?P=s1)\d{4}(?P=s1)\d{4}(?:(?P=s1)\d{3})?"
    r"|\d{4}(?P<s2>[ \-])\d{6}(?P=s2)\d{4,5})" + _EDGE_AFTER
)
_DIGITS4 = re.compile(r"\d{4}")
_PLAIN = re.compile(_EDGE_BEFORE + r"\d{13,19}" + _EDGE_AFTER)
_TIMESTAMP = re.compile(r"1[5-9]\d{11}(?:\d{3}|\d{6})?")

#: (prefix ranges as (low, high) over the first ``len(low)`` digits, allowed lengths)
_SCHEMES: tuple[tuple[tuple[tuple[str, str], ...], frozenset[int]], ...] = (
    ((("4", "4"),), frozenset({13, 16, 19})),  # Visa
    ((("51", "55"), ("2221", "2720")), frozenset({16})),  # Mastercard
    ((("34", "34"), ("37", "37")), frozenset({15})),  # American Express
    ((("3528", "3589"),), frozenset({16, 17, 18, 19})),  # JCB
    ((("62", "62"),), frozenset({16, 17, 18, 19})),  # UnionPay
    ((("36", "36"), ("38", "38"), ("300", "305")), frozenset(range(14, 20))),  # Diners
    ((("6011", "6011"), ("644", "649"), ("65", "65")), frozenset(range(16, 20))),  # Discover
)

SCORE_GROUPED_KNOWN = 0.85
SCORE_PLAIN_KNOWN = 0.8
SCORE_UNKNOWN_16 = 0.6
SCORE_SHAPE = 0.3


def known_scheme(digits: str) -> bool:
    """True when the number starts with a known issuer prefix and has that scheme's length."""
    for ranges, lengths in _SCHEMES:
        if len(digits) not in lengths:
            continue
        if any(low <= digits[: len(low)] <= high for low, high in ranges):
            return True
    return False


def _not_a_card(digits: str) -> bool:
    if len(set(digits)) <= 2 or _TIMESTAMP.fullmatch(digits):
        return True
    if len(digits) == 13:
        return (
            th_national_id.is_valid(digits)
            or th_national_id.is_juristic(digits)
            or ean13.is_valid(digits)
        )
    return False


class CardNumberRecognizer(ScannerRecognizer):
    """Luhn-valid payment card numbers, plain or grouped."""

    ENTITY = "CREDIT_CARD"
    REQUIRES = "digit"
    CONTEXT = (
        "บัตรเครดิต",
        "บัตรเดบิต",
        "เลขบัตร",
        "หมายเลขบัตร",
        "credit card",
        "creditcard",
        "debit card",
        "card no",
        "card number",
        "cardno",
        "cc no",
        "ccnum",
        "cc number",
        "visa",
        "mastercard",
        "amex",
        "jcb",
        "unionpay",
    )

    def find(self, text: str) -> Iterator[Span]:
        if _DIGITS4.search(text) is None:
            return
        for match in _GROUPED.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            if not luhn.is_valid(digits) or _not_a_card(digits):
                continue
            score = SCORE_GROUPED_KNOWN if known_scheme(digits) else SCORE_UNKNOWN_16
            yield Span(match.start(), match.end(), score)
        for match in _PLAIN.finditer(text):
            digits = match.group()
            if not luhn.is_valid(digits) or _not_a_card(digits):
                continue
            if known_scheme(digits):
                score = SCORE_PLAIN_KNOWN
            elif len(digits) == 16:
                score = SCORE_UNKNOWN_16
            else:
                score = SCORE_SHAPE
            yield Span(match.start(), match.end(), score)
