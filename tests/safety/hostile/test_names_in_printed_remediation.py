"""Remediation SQL printed for hostile names runs as printed and touches only expired rows.

Each RETENTION_EXPIRED statement (``DELETE`` or ``UPDATE``) is executed exactly
as printed — no parameters, what a DBA pastes into psql or mysql — on a
separate writable connection inside a transaction that is rolled back; it
must touch exactly the expired rows and inject nothing. ``%`` in a name is
printed as ``%``, never doubled (issue 9 (3)).
"""

from __future__ import annotations

from tests.safety.hostile.names import OLD_ROWS, HostileDb, Scanned, assert_nothing_injected


def remediation_cases(scanned: Scanned, percent: bool) -> list[tuple[str, str, bool]]:
    """(dataset, printed statement, anonymise?) of each RETENTION_EXPIRED finding whose
    table name holds a ``%`` (``percent``) or not."""
    cases = []
    for finding in scanned.result.findings:
        if finding.type == "RETENTION_EXPIRED" and ("%" in (finding.dataset or "")) == percent:
            assert finding.remediation, finding.dataset
            anonymise = int((finding.register_id or "").split("-")[1]) % 2 == 1
            cases.append((finding.dataset or "", finding.remediation, anonymise))
    return cases


def run_as_printed(db: HostileDb, cases: list[tuple[str, str, bool]]) -> list[tuple[str, ...]]:
    """Execute each statement exactly as printed (no parameters: what a DBA pastes into
    psql or mysql) on a writable connection, roll it back; the ones that fail or touch
    other than the expired rows."""
    failures = []
    engine = db.engine()
    try:
        for dataset, statement, anonymise in cases:
            assert statement.startswith("UPDATE" if anonymise else "DELETE"), statement
            raw = engine.raw_connection()
            try:
                cursor = raw.cursor()
                try:
                    cursor.execute(statement)
                    touched = cursor.rowcount
                except Exception as exc:  # collected: one report for every statement
                    failures.append((dataset, statement, type(exc).__name__))
                    continue
                finally:
                    cursor.close()
                if touched != OLD_ROWS:
                    failures.append((dataset, statement, f"{touched} rows"))
            finally:
                raw.rollback()
                raw.close()
    finally:
        engine.dispose()
    assert_nothing_injected(db)
    return failures


def test_printed_remediation_sql_runs_as_printed_and_touches_only_expired_rows(
    scanned: Scanned,
) -> None:
    cases = remediation_cases(scanned, percent=False)
    assert len(cases) == len([t for _, t in scanned.db.datasets() if "%" not in t])
    assert run_as_printed(scanned.db, cases) == []


def test_printed_remediation_sql_keeps_percent_signs(scanned: Scanned) -> None:
    """``%`` in a name is printed as ``%``: the drivers' ``format``/``pyformat`` paramstyle
    (psycopg2, PyMySQL) doubles it when compiling, and a DBA pasting ``"%%_like"``
    would name another table."""
    cases = remediation_cases(scanned, percent=True)
    assert len(cases) == len([t for _, t in scanned.db.datasets() if "%" in t])
    assert all("%%" not in statement for _, statement, _ in cases)
    assert run_as_printed(scanned.db, cases) == []
