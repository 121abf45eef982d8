"""The 72-hour clock: deadline, time left and reminders, whatever the time zones."""

from __future__ import annotations

import doctest
from datetime import UTC, datetime, timedelta, timezone

import pytest

from scanners.breach import clock
from scanners.breach.clock import (
    deadline,
    describe_left,
    describe_left_th,
    due_reminders,
    time_left,
)

BANGKOK = timezone(timedelta(hours=7))
AWARE = datetime(2026, 12, 4, 9, 30, tzinfo=BANGKOK)  # 02:30 UTC


def test_the_deadline_is_one_instant_in_every_zone() -> None:
    assert deadline(AWARE) == datetime(2026, 12, 7, 2, 30, tzinfo=UTC)
    assert deadline(AWARE.astimezone(UTC)) == deadline(AWARE)
    new_york = timezone(timedelta(hours=-5))
    assert time_left(AWARE, datetime(2026, 12, 6, 21, 30, tzinfo=new_york)) == timedelta(0)


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        deadline(datetime(2026, 12, 4, 9, 30))


@pytest.mark.parametrize(
    ("now_utc", "sent", "due"),
    [
        (datetime(2026, 12, 5, 2, 30, tzinfo=UTC), (), ()),  # 48 h left: nothing yet
        (datetime(2026, 12, 6, 2, 30, tzinfo=UTC), (), (24,)),  # exactly 24 h left
        (datetime(2026, 12, 6, 3, 0, tzinfo=UTC), (24,), ()),  # already sent
        (datetime(2026, 12, 6, 21, 0, tzinfo=UTC), (24,), (6,)),  # 5 h 30 left
        (datetime(2026, 12, 6, 21, 0, tzinfo=UTC), (), (24, 6)),  # both, first check late
        (datetime(2026, 12, 7, 3, 0, tzinfo=UTC), (), ()),  # trap: past the deadline
    ],
)
def test_due_reminders(now_utc: datetime, sent: tuple[int, ...], due: tuple[int, ...]) -> None:
    assert due_reminders(AWARE, now_utc, sent) == due


@pytest.mark.parametrize(
    ("left", "english", "thai"),
    [
        (timedelta(hours=47, minutes=10), "47 h 10 min left", "เหลือ 47 ชั่วโมง 10 นาที"),
        (timedelta(minutes=-125), "overdue by 2 h 5 min", "เลยกำหนดมาแล้ว 2 ชั่วโมง 5 นาที"),
        (timedelta(0), "0 h 0 min left", "เหลือ 0 ชั่วโมง 0 นาที"),
    ],
)
def test_describe_left(left: timedelta, english: str, thai: str) -> None:
    assert describe_left(left) == english and describe_left_th(left) == thai


def test_doctests() -> None:
    assert doctest.testmod(clock).failed == 0
