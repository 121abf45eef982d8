"""A column named as a thing's identifier holds serials, not phones or accounts.

``serial_no``, ``sku``, ``tracking_no``, ``order_ref``, ``device_id``: ten
digits that start with 08 are a mobile number's shape, and twelve digits are
a bank account's, but under a name that says "serial" they are serials.
Unless the name also points to a personal type (``order_phone``), the types
whose evidence is a bare digit shape are dropped. Checksummed identifiers
(Thai ID, card) are left to ``checksum_rate``.
"""

from __future__ import annotations

from scanners.classification.column_names import is_thing_id_name
from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.pii_types import PiiType

#: Types a run of digits can imitate without any checksum.
DIGIT_SHAPED = (PiiType.PHONE_NUMBER, PiiType.BANK_ACCOUNT, PiiType.POSTAL_CODE)


def check(view: ColumnView) -> list[Verdict]:
    """Drop digit-shaped types under a thing-identifier name without a personal prior."""
    if view.priors or not is_thing_id_name(view.name):
        return []
    return [
        Verdict(t, f"{t}: not reported, the column name identifies a thing ('{view.name}')")
        for t in DIGIT_SHAPED
        if view.tally(t).shape
    ]
