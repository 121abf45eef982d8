"""The breach register of PDPA s.37(4) in the state store (SPEC §11): breaches and assessments.

``breach open`` names a breach (:func:`new_breach_id`, ``BR-YYYYMMDD-NN`` per
day of its ``aware_at``) and records it with its first assessment
(:func:`open_breach`); ``breach update`` appends an assessment, never
rewriting one (:func:`update_breach`); ``breach close`` ends it
(:func:`close_breach`); the CLI, the ``BREACH_NOTICE_DUE`` check and the
reports read it (:func:`get_breach`, :func:`list_breaches`,
:func:`open_breaches`); ``run`` sends only the reminders that
:func:`claim_reminders` gives it and gives back those it could not send
(:func:`release_reminders`). ``aware_at`` is kept as given (``+07:00`` stays
``+07:00``) and in UTC, by which breaches are ordered; other moments in UTC.

Every write is ONE transaction of the store's engine, with the store's waits
(``agent.state.store``). An update, a close or a claim first takes its
breach's row lock (an update that changes nothing: on SQLite the store's
write lock, taken before anything is read since pysqlite begins its
transaction at the first write; on PostgreSQL the row's lock), so two
processes never both close a breach, update a closed one or send one
reminder twice. A refusal (an id already recorded, an unknown id or outcome,
a change to a closed breach) is a :class:`connectors.errors.ConfigError`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, RowMapping, select
from sqlalchemy.exc import IntegrityError

from agent.state.records import iso_utc
from agent.state.store import StateStore
from agent.state.tables import BREACH_ASSESSMENTS, BREACHES
from connectors.errors import ConfigError
from scanners.model.breach import (
    BREACH_CLOSED,
    BREACH_OPEN,
    GRADES,
    OUTCOMES,
    BreachAssessment,
    BreachRecord,
)


def new_breach_id(store: StateStore, aware_at: datetime) -> str:
    """``BR-YYYYMMDD-NN``: the next number (01, 02, …) of ``aware_at``'s own date."""
    _aware(aware_at)
    prefix = f"BR-{aware_at:%Y%m%d}-"
    query = select(BREACHES.c.id).where(BREACHES.c.id.startswith(prefix, autoescape=True))
    with store.engine.connect() as conn:
        ids = conn.execute(query).scalars().all()
    numbers = [int(n) for n in (i[len(prefix) :] for i in ids) if n.isascii() and n.isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


def open_breach(store: StateStore, record: BreachRecord, assessment: BreachAssessment) -> None:
    """Add the open breach ``record`` and its first ``assessment``, in one transaction.

    Raises ``ConfigError`` when its id is already in the register (two breaches
    of one day named at once by two processes: ask :func:`new_breach_id` again).
    """
    _check(record, assessment)
    try:
        with store.engine.begin() as conn:
            if duplicate := _duplicate(conn, record.id):
                raise duplicate
            conn.execute(BREACHES.insert().values(**breach_values(record)))
            conn.execute(BREACH_ASSESSMENTS.insert().values(**assessment_values(assessment)))
    except IntegrityError:
        # Another process recorded the same id between the check and the insert.
        with store.engine.connect() as conn:
            duplicate = _duplicate(conn, record.id)
        if duplicate is None:
            raise
        raise duplicate from None


def update_breach(
    store: StateStore,
    breach_id: str,
    assessment: BreachAssessment,
    title: str,
    aware_at: datetime,
    deadline: datetime,
    people: int,
    sources: tuple[str, ...],
) -> BreachRecord:
    """Append ``assessment`` to an open breach and update its summary; one transaction.

    The grade becomes the assessment's; the reminders already sent stay sent.
    Returns the breach as it now stands. Raises ``ConfigError`` for an unknown
    id and for a closed breach; the register is then unchanged.
    """
    if assessment.breach_id != breach_id:
        raise ValueError(f"assessment {assessment!r} does not belong to breach {breach_id}")
    _check_summary(assessment.grade, people)
    summary = _summary(title, aware_at, deadline, people, sources)
    where = BREACHES.c.id == breach_id
    with store.engine.begin() as conn:
        row = _locked(conn, breach_id)
        if row["status"] != BREACH_OPEN:
            raise _closed(row, "takes no update; open a new breach if it happened again")
        conn.execute(BREACH_ASSESSMENTS.insert().values(**assessment_values(assessment)))
        conn.execute(BREACHES.update().where(where).values(grade=assessment.grade, **summary))
        return _records(conn, where)[0]


def close_breach(
    store: StateStore, breach_id: str, outcome: str, by: str, at: datetime
) -> BreachRecord:
    """End the breach ``breach_id`` with ``outcome`` (one of ``OUTCOMES``); one transaction.

    Returns the breach as it now stands. Raises ``ConfigError`` for an unknown
    id or outcome, a missing ``by``, and a breach already closed.
    """
    if outcome not in OUTCOMES:
        raise ConfigError(f"unknown outcome {outcome!r}: use one of {', '.join(OUTCOMES)}")
    if not by.strip():
        raise ConfigError(f"closing breach {breach_id} needs who closes it (--by)")
    where = BREACHES.c.id == breach_id
    with store.engine.begin() as conn:
        row = _locked(conn, breach_id)
        if row["status"] != BREACH_OPEN:
            raise _closed(row, "cannot be closed again", "already ")
        closing = {"outcome": outcome, "closed_at": iso_utc(at), "closed_by": by}
        conn.execute(BREACHES.update().where(where).values(status=BREACH_CLOSED, **closing))
        return _records(conn, where)[0]


def claim_reminders(store: StateStore, breach_id: str, hours: tuple[int, ...]) -> tuple[int, ...]:
    """Mark the reminders ``hours`` (hours left: 24, 6) as sent; returns those newly marked.

    Send only what this returns: a reminder already marked (by this process or
    another ``run`` at the same moment) is not returned again, and a closed
    breach gets none. One transaction holding the breach's row lock. Raises
    ``ConfigError`` for an unknown id.
    """
    if any(isinstance(hour, bool) or not isinstance(hour, int) for hour in hours):
        raise ValueError(f"reminders are whole hours left, not {hours!r}")
    with store.engine.begin() as conn:
        row = _locked(conn, breach_id)
        if row["status"] != BREACH_OPEN:
            return ()
        sent = tuple(json.loads(row["reminders_sent"]))
        new = tuple(dict.fromkeys(hour for hour in hours if hour not in sent))
        if new:
            _set_reminders(conn, breach_id, [*sent, *new])
    return new


def release_reminders(store: StateStore, breach_id: str, hours: tuple[int, ...]) -> None:
    """Unmark ``hours`` that :func:`claim_reminders` gave but could not be e-mailed.

    The next ``run`` claims (and sends) them again. One transaction holding
    the breach's row lock; ``ConfigError`` for an unknown id.
    """
    with store.engine.begin() as conn:
        sent = json.loads(_locked(conn, breach_id)["reminders_sent"])
        _set_reminders(conn, breach_id, [hour for hour in sent if hour not in hours])


def get_breach(store: StateStore, breach_id: str) -> BreachRecord | None:
    """The breach ``breach_id`` with its assessments; ``None`` when it is not recorded."""
    with store.engine.connect() as conn:
        found = _records(conn, BREACHES.c.id == breach_id)
    return found[0] if found else None


def list_breaches(store: StateStore) -> list[BreachRecord]:
    """Every breach with its assessments, by ``aware_at`` (the instant), then by id."""
    with store.engine.connect() as conn:
        return _records(conn)


def open_breaches(store: StateStore) -> list[BreachRecord]:
    """The breaches not closed yet, by ``aware_at``."""
    with store.engine.connect() as conn:
        return _records(conn, BREACHES.c.status == BREACH_OPEN)


def breach_values(record: BreachRecord) -> dict[str, Any]:
    """The row of ``pdpa_breaches`` holding ``record`` (every field but its assessments)."""
    return {
        "id": record.id,
        **_summary(record.title, record.aware_at, record.deadline, record.people, record.sources),
        "opened_at": iso_utc(record.opened_at),
        "grade": record.grade,
        "reported_by": record.reported_by,
        "status": record.status,
        "outcome": record.outcome,
        "closed_at": None if record.closed_at is None else iso_utc(record.closed_at),
        "closed_by": record.closed_by,
        "reminders_sent": json.dumps(list(record.reminders_sent)),
    }


def assessment_values(assessment: BreachAssessment) -> dict[str, Any]:
    """The row of ``pdpa_breach_assessments`` holding ``assessment``."""
    return {
        "breach_id": assessment.breach_id,
        "assessed_at": iso_utc(assessment.assessed_at),
        "grade": assessment.grade,
        "document": assessment.document,
    }


def _summary(
    title: str, aware_at: datetime, deadline: datetime, people: int, sources: tuple[str, ...]
) -> dict[str, Any]:
    """The summary columns that ``open`` sets and ``update`` changes."""
    return {
        "title": title,
        "aware_at": _aware(aware_at).isoformat(timespec="microseconds"),
        "aware_at_utc": iso_utc(aware_at),
        "deadline": iso_utc(deadline),
        "people": people,
        "sources": json.dumps(list(sources), ensure_ascii=False),
    }


def _records(conn: Connection, where: ColumnElement[bool] | None = None) -> list[BreachRecord]:
    """The breaches matching ``where`` (all by default), by ``aware_at``, with assessments."""
    query = select(BREACHES).order_by(BREACHES.c.aware_at_utc, BREACHES.c.id)
    history = select(BREACH_ASSESSMENTS).order_by(BREACH_ASSESSMENTS.c.pk)
    if where is not None:
        query = query.where(where)
        history = history.where(
            BREACH_ASSESSMENTS.c.breach_id.in_(select(BREACHES.c.id).where(where))
        )
    assessments: defaultdict[str, list[BreachAssessment]] = defaultdict(list)
    for row in conn.execute(history).mappings():
        kept = {name: row[name] for name in ("breach_id", "grade", "document")}
        moment = datetime.fromisoformat(row["assessed_at"])
        assessments[row["breach_id"]].append(BreachAssessment(assessed_at=moment, **kept))
    return [_record(row, tuple(assessments[row["id"]])) for row in conn.execute(query).mappings()]


def _record(row: RowMapping, assessments: tuple[BreachAssessment, ...]) -> BreachRecord:
    values = dict(row)
    del values["aware_at_utc"]  # aware_at as given holds the same moment
    for name in ("aware_at", "deadline", "opened_at", "closed_at"):
        values[name] = None if values[name] is None else datetime.fromisoformat(values[name])
    values["sources"] = tuple(json.loads(values["sources"]))
    values["reminders_sent"] = tuple(json.loads(values["reminders_sent"]))
    return BreachRecord(**values, assessments=assessments)


def _locked(conn: Connection, breach_id: str) -> RowMapping:
    """The breach's row, read after taking its lock (see the module docstring)."""
    where = BREACHES.c.id == breach_id
    conn.execute(BREACHES.update().where(where).values(status=BREACHES.c.status))
    row = conn.execute(select(BREACHES).where(where)).mappings().first()
    if row is None:
        raise ConfigError(
            f"breach {breach_id} is not in the register (`pdpa-agent breach list` shows the ids)"
        )
    return row


def _set_reminders(conn: Connection, breach_id: str, hours: list[int]) -> None:
    where = BREACHES.c.id == breach_id
    conn.execute(BREACHES.update().where(where).values(reminders_sent=json.dumps(hours)))


def _check(record: BreachRecord, assessment: BreachAssessment) -> None:
    """Refuse a new breach that is not open or that the register could not read back."""
    if not record.id.strip():
        raise ValueError("a breach needs an id")
    closing = (record.outcome, record.closed_at, record.closed_by)
    if record.status != BREACH_OPEN or closing != (None, None, None):
        raise ValueError(f"breach {record.id} must be opened open, with no outcome yet")
    if assessment.breach_id != record.id or assessment.grade != record.grade:
        raise ValueError(f"assessment {assessment!r} is not the one of breach {record.id}")
    if record.assessments not in ((), (assessment,)):
        raise ValueError(f"breach {record.id} is opened with its one assessment")
    _check_summary(record.grade, record.people)


def _check_summary(grade: str, people: int) -> None:
    if grade not in GRADES:
        raise ValueError(f"unknown grade {grade!r}: one of {', '.join(GRADES)}")
    if people < 0:
        raise ValueError(f"a breach reaches no fewer than 0 people, not {people}")


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("aware_at needs a time zone (e.g. 2026-12-04T09:30:00+07:00)")
    return moment


def _duplicate(conn: Connection, breach_id: str) -> ConfigError | None:
    query = select(BREACHES.c.opened_at).where(BREACHES.c.id == breach_id)
    opened: str | None = conn.execute(query).scalar_one_or_none()
    if opened is None:
        return None
    return ConfigError(
        f"breach {breach_id} is already in the register (opened {_shown(opened)}); "
        "give the breach a new id"
    )


def _closed(row: RowMapping, what: str, already: str = "") -> ConfigError:
    """The refusal of a change to a closed breach, saying how, when and by whom it closed."""
    return ConfigError(
        f"breach {row['id']} is {already}closed ({row['outcome']}, "
        f"{_shown(row['closed_at'])}, by {row['closed_by']}): a closed breach {what}"
    )


def _shown(iso: str) -> str:  # an ISO UTC timestamp of the store, to the minute
    return f"{iso[:10]} {iso[11:16]} UTC"
