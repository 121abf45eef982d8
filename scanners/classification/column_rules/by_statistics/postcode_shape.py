"""Postcodes of one system have one length; amounts and counts do not.

A name prior lets any short code count as a postcode, so a column of
figures under a postcode-like name would pass. Postcodes are 3 to 7 digits
long (Thailand, the US, Germany and France 5; China 6; Japan 7; Australia,
Switzerland 4 …), and a column of one country's postcodes has one length;
a customer table across countries mixes a few. Amounts and counts spread
over magnitudes instead. Rule: when most values are digits alone, the
type is dropped if more than :data:`MAX_OUT_OF_RANGE` of them are longer
or shorter than any postcode, or — for a numeric column — if no single
length covers :data:`MIN_MODAL_SHARE` of them.
"""

from __future__ import annotations

from collections import Counter

from connectors.model import ValueKind
from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.pii_types import PiiType

MIN_MODAL_SHARE = 0.8
MAX_OUT_OF_RANGE = 0.2
POSTCODE_LENGTHS = range(3, 8)
NUMERIC_KINDS = frozenset({ValueKind.INTEGER, ValueKind.DECIMAL})


def check(view: ColumnView) -> list[Verdict]:
    """Drop POSTAL_CODE when all-digit values vary in length like figures."""
    if not view.tally(PiiType.POSTAL_CODE).shape:
        return []
    lengths: Counter[int] = Counter()
    for value, count in view.texts:
        if value.isdigit():
            lengths[len(value)] += count
    numeric = sum(lengths.values())
    if numeric < max(5, view.non_empty // 2):
        return []
    out_of_range = sum(n for length, n in lengths.items() if length not in POSTCODE_LENGTHS)
    modal = lengths.most_common(1)[0][1]
    uniform = modal >= MIN_MODAL_SHARE * numeric or view.kind not in NUMERIC_KINDS
    if out_of_range <= MAX_OUT_OF_RANGE * numeric and uniform:
        return []
    return [
        Verdict(
            PiiType.POSTAL_CODE,
            f"POSTAL_CODE: not reported, the values' lengths vary like figures "
            f"({len(lengths)} different lengths)",
        )
    ]
