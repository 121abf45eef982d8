"""``due`` on every finding (SPEC §8): the rules, first seen from the real state store, config."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from agent.inputs.config_loader import load_config
from agent.inputs.problems import ConfigProblems
from agent.state.recording import ScanRecorder
from reports.due_dates import DEFAULT_POLICY, DuePolicy, ensure_due, scan_date, with_due
from scanners.model.result import Finding, ScanInfo, ScanResult, SourceStatus


def _finding(fid: str, kind: str = "PII_UNREGISTERED", severity: str = "high") -> Finding:
    return Finding(
        id=fid,
        type=kind,
        severity=severity,
        source="hr",
        dataset="public.employees",
        columns=(),
        count=None,
        register_id=None,
        owner=None,
        principal=None,
        privileges=(),
        law="PDPA s.39",
        message_th="ข้อความ",
        message_en="message",
    )


def _result(scan_id: str, started: str, *findings: Finding) -> ScanResult:
    return ScanResult(
        scan=ScanInfo(scan_id, started, started, "test"),
        sources=(SourceStatus("hr", "ok", None, 1),),
        findings=findings,
    )


def _dues(result: ScanResult) -> dict[str, date | None]:
    return {f.id: f.due for f in result.findings}


def test_severity_days_from_the_scan_date_by_default() -> None:
    result = _result(
        "s",
        "2026-06-01T03:00:00Z",
        _finding("c", severity="critical"),
        _finding("h", severity="high"),
        _finding("m", severity="medium"),
        _finding("l", severity="low"),
    )
    assert _dues(ensure_due(result)) == {
        "c": date(2026, 6, 8),
        "h": date(2026, 7, 1),
        "m": date(2026, 8, 30),
        "l": date(2026, 11, 28),
    }


def test_scan_date_is_the_bangkok_date() -> None:
    # 20:00 UTC on 31 May is 03:00 on 1 June in Bangkok
    assert scan_date(_result("s", "2026-05-31T20:00:00+00:00")) == date(2026, 6, 1)


def test_retention_and_erasure_are_due_when_first_seen_whatever_their_severity() -> None:
    result = _result(
        "s",
        "2026-06-01T03:00:00Z",
        _finding("r", "RETENTION_EXPIRED", "low"),
        _finding("e", "ERASURE_PENDING", "high"),
        _finding("b", "BREACH_NOTICE_DUE", "critical"),
    )
    dues = _dues(with_due(result, {"r": date(2026, 5, 1)}))
    assert dues == {"r": date(2026, 5, 1), "e": date(2026, 6, 1), "b": date(2026, 6, 4)}


def test_a_legal_deadline_on_the_finding_wins() -> None:
    deadline = date(2026, 5, 20)
    legal = replace(_finding("e", "ERASURE_PENDING"), due=deadline)
    assert _dues(with_due(_result("s", "2026-06-01T03:00:00Z", legal))) == {"e": deadline}


def test_a_configured_policy_changes_the_days() -> None:
    policy = DuePolicy(severity_days={"high": 3}, type_days={"PII_UNREGISTERED": 1})
    result = _result("s", "2026-06-01T03:00:00Z", _finding("u"), _finding("x", "SCAN_ERROR"))
    assert _dues(with_due(result, {}, policy)) == {"u": date(2026, 6, 2), "x": date(2026, 6, 4)}
    assert DEFAULT_POLICY.days(_finding("z", severity="unheard-of")) == 90


def _recorded(url: str, result: ScanResult) -> ScanResult:
    recorder = ScanRecorder(url)
    try:
        recorder.begin(result.scan.id)
        assert recorder.record(result) is not None
    finally:
        recorder.close()
    return recorder.with_problem(result)


def test_first_seen_comes_from_the_state_store(tmp_path: Path) -> None:
    """A finding still open in a later scan keeps its due date and becomes overdue."""
    url = f"sqlite:///{tmp_path / 'state.db'}"
    first = _recorded(url, _result("s1", "2026-01-01T02:00:00Z", _finding("old")))
    assert _dues(first) == {"old": date(2026, 1, 31)}
    second = _recorded(url, _result("s2", "2026-03-01T02:00:00Z", _finding("old"), _finding("new")))
    assert _dues(second) == {"old": date(2026, 1, 31), "new": date(2026, 3, 31)}


def test_an_unusable_store_counts_from_the_scan_date(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'state.db'}"
    recorder = ScanRecorder(url)
    result = _result("s", "2026-06-01T03:00:00Z", _finding("a"))
    recorder.begin("s")
    assert recorder.record(result) is None
    shown = recorder.with_problem(result)
    assert {f.type for f in shown.findings} == {"PII_UNREGISTERED", "SCAN_ERROR"}
    assert all(f.due is not None for f in shown.findings)
    assert _dues(shown)["a"] == date(2026, 7, 1)


def _config(tmp_path: Path, reports: str) -> Path:
    path = tmp_path / "pdpa-agent.toml"
    path.write_text(f"[reports]\n{reports}\n", encoding="utf-8")
    return path


def test_due_days_config_merges_over_the_defaults(tmp_path: Path) -> None:
    settings = load_config(
        _config(tmp_path, "due_days = {critical = 1}\ndue_days_by_type = {ACCESS_PUBLIC = 0}")
    ).config.reports
    policy = settings.due_policy()
    assert policy.severity_days == {"critical": 1, "high": 30, "medium": 90, "low": 180}
    assert policy.type_days["ACCESS_PUBLIC"] == 0
    assert policy.type_days["RETENTION_EXPIRED"] == 0
    assert settings.report_options().era == "be"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("due_days = {urgent = 3}", "unknown severity 'urgent'"),
        ("due_days = {high = -5}", "high = -5"),
        ("due_days_by_type = {PII_SOMETHING = 1}", "unknown finding type 'PII_SOMETHING'"),
        ('thai_dates = "roman"', "thai_dates"),
    ],
)
def test_bad_due_config_is_a_clear_error(tmp_path: Path, line: str, expected: str) -> None:
    with pytest.raises(ConfigProblems) as caught:
        load_config(_config(tmp_path, line))
    assert expected in "\n".join(str(p) for p in caught.value.problems)


def test_erasure_pending_is_due_at_its_legal_deadline(tmp_path: Path) -> None:
    """Request date + grace_days of the earliest matched request, found in a real table."""
    import sqlite3

    from agent.inputs.erasure import due, load_erasure_requests
    from agent.scan.facts.gather import gather_facts
    from connectors.sql.database import DatabaseConnector
    from scanners.checks.register.run import run_register_checks
    from scanners.model.register import RegisterEntry
    from scanners.model.result import ColumnResult, DatasetResult, PiiMatch

    db = tmp_path / "crm.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)")
        conn.executemany(
            "INSERT INTO customers (email) VALUES (?)",
            [("somchai@example.co.th",), ("malee@example.co.th",), ("other@example.co.th",)],
        )
    requests_csv = tmp_path / "erasure.csv"
    requests_csv.write_text(
        "subject_type,subject_value,requested_at,kind\n"
        "EMAIL_ADDRESS,somchai@example.co.th,2569-09-01,erasure\n"  # B.E.: 2026-09-01
        "EMAIL_ADDRESS,malee@example.co.th,2026-08-15,erasure\n"
        "EMAIL_ADDRESS,absent@example.co.th,2026-07-01,erasure\n",
        encoding="utf-8",
    )
    today = date(2026, 12, 4)
    requests = due(load_erasure_requests(requests_csv), today, grace_days=30)
    assert len(requests) == 3
    email = ColumnResult("email", 3, (PiiMatch("EMAIL_ADDRESS", 0.99, 1.0),))
    dataset = DatasetResult("crm", "main.customers", "table", 3, "CRM-1", (email,))
    entry = RegisterEntry("CRM-1", "crm", "main.customers", allowed_pii=("EMAIL_ADDRESS",))
    with DatabaseConnector("crm", f"sqlite:///{db}") as connector:
        facts = gather_facts(connector, dataset, entry, today, requests)
    findings = run_register_checks(dataset, entry, facts).findings
    (pending,) = [f for f in findings if f.type == "ERASURE_PENDING"]
    assert pending.count == 2
    assert pending.due == date(2026, 9, 14)  # malee's 2026-08-15 + 30 days, the earliest
    assert with_due(_result("s1", "2026-12-04T01:00:00Z", pending)).findings[0].due == date(
        2026, 9, 14
    )
