"""The 72-hour clock of s.37(4): the deadline and the time left, across time zones.

``aware_at`` is a timezone-aware moment (the incident file says ``+07:00``);
the server may run in UTC. Both are compared as moments, never as wall-clock
text, so the deadline is the same instant wherever it is computed.

>>> from datetime import datetime, timezone, timedelta
>>> aware = datetime(2026, 12, 4, 9, 30, tzinfo=timezone(timedelta(hours=7)))
>>> deadline(aware).astimezone(timezone.utc).isoformat()
'2026-12-07T02:30:00+00:00'
>>> time_left(aware, datetime(2026, 12, 5, 2, 30, tzinfo=timezone.utc))
datetime.timedelta(days=2)
>>> describe_left(timedelta(hours=-5, minutes=-30))
'overdue by 5 h 30 min'
"""

from __future__ import annotations

from datetime import datetime, timedelta

#: s.37(4): notify the Office within 72 hours of becoming aware.
NOTICE_HOURS = 72
#: ``run`` reminds the DPO when this much time is left (SPEC §11).
REMINDERS: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=6))


def deadline(aware_at: datetime) -> datetime:
    """``aware_at`` + 72 hours; ValueError for a naive moment."""
    if aware_at.tzinfo is None or aware_at.utcoffset() is None:
        raise ValueError("aware_at needs a time zone (e.g. 2026-12-04T09:30:00+07:00)")
    return aware_at + timedelta(hours=NOTICE_HOURS)


def time_left(aware_at: datetime, now: datetime) -> timedelta:
    """How long until the deadline (negative once it has passed)."""
    return deadline(aware_at) - now


def describe_left(left: timedelta) -> str:
    """``"47 h 10 min left"`` or ``"overdue by 2 h 5 min"``."""
    minutes = int(abs(left).total_seconds() // 60)
    text = f"{minutes // 60} h {minutes % 60} min"
    return f"{text} left" if left >= timedelta(0) else f"overdue by {text}"


def describe_left_th(left: timedelta) -> str:
    """``"เหลือ 47 ชั่วโมง 10 นาที"`` or ``"เลยกำหนดมาแล้ว 2 ชั่วโมง 5 นาที"``."""
    minutes = int(abs(left).total_seconds() // 60)
    text = f"{minutes // 60} ชั่วโมง {minutes % 60} นาที"
    return f"เหลือ {text}" if left >= timedelta(0) else f"เลยกำหนดมาแล้ว {text}"


def due_reminders(aware_at: datetime, now: datetime, sent: tuple[int, ...]) -> tuple[int, ...]:
    """The reminder hours (24, 6) whose moment has come and that were not ``sent`` yet;
    none once the deadline has passed."""
    left = time_left(aware_at, now)
    if left < timedelta(0):
        return ()
    hours = tuple(int(r.total_seconds() // 3600) for r in REMINDERS if left <= r)
    return tuple(h for h in hours if h not in sent)
