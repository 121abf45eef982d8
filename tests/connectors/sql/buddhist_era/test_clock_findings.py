"""The findings of a Buddhist-era clock: the calendar named, unreadable rows, missing columns.

RETENTION_EXPIRED says which calendar it read (B.E. years, text dd/mm/yyyy;
the Thai message gives the cut-off as a Thai date), and the values that are
not dates are one SCAN_ERROR with their number, never quoted. A register
column that is not in the table (the clock, the subject key, a
quasi-identifier) fails only its own check, with a SCAN_ERROR naming it,
while the other checks still report.
"""

from __future__ import annotations

from datetime import timedelta

from agent.inputs.erasure import ErasureRequest, due
from agent.scan.facts.gather import gather_facts
from connectors.sql.database import DatabaseConnector
from scanners.checks.register.run import run_register_checks
from scanners.model.register import RegisterEntry
from scanners.subjects.spellings import parse_subject
from tests.connectors.sql.buddhist_era.staff_clocks import (
    TODAY,
    UNREADABLE,
    register_entry,
    staff_dataset,
)


def test_finding_names_the_calendar_and_reports_unreadable_rows(staff: tuple[str, int]) -> None:
    url, expected = staff
    entry = register_entry("dmy_be")
    with DatabaseConnector("hr", url) as connector:
        dataset = staff_dataset(connector)
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
        dataset = staff_dataset(connector)
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
        dataset = staff_dataset(connector)
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
