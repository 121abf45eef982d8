"""Dates and times as the reports show them: Asia/Bangkok, and B.E. years in Thai.

Scan times are stored as ISO 8601 UTC; people in Thailand read them in
Bangkok time (UTC+7, no daylight saving). ``zoneinfo`` gives the zone (the
``tzdata`` package ships it where the system has no zone files); should even
that be missing, the fixed +07:00 offset is the same clock. A Thai report
writes years in the Buddhist era (B.E. = C.E. + 543) unless ``[reports]
thai_dates = "ce"``; an English report always uses C.E. and ISO dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scanners.dates.thai_calendar import BE_OFFSET, THAI_MONTH_ABBREVIATIONS

Era = Literal["be", "ce"]
ERAS: tuple[str, ...] = ("be", "ce")
ZONE_NAME = "Asia/Bangkok"

THAI_MONTHS = THAI_MONTH_ABBREVIATIONS


def bangkok() -> tzinfo:
    """The Asia/Bangkok zone (a fixed UTC+7 when no zone data is installed)."""
    try:
        return ZoneInfo(ZONE_NAME)
    except ZoneInfoNotFoundError:  # pragma: no cover - tzdata is an install requirement
        return timezone(timedelta(hours=7), "ICT")


def parse_moment(value: str) -> datetime | None:
    """An ISO 8601 timestamp (``Z`` accepted; naive = UTC), or None when unparsable."""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def bangkok_date(value: str) -> date | None:
    """The calendar date in Bangkok of an ISO timestamp, or None when unparsable."""
    moment = parse_moment(value)
    return None if moment is None else moment.astimezone(bangkok()).date()


def format_date(day: date, language: str, era: Era = "be") -> str:
    """``4 ธ.ค. 2569`` (Thai, B.E.), ``4 ธ.ค. 2026`` (Thai, C.E.) or ``2026-12-04`` (English)."""
    if language != "th":
        return day.isoformat()
    year = day.year + BE_OFFSET if era == "be" else day.year
    return f"{day.day} {THAI_MONTHS[day.month - 1]} {year}"


def format_moment(value: str, language: str, era: Era = "be") -> str:
    """An ISO UTC timestamp in Bangkok time, e.g. ``4 ธ.ค. 2569 09:30 น.``; unparsable: as given."""
    moment = parse_moment(value)
    if moment is None:
        return value
    local = moment.astimezone(bangkok())
    clock = local.strftime("%H:%M")
    if language == "th":
        return f"{format_date(local.date(), language, era)} {clock} น."
    return f"{local.date().isoformat()} {clock} (UTC+7)"


def utc(moment: datetime) -> datetime:
    """``moment`` in UTC (a naive moment is taken as UTC, like the state store's)."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC)
