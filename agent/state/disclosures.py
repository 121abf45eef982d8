"""The disclosure log of PDPA s.37(2) in the state store (SPEC §10): disclosures and follow-ups.

``pdpa-agent disclose`` records each disclosure it produced with
:func:`record_disclosure` (one row of ``pdpa_disclosures``, the values of a
``scanners.model.disclosure.DisclosureRecord``); ``pdpa-agent disclosures``
reads the log (:func:`get_disclosure`, :func:`list_disclosures`,
:func:`open_disclosures`, each record with its follow-ups in the order they
were recorded) and appends the recipient's answers with
:func:`record_followup`, which also moves the disclosure on: ``deleted`` or
``returned`` close it (no next follow-up), ``still_needed`` sets the next
follow-up date that the caller computed, ``no_answer`` keeps the date it had
(the follow-up is still due). The log is append-only: nothing here rewrites
or deletes a recorded answer.

Every write is ONE transaction of the store's engine, so it shares the
store's waits (``agent.state.store``): on SQLite a write that meets another
process's lock (a scan recording its findings) waits up to the busy timeout
instead of failing, and nothing is lost or half-written. A follow-up first
takes its disclosure's row lock (an update that changes nothing: on SQLite
the store's write lock, taken before anything is read since pysqlite begins
its transaction at the first write; on PostgreSQL the row's lock), so two
answers about the same disclosure never both see it open. A refusal — an
unknown id or status, an answer about a closed disclosure, an id already in
the log — is a :class:`connectors.errors.ConfigError` (the CLI's exit 2).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, select
from sqlalchemy.exc import IntegrityError

from agent.state.records import iso_utc
from agent.state.store import StateStore
from agent.state.tables import DISCLOSURE_FOLLOWUPS, DISCLOSURES
from connectors.errors import ConfigError
from scanners.model.disclosure import (
    CLOSING_STATUSES,
    DISCLOSURE_CLOSED,
    DISCLOSURE_OPEN,
    FOLLOWUP_STATUSES,
    DisclosureRecord,
    FollowUp,
)

STILL_NEEDED = "still_needed"


def record_disclosure(store: StateStore, record: DisclosureRecord) -> None:
    """Add ``record`` (and any follow-ups it already holds) to the log, in one transaction.

    Raises ``ConfigError`` when its id is already in the log.
    """
    _check(record)
    try:
        with store.engine.begin() as conn:
            recorded = _disclosed_at(conn, record.id)
            if recorded is not None:
                raise _already_logged(record.id, recorded)
            conn.execute(DISCLOSURES.insert().values(**disclosure_values(record)))
            if record.followups:
                rows = [followup_values(followup) for followup in record.followups]
                conn.execute(DISCLOSURE_FOLLOWUPS.insert(), rows)
    except IntegrityError:
        # Another process logged the same id between the check and the insert.
        with store.engine.connect() as conn:
            recorded = _disclosed_at(conn, record.id)
        if recorded is None:
            raise
        raise _already_logged(record.id, recorded) from None


def get_disclosure(store: StateStore, disclosure_id: str) -> DisclosureRecord | None:
    """The disclosure ``disclosure_id`` with its follow-ups; ``None`` when it is not logged."""
    with store.engine.connect() as conn:
        found = _records(conn, DISCLOSURES.c.id == disclosure_id)
    return found[0] if found else None


def list_disclosures(store: StateStore) -> list[DisclosureRecord]:
    """Every logged disclosure with its follow-ups, oldest first (then by id)."""
    with store.engine.connect() as conn:
        return _records(conn)


def open_disclosures(store: StateStore) -> list[DisclosureRecord]:
    """The disclosures not closed yet (no ``deleted``/``returned`` answer), oldest first."""
    with store.engine.connect() as conn:
        return _records(conn, DISCLOSURES.c.status == DISCLOSURE_OPEN)


def record_followup(
    store: StateStore,
    disclosure_id: str,
    status: str,
    note: str,
    by: str,
    recorded_at: datetime,
    next_followup: date | None,
) -> DisclosureRecord:
    """Append an answer about ``disclosure_id`` and move the disclosure on; one transaction.

    ``deleted``/``returned`` close the disclosure (no next follow-up, whatever
    ``next_followup`` says); ``still_needed`` sets its next follow-up to
    ``next_followup`` (required); ``no_answer`` keeps the date it had and
    ignores ``next_followup``. The follow-up row keeps the date its answer left.
    Returns the disclosure as it now stands. Raises ``ConfigError`` for an
    unknown id or status and for a closed disclosure; the log is then unchanged.
    """
    if status not in FOLLOWUP_STATUSES:
        raise ConfigError(
            f"unknown follow-up status {status!r}: use one of {', '.join(FOLLOWUP_STATUSES)}"
        )
    if status == STILL_NEEDED and next_followup is None:
        raise ValueError("a still_needed follow-up needs the date of the next follow-up")
    where = DISCLOSURES.c.id == disclosure_id
    with store.engine.begin() as conn:
        # Lock first (see the module docstring), then read what the lock protects.
        conn.execute(DISCLOSURES.update().where(where).values(status=DISCLOSURES.c.status))
        row = conn.execute(select(DISCLOSURES).where(where)).mappings().first()
        if row is None:
            raise ConfigError(
                f"disclosure {disclosure_id} is not in the log "
                "(`pdpa-agent disclosures list` shows the ids)"
            )
        if row["status"] != DISCLOSURE_OPEN:
            raise _closed(conn, disclosure_id)
        if status in CLOSING_STATUSES:
            new_status, due = DISCLOSURE_CLOSED, None
        elif status == STILL_NEEDED:
            new_status, due = DISCLOSURE_OPEN, next_followup
        else:  # no_answer: the follow-up is still due
            new_status, due = DISCLOSURE_OPEN, _date(row["next_followup"])
        followup = FollowUp(disclosure_id, recorded_at, status, note, by, due)
        conn.execute(DISCLOSURE_FOLLOWUPS.insert().values(**followup_values(followup)))
        conn.execute(
            DISCLOSURES.update().where(where).values(status=new_status, next_followup=_iso(due))
        )
        return _records(conn, where)[0]


def disclosure_values(record: DisclosureRecord) -> dict[str, Any]:
    """The row of ``pdpa_disclosures`` holding ``record`` (every field but its follow-ups)."""
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name != "followups"}
    values["disclosed_at"] = iso_utc(record.disclosed_at)
    values["treatments"] = json.dumps(
        [list(pair) for pair in record.treatments], ensure_ascii=False
    )
    values["next_followup"] = _iso(record.next_followup)
    return values


def followup_values(followup: FollowUp) -> dict[str, Any]:
    """The row of ``pdpa_disclosure_followups`` holding ``followup``."""
    return {
        "disclosure_id": followup.disclosure_id,
        "recorded_at": iso_utc(followup.recorded_at),
        "status": followup.status,
        "note": followup.note,
        "by": followup.by,
        "next_followup": _iso(followup.next_followup),
    }


def _records(conn: Connection, where: ColumnElement[bool] | None = None) -> list[DisclosureRecord]:
    """The disclosures matching ``where`` (all by default), oldest first, with follow-ups."""
    query = select(DISCLOSURES).order_by(DISCLOSURES.c.disclosed_at, DISCLOSURES.c.id)
    answers = select(DISCLOSURE_FOLLOWUPS).order_by(DISCLOSURE_FOLLOWUPS.c.pk)
    if where is not None:
        query = query.where(where)
        answers = answers.where(
            DISCLOSURE_FOLLOWUPS.c.disclosure_id.in_(select(DISCLOSURES.c.id).where(where))
        )
    followups: defaultdict[str, list[FollowUp]] = defaultdict(list)
    for row in conn.execute(answers).mappings():
        followups[row["disclosure_id"]].append(
            FollowUp(
                disclosure_id=row["disclosure_id"],
                recorded_at=datetime.fromisoformat(row["recorded_at"]),
                status=row["status"],
                note=row["note"],
                by=row["by"],
                next_followup=_date(row["next_followup"]),
            )
        )
    return [_record(row, tuple(followups[row["id"]])) for row in conn.execute(query).mappings()]


def _record(row: Any, followups: tuple[FollowUp, ...]) -> DisclosureRecord:
    values = dict(row)
    values["disclosed_at"] = datetime.fromisoformat(values["disclosed_at"])
    values["treatments"] = tuple((column, how) for column, how in json.loads(values["treatments"]))
    values["next_followup"] = _date(values["next_followup"])
    return DisclosureRecord(**values, followups=followups)


def _check(record: DisclosureRecord) -> None:
    """Refuse a record that the log could not read back as it was given."""
    if not record.id.strip():
        raise ValueError("a disclosure needs an id")
    if record.status not in (DISCLOSURE_OPEN, DISCLOSURE_CLOSED):
        raise ValueError(f"disclosure status must be open or closed, not {record.status!r}")
    for followup in record.followups:
        if followup.disclosure_id != record.id or followup.status not in FOLLOWUP_STATUSES:
            raise ValueError(f"follow-up {followup!r} does not belong to disclosure {record.id}")


def _disclosed_at(conn: Connection, disclosure_id: str) -> str | None:
    query = select(DISCLOSURES.c.disclosed_at).where(DISCLOSURES.c.id == disclosure_id)
    found: str | None = conn.execute(query).scalar_one_or_none()
    return found


def _already_logged(disclosure_id: str, disclosed_at: str) -> ConfigError:
    return ConfigError(
        f"disclosure {disclosure_id} is already in the log (recorded {_shown(disclosed_at)}); "
        "give the request a new id"
    )


def _closed(conn: Connection, disclosure_id: str) -> ConfigError:
    """The refusal of an answer about a closed disclosure, saying when and how it closed."""
    query = (
        select(DISCLOSURE_FOLLOWUPS.c.status, DISCLOSURE_FOLLOWUPS.c.recorded_at)
        .where(
            DISCLOSURE_FOLLOWUPS.c.disclosure_id == disclosure_id,
            DISCLOSURE_FOLLOWUPS.c.status.in_(sorted(CLOSING_STATUSES)),
        )
        .order_by(DISCLOSURE_FOLLOWUPS.c.pk.desc())
        .limit(1)
    )
    last = conn.execute(query).first()
    how = "" if last is None else f" ({last[0]}, {_shown(last[1])})"
    return ConfigError(
        f"disclosure {disclosure_id} is closed{how}: a closed disclosure takes no follow-up; "
        "record a new disclosure if the data was given again"
    )


def _shown(iso: str) -> str:
    """An ISO UTC timestamp of the store as ``YYYY-MM-DD HH:MM UTC``."""
    return f"{iso[:10]} {iso[11:16]} UTC"


def _iso(day: date | None) -> str | None:
    if isinstance(day, datetime):  # a date is asked for: never store a time in its place
        day = day.date()
    return None if day is None else day.isoformat()


def _date(iso: str | None) -> date | None:
    return None if iso is None else date.fromisoformat(iso)
