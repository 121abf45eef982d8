"""Checksummed identifiers need more than a checksum: most candidates must pass it.

A random 13-digit code passes the Thai national ID check digit one time in
ten, and a random 16-digit code passes Luhn as often. A column where only a
small share of the values shaped like the identifier pass holds codes
(barcodes, references, serials) that sometimes pass by chance — not IDs or
cards, however many of them there are.

Rule: among the values that are the identifier's digits alone (separators
allowed), at least :data:`MIN_VALID_SHARE` must be valid, or the type is
dropped. Free-text values are not candidates: an ID inside a sentence is
judged by ``sparse_identifiers``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum import luhn

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.pii_types import PiiType
from scanners.validators import th_national_id

MIN_VALID_SHARE = 0.8
#: Fewer candidates than this say nothing either way.
MIN_CANDIDATES = 5
DIGITS_AND_SEPARATORS = re.compile(r"[0-9][0-9 \-.]*[0-9]")
NON_DIGITS = re.compile(r"\D")


def _card_valid(digits: str) -> bool:
    return luhn.is_valid(digits)


#: type → (digit counts of a candidate, validity test on the digits)
CHECKED: dict[PiiType, tuple[range, Callable[[str], bool]]] = {
    PiiType.TH_NATIONAL_ID: (range(13, 14), th_national_id.is_valid),
    PiiType.CREDIT_CARD: (range(13, 20), _card_valid),
}


def check(view: ColumnView) -> list[Verdict]:
    """Drop a checksummed type when too few of its candidates pass the checksum."""
    verdicts = []
    for pii_type, (lengths, is_valid) in CHECKED.items():
        if not view.tally(pii_type).shape:
            continue
        candidates = valid = 0
        for value, count in view.texts:
            if not DIGITS_AND_SEPARATORS.fullmatch(value):
                continue
            digits = NON_DIGITS.sub("", value)
            if len(digits) not in lengths:
                continue
            candidates += count
            valid += count if is_valid(digits) else 0
        if candidates >= MIN_CANDIDATES and valid < MIN_VALID_SHARE * candidates:
            share = valid / candidates
            verdicts.append(
                Verdict(
                    pii_type,
                    f"{pii_type}: not reported, only {share:.0%} of {candidates} "
                    "candidate values pass the check digit (codes, not identifiers)",
                )
            )
    return verdicts
