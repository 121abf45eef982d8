"""A notes column where a few values carry an identifier holds personal data.

Remarks, tickets and comments are mostly prose, so an ID, phone number,
e-mail address or card number appears in only a few percent of the values —
far below the share a one-value-per-cell column needs. Each of those values
is still a person's identifier. In a column whose values read as sentences,
a strong type is reported when at least :data:`MIN_DISTINCT` different
identifiers are evidence on their own; its ``match_ratio`` is the share of
sampled values that carried one, and the reason says how many.

A single identifier repeated in every note (a company hotline, a support
address) is one identifier, not many people's, and is not enough.
"""

from __future__ import annotations

from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

SPARSE_TYPES = (
    PiiType.TH_NATIONAL_ID,
    PiiType.PHONE_NUMBER,
    PiiType.EMAIL_ADDRESS,
    PiiType.CREDIT_CARD,
    PiiType.PASSPORT,
    PiiType.BANK_ACCOUNT,
)
MIN_DISTINCT = 2
#: A column is prose when this share of its values read as sentences.
MIN_SENTENCE_SHARE = 0.5


def check(view: ColumnView, reported: frozenset[str]) -> list[Verdict]:
    """Add the strong types that a prose column carries in a few of its values."""
    if view.sentence_share < MIN_SENTENCE_SHARE:
        return []
    verdicts = []
    for pii_type in SPARSE_TYPES:
        tally = view.tally(pii_type)
        if pii_type.value in reported or tally.distinct_evidence < MIN_DISTINCT:
            continue
        ratio = round(tally.evidence / view.non_empty, 3)
        verdicts.append(
            Verdict(
                pii_type,
                f"{pii_type}: in {tally.evidence} of {view.non_empty} sampled values "
                f"({tally.distinct_evidence} different), inside text",
                PiiMatch(pii_type.value, round(min(0.95, tally.mean_score), 3), ratio),
            )
        )
    return verdicts
