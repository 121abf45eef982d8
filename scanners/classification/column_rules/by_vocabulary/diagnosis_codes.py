"""A column of ICD-10 diagnosis codes is health data (Section 26), whatever it is called.

Hospital systems store the principal diagnosis as an ICD-10 code (``E11.9``,
``J45.909``), sometimes followed by its title (``I10 Essential
hypertension``), in columns named ``pdx``, ``dx1`` — or ``f5``. A column
where most values start with a code of the ICD-10 shape (a letter, two
digits, an optional dotted subcode) is HEALTH when the codes are varied
(:data:`MIN_DISTINCT_CODES`) and enough of them carry a subcode or a title
(:data:`MIN_DETAILED_SHARE`) — a seat number ``B20`` or a part code ``K29``
alone does not look like that.
"""

from __future__ import annotations

import re

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

ICD10_CODE = re.compile(r"(?P<code>[A-TV-Z]\d{2}(?P<sub>\.\d{1,4})?)(?P<title>\s+\S.*)?")
MIN_SHARE = 0.8
MIN_DISTINCT_CODES = 5
MIN_DETAILED_SHARE = 0.3
MIN_VALUES = 10


def check(view: ColumnView) -> list[Verdict]:
    """Add HEALTH for a column of ICD-10 codes."""
    if view.priors or view.non_empty < MIN_VALUES:
        return []
    coded = detailed = 0
    codes: set[str] = set()
    for value, count in view.texts:
        match = ICD10_CODE.fullmatch(value.strip())
        if match is None:
            continue
        coded += count
        codes.add(match["code"])
        if match["sub"] or match["title"]:
            detailed += count
    if coded < MIN_SHARE * view.non_empty or len(codes) < MIN_DISTINCT_CODES:
        return []
    if detailed < MIN_DETAILED_SHARE * coded:
        return []
    share = coded / view.non_empty
    return [
        Verdict(
            PiiType.HEALTH,
            f"HEALTH: {share:.0%} of {view.non_empty} values are ICD-10 diagnosis codes "
            f"({len(codes)} different)",
            PiiMatch(PiiType.HEALTH.value, 0.8, round(share, 3)),
        )
    ]
