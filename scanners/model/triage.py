"""Triage (SPEC §9): what a person decided about a finding, and the trail of decisions.

A :class:`Triage` is the current decision on one finding, keyed by the
finding's stable id: its status (:data:`TRIAGE_STATUSES`), who decided and
when, why, and for ``accepted`` the date the acceptance lasts until. Every
decision is also a :class:`TriageEvent`, appended to a trail that is never
rewritten. Pure values and rules only; the state store keeps them
(``agent.state.decisions``).

An acceptance lasts to the end of its ``until`` day (Bangkok): the day after,
the finding is open again (:func:`effective`). ``accepted`` and
``false_positive`` findings do not count for ``--fail-on`` nor as open in the
reports (:func:`is_set_aside`); a finding no scan raises any more is resolved
whatever its triage.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

OPEN = "open"
ACKNOWLEDGED = "acknowledged"
IN_PROGRESS = "in_progress"
ACCEPTED = "accepted"
FALSE_POSITIVE = "false_positive"

#: Every triage status, in the order a finding usually moves through them.
TRIAGE_STATUSES = (OPEN, ACKNOWLEDGED, IN_PROGRESS, ACCEPTED, FALSE_POSITIVE)
#: Statuses that set a finding aside: not counted for ``--fail-on`` nor as open work.
SET_ASIDE = (ACCEPTED, FALSE_POSITIVE)

#: Who the trail names when the agent itself re-opens an expired acceptance.
AGENT_ACTOR = "pdpa-agent"


@dataclass(frozen=True)
class Triage:
    """The current decision on one finding."""

    finding_id: str
    status: str  # one of TRIAGE_STATUSES
    by: str
    at: str  # ISO 8601 UTC, when decided
    reason: str
    until: date | None = None  # accepted only: the last day the acceptance holds
    assignee: str | None = None


@dataclass(frozen=True)
class TriageEvent:
    """One entry of the audit trail: a status change, an assignment or a comment."""

    finding_id: str
    at: str  # ISO 8601 UTC
    actor: str
    action: str  # "status" | "assign" | "comment" | "expired"
    old_status: str | None
    new_status: str | None
    reason: str
    until: date | None = None
    assignee: str | None = None
    via: str = "cli"  # "cli" | "console" | "scan"


def acceptance_expired(triage: Triage, today: date) -> bool:
    """Whether ``triage`` is an acceptance whose ``until`` day has passed."""
    return triage.status == ACCEPTED and triage.until is not None and today > triage.until


def effective(triage: Triage, today: date) -> Triage:
    """``triage`` as it stands ``today``: an expired acceptance is open again."""
    if not acceptance_expired(triage, today):
        return triage
    return replace(
        triage,
        status=OPEN,
        by=AGENT_ACTOR,
        reason=f"accepted until {triage.until.isoformat() if triage.until else ''}; expired",
    )


def is_set_aside(triage: Triage | None, today: date) -> bool:
    """Whether a finding with ``triage`` is set aside (accepted and current, or false positive)."""
    return triage is not None and effective(triage, today).status in SET_ASIDE
