"""One triage decision, checked and recorded: what ``pdpa-agent triage`` and the console share.

:func:`decide` refuses, with a :class:`TriageRefused` that says why, a
finding the store never recorded, an unknown status, a status without a
reason, ``accepted`` without an ``until`` date from today on, an ``until``
on any other status, and a decision with nothing in it. For a false positive
on a classification finding it works out the overrides
(``scanners.classification.false_positive``) from the columns as the latest
complete scan of the dataset recorded them and the finding's register
entry, and records them with the decision, in one transaction
(``agent.state.decisions.triage``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from agent.state.decisions.triage import DecidedColumn, Decision, record_decision
from agent.state.inventory import latest_datasets
from agent.state.records import FindingRecord
from agent.state.store import StateStore
from connectors.errors import PdpaAgentError
from scanners.classification.false_positive import false_positive_decisions
from scanners.model.register import RegisterEntry
from scanners.model.triage import ACCEPTED, FALSE_POSITIVE, TRIAGE_STATUSES, Triage

#: Longest reason or comment kept (characters); longer text is refused, not cut.
MAX_TEXT = 4000


class TriageRefused(PdpaAgentError):
    """A triage decision that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class TriageRequest:
    """What someone asks to record about one finding (``None``: left as it is)."""

    finding_id: str
    by: str
    via: str = "cli"  # "cli" | "console"
    status: str | None = None
    reason: str = ""
    until: date | None = None
    assignee: str | None = None
    comment: str | None = None


def _check(request: TriageRequest, today: date) -> None:
    if not request.by.strip():
        raise TriageRefused("say who decides")
    if request.status is None and request.assignee is None and not request.comment:
        raise TriageRefused("nothing to record: give a status, an assignee or a comment")
    if request.status is not None and request.status not in TRIAGE_STATUSES:
        raise TriageRefused(
            f"unknown status {request.status!r}; use one of {', '.join(TRIAGE_STATUSES)}"
        )
    if request.status is not None and not request.reason.strip():
        raise TriageRefused(f"status {request.status} needs a reason")
    if len(request.reason) > MAX_TEXT or len(request.comment or "") > MAX_TEXT:
        raise TriageRefused(f"a reason or comment may hold at most {MAX_TEXT} characters")
    if request.status == ACCEPTED and request.until is None:
        raise TriageRefused("accepted needs the date the acceptance lasts until")
    if request.status == ACCEPTED and request.until is not None and request.until < today:
        raise TriageRefused(f"the until date {request.until.isoformat()} is in the past")
    if request.until is not None and request.status != ACCEPTED:
        raise TriageRefused("an until date applies to status accepted only")


def _overrides(
    store: StateStore, record: FindingRecord, register: Sequence[RegisterEntry]
) -> tuple[DecidedColumn, ...]:
    if record.dataset is None:
        return ()
    finding = record.to_finding()
    stored = latest_datasets(store, record.source).get(record.dataset)
    if stored is None:
        return ()
    types = {column.name: column.types for column in stored.columns}
    entry = next((e for e in register if e.id == record.register_id), None)
    return tuple(
        DecidedColumn(record.source, record.dataset, decision.column, decision.types)
        for decision in false_positive_decisions(finding, types, entry)
    )


def decide(
    store: StateStore,
    request: TriageRequest,
    register: Sequence[RegisterEntry],
    today: date,
    now: datetime | None = None,
) -> Triage:
    """Check ``request`` and record it (see the module docstring); the finding's triage after.

    ``now``: when it is decided (default: the clock), the time the trail keeps.
    """
    _check(request, today)
    record = store.finding(request.finding_id)
    if record is None:
        raise TriageRefused(f"no finding {request.finding_id!r} in the state store")
    fixes = _overrides(store, record, register) if request.status == FALSE_POSITIVE else ()
    decision = Decision(
        finding_id=request.finding_id,
        actor=request.by.strip(),
        via=request.via,
        status=request.status,
        reason=request.reason.strip(),
        until=request.until,
        assignee=request.assignee,
        comment=request.comment,
        overrides=fixes,
    )
    return record_decision(store.engine, decision, now)
