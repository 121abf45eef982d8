"""Parse the schedule strings of SPEC §4 ("every day at 02:00", "every 6 hours", …).

Any text gives a :class:`ScheduleSpec` or a ``ValueError`` naming the accepted
forms. Intervals are at most a year (``every 527040 minutes``, ``every 52
weeks``): a longer one would overflow the scheduler's date arithmetic when the
agent starts, long after ``check-config`` said it was fine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AT = r"(?:\s+at\s+(?P<at>\d{1,2}:\d{2}))?"
_PATTERN = re.compile(
    r"^every\s+(?:(?P<n>\d{1,9})\s+)?(?P<unit>minutes?|hours?|days?|weeks?|"
    + "|".join(WEEKDAYS)
    + r")"
    + _AT
    + r"$"
)


#: The longest interval of each unit: one (leap) year.
MAX_INTERVAL = {"minutes": 366 * 24 * 60, "hours": 366 * 24, "days": 366, "weeks": 52}


@dataclass(frozen=True)
class ScheduleSpec:
    """A parsed schedule: every ``interval`` ``unit`` (optionally ``at`` HH:MM)."""

    interval: int
    unit: str  # minutes | hours | days | weeks | a weekday name
    at: str | None


def parse_schedule(text: str) -> ScheduleSpec:
    """Parse a schedule string; raise ValueError with the accepted forms."""
    shown = repr(text if len(text) <= 60 else text[:57] + "...")
    match = _PATTERN.match(" ".join(text.strip().lower().split()))
    if not match:
        raise ValueError(
            f"unrecognised schedule {shown}; use e.g. 'every day at 02:00', "
            "'every 6 hours', 'every monday at 01:30'"
        )
    unit = match["unit"]
    interval = int(match["n"] or 1)
    at = match["at"]
    if interval < 1:
        raise ValueError(f"schedule interval must be at least 1 in {shown}")
    if unit in WEEKDAYS and match["n"]:
        raise ValueError(f"'every N {unit}' is not supported in {shown}")
    if at is not None:
        hours, minutes = (int(part) for part in at.split(":"))
        if hours > 23 or minutes > 59:
            raise ValueError(f"invalid time {at!r} in schedule {shown}")
        if unit.startswith(("minute", "hour", "week")):
            raise ValueError(f"'at' needs a day or weekday unit in {shown}")
        at = f"{hours:02d}:{minutes:02d}"
    if unit not in WEEKDAYS:
        unit = unit if unit.endswith("s") else unit + "s"
        if interval > MAX_INTERVAL[unit]:
            raise ValueError(
                f"schedule interval must be at most {MAX_INTERVAL[unit]} {unit} in {shown}"
            )
    return ScheduleSpec(interval=interval, unit=unit, at=at)
