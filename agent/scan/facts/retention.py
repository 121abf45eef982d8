"""Rows past retention, read in the calendar and format the clock column really uses.

SPEC §4: a clock may be a DATE holding Buddhist-era years, or text in any
Thai form; a text date is never compared as a string. How each storage is
counted:

- a DATE/TIMESTAMP column on a server database: its eras are counted in
  the database, then the expired rows, with one comparison per era
  (:mod:`connectors.sql.clock_predicates`) — nothing leaves the database;
- text (and SQLite, and numbers): the distinct values and their row counts
  are streamed (``GROUP BY`` in the source, so each date is read once) and
  tallied by :func:`scanners.dates.clock_calendar.tally_clock`, which also counts
  the values that are not dates. When one SQL comparison can select exactly
  the expired rows (ISO, fixed-width ``dd/mm/yyyy``, ``YYYYMMDD``), it is
  counted in the database too and must agree before it is printed as the
  remediation; otherwise the remediation says why no statement is given.

The finding says which calendar was detected (``RetentionFacts.calendar``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from connectors.base import ClockReader, RemediationWriter, RowCounter
from connectors.model import ClockLayout
from connectors.sql.clock_predicates import be_cutoff
from scanners.dates.clock_calendar import ClockCalendar, ClockTally, tally_clock


@dataclass(frozen=True)
class ClockCount:
    """What a clock column says about retention: the tally and the SQL layout, if any."""

    tally: ClockTally
    layout: ClockLayout | None


def count_clock(
    reader: ClockReader, name: str, column: str, cutoff: date, today: date
) -> ClockCount:
    """Expired, dated and unreadable rows of ``column``, and how SQL can select them."""
    if reader.clock_storage(name, column) == "native" and isinstance(reader, RowCounter):
        return _native(reader, name, column, cutoff)
    tally = tally_clock(reader.clock_value_counts(name, column), cutoff, today)
    layout = tally.sql_layout
    if (
        layout is not None
        and isinstance(reader, RowCounter)
        and reader.count_before(name, column, cutoff, layout) != tally.expired
    ):
        layout = None  # a form SQL reads differently from us: no statement
    return ClockCount(tally, layout)


def _native(reader: object, name: str, column: str, cutoff: date) -> ClockCount:
    assert isinstance(reader, ClockReader) and isinstance(reader, RowCounter)
    ce_rows, be_rows = reader.native_clock_eras(name, column)
    eras = tuple(era for era, rows in (("be", be_rows), ("ce", ce_rows)) if rows)
    if not eras:
        empty = ClockTally(0, 0, 0, ClockCalendar("none", "none"), None)
        return ClockCount(empty, None)
    layout = ClockLayout("native", eras)
    expired = reader.count_before(name, column, cutoff, layout)
    era = eras[0] if len(eras) == 1 else "mixed"
    tally = ClockTally(expired, ce_rows + be_rows, 0, ClockCalendar(era, "date"), layout)
    return ClockCount(tally, layout)


def remediation_sql(
    writer: RemediationWriter,
    name: str,
    clock: str,
    cutoff: date,
    layout: ClockLayout,
    anonymise_columns: tuple[str, ...] | None,
) -> str | None:
    """The statement for the expired rows: ``DELETE``, or ``UPDATE … SET c = NULL`` when
    ``anonymise_columns`` is given (None when there is nothing to anonymise)."""
    if anonymise_columns is None:
        return writer.delete_sql(name, clock, cutoff, layout)
    if not anonymise_columns:
        return None
    return writer.anonymise_sql(name, anonymise_columns, clock, cutoff, layout)


def no_sql_sentence(
    name: str, clock: str, cutoff: date, count: ClockCount, action: str, is_file: bool
) -> str:
    """What to do when no single statement can select the expired rows."""
    tally = count.tally
    when = f"{cutoff.isoformat()} (B.E. {be_cutoff(cutoff).year} in the Thai calendar)"
    if is_file:
        return (
            f"In {name}, {action} the {tally.expired} row(s) whose {clock} is before {when}; "
            f"{clock} holds {tally.calendar.describe_en()}."
        )
    return (
        f"{action.capitalize()} the {tally.expired} row(s) of {name} whose {clock} is before "
        f"{when}. {clock} holds {tally.calendar.describe_en()}, which one SQL comparison "
        f"cannot select: convert it to a DATE column in the common era, then scan again for "
        f"the exact statement."
    )
