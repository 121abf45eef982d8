"""The classification override a false positive implies (SPEC §9).

Marking a *classification finding* a false positive says detection was wrong
about its columns: they do not hold the types that raised it. The decision
must outlive the scan, so it becomes a classification override per column:
the column's current types minus the ones that raised the finding.

What raised each kind of finding:

- ``PII_UNREGISTERED``: every personal-data type (quasi-identifiers stay);
- ``MINIMISE_UNDECLARED_PII``: the personal-data types the entry's
  ``allowed_pii`` does not list;
- ``MINIMISE_GRANULARITY``: the one type its id names (``column:TYPE``);
- ``SENSITIVE_NO_BASIS``: the Section 26 types;
- ``ANONYMISATION_WEAK`` about direct identifiers: the direct-identifier
  types (its k-anonymity variant is not about classification: no override).

Any other finding is not a classification finding: a false positive on it
is a triage status only. Pure: values in, values out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from scanners.checks.finding_type import finding_id
from scanners.model.register import RegisterEntry
from scanners.model.result import Finding
from scanners.pii_types import DIRECT_TYPES, SENSITIVE_TYPES, PiiType, is_personal_data

CLASSIFICATION_FINDINGS = (
    "PII_UNREGISTERED",
    "MINIMISE_UNDECLARED_PII",
    "MINIMISE_GRANULARITY",
    "SENSITIVE_NO_BASIS",
    "ANONYMISATION_WEAK",
)


@dataclass(frozen=True)
class ColumnDecision:
    """One column's override: the types it holds once the false positive is taken out."""

    column: str
    types: tuple[str, ...]


def _member_of(group: frozenset[PiiType]) -> Callable[[str], bool]:
    return lambda t: t in PiiType.__members__ and PiiType(t) in group


def _raised_by(
    finding: Finding, column: str, entry: RegisterEntry | None
) -> Callable[[str], bool] | None:
    """Which of ``column``'s types raised ``finding``; None when classification did not."""
    kind = finding.type
    if kind == "PII_UNREGISTERED":
        return is_personal_data
    if kind == "SENSITIVE_NO_BASIS":
        return _member_of(SENSITIVE_TYPES)
    if kind == "MINIMISE_UNDECLARED_PII" and entry is not None:
        allowed = set(entry.allowed_pii)
        return lambda t: is_personal_data(t) and t not in allowed
    if kind == "MINIMISE_GRANULARITY":
        return lambda t: (
            finding.id == finding_id(kind, finding.source, finding.dataset, f"{column}:{t}")
        )
    direct_key = finding_id(kind, finding.source, finding.dataset, "direct-identifiers")
    if kind == "ANONYMISATION_WEAK" and finding.id == direct_key:
        return _member_of(DIRECT_TYPES)
    return None


def false_positive_decisions(
    finding: Finding,
    column_types: Mapping[str, tuple[str, ...]],
    entry: RegisterEntry | None,
) -> tuple[ColumnDecision, ...]:
    """The per-column overrides marking ``finding`` a false positive implies.

    ``column_types``: each column of the finding's dataset and the types its
    latest scan gave it. A column none of whose types raised the finding gets
    no override; a finding that is not about classification gets none at all.
    """
    if finding.type not in CLASSIFICATION_FINDINGS or finding.dataset is None:
        return ()
    decisions: list[ColumnDecision] = []
    for column in finding.columns:
        types = column_types.get(column)
        raised = _raised_by(finding, column, entry)
        if types is None or raised is None:
            continue
        kept = tuple(t for t in types if not raised(t))
        if kept != types:
            decisions.append(ColumnDecision(column, kept))
    return tuple(decisions)
