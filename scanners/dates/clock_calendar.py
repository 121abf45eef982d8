"""Which calendar and format a retention clock column uses, and which rows are past a cut-off.

A register's ``clock_column`` (SPEC §5) may hold Buddhist-era years in a DATE
column, ISO or ``dd/mm/yyyy`` text in either era, Thai month names, two-digit
years or Thai digits (SPEC §4, DOMAIN.md §1.16). Comparing such text as a
string gives wrong counts, so a column the source cannot compare as a date
is read as ``(value, rows)`` pairs — one per distinct value, streamed — and
tallied here: rows past the cut-off, rows whose value is not a date at all,
and the layouts and eras seen.

Two-digit years are read both ways and the column decides: the reading that
puts fewer rows in the future wins (a clock records events that happened),
and B.E. wins a tie, as Thai systems write ``05/07/58`` for 2558.

The result also says whether one SQL comparison can select exactly those
rows (:attr:`ClockTally.sql_layout`): ISO text, fixed-width ``dd/mm/yyyy``
text and ``YYYYMMDD`` can; Thai month names, unpadded or mixed forms cannot.

>>> from datetime import date
>>> pairs = [("05/07/2558", 3), ("01/01/2565", 2), ("ไม่ทราบ", 1)]
>>> t = tally_clock(pairs, cutoff=date(2016, 11, 25), today=date(2026, 12, 4))
>>> (t.expired, t.dated, t.unreadable, t.calendar.era, t.calendar.layout)
(3, 5, 1, 'be', 'dmy')
>>> t.sql_layout
ClockLayout(form='dmy', eras=('be',), separator='/', with_time=False)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from connectors.model import ClockLayout
from scanners.dates.date_values import DateReading, read_date

#: Most distinct two-digit-year values kept aside until the column's era is decided.
MAX_TWO_DIGIT_VALUES = 200_000

_LAYOUT_EN = {
    "date": "a DATE/TIMESTAMP column",
    "iso": "text YYYY-MM-DD",
    "dmy": "text dd/mm/yyyy",
    "compact": "numbers YYYYMMDD",
    "thai_month": "text with Thai month names",
    "english_month": "text with English month names",
    "mixed": "text in several date formats",
    "none": "no readable dates",
}
_LAYOUT_TH = {
    "date": "คอลัมน์ชนิดวันที่",
    "iso": "ข้อความรูปแบบ ปปปป-ดด-วว",
    "dmy": "ข้อความรูปแบบ วว/ดด/ปปปป",
    "compact": "ตัวเลขรูปแบบ ปปปปดดวว",
    "thai_month": "ข้อความที่ใช้ชื่อเดือนภาษาไทย",
    "english_month": "ข้อความที่ใช้ชื่อเดือนภาษาอังกฤษ",
    "mixed": "ข้อความวันที่หลายรูปแบบ",
    "none": "ไม่มีค่าที่อ่านเป็นวันที่ได้",
}
_ERA_EN = {"ce": "C.E. years", "be": "Buddhist-era (B.E.) years", "mixed": "C.E. and B.E. years"}
_ERA_TH = {"ce": "ปี ค.ศ.", "be": "ปี พ.ศ.", "mixed": "ปี ค.ศ. และ พ.ศ. ปนกัน"}


@dataclass(frozen=True)
class ClockCalendar:
    """How a clock column writes its dates: ``era`` ce/be/mixed/none, ``layout`` (see
    :class:`~scanners.dates.date_values.DateReading`, or ``"mixed"``), and the variations seen."""

    era: str
    layout: str
    two_digit_years: bool = False
    thai_digits: bool = False

    def describe_en(self) -> str:
        """``"Buddhist-era (B.E.) years, text dd/mm/yyyy"``: for messages."""
        if self.era == "none":
            return _LAYOUT_EN["none"]
        extras = [" (two-digit years)" if self.two_digit_years else ""]
        extras.append(" in Thai digits" if self.thai_digits else "")
        return f"{_ERA_EN[self.era]}, {_LAYOUT_EN[self.layout]}{''.join(extras)}"

    def describe_th(self) -> str:
        """``"ปี พ.ศ. ข้อความรูปแบบ วว/ดด/ปปปป"``: for Thai messages."""
        if self.era == "none":
            return _LAYOUT_TH["none"]
        extras = [" (ปีสองหลัก)" if self.two_digit_years else ""]
        extras.append(" ใช้เลขไทย" if self.thai_digits else "")
        return f"{_ERA_TH[self.era]} {_LAYOUT_TH[self.layout]}{''.join(extras)}"


@dataclass(frozen=True)
class ClockTally:
    """Rows of a clock column: ``expired`` before the cut-off, ``dated`` with a readable
    date, ``unreadable`` with a value that is not a date, ``not_read`` left unread by a
    read budget; the calendar detected; the SQL layout, when one comparison can select
    exactly the expired rows."""

    expired: int
    dated: int
    unreadable: int
    calendar: ClockCalendar
    sql_layout: ClockLayout | None
    not_read: int = 0


@dataclass
class _Counts:
    expired: int = 0
    dated: int = 0
    unreadable: int = 0
    layouts: Counter[str] | None = None
    eras: Counter[str] | None = None
    widths: set[int] | None = None
    separators: set[str] | None = None
    thai_digits: bool = False
    padded: bool = True

    def add(self, reading: DateReading, day: date, era: str, rows: int, cutoff: date) -> None:
        assert self.layouts is not None and self.eras is not None
        assert self.widths is not None and self.separators is not None
        self.dated += rows
        if day < cutoff:
            self.expired += rows
        self.layouts[reading.layout] += rows
        self.eras[era] += rows
        self.widths.add(reading.width)
        self.separators.add(reading.separator)
        self.thai_digits |= reading.thai_digits
        self.padded &= reading.padded


def _two_digit_era(pending: list[tuple[DateReading, int]], today: date) -> str:
    """``"be"`` unless the B.E. reading puts more rows in the future than the C.E. one."""
    future_be = sum(rows for r, rows in pending if r.day > today)
    future_ce = sum(rows for r, rows in pending if r.day_ce is None or r.day_ce > today)
    return "ce" if future_ce < future_be else "be"


def tally_clock(
    pairs: Iterable[tuple[object, int]], cutoff: date, today: date, not_read: int = 0
) -> ClockTally:
    """Tally ``(value, rows)`` pairs of a clock column against ``cutoff`` (C.E.)."""
    counts = _Counts(layouts=Counter(), eras=Counter(), widths=set(), separators=set())
    pending: list[tuple[DateReading, int]] = []
    for value, rows in pairs:
        reading = read_date(value)
        if reading is None:
            counts.unreadable += rows
        elif reading.day_ce is not None:
            if len(pending) >= MAX_TWO_DIGIT_VALUES:
                not_read += rows
            else:
                pending.append((reading, rows))
        else:
            counts.add(reading, reading.day, reading.era, rows, cutoff)
    two_digit = bool(pending)
    if pending:
        era = _two_digit_era(pending, today)
        for reading, rows in pending:
            day = reading.day if era == "be" else reading.day_ce
            if day is None:
                counts.unreadable += rows
            else:
                counts.add(reading, day, era, rows, cutoff)
    calendar = _calendar(counts, two_digit)
    sql = None if two_digit else _sql_layout(counts, calendar)
    return ClockTally(
        counts.expired, counts.dated, counts.unreadable, calendar, sql, not_read=not_read
    )


def _calendar(counts: _Counts, two_digit: bool) -> ClockCalendar:
    assert counts.layouts is not None and counts.eras is not None
    if not counts.dated:
        return ClockCalendar("none", "none")
    eras = set(counts.eras)
    era = eras.pop() if len(eras) == 1 else "mixed"
    layout = next(iter(counts.layouts)) if len(counts.layouts) == 1 else "mixed"
    return ClockCalendar(era, layout, two_digit, counts.thai_digits)


def _sql_layout(counts: _Counts, calendar: ClockCalendar) -> ClockLayout | None:
    """The layout one SQL comparison can handle, or None (Thai months, mixed, unpadded)."""
    assert counts.eras is not None and counts.widths is not None
    assert counts.separators is not None
    if not counts.padded or calendar.thai_digits:
        return None
    if calendar.layout not in ("date", "iso", "dmy", "compact"):
        return None
    eras = tuple(sorted(counts.eras))
    if calendar.layout == "date":
        return ClockLayout("native", eras)
    if len(counts.separators) != 1:
        return None
    separator = next(iter(counts.separators))
    widths = counts.widths
    if calendar.layout == "compact":
        return ClockLayout("compact", eras) if widths == {8} else None
    if calendar.layout == "iso":
        # A zero-padded ISO date sorts as text; times after it do not change that.
        return ClockLayout("iso", eras, separator, with_time=max(widths) > 10)
    if widths == {10}:
        return ClockLayout("dmy", eras, separator)
    return None


def _every_calendar() -> dict[str, str]:
    calendars = [ClockCalendar("none", "none")]
    for era in _ERA_EN:
        for layout in _LAYOUT_EN:
            if layout == "none":
                continue
            for two_digit in (False, True):
                for thai_digits in (False, True):
                    calendars.append(ClockCalendar(era, layout, two_digit, thai_digits))
    return {c.describe_en(): c.describe_th() for c in calendars}


_TH_BY_EN = _every_calendar()


def describe_th_for(description_en: str) -> str | None:
    """The Thai description of the calendar :meth:`ClockCalendar.describe_en` wrote, or None.

    >>> describe_th_for("Buddhist-era (B.E.) years, text dd/mm/yyyy")
    'ปี พ.ศ. ข้อความรูปแบบ วว/ดด/ปปปป'
    """
    return _TH_BY_EN.get(description_en)
