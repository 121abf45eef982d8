"""A column of ABO/Rh blood groups is health data (Section 26), whatever it is called.

``c4`` holding ``O-``, ``AB``, ``A+``, ``B+``: blood groups are a closed
vocabulary. Letters A/B alone are also grades, so at least
:data:`MIN_DISTINCT` different groups must appear and one of them must be
unmistakable (``AB``, ``O`` or a group with its Rh sign).
"""

from __future__ import annotations

import re

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

BLOOD_GROUP = re.compile(r"(?:a|b|ab|o)\s*(?:[+\-]|rh\s*[+\-]|pos|neg|positive|negative)?", re.I)
_UNMISTAKABLE = re.compile(r"ab|o|.*[+\-]|.*(?:pos|neg)", re.I)
MIN_SHARE = 0.9
MIN_DISTINCT = 3
MIN_VALUES = 10


def check(view: ColumnView) -> list[Verdict]:
    """Add HEALTH for a column of blood groups."""
    if view.priors or view.non_empty < MIN_VALUES:
        return []
    groups = [(v.strip(), n) for v, n in view.texts if BLOOD_GROUP.fullmatch(v.strip())]
    matched = sum(n for _, n in groups)
    if len(groups) < MIN_DISTINCT or matched < MIN_SHARE * view.non_empty:
        return []
    if not any(_UNMISTAKABLE.fullmatch(v) for v, _ in groups):
        return []
    share = matched / view.non_empty
    return [
        Verdict(
            PiiType.HEALTH,
            f"HEALTH: {share:.0%} of {view.non_empty} values are blood groups",
            PiiMatch(PiiType.HEALTH.value, 0.8, round(share, 3)),
        )
    ]
