"""What a finding's ``count`` counts, so no report shows a bare number.

Per finding type (SPEC §8): rows past retention, data subjects still present
after an erasure request, columns holding unregistered or undeclared data,
records in groups smaller than ``k_min``, privileges held. ``findings.json``
carries the unit as ``count_unit`` (our documented addition to §8; ``null``
when ``count`` is); every other report writes the number with its word.
"""

from __future__ import annotations

from collections.abc import Mapping

from scanners.result import Finding

#: The unit of ``count`` per finding type.
COUNT_UNITS: Mapping[str, str] = {
    "PII_UNREGISTERED": "columns",
    "MINIMISE_UNDECLARED_PII": "columns",
    "MINIMISE_GRANULARITY": "columns",
    "SENSITIVE_NO_BASIS": "columns",
    "RETENTION_UNDEFINED": "columns",
    "RETENTION_EXPIRED": "rows",
    "ERASURE_PENDING": "subjects",
    "ANONYMISATION_WEAK": "records",
    "ACCESS_UNAPPROVED": "privileges",
    "ACCESS_EXCESSIVE": "privileges",
    "ACCESS_PUBLIC": "privileges",
    "ACCESS_REVIEW_OVERDUE": "grants",
    "ACCESS_STALE_ENTRY": "grants",
    "DISCLOSURE_FOLLOWUP_DUE": "rows",
    "BREACH_NOTICE_DUE": "subjects",
    "SCAN_ERROR": "datasets",
}

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
    return COUNT_UNITS.get(finding.type)


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
