"""What a finding's ``count`` counts, so no report shows a bare number.

Per finding type (SPEC §8): rows past retention, data subjects still present
after an erasure request, columns holding unregistered or undeclared data,
records in groups smaller than ``k_min``, privileges held. ``findings.json``
carries the unit as ``count_unit`` (our documented addition to §8; ``null``
when ``count`` is); every other report writes the number with its word.
Each type's unit is declared with the type (:mod:`scanners.checks.registry`);
the words for each unit are here.
"""

from __future__ import annotations

from collections.abc import Mapping

from scanners.checks.registry import FINDING_TYPES
from scanners.model.result import Finding

#: Every unit's word: (Thai, English singular, English plural).
UNIT_WORDS: Mapping[str, tuple[str, str, str]] = {
    "rows": ("แถว", "row", "rows"),
    "subjects": ("ราย (เจ้าของข้อมูล)", "data subject", "data subjects"),
    "columns": ("คอลัมน์", "column", "columns"),
    "records": ("รายการ", "record", "records"),
    "privileges": ("สิทธิ์", "privilege", "privileges"),
    "grants": ("รายการสิทธิ์", "grant", "grants"),
    "datasets": ("ชุดข้อมูล", "dataset", "datasets"),
}


def count_unit(finding: Finding) -> str | None:
    """The unit code of the finding's ``count`` (None when there is no count)."""
    if finding.count is None:
        return None
    kind = FINDING_TYPES.get(finding.type)
    return kind.count_unit if kind else None


def unit_word(unit: str | None, language: str, count: int = 2) -> str:
    """The unit in ``language`` (English singular for a count of 1); empty when unknown."""
    words = UNIT_WORDS.get(unit or "")
    if words is None:
        return ""
    thai, one, many = words
    if language == "th":
        return thai
    return one if count == 1 else many


def count_text(finding: Finding, language: str) -> str:
    """``42 แถว`` / ``42 rows``; empty when the finding has no count."""
    if finding.count is None:
        return ""
    word = unit_word(count_unit(finding), language, finding.count)
    number = f"{finding.count:,}"
    return f"{number} {word}" if word else number
