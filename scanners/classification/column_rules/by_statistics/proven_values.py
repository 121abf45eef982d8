"""Values proven to be one thing are not another thing that only a name suggested.

``usr_mapped_addr`` holding ``::ffff:192.0.2.128``: the name points to an
address and the values have a loose address shape, but the IP recognizer
proves nearly every value is an IP address. When one type is evidence in at
least :data:`PROVEN_SHARE` of the values, a type reported only from the
column name and the values' shape is dropped — unless it nests in the
proven one (a postcode inside an address).
"""

from __future__ import annotations

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.pii_types import PiiType

PROVEN_SHARE = 0.8
#: (proven, by shape) pairs that describe the same values, not rivals.
NESTS = frozenset(
    {
        (PiiType.ADDRESS, PiiType.POSTAL_CODE),
        (PiiType.DATE_OF_BIRTH, PiiType.BIRTH_YEAR),
        (PiiType.PERSON, PiiType.RELIGION),
    }
)


def check(view: ColumnView, reported: frozenset[str], by_shape: frozenset[str]) -> list[Verdict]:
    """Drop shape-only types when another type is proven in most values."""
    proven = [
        PiiType(t)
        for t in reported
        if t in PiiType.__members__
        and t not in by_shape
        and view.tally(PiiType(t)).evidence >= PROVEN_SHARE * view.non_empty
    ]
    if not proven:
        return []
    return [
        Verdict(PiiType(t), f"{t}: not reported, the values are proven to be {proven[0]}")
        for t in by_shape
        if t in PiiType.__members__ and not any((p, PiiType(t)) in NESTS for p in proven)
    ]
