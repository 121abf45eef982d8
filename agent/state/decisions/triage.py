"""Triage in the state store (SPEC §9): the current decision per finding and its trail.

:func:`record_decision` applies one :class:`Decision` in ONE transaction: the
current row of ``pdpa_triage`` changes, one event per change (status,
assignment, comment) is appended to ``pdpa_triage_events``, and for a false
positive the classification overrides it implies are recorded in
``pdpa_triage_overrides`` (any earlier ones of that finding withdrawn, never
deleted). The trail is only ever appended to: nothing here updates or
deletes an event. A scan records its findings in other tables, so a scan
running while people triage loses neither; a SQLite store serialises the two
writers (each waits for the other's lock), a PostgreSQL store locks the
finding's triage row.

:func:`expire_acceptances` re-opens every acceptance whose ``until`` day has
passed, with an ``expired`` event by the agent; :func:`active_overrides`
gives the scans the overrides in force, newest decision first.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.engine import Engine

from agent.state.records import iso_utc
from agent.state.tables import TRIAGE, TRIAGE_EVENTS, TRIAGE_OVERRIDES
from scanners.classification.overrides import Override
from scanners.model.triage import (
    ACCEPTED,
    AGENT_ACTOR,
    FALSE_POSITIVE,
    OPEN,
    Triage,
    TriageEvent,
    acceptance_expired,
)

_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class DecidedColumn:
    """A column's types as a false positive decided them (``pdpa_triage_overrides``); the
    scans read it back as a classification ``Override`` (:func:`active_overrides`)."""

    source: str
    dataset: str
    column: str
    types: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """What one person decided about one finding; ``None`` fields are left as they were."""

    finding_id: str
    actor: str
    via: str  # "cli" | "console"
    status: str | None = None
    reason: str = ""
    until: date | None = None
    assignee: str | None = None
    comment: str | None = None
    overrides: tuple[DecidedColumn, ...] = ()  # false_positive only


def _triage(row: Any) -> Triage:
    return Triage(
        finding_id=row["finding_id"],
        status=row["status"],
        by=row["by"],
        at=row["at"],
        reason=row["reason"],
        until=date.fromisoformat(row["until"]) if row["until"] else None,
        assignee=row["assignee"],
    )


def _event(row: Any) -> TriageEvent:
    return TriageEvent(
        finding_id=row["finding_id"],
        at=row["at"],
        actor=row["actor"],
        action=row["action"],
        old_status=row["old_status"],
        new_status=row["new_status"],
        reason=row["reason"],
        until=date.fromisoformat(row["until"]) if row["until"] else None,
        assignee=row["assignee"],
        via=row["via"],
    )


def current_triage(engine: Engine, ids: Iterable[str] | None = None) -> dict[str, Triage]:
    """Finding id → its current triage (every finding with one, or only ``ids``)."""
    wanted = None if ids is None else sorted(set(ids))
    found: dict[str, Triage] = {}
    with engine.connect() as conn:
        if wanted is None:
            rows = conn.execute(select(TRIAGE)).mappings()
            return {row["finding_id"]: _triage(row) for row in rows}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows = conn.execute(select(TRIAGE).where(TRIAGE.c.finding_id.in_(chunk))).mappings()
            found.update((row["finding_id"], _triage(row)) for row in rows)
    return found


def triage_history(engine: Engine, finding_id: str) -> list[TriageEvent]:
    """The trail of one finding, oldest first."""
    query = (
        select(TRIAGE_EVENTS)
        .where(TRIAGE_EVENTS.c.finding_id == finding_id)
        .order_by(TRIAGE_EVENTS.c.pk)
    )
    with engine.connect() as conn:
        return [_event(row) for row in conn.execute(query).mappings()]


def _locked_current(conn: Connection, finding_id: str) -> Triage | None:
    query = select(TRIAGE).where(TRIAGE.c.finding_id == finding_id)
    if conn.dialect.name != "sqlite":  # SQLite serialises writers already
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return None if row is None else _triage(row)


def _append(conn: Connection, event: TriageEvent) -> None:
    values = {
        "finding_id": event.finding_id,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "old_status": event.old_status,
        "new_status": event.new_status,
        "reason": event.reason,
        "until": _iso(event.until),
        "assignee": event.assignee,
        "via": event.via,
    }
    conn.execute(TRIAGE_EVENTS.insert().values(**values))


def _store(conn: Connection, triage: Triage, existed: bool) -> None:
    values = {
        "status": triage.status,
        "by": triage.by,
        "at": triage.at,
        "reason": triage.reason,
        "until": _iso(triage.until),
        "assignee": triage.assignee,
    }
    if existed:
        conn.execute(TRIAGE.update().where(TRIAGE.c.finding_id == triage.finding_id).values(values))
    else:
        conn.execute(TRIAGE.insert().values(finding_id=triage.finding_id, **values))


def _replace_overrides(conn: Connection, decision: Decision, at: str) -> None:
    active = TRIAGE_OVERRIDES.c.withdrawn_at.is_(None)
    conn.execute(
        TRIAGE_OVERRIDES.update()
        .where(TRIAGE_OVERRIDES.c.finding_id == decision.finding_id, active)
        .values(withdrawn_at=at)
    )
    for override in decision.overrides if decision.status == FALSE_POSITIVE else ():
        conn.execute(
            TRIAGE_OVERRIDES.insert().values(
                finding_id=decision.finding_id,
                source=override.source,
                dataset=override.dataset,
                column=override.column,
                types=json.dumps(list(override.types)),
                reason=decision.reason,
                decided_by=decision.actor,
                decided_at=at[:10],
            )
        )


def record_decision(engine: Engine, decision: Decision, now: datetime | None = None) -> Triage:
    """Apply ``decision`` (see the module docstring); returns the finding's triage after it."""
    at = iso_utc(now or datetime.now(UTC))
    with engine.begin() as conn:
        before = _locked_current(conn, decision.finding_id)
        old_status = before.status if before is not None else OPEN
        after = before or Triage(decision.finding_id, OPEN, decision.actor, at, "")
        events: list[TriageEvent] = []

        def event(action: str, new_status: str | None, reason: str) -> None:
            events.append(
                TriageEvent(
                    decision.finding_id,
                    at,
                    decision.actor,
                    action,
                    old_status if action == "status" else None,
                    new_status,
                    reason,
                    decision.until if new_status == ACCEPTED else None,
                    (decision.assignee or None) if action == "assign" else None,
                    decision.via,
                )
            )

        if decision.status is not None:
            until = decision.until if decision.status == ACCEPTED else None
            after = Triage(
                decision.finding_id,
                decision.status,
                decision.actor,
                at,
                decision.reason,
                until,
                after.assignee,
            )
            event("status", decision.status, decision.reason)
            _replace_overrides(conn, decision, at)
        if decision.assignee is not None and decision.assignee != after.assignee:
            after = replace(after, assignee=decision.assignee or None)
            event("assign", None, decision.reason)
        if decision.comment:
            event("comment", None, decision.comment)
        if events:
            _store(conn, after, before is not None)
            for item in events:
                _append(conn, item)
    return after


def expire_acceptances(engine: Engine, today: date, now: datetime | None = None) -> list[str]:
    """Re-open every acceptance whose ``until`` has passed; their finding ids."""
    at = iso_utc(now or datetime.now(UTC))
    expired: list[str] = []
    with engine.begin() as conn:
        rows = conn.execute(select(TRIAGE).where(TRIAGE.c.status == ACCEPTED)).mappings()
        for triage in [_triage(row) for row in rows]:
            if not acceptance_expired(triage, today):
                continue
            until = _iso(triage.until) or ""
            reason = f"accepted until {until}; expired"
            conn.execute(
                TRIAGE.update()
                .where(TRIAGE.c.finding_id == triage.finding_id, TRIAGE.c.status == ACCEPTED)
                .values(status=OPEN, by=AGENT_ACTOR, at=at, reason=reason, until=None)
            )
            _append(
                conn,
                TriageEvent(
                    triage.finding_id,
                    at,
                    AGENT_ACTOR,
                    "expired",
                    ACCEPTED,
                    OPEN,
                    reason,
                    triage.until,
                    None,
                    "scan",
                ),
            )
            expired.append(triage.finding_id)
    return expired


def active_overrides(engine: Engine) -> tuple[Override, ...]:
    """The overrides false positives recorded and not withdrawn, newest first."""
    query = (
        select(TRIAGE_OVERRIDES)
        .where(TRIAGE_OVERRIDES.c.withdrawn_at.is_(None))
        .order_by(TRIAGE_OVERRIDES.c.pk.desc())
    )
    with engine.connect() as conn:
        rows: Sequence[Any] = conn.execute(query).mappings().all()
    return tuple(
        Override(
            source=row["source"],
            dataset=glob.escape(row["dataset"]),  # the name itself, not a pattern
            column=glob.escape(row["column"]),
            types=tuple(json.loads(row["types"])),
            reason=row["reason"],
            decided_by=row["decided_by"],
            decided_at=date.fromisoformat(row["decided_at"]),
            origin=f"triage {row['finding_id']}",
        )
        for row in rows
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
