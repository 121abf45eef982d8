"""BANK_ACCOUNT (IBAN): International Bank Account Numbers of any country.

An IBAN is a country code, two check digits and the national account
(BBAN), 15-34 characters in all, written plain (``NL91ABNA0417164300``) or
in groups of four (``GB82 WEST 1234 5698 7654 32``); lower case is accepted.
Every candidate is checked with :mod:`stdnum.iban`: the ISO 7064 mod-97
checksum, the country's length and BBAN layout, and for a few countries the
national check digits too. A candidate that fails is not a match at all, so
a random 22-character code passes only by a 1-in-97 accident that the
country layout makes rarer still. When a grouped candidate swallowed a
following word (``… 7654 32 TOTAL``), its last group is dropped and the
rest checked again.

Scores: valid 0.85 (an account number identifies its holder). Bank words
add the context boost.

Non-compliant (matched): ``IBAN: DE89 3704 0044 0532 0130 00``,
``GB82WEST12345698765432``.
Compliant (not matched): ``GB82 WEST 1234 5698 7654 33`` (checksum fails),
``DEUTDEFF500`` (a SWIFT/BIC code names a bank, not an account),
``550e8400-e29b-41d4-a716-446655440000`` (a UUID).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban

from scanners.recognizers.base import ScannerRecognizer, Span

_CANDIDATE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])")
_LAST_GROUP = re.compile(r" [A-Za-z0-9]+$")

SCORE_VALID = 0.85


class IbanAccountRecognizer(ScannerRecognizer):
    """IBANs of any country, validated with ``stdnum.iban`` (mod-97 and country layout)."""

    ENTITY = "BANK_ACCOUNT"
    REQUIRES = "digit"
    CONTEXT = (
        "iban",
        "bank",
        "account",
        "acct",
        "konto",
        "compte",
        "cuenta",
        "conto",
        "rekening",
        "บัญชี",
        "ธนาคาร",
        "โอนเงิน",
    )

    def find(self, text: str) -> Iterator[Span]:
        for match in _CANDIDATE.finditer(text):
            candidate = match.group()
            while len(candidate) >= 15:
                if iban.is_valid(candidate):
                    yield Span(match.start(), match.start() + len(candidate), SCORE_VALID)
                    break
                shorter = _LAST_GROUP.sub("", candidate)
                if shorter == candidate:
                    break
                candidate = shorter
