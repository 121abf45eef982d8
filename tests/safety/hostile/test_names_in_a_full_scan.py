"""Hostile names through a full ``run_scan`` with a register, erasure requests and access.

Each hostile table has a register entry (retention ``COUNT``, k-anonymity
``GROUP BY`` on hostile quasi-identifier columns, erasure ``IN`` lookups on
a subject key named after the table) and an access list names a principal
that may read two of them. The scan reports no SCAN_ERROR, finds the
personal columns, counts the expired rows and pending erasure subjects, the
groups below k and the unapproved grants — and injects nothing (issue 9 (3)).
"""

from __future__ import annotations

from scanners.model.result import Finding, ScanResult
from tests.safety.hostile.names import (
    CLOCK_COL,
    MAIL_COL,
    OLD_ROWS,
    QI_COL,
    SUBJECTS,
    Scanned,
    assert_nothing_injected,
    granted_tables,
)


def by_dataset(result: ScanResult, kind: str) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.type == kind:
            found.setdefault(finding.dataset or "", []).append(finding)
    return found


def test_full_scan_has_no_errors_and_nothing_was_injected(scanned: Scanned) -> None:
    errors = [(f.dataset, f.message_en) for f in scanned.result.findings if f.type == "SCAN_ERROR"]
    assert errors == []
    results = {d.name: d for d in scanned.result.datasets}
    for schema, table in scanned.db.datasets():
        dataset = results[f"{schema}.{table}"]
        columns = {c.name: {m.type for m in c.pii} for c in dataset.columns}
        assert "TH_NATIONAL_ID" in columns[table], dataset.name
        assert "EMAIL_ADDRESS" in columns[MAIL_COL], dataset.name
    assert_nothing_injected(scanned.db)


def test_retention_counts_and_erasure_lookups_on_hostile_names(scanned: Scanned) -> None:
    names = {f"{s}.{t}" for s, t in scanned.db.datasets()}
    expired = by_dataset(scanned.result, "RETENTION_EXPIRED")
    assert {n: [f.count for f in fs] for n, fs in expired.items()} == {n: [OLD_ROWS] for n in names}
    erasure = by_dataset(scanned.result, "ERASURE_PENDING")
    assert {n: [f.count for f in fs] for n, fs in erasure.items()} == {n: [SUBJECTS] for n in names}


def test_k_anonymity_group_by_on_hostile_columns(scanned: Scanned) -> None:
    names = {f"{s}.{t}" for s, t in scanned.db.datasets()}
    weak = by_dataset(scanned.result, "ANONYMISATION_WEAK")
    grouped = {
        n: [f.count for f in fs if tuple(f.columns) == (QI_COL, CLOCK_COL)]
        for n, fs in weak.items()
    }
    # groups of (qi, clock): five single old rows, 14 new "A" rows, one new "B" row: 6 below k=2
    assert grouped == {n: [OLD_ROWS + 1] for n in names}


def test_access_review_names_hostile_datasets(scanned: Scanned) -> None:
    assert len(scanned.result.access_reviews) == 1
    if scanned.db.kind == "sqlite":
        return  # file permissions: covered by the absence of SCAN_ERROR above
    granted = {f"{s}.{t}" for s, t in granted_tables(scanned.db)}
    unapproved = {
        f.dataset
        for f in scanned.result.findings
        if f.type == "ACCESS_UNAPPROVED" and f.principal == scanned.principal
    }
    assert unapproved == granted
