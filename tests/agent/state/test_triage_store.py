"""Triage in the state store (SPEC §9): the trail is only appended to, and nothing is lost.

On SQLite and PostgreSQL: every decision, assignment and comment is an event
in order; earlier events are never changed by later decisions; a false
positive's overrides are withdrawn (kept, not deleted) when the finding is
triaged otherwise; an acceptance whose ``until`` has passed is re-opened with
an ``expired`` event, one day late and not one day early; and decisions made
while a scan records its findings (another writer holding the store's lock)
all land, together with the scan.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, date, datetime

from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from agent.state.decisions.triage import (
    DecidedColumn,
    Decision,
    active_overrides,
    current_triage,
    expire_acceptances,
    record_decision,
    triage_history,
)
from agent.state.store import StateStore
from agent.state.tables import TRIAGE_EVENTS, TRIAGE_OVERRIDES
from tests.agent.state.conftest import _finding, _scan_s6

NOW = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
UNTIL = date(2027, 1, 31)


def _events(url: str) -> list[tuple[object, ...]]:
    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(select(TRIAGE_EVENTS).order_by("pk"))]
    engine.dispose()
    return rows


def test_the_trail_is_appended_to_and_never_rewritten(state_url: str) -> None:
    with StateStore(state_url) as store:
        engine = store.engine
        record_decision(engine, Decision("f1", "owner@x", "cli", "acknowledged", "seen"), NOW)
        first = _events(state_url)
        record_decision(engine, Decision("f1", "dpo@x", "console", "accepted", "kiosk", UNTIL), NOW)
        record_decision(engine, Decision("f1", "sec@x", "cli", assignee="it@x", comment="ping"))
        everything = _events(state_url)
        assert everything[: len(first)] == first
        history = triage_history(engine, "f1")
        assert [(e.action, e.old_status, e.new_status, e.actor, e.via) for e in history] == [
            ("status", "open", "acknowledged", "owner@x", "cli"),
            ("status", "acknowledged", "accepted", "dpo@x", "console"),
            ("assign", None, None, "sec@x", "cli"),
            ("comment", None, None, "sec@x", "cli"),
        ]
        assert history[1].until == UNTIL and history[3].reason == "ping"
        now = current_triage(engine)["f1"]
        assert (now.status, now.by, now.until, now.assignee) == ("accepted", "dpo@x", UNTIL, "it@x")


def test_an_empty_decision_records_nothing(state_url: str) -> None:
    with StateStore(state_url) as store:
        record_decision(store.engine, Decision("f1", "dpo@x", "cli"))
        assert current_triage(store.engine) == {} and _events(state_url) == []


def test_a_false_positive_override_is_withdrawn_not_deleted(state_url: str) -> None:
    override = DecidedColumn("hr", "public.a[1]", "phone*", ())
    with StateStore(state_url) as store:
        engine = store.engine
        record_decision(
            engine,
            Decision("f1", "dpo@x", "cli", "false_positive", "switchboard", overrides=(override,)),
        )
        (active,) = active_overrides(engine)
        assert active.covers("hr", "public.a[1]", "phone*")
        assert not active.covers("hr", "public.a1", "phone_2")  # names are literal, not globs
        assert (active.types, active.origin) == ((), "triage f1")
        record_decision(engine, Decision("f1", "dpo@x", "cli", "open", "it is a customer phone"))
        assert active_overrides(engine) == ()
        with engine.connect() as conn:
            kept = conn.execute(select(TRIAGE_OVERRIDES.c.withdrawn_at)).scalars().all()
        assert len(kept) == 1 and kept[0] is not None


def test_an_acceptance_reopens_the_day_after_until(state_url: str) -> None:
    with StateStore(state_url) as store:
        engine = store.engine
        record_decision(engine, Decision("f1", "dpo@x", "cli", "accepted", "risk", UNTIL), NOW)
        assert expire_acceptances(engine, UNTIL) == []
        assert current_triage(engine)["f1"].status == "accepted"
        assert expire_acceptances(engine, date(2027, 2, 1)) == ["f1"]
        reopened = current_triage(engine)["f1"]
        assert (reopened.status, reopened.by, reopened.until) == ("open", "pdpa-agent", None)
        last = triage_history(engine, "f1")[-1]
        assert (last.action, last.old_status, last.new_status, last.via) == (
            "expired",
            "accepted",
            "open",
            "scan",
        )
        assert expire_acceptances(engine, date(2027, 2, 2)) == []  # once only


def test_decisions_made_while_a_scan_records_all_land(state_url: str) -> None:
    url = state_url
    with StateStore(url) as store:
        store.begin_scan("s6", "2024-04-06T02:00:00+07:00", "0.2.0")
        scan = _scan_s6(tuple(_finding(f"f{n}", "hr", "public.t") for n in range(50)))
        errors: list[BaseException] = []
        start = threading.Barrier(3)

        def decide(offset: int) -> None:
            start.wait()
            try:
                for n in range(offset, 50, 2):
                    record_decision(
                        store.engine, Decision(f"f{n}", "dpo@x", "console", "acknowledged", "seen")
                    )
            except BaseException as exc:  # kept for the assertion
                errors.append(exc)

        def record() -> None:
            start.wait()
            try:
                time.sleep(0.01)
                store.record_scan(scan)
            except BaseException as exc:  # kept for the assertion
                errors.append(exc)

        threads = [
            threading.Thread(target=decide, args=(0,)),
            threading.Thread(target=decide, args=(1,)),
            threading.Thread(target=record),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert errors == []
        assert len(current_triage(store.engine)) == 50
        assert len(_events(url)) == 50
        assert len(store.findings(status="open")) == 50
        recorded = store.scan("s6")
        assert recorded is not None and recorded.status == "complete"
