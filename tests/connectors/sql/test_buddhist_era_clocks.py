"""Retention clocks stored in the Buddhist era, on SQLite, PostgreSQL and MariaDB (SPEC §4).

One table holds the same 260 leaving dates written nine ways — DATE with
B.E. years, DATE with both eras, ``dd/mm/25xx``, ``dd/mm/20xx``, ISO B.E.
text with and without a time, Thai month names (some in Thai digits),
two-digit B.E. years and ``YYYYMMDD`` — plus a ``true_ce`` DATE column with
the same dates converted to the common era. For every clock the count the
agent reports must equal ``SELECT count(*) WHERE true_ce < cutoff``, values
that are not dates are counted (never dropped), the finding says which
calendar it read, and the printed remediation statement, run inside a
transaction that is rolled back, removes exactly those rows. Last, a real
``pdpa-agent scan`` of three such tables (B.E. DATE, ``dd/mm/25xx`` and Thai
month clocks) reports exactly the SQL counts in ``findings.json``.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    select,
    text,
)
from sqlalchemy.engine import URL

from agent.cli import main
from agent.inputs.erasure import ErasureRequest, due
from agent.scan.facts.gather import gather_facts, retention_facts
from connectors.files.connector import FilesConnector
from connectors.sql.database import DatabaseConnector
from reports.text.remediation_text import thai_sentence
from scanners.checks.register.run import run_register_checks
from scanners.dates.retention import cutoff
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult, PiiMatch
from scanners.subjects.spellings import parse_subject

TODAY = date(2026, 11, 25)
CUTOFF = date(2016, 11, 25)  # ten years before TODAY
ROWS = 260
UNREADABLE = ("ไม่ทราบ", "-", "N/A", "00/00/0000")
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.")
THAI_MONTHS += ("ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _be(day: date) -> date:
    return day.replace(year=day.year + 543)


def _writers() -> dict[str, object]:
    return {
        "be_date": lambda d, i: _be(d),
        "mixed_date": lambda d, i: _be(d) if i % 2 else d,
        "dmy_be": lambda d, i: f"{d:%d/%m}/{d.year + 543}",
        "dmy_ce": lambda d, i: f"{d:%d/%m/%Y}",
        "iso_be": lambda d, i: f"{d.year + 543}-{d:%m-%d}",
        "iso_be_time": lambda d, i: f"{d.year + 543}-{d:%m-%d} {i % 24:02d}:15:00",
        "thai_month": lambda d, i: (lambda s: s.translate(THAI_DIGITS) if i % 3 == 0 else s)(
            f"{d.day} {THAI_MONTHS[d.month - 1]} {d.year + 543}"
        ),
        "two_digit": lambda d, i: f"{d:%d/%m}/{(d.year + 543) % 100:02d}",
        "compact_be": lambda d, i: f"{d.year + 543}{d:%m%d}",
    }


CLOCKS = tuple(_writers())
DATE_CLOCKS = ("be_date", "mixed_date")
#: clock → (era, layout) the finding must report.
CALENDARS = {
    "be_date": ("be", "date"),
    "mixed_date": ("mixed", "date"),
    "dmy_be": ("be", "dmy"),
    "dmy_ce": ("ce", "dmy"),
    "iso_be": ("be", "iso"),
    "iso_be_time": ("be", "iso"),
    "thai_month": ("be", "thai_month"),
    "two_digit": ("be", "dmy"),
    "compact_be": ("be", "compact"),
}
#: Clocks no single SQL comparison can select: the remediation is a sentence.
NO_SQL = {"thai_month", "two_digit"}


def _dates() -> list[date]:
    rng = random.Random(2569)
    start = date(1999, 1, 1)
    days = [start + timedelta(days=rng.randrange(0, 10_150)) for _ in range(ROWS - 4)]
    days += [CUTOFF, CUTOFF - timedelta(days=1), CUTOFF + timedelta(days=1), date(2016, 2, 28)]
    return [d if (d.month, d.day) != (2, 29) else d - timedelta(days=1) for d in days]


def _table(metadata: MetaData, name: str = "staff") -> Table:
    columns = [
        Column("id", Integer, primary_key=True),
        Column("full_name", String(80)),
        Column("true_ce", Date),
    ]
    for clock in CLOCKS:
        columns.append(Column(clock, Date if clock in DATE_CLOCKS else String(40)))
    return Table(name, metadata, *columns)


def _rows() -> list[dict[str, object]]:
    writers = _writers()
    rows: list[dict[str, object]] = []
    for i, day in enumerate(_dates()):
        row: dict[str, object] = {"id": i + 1, "full_name": f"staff {i}", "true_ce": day}
        row.update({clock: write(day, i) for clock, write in writers.items()})  # type: ignore[operator]
        rows.append(row)
    for j, junk in enumerate(UNREADABLE):  # not dates: NULL in DATE columns, text elsewhere
        row = {"id": ROWS + j + 1, "full_name": "junk", "true_ce": None}
        row.update({c: None if c in DATE_CLOCKS else junk for c in CLOCKS})
        rows.append(row)
    rows.append({"id": ROWS + 10, "full_name": None, "true_ce": None, **dict.fromkeys(CLOCKS)})
    return rows


@pytest.fixture
def staff(empty_database_url: URL | str) -> Iterator[tuple[str, int]]:
    """The staff table on one backend: its URL and the expired count SQL gives."""
    engine = create_engine(empty_database_url)
    metadata = MetaData()
    table = _table(metadata)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(table.insert(), _rows())
        expected = conn.execute(
            select(func.count()).select_from(table).where(table.c.true_ce < CUTOFF)
        ).scalar_one()
    engine.dispose()
    url = (
        empty_database_url.render_as_string(hide_password=False)
        if isinstance(empty_database_url, URL)
        else empty_database_url
    )
    yield url, int(expected)


def _dataset(connector: DatabaseConnector) -> DatasetResult:
    name = next(n for n in connector.list_datasets() if n.endswith(".staff"))
    columns = [ColumnResult("id", 0), ColumnResult("true_ce", 0)]
    columns += [ColumnResult(c, 0) for c in CLOCKS]
    columns.append(ColumnResult("full_name", 0, (PiiMatch("PERSON", 0.9, 0.9),)))
    return DatasetResult("hr", name, "table", ROWS + 5, "HR-001", tuple(columns))


def _entry(clock: str, on_expiry: str = "delete") -> RegisterEntry:
    return RegisterEntry(
        "HR-001", "hr", "*staff", retention="10y", clock_column=clock, on_expiry=on_expiry
    )


def _rows_changed(url: str, statement: str) -> int:
    """Run a printed remediation statement in a transaction that is rolled back."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            transaction = conn.begin()
            changed = conn.execute(text(statement)).rowcount
            transaction.rollback()
    finally:
        engine.dispose()
    return int(changed)


def test_expected_count_is_meaningful(staff: tuple[str, int]) -> None:
    _, expected = staff
    assert 60 < expected < ROWS - 60  # both sides of the cut-off are well populated


@pytest.mark.parametrize("clock", CLOCKS)
def test_count_matches_sql_over_converted_dates(staff: tuple[str, int], clock: str) -> None:
    url, expected = staff
    with DatabaseConnector("hr", url) as connector:
        dataset = _dataset(connector)
        facts = retention_facts(connector, dataset, _entry(clock), TODAY)
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
        facts = retention_facts(connector, _dataset(connector), _entry(clock), TODAY)
    assert facts is not None and facts.remediation is not None
    if clock in NO_SQL:
        assert not facts.remediation.startswith("DELETE FROM")
        assert "convert it to a DATE column" in facts.remediation
        assert f"the {expected} row(s)" in facts.remediation
        thai = thai_sentence(facts.remediation)
        assert thai is not None and "ปี พ.ศ." in thai and "Buddhist" not in thai
        return
    assert facts.remediation.startswith("DELETE FROM")
    assert _rows_changed(url, facts.remediation) == expected


def test_anonymise_statement_uses_the_same_calendar(staff: tuple[str, int]) -> None:
    url, expected = staff
    with DatabaseConnector("hr", url) as connector:
        facts = retention_facts(
            connector, _dataset(connector), _entry("dmy_be", "anonymise"), TODAY
        )
    assert facts is not None and facts.remediation is not None
    assert facts.remediation.startswith("UPDATE")
    assert _rows_changed(url, facts.remediation) == expected


def test_finding_names_the_calendar_and_reports_unreadable_rows(staff: tuple[str, int]) -> None:
    url, expected = staff
    entry = _entry("dmy_be")
    with DatabaseConnector("hr", url) as connector:
        dataset = _dataset(connector)
        facts = gather_facts(connector, dataset, entry, TODAY, ())
    outcome = run_register_checks(dataset, entry, facts)
    by_type = {f.type: f for f in outcome.findings}
    expired = by_type["RETENTION_EXPIRED"]
    assert expired.count == expected
    assert "Buddhist-era (B.E.) years, text dd/mm/yyyy" in expired.message_en
    assert "ปี พ.ศ." in expired.message_th and "25 พ.ย. 2559" in expired.message_th
    unreadable = by_type["SCAN_ERROR"]
    assert unreadable.count == len(UNREADABLE)
    assert unreadable.columns == ("dmy_be",)
    for junk in UNREADABLE:  # counted, never quoted
        assert f"'{junk}'" not in unreadable.message_en


def test_missing_clock_column_fails_only_the_retention_check(staff: tuple[str, int]) -> None:
    url, _ = staff
    entry = RegisterEntry(
        "HR-001", "hr", "*staff", retention="10y", clock_column="left_on", allowed_pii=()
    )
    with DatabaseConnector("hr", url) as connector:
        dataset = _dataset(connector)
        facts = gather_facts(connector, dataset, entry, TODAY, ())
    assert facts.retention is None
    assert [f.check for f in facts.failures] == ["RETENTION_EXPIRED"]
    assert "clock_column 'left_on'" in facts.failures[0].reason
    assert "HR-001" in facts.failures[0].reason
    types = sorted(f.type for f in run_register_checks(dataset, entry, facts).findings)
    assert types == ["MINIMISE_UNDECLARED_PII", "SCAN_ERROR"]


def test_each_missing_register_column_fails_only_its_own_check(staff: tuple[str, int]) -> None:
    """subject_key and quasi_identifiers that are not columns: one SCAN_ERROR each, retention
    (whose clock exists) still counted, and the other findings still reported."""
    url, expected = staff
    entry = RegisterEntry(
        "HR-001",
        "hr",
        "*staff",
        retention="10y",
        clock_column="dmy_be",
        subject_key="citizen_no",
        anonymised=True,
        quasi_identifiers=("dmy_be", "zip"),
    )
    requests = due(
        [ErasureRequest(parse_subject("EMAIL_ADDRESS", "a@example.co.th"), TODAY, "erasure", "x")],
        TODAY + timedelta(days=60),
        30,
    )
    with DatabaseConnector("hr", url) as connector:
        dataset = _dataset(connector)
        facts = gather_facts(connector, dataset, entry, TODAY, requests)
    assert facts.retention is not None and facts.retention.expired == expected
    reasons = {f.check: f.reason for f in facts.failures}
    assert set(reasons) == {"ERASURE_PENDING", "ANONYMISATION_WEAK"}
    assert "subject_key 'citizen_no'" in reasons["ERASURE_PENDING"]
    assert "quasi_identifiers 'zip'" in reasons["ANONYMISATION_WEAK"]
    assert all("HR-001" in reason for reason in reasons.values())
    findings = run_register_checks(dataset, entry, facts).findings
    errors = [f for f in findings if f.type == "SCAN_ERROR" and f.count is None]
    assert len(errors) == 2 and len({f.id for f in errors}) == 2
    assert {"RETENTION_EXPIRED", "ANONYMISATION_WEAK"} <= {f.type for f in findings}


def test_csv_clock_in_thai_forms(tmp_path: Path) -> None:
    """A file's clock column is read the same way (no SQL: a sentence)."""
    writers = _writers()
    lines = ["name,left_on"]
    days = _dates()
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


#: Tables of the organisation scanned end to end, each with its clock.
SCANNED = {"leavers_dmy": "dmy_be", "leavers_be_date": "be_date", "leavers_thai": "thai_month"}


def test_full_scan_counts_match_sql_over_converted_dates(
    empty_database_url: URL | str, tmp_path: Path
) -> None:
    """``pdpa-agent scan`` of an organisation whose clocks are B.E. (DATE and text)."""
    engine = create_engine(empty_database_url)
    metadata = MetaData()
    tables = {name: _table(metadata, name) for name in SCANNED}
    metadata.create_all(engine)
    rows = _rows()
    with engine.begin() as conn:
        for table in tables.values():
            conn.execute(table.insert(), rows)
        table = tables["leavers_dmy"]
        scan_cutoff = cutoff(date.today(), "10y")  # the scan counts from today
        expected = conn.execute(
            select(func.count()).select_from(table).where(table.c.true_ce < scan_cutoff)
        ).scalar_one()
    engine.dispose()
    url = (
        empty_database_url.render_as_string(hide_password=False)
        if isinstance(empty_database_url, URL)
        else empty_database_url
    )
    entries = "".join(
        f'[[datasets]]\nid = "HR-{i}"\nsource = "hr"\nmatch = "*.{name}"\n'
        f'legal_basis = "contract"\nowner = "hr@example.co.th"\nretention = "10y"\n'
        f'clock_column = "{clock}"\nallowed_pii = ["PERSON"]\n\n'
        for i, (name, clock) in enumerate(SCANNED.items())
    )
    (tmp_path / "register.toml").write_text(entries, encoding="utf-8")
    (tmp_path / "pdpa-agent.toml").write_text(
        f'[agent]\nstate = "sqlite:///state.db"\nworkers = 1\n\n'
        f'[[sources]]\nname = "hr"\nkind = "database"\nurl = "{url}"\n'
        f'include = ["*.leavers_*"]\n\n[register]\npath = "register.toml"\n',
        encoding="utf-8",
    )
    code = main(["scan", "-c", str(tmp_path / "pdpa-agent.toml"), "--out", str(tmp_path / "out")])
    assert code == 3  # the unreadable text clocks are SCAN_ERRORs: reported, not dropped
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    expired = {
        f["dataset"].rsplit(".", 1)[1]: f
        for f in report["findings"]
        if f["type"] == "RETENTION_EXPIRED"
    }
    assert {name: f["count"] for name, f in expired.items()} == dict.fromkeys(SCANNED, expected)
    assert "Buddhist-era" in expired["leavers_dmy"]["message"]["en"]
    assert "ปี พ.ศ." in expired["leavers_thai"]["message"]["th"]
    unreadable = [
        f for f in report["findings"] if f["type"] == "SCAN_ERROR" and f["count"] is not None
    ]
    assert sorted(f["dataset"].rsplit(".", 1)[1] for f in unreadable) == [
        "leavers_dmy",
        "leavers_thai",
    ]
    assert all(f["count"] == len(UNREADABLE) for f in unreadable)
