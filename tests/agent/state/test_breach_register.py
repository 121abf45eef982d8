"""The breach register in the state store (``agent.state.breaches``) on SQLite and PostgreSQL.

A breach is opened and read back field by field (``aware_at`` with the offset
it was given, the deadline and every other moment in UTC, the large
assessment document whole, Thai text); ids are numbered per day of
``aware_at``'s own date; an update appends an assessment and never rewrites
one; a close ends a breach once, with a known outcome; the reminders claimed
are claimed once; what the register refuses leaves it unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from agent.state.breaches import (
    claim_reminders,
    close_breach,
    get_breach,
    list_breaches,
    new_breach_id,
    open_breach,
    open_breaches,
    release_reminders,
    update_breach,
)
from agent.state.store import StateStore
from connectors.errors import ConfigError
from scanners.model.breach import OUTCOMES
from tests.agent.state.breach_support import AWARE, OPENED, _assessment, _breach, _opened
from tests.agent.state.conftest import BANGKOK

NEW_YORK = timezone(timedelta(hours=-5))
CLOSED = datetime(2026, 12, 6, 16, 45, 30, 5, tzinfo=BANGKOK)


@pytest.fixture
def store(state_url: str) -> Iterator[StateStore]:
    with StateStore(state_url) as state:
        yield state


def _open(store: StateStore, breach_id: str, **changes: object) -> None:
    breach = _breach(breach_id, **changes)
    open_breach(store, breach, _assessment(breach_id, breach.grade, datasets=3))


def test_open_and_get_round_trip_every_field(store: StateStore) -> None:
    breach, assessment = _breach("BR-20261204-01"), _assessment("BR-20261204-01")
    open_breach(store, breach, assessment)
    got = get_breach(store, "BR-20261204-01")
    assert got == _opened(breach, assessment)
    assert got is not None
    assert got.aware_at.utcoffset() == timedelta(hours=7)  # kept as given, not turned into UTC
    assert got.aware_at.isoformat() == "2026-12-04T09:30:00+07:00"
    assert got.deadline.utcoffset() == timedelta(0)
    assert got.deadline == datetime(2026, 12, 7, 2, 30, tzinfo=UTC)
    assert (got.opened_at.utcoffset(), got.opened_at) == (timedelta(0), OPENED)
    assert got.assessments[0].assessed_at.utcoffset() == timedelta(0)
    assert got.assessments[0].document == assessment.document  # whole, Thai included
    assert len(assessment.document) > 500_000
    assert got.sources == ("skyport_pg", "fileshare", "ระบบบุคคล")
    assert (got.status, got.outcome, got.closed_at, got.closed_by) == ("open", None, None, None)
    assert (got.reminders_sent, got.notice_due) == ((), True)

    assert claim_reminders(store, "BR-20261204-01", (24, 6)) == (24, 6)
    closed = close_breach(store, "BR-20261204-01", "notified", "dpo@example.co.th", CLOSED)
    assert closed == replace(
        got,
        status="closed",
        outcome="notified",
        closed_at=CLOSED,
        closed_by="dpo@example.co.th",
        reminders_sent=(24, 6),
    )
    assert closed.closed_at is not None and closed.closed_at.utcoffset() == timedelta(0)
    assert closed.closed_at.microsecond == 5
    assert get_breach(store, "BR-20261204-01") == closed
    assert get_breach(store, "BR-nope") is None


def test_breaches_are_listed_by_the_instant_of_aware_at(store: StateStore) -> None:
    # 01:00 in New York is 06:00 UTC: after 09:30 Bangkok (02:30 UTC), though it reads earlier.
    _open(store, "BR-20261204-02", aware_at=datetime(2026, 12, 4, 1, 0, tzinfo=NEW_YORK))
    _open(store, "BR-20261204-01")
    _open(store, "BR-20261203-01", aware_at=AWARE - timedelta(days=1), grade="none")
    listed = list_breaches(store)
    assert [b.id for b in listed] == ["BR-20261203-01", "BR-20261204-01", "BR-20261204-02"]
    assert listed[2].aware_at.utcoffset() == timedelta(hours=-5)
    assert listed[2].aware_at.isoformat() == "2026-12-04T01:00:00-05:00"
    assert listed[2].deadline == datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    assert [b.id for b in open_breaches(store)] == [b.id for b in listed]


def test_ids_are_numbered_per_day_of_aware_at(store: StateStore) -> None:
    assert new_breach_id(store, AWARE) == "BR-20261204-01"
    _open(store, new_breach_id(store, AWARE))
    assert new_breach_id(store, AWARE) == "BR-20261204-02"
    _open(store, new_breach_id(store, AWARE + timedelta(hours=5)))
    assert [b.id for b in list_breaches(store)] == ["BR-20261204-01", "BR-20261204-02"]
    # Another day starts again at 01; the day is aware_at's own (00:30 Bangkok is 17:30 UTC).
    assert new_breach_id(store, datetime(2026, 12, 5, 0, 30, tzinfo=BANGKOK)) == "BR-20261205-01"
    assert new_breach_id(store, datetime(2026, 12, 4, 20, 0, tzinfo=NEW_YORK)) == "BR-20261204-03"
    # Numbers, not strings, are compared; a closed breach keeps its number.
    _open(store, "BR-20261204-09")
    close_breach(store, "BR-20261204-09", "not_required", "dpo", CLOSED)
    assert new_breach_id(store, AWARE) == "BR-20261204-10"
    _open(store, "BR-20261204-10")
    _open(store, "BR-20261204-99")
    assert new_breach_id(store, AWARE) == "BR-20261204-100"
    with pytest.raises(ValueError, match="time zone"):
        new_breach_id(store, datetime(2026, 12, 4, 9, 30))


def test_an_id_already_recorded_is_refused(store: StateStore) -> None:
    _open(store, "BR-20261204-01")
    before = list_breaches(store)
    with pytest.raises(ConfigError) as refused:
        _open(store, "BR-20261204-01", title="another breach", grade="none")
    assert str(refused.value) == (
        "breach BR-20261204-01 is already in the register (opened 2026-12-04 04:05 UTC); "
        "give the breach a new id"
    )
    assert list_breaches(store) == before


def test_update_appends_an_assessment_and_updates_the_summary(store: StateStore) -> None:
    first = _assessment("BR-1", "high")
    open_breach(store, _breach("BR-1"), first)
    _open(store, "BR-2")
    later = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    aware = datetime(2026, 12, 4, 8, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    second = _assessment("BR-1", "risk", at=later, datasets=10)
    now = update_breach(
        store, "BR-1", second, "อีเมลส่งผิดผู้รับ", aware, aware + timedelta(hours=72), 15, ("crm",)
    )
    assert (now.title, now.aware_at, now.people, now.sources) == (
        "อีเมลส่งผิดผู้รับ",
        aware,
        15,
        ("crm",),
    )
    assert now.aware_at.isoformat() == "2026-12-04T08:00:00+05:30"
    assert now.deadline == datetime(2026, 12, 7, 2, 30, tzinfo=UTC)
    assert now.grade == "risk"  # the latest assessment's
    assert (now.opened_at, now.reported_by, now.status) == (
        OPENED,
        "it-security@example.co.th",
        "open",
    )
    assert now.assessments == (first, second)  # oldest first, the first one untouched
    third = _assessment("BR-1", "none", at=later + timedelta(hours=1), datasets=1)
    again = update_breach(store, "BR-1", third, now.title, aware, now.deadline, 15, ("crm",))
    assert (again.grade, again.notice_due) == ("none", False)
    assert again.assessments == (first, second, third)
    assert get_breach(store, "BR-1") == again
    assert len(get_breach(store, "BR-2").assessments) == 1  # type: ignore[union-attr]


def test_update_of_an_unknown_or_closed_breach_is_refused(store: StateStore) -> None:
    _open(store, "BR-1")
    args = ("title", AWARE, AWARE + timedelta(hours=72), 1, ("crm",))
    with pytest.raises(ConfigError, match=r"breach BR-9 is not in the register"):
        update_breach(store, "BR-9", _assessment("BR-9", datasets=1), *args)
    closed = close_breach(store, "BR-1", "subjects_notified", "dpo", CLOSED)
    with pytest.raises(ConfigError) as refused:
        update_breach(store, "BR-1", _assessment("BR-1", datasets=1), *args)
    assert str(refused.value) == (
        "breach BR-1 is closed (subjects_notified, 2026-12-06 09:45 UTC, by dpo): "
        "a closed breach takes no update; open a new breach if it happened again"
    )
    with pytest.raises(ValueError, match="does not belong"):
        update_breach(store, "BR-1", _assessment("BR-2", datasets=1), *args)
    with pytest.raises(ValueError, match="time zone"):
        update_breach(
            store,
            "BR-1",
            _assessment("BR-1", datasets=1),
            "t",
            AWARE.replace(tzinfo=None),
            *args[2:],
        )
    assert list_breaches(store) == [closed]
    assert get_breach(store, "BR-9") is None


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_close_ends_a_breach_once(store: StateStore, outcome: str) -> None:
    _open(store, "BR-1")
    _open(store, "BR-2", aware_at=AWARE + timedelta(days=1))
    closed = close_breach(store, "BR-1", outcome, "dpo@example.co.th", CLOSED)
    assert (closed.status, closed.outcome, closed.is_open, closed.notice_due) == (
        "closed",
        outcome,
        False,
        False,
    )
    assert [b.id for b in open_breaches(store)] == ["BR-2"]
    assert [b.id for b in list_breaches(store)] == ["BR-1", "BR-2"]
    with pytest.raises(ConfigError, match=rf"BR-1 is already closed \({outcome}, 2026-12-06 09:45"):
        close_breach(store, "BR-1", "notified", "someone else", CLOSED + timedelta(days=1))
    assert get_breach(store, "BR-1") == closed


def test_close_refuses_unknown_ids_and_outcomes(store: StateStore) -> None:
    _open(store, "BR-1")
    before = list_breaches(store)
    with pytest.raises(ConfigError, match="BR-9 is not in the register"):
        close_breach(store, "BR-9", "notified", "dpo", CLOSED)
    with pytest.raises(ConfigError, match=r"unknown outcome 'solved': use one of notified, "):
        close_breach(store, "BR-1", "solved", "dpo", CLOSED)
    with pytest.raises(ConfigError, match="needs who closes it"):
        close_breach(store, "BR-1", "notified", "  ", CLOSED)
    assert list_breaches(store) == before == open_breaches(store)


def test_claim_reminders_is_idempotent(store: StateStore) -> None:
    _open(store, "BR-1")
    _open(store, "BR-2")
    assert claim_reminders(store, "BR-1", (24,)) == (24,)
    assert claim_reminders(store, "BR-1", (24,)) == ()
    assert claim_reminders(store, "BR-1", (24, 6, 6)) == (6,)
    assert claim_reminders(store, "BR-1", (6, 24)) == ()
    assert claim_reminders(store, "BR-1", ()) == ()
    assert get_breach(store, "BR-1").reminders_sent == (24, 6)  # type: ignore[union-attr]
    assert get_breach(store, "BR-2").reminders_sent == ()  # type: ignore[union-attr]
    close_breach(store, "BR-2", "notified", "dpo", CLOSED)
    assert claim_reminders(store, "BR-2", (24, 6)) == ()  # a closed breach gets no reminder
    assert get_breach(store, "BR-2").reminders_sent == ()  # type: ignore[union-attr]
    with pytest.raises(ConfigError, match="BR-9 is not in the register"):
        claim_reminders(store, "BR-9", (24,))
    with pytest.raises(ValueError, match="whole hours"):
        claim_reminders(store, "BR-1", (True,))


def test_released_reminders_can_be_claimed_again(store: StateStore) -> None:
    _open(store, "BR-1")
    assert claim_reminders(store, "BR-1", (24, 6)) == (24, 6)
    release_reminders(store, "BR-1", (24, 12))  # the 24 h e-mail failed; 12 was never claimed
    assert get_breach(store, "BR-1").reminders_sent == (6,)  # type: ignore[union-attr]
    assert claim_reminders(store, "BR-1", (24, 6)) == (24,)
    assert get_breach(store, "BR-1").reminders_sent == (6, 24)  # type: ignore[union-attr]
    with pytest.raises(ConfigError, match="BR-9 is not in the register"):
        release_reminders(store, "BR-9", (24,))


def test_a_breach_the_register_could_not_keep_is_refused(store: StateStore) -> None:
    good = _assessment("BR-1", datasets=1)
    for breach, assessment in (
        (_breach("BR-1", status="closed", outcome="notified"), good),
        (_breach("BR-1", closed_by="dpo"), good),
        (_breach("BR-1", grade="medium"), replace(good, grade="medium")),
        (_breach("BR-1", grade="risk"), good),  # the summary's grade is the assessment's
        (_breach("BR-1"), replace(good, breach_id="BR-2")),
        (_breach("BR-1", assessments=(_assessment("BR-1", "none", datasets=1),)), good),
        (_breach("BR-1", aware_at=datetime(2026, 12, 4, 9, 30)), good),
        (_breach("BR-1", people=-1), good),
        (_breach(" "), replace(good, breach_id=" ")),
    ):
        with pytest.raises(ValueError):
            open_breach(store, breach, assessment)
    assert list_breaches(store) == []
