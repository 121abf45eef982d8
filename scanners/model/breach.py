"""The breach register (SPEC §11) as plain values: one breach, its assessments, its state.

The state store keeps these; the BREACH_NOTICE_DUE check, ``breach show`` and the
reports read them. An assessment's ``document`` is the ``breach.json`` it produced
(names, counts, grades and factors only: never a value of the data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

BREACH_OPEN = "open"
BREACH_CLOSED = "closed"
#: How a breach may end (``breach close --outcome``).
OUTCOMES: tuple[str, ...] = ("notified", "subjects_notified", "not_required")
#: Outcomes that record the notice to the Office as sent.
NOTICE_SENT = frozenset({"notified", "subjects_notified"})
#: Grades (SPEC §11): none — record only; risk — notify the Office; high — and the subjects.
GRADES: tuple[str, ...] = ("none", "risk", "high")


@dataclass(frozen=True)
class BreachAssessment:
    """One assessment of a breach (``open``, then each ``update``), kept for the record."""

    breach_id: str
    assessed_at: datetime
    grade: str
    document: str  # the breach.json text of this assessment


@dataclass(frozen=True)
class BreachRecord:
    """One breach in the register, with its latest grade and its history."""

    id: str
    title: str
    aware_at: datetime
    deadline: datetime
    opened_at: datetime
    grade: str
    people: int
    reported_by: str
    sources: tuple[str, ...]  # sources in scope
    status: str = BREACH_OPEN
    outcome: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    reminders_sent: tuple[int, ...] = ()  # hours-left reminders e-mailed (24, 6)
    assessments: tuple[BreachAssessment, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status == BREACH_OPEN

    @property
    def notice_due(self) -> bool:
        """Open, graded risk or high, and no notice recorded as sent."""
        return self.is_open and self.grade in ("risk", "high")
