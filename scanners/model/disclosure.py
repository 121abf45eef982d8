"""The disclosure log (SPEC §10) as plain values: what was given to whom, and its follow-ups.

The state store keeps these; the follow-up check and the reports read them.
Nothing here holds a disclosed value: only names, counts and the extract's hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

DISCLOSURE_OPEN = "open"
DISCLOSURE_CLOSED = "closed"

#: Answers a follow-up may record; ``deleted``/``returned`` close the disclosure.
FOLLOWUP_STATUSES: tuple[str, ...] = ("still_needed", "deleted", "returned", "no_answer")
CLOSING_STATUSES = frozenset({"deleted", "returned"})


@dataclass(frozen=True)
class FollowUp:
    """One answer recorded about a disclosure (``disclosures followup``)."""

    disclosure_id: str
    recorded_at: datetime
    status: str  # one of FOLLOWUP_STATUSES
    note: str
    by: str
    next_followup: date | None  # the date set by this answer (None: the disclosure closed)


@dataclass(frozen=True)
class DisclosureRecord:
    """One disclosure in the log: the request, what the extract held, and its state."""

    id: str
    source: str
    dataset: str
    recipient: str
    recipient_contact: str
    requested_by: str
    legal_basis: str
    sensitive_basis: str
    purpose: str
    approved_by: str
    register_id: str | None
    owner: str | None
    disclosed_at: datetime
    rows: int
    sha256: str
    k: int | None  # smallest group over the extract's quasi-identifiers (None: none)
    treatments: tuple[tuple[str, str], ...]  # (column, treatment) in extract order
    format: str
    follow_up_every: str
    next_followup: date | None
    status: str = DISCLOSURE_OPEN
    followups: tuple[FollowUp, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status == DISCLOSURE_OPEN

    def followup_due(self, today: date) -> bool:
        """Open, with a follow-up date already past and no answer recorded since."""
        return self.is_open and self.next_followup is not None and self.next_followup < today
