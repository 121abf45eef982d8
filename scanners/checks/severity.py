"""The one severity scale of findings (SPEC §8): its levels, their order, rank, names, due days.

Checks pick a level from it, the reports order and name levels by it, and
the agent reads ``--fail-on``, ``[reports] due_days`` and the notification
counts from it: nothing else spells the scale out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from scanners.checks.finding_type import Bilingual


@dataclass(frozen=True)
class Severity:
    """One level of the scale: its code, its name in the reports, its default due days."""

    name: str  # as findings carry it
    label: Bilingual  # as the reports show it
    due_days: int  # from first seen (SPEC §8 default of ``[reports] due_days``)


#: The scale, most urgent first.
SEVERITIES: tuple[Severity, ...] = (
    Severity("critical", Bilingual(th="วิกฤต", en="Critical"), 7),
    Severity("high", Bilingual(th="สูง", en="High"), 30),
    Severity("medium", Bilingual(th="ปานกลาง", en="Medium"), 90),
    Severity("low", Bilingual(th="ต่ำ", en="Low"), 180),
)
#: The level names, most urgent first (SPEC §8 ordering).
SEVERITY_ORDER: tuple[str, ...] = tuple(level.name for level in SEVERITIES)
#: Name → rank, larger is graver: critical 4 … low 1 ("at least as severe as" compares ranks).
SEVERITY_RANK: Mapping[str, int] = MappingProxyType(
    {name: len(SEVERITY_ORDER) - place for place, name in enumerate(SEVERITY_ORDER)}
)
#: Name → level.
LEVELS: Mapping[str, Severity] = MappingProxyType({level.name: level for level in SEVERITIES})
#: Name → days from first seen until due, by default.
DEFAULT_DUE_DAYS: Mapping[str, int] = MappingProxyType(
    {level.name: level.due_days for level in SEVERITIES}
)


def urgency(severity: str) -> int:
    """Place on the scale for sorting: 0 for critical, larger is less urgent; unknown last."""
    return len(SEVERITY_ORDER) - SEVERITY_RANK.get(severity, 0)
