"""A small repeated vocabulary of the sexes is GENDER, whatever the column is called.

``c8`` holding ``男``/``女``, ``f1`` holding ``M``/``F``/``female``: a column
whose values are almost all words for the sexes
(:data:`scanners.classification.value_shapes.GENDER_WORDS`, or the codes M/F), drawn from
a handful of distinct spellings that repeat, records people's sex — a
quasi-identifier (SPEC §8). Single letters alone are not enough (``M`` and
``F`` are also sizes, grades and flags): at least one value must be a word.
"""

from __future__ import annotations

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.classification.value_shapes import GENDER_WORDS
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

MIN_SHARE = 0.9
MIN_VALUES = 10
#: Spellings of a few categories (``M``, ``Male``, ``male``, ``男`` …), not a free vocabulary.
MAX_DISTINCT = 12
CODES = frozenset({"m", "f"})


def check(view: ColumnView) -> list[Verdict]:
    """Add GENDER for a column of words for the sexes."""
    if view.priors or view.non_empty < MIN_VALUES:
        return []
    if not 2 <= view.distinct <= MAX_DISTINCT:
        return []
    words = codes = 0
    for value, count in view.texts:
        key = value.strip().lower()
        if key in GENDER_WORDS:
            words += count
        elif key in CODES:
            codes += count
    share = (words + codes) / view.non_empty
    if not words or share < MIN_SHARE:
        return []
    return [
        Verdict(
            PiiType.GENDER,
            f"GENDER: {share:.0%} of {view.non_empty} values are words for the sexes",
            PiiMatch(PiiType.GENDER.value, 0.8, round(share, 3)),
        )
    ]
