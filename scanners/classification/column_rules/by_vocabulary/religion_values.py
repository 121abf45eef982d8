"""A repeated vocabulary of religions is RELIGION, whatever the column is called.

A value ``พุทธ`` or ``Christian`` alone is only a shape (a school's name or
a holiday can hold the word). A column where most values *are* a religion,
drawn from a small repeated set, records people's religion — under ``rel``,
``c12`` or ``ศ`` as much as under ``religion``. A reference table listing
each religion once is not: its values do not repeat.
"""

from __future__ import annotations

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

MIN_WHOLE_SHARE = 0.6
MIN_VALUES = 10


def check(view: ColumnView) -> list[Verdict]:
    """Add RELIGION when most values are a religion and they repeat like an attribute."""
    tally = view.tally(PiiType.RELIGION)
    if PiiType.RELIGION in view.priors or view.non_empty < MIN_VALUES:
        return []
    share = tally.whole / view.non_empty
    if share < MIN_WHOLE_SHARE or view.distinct < 2 or view.distinct > view.non_empty / 2:
        return []
    return [
        Verdict(
            PiiType.RELIGION,
            f"RELIGION: {share:.0%} of {view.non_empty} values name a religion "
            f"({view.distinct} distinct, repeated)",
            PiiMatch(PiiType.RELIGION.value, round(0.6 + 0.3 * share, 3), round(share, 3)),
        )
    ]
