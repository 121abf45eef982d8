"""Run every register check on one dataset, in a fixed order.

Order: MINIMISE_UNDECLARED_PII, MINIMISE_GRANULARITY, SENSITIVE_NO_BASIS,
RETENTION_UNDEFINED, RETENTION_EXPIRED, ERASURE_PENDING, ANONYMISATION_WEAK,
then a SCAN_ERROR for each check whose facts could not be gathered.
A dataset that failed to scan (its ``error`` is reported as a SCAN_ERROR)
or that no register entry covers (PII_UNREGISTERED's business) gets an
empty outcome.
"""

from __future__ import annotations

from scanners.checks.anonymisation_weak import check_anonymisation_weak
from scanners.checks.erasure_pending import check_erasure_pending
from scanners.checks.fact_failures import check_fact_failures
from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.minimise_granularity import check_minimise_granularity
from scanners.checks.minimise_undeclared_pii import check_minimise_undeclared_pii
from scanners.checks.retention_expired import check_retention_expired
from scanners.checks.retention_undefined import check_retention_undefined
from scanners.checks.sensitive_no_basis import check_sensitive_no_basis
from scanners.register import RegisterEntry
from scanners.result import DatasetResult, Finding

FINDING_CHECKS = (
    check_minimise_undeclared_pii,
    check_minimise_granularity,
    check_sensitive_no_basis,
    check_retention_undefined,
)
OUTCOME_CHECKS = (check_retention_expired, check_erasure_pending)


def run_register_checks(
    dataset: DatasetResult, entry: RegisterEntry | None, facts: DatasetFacts | None = None
) -> CheckOutcome:
    """Every register finding and exemption for ``dataset`` under ``entry``."""
    if dataset.error is not None or entry is None:
        return CheckOutcome()
    facts = facts or DatasetFacts()
    findings: list[Finding] = []
    exemptions = []
    for check in FINDING_CHECKS:
        findings.extend(check(dataset, entry, facts))
    for outcome_check in OUTCOME_CHECKS:
        outcome = outcome_check(dataset, entry, facts)
        findings.extend(outcome.findings)
        exemptions.extend(outcome.exemptions)
    findings.extend(check_anonymisation_weak(dataset, entry, facts))
    findings.extend(check_fact_failures(dataset, entry, facts))
    return CheckOutcome(findings=tuple(findings), exemptions=tuple(exemptions))
