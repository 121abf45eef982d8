"""Expired counts over Buddhist-era clocks, and the printed statements that remove them.

For each of the nine clocks of the staff table the count the agent reports
must equal ``SELECT count(*) WHERE true_ce < cutoff`` on SQLite, PostgreSQL
and MariaDB, values that are not dates are counted (never dropped) and the
calendar read is the one written; the printed DELETE or UPDATE, run in a
transaction that is rolled back, removes exactly those rows (or, where no
single SQL comparison can select them, a sentence says so in English and
Thai). A CSV file's clock in mixed Thai forms is read the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.scan.facts.gather import retention_facts
from connectors.files.connector import FilesConnector
from connectors.sql.database import DatabaseConnector
from reports.text.remediation_text import thai_sentence
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult
from tests.connectors.sql.buddhist_era.staff_clocks import (
    CALENDARS,
    CLOCKS,
    CUTOFF,
    DATE_CLOCKS,
    NO_SQL,
    ROWS,
    TODAY,
    UNREADABLE,
    clock_writers,
    leaving_dates,
    register_entry,
    rows_changed,
    staff_dataset,
)


def test_expected_count_is_meaningful(staff: tuple[str, int]) -> None:
    _, expected = staff
    assert 60 < expected < ROWS - 60  # both sides of the cut-off are well populated


@pytest.mark.parametrize("clock", CLOCKS)
def test_count_matches_sql_over_converted_dates(staff: tuple[str, int], clock: str) -> None:
    url, expected = staff
    with DatabaseConnector("hr", url) as connector:
        dataset = staff_dataset(connector)
        facts = retention_facts(connector, dataset, register_entry(clock), TODAY)
    assert facts is not None
    assert facts.cutoff == CUTOFF
    assert facts.expired == expected
    assert facts.unreadable == (0 if clock in DATE_CLOCKS else len(UNREADABLE))
    assert facts.calendar is not None
    era, layout = CALENDARS[clock]
    if layout == "date" and url.startswith("sqlite"):
        layout = "iso"  # SQLite keeps a DATE as ISO text
    assert (facts.calendar.era, facts.calendar.layout) == (era, layout)
    assert facts.calendar.thai_digits == (clock == "thai_month")
    assert facts.calendar.two_digit_years == (clock == "two_digit")


@pytest.mark.parametrize("clock", CLOCKS)
def test_printed_statement_removes_exactly_the_counted_rows(
    staff: tuple[str, int], clock: str
) -> None:
    url, expected = staff
    with DatabaseConnector("hr", url) as connector:
        facts = retention_facts(connector, staff_dataset(connector), register_entry(clock), TODAY)
    assert facts is not None and facts.remediation is not None
    if clock in NO_SQL:
        assert not facts.remediation.startswith("DELETE FROM")
        assert "convert it to a DATE column" in facts.remediation
        assert f"the {expected} row(s)" in facts.remediation
        thai = thai_sentence(facts.remediation)
        assert thai is not None and "ปี พ.ศ." in thai and "Buddhist" not in thai
        return
    assert facts.remediation.startswith("DELETE FROM")
    assert rows_changed(url, facts.remediation) == expected


def test_anonymise_statement_uses_the_same_calendar(staff: tuple[str, int]) -> None:
    url, expected = staff
    with DatabaseConnector("hr", url) as connector:
        facts = retention_facts(
            connector, staff_dataset(connector), register_entry("dmy_be", "anonymise"), TODAY
        )
    assert facts is not None and facts.remediation is not None
    assert facts.remediation.startswith("UPDATE")
    assert rows_changed(url, facts.remediation) == expected


def test_csv_clock_in_thai_forms(tmp_path: Path) -> None:
    """A file's clock column is read the same way (no SQL: a sentence)."""
    writers = clock_writers()
    lines = ["name,left_on"]
    days = leaving_dates()
    for i, day in enumerate(days):
        form = ("dmy_be", "thai_month", "iso_be")[i % 3]
        lines.append(f"staff {i},{writers[form](day, i)}")  # type: ignore[operator]
    lines += [f"junk {j},{junk}" for j, junk in enumerate(UNREADABLE)]
    (tmp_path / "leavers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = sum(1 for d in days if d < CUTOFF)
    connector = FilesConnector("share", tmp_path)
    connector.open()
    try:
        dataset = DatasetResult(
            "share",
            "leavers.csv",
            "file",
            len(lines) - 1,
            "HR-001",
            (ColumnResult("name", 0), ColumnResult("left_on", 0)),
        )
        entry = RegisterEntry("HR-001", "share", "*", retention="10y", clock_column="left_on")
        facts = retention_facts(connector, dataset, entry, TODAY)
    finally:
        connector.close()
    assert facts is not None
    assert facts.expired == expected
    assert facts.unreadable == len(UNREADABLE)
    assert facts.calendar is not None and facts.calendar.era == "be"
    assert facts.calendar.layout == "mixed"
    assert facts.remediation is not None and f"the {expected} row(s)" in facts.remediation
