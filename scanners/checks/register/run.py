"""Run every register check on one dataset, in the registry's order.

Order: :data:`scanners.checks.registry.REGISTER_CHECKS` (MINIMISE_UNDECLARED_PII,
MINIMISE_GRANULARITY, SENSITIVE_NO_BASIS, RETENTION_UNDEFINED,
RETENTION_EXPIRED, ERASURE_PENDING, ANONYMISATION_WEAK), then a SCAN_ERROR
for each check whose facts could not be gathered. A dataset that failed to
scan (its ``error`` is reported as a SCAN_ERROR) or that no register entry
covers (PII_UNREGISTERED's business) gets an empty outcome.
"""

from __future__ import annotations

from scanners.checks.fact_failures import check_fact_failures
from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.registry import REGISTER_CHECKS
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult


def run_register_checks(
    dataset: DatasetResult, entry: RegisterEntry | None, facts: DatasetFacts | None = None
) -> CheckOutcome:
    """Every register finding and exemption for ``dataset`` under ``entry``."""
    if dataset.error is not None or entry is None:
        return CheckOutcome()
    facts = facts or DatasetFacts()
    outcomes = [kind.check(dataset, entry, facts) for kind in REGISTER_CHECKS]
    findings = [finding for outcome in outcomes for finding in outcome.findings]
    findings.extend(check_fact_failures(dataset, entry, facts))
    exemptions = tuple(exemption for outcome in outcomes for exemption in outcome.exemptions)
    return CheckOutcome(findings=tuple(findings), exemptions=exemptions)
