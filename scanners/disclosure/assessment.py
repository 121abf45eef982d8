"""The pre-disclosure assessment (SPEC §10) as plain values: per column, problems, k.

``scanners.disclosure.assess`` builds it; ``reports.disclosure`` renders it as
JSON and HTML. Nothing here holds a value of the dataset: types, names,
counts and treatments only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from scanners.disclosure.request import DisclosureRequest


@dataclass(frozen=True)
class Problem:
    """Something wrong with a request; a blocking one stops the extract."""

    code: str  # e.g. "GRANULARITY", "DIRECT_IDENTIFIER", "K_BELOW_MIN" (see assess.PROBLEM_CODES)
    blocking: bool
    th: str
    en: str
    column: str | None = None

    def text(self, language: str) -> str:
        return self.th if language == "th" else self.en


@dataclass(frozen=True)
class ColumnAssessment:
    """One requested column: what it holds, what is asked, what the register allows."""

    name: str
    treatment: str
    types: tuple[str, ...]  # detected (or overridden) PII types; () = none found
    free_text: bool  # prose: kept only with its personal data replaced
    allowed: tuple[str, ...]  # treatments the register allows for it (all when no limit)
    quasi_identifier: bool  # counted in the extract's k-anonymity
    exists: bool = True


#: Why k was not computed (``KAnonymity.note``, English; the reports translate these).
NOTE_NO_QUASI = "no quasi-identifier in the extract"
NOTE_NO_ROWS = "the dataset has no rows"
NOTE_IN_CLEAR = "direct identifiers go in clear by decision: k-anonymity does not apply"


@dataclass(frozen=True)
class KAnonymity:
    """The extract's k over its quasi-identifiers, and a generalisation that would reach k_min."""

    k_min: int
    quasi_identifiers: tuple[str, ...]
    k: int | None  # smallest group; None: no quasi-identifier or no row
    rows: int
    groups: int
    small_groups: int  # groups smaller than k_min
    suggestion: tuple[tuple[str, str], ...] = ()  # (column, treatment) changes that reach k_min
    suggestion_k: int | None = None  # k after the suggestion (None: no suggestion)
    note: str = ""  # why k was not computed, in English (the reports translate known notes)

    @property
    def reached(self) -> bool:
        return self.k is None or self.k >= self.k_min


@dataclass(frozen=True)
class Assessment:
    """Everything a DPO needs to decide on one request, and whether it may go ahead."""

    request: DisclosureRequest
    assessed_at: datetime
    register_id: str | None
    owner: str | None
    columns: tuple[ColumnAssessment, ...]
    problems: tuple[Problem, ...]
    k_anonymity: KAnonymity | None
    rows: int | None  # rows in the dataset (the extract's row count)

    @property
    def blocking(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.blocking)

    @property
    def approved(self) -> bool:
        return bool(self.request.approved_by.strip())
