"""SCAN_ERROR for one register check whose facts could not be gathered.

Risk: a silent pass — a ``clock_column`` that does not exist must not make
retention look fine, nor hide the dataset's other findings. Each
:class:`~scanners.checks.facts.FactFailure` becomes a SCAN_ERROR that names
the register entry and the check (its stable id is keyed on the check, so it
resolves by itself once the register is fixed); the other checks of the
dataset still run and report.
Non-compliant: ``clock_column = "terminated"`` where the table has
``terminated_at``: ``SCAN_ERROR`` "register HR-001: clock_column 'terminated'
is not a column of public.employees", and the MINIMISE findings as usual.
"""

from __future__ import annotations

from scanners.checks.facts import DatasetFacts
from scanners.checks.register.common import register_finding
from scanners.checks.registry import FINDING_TYPES
from scanners.checks.scan_error import SCAN_ERROR
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult, Finding


def check_fact_failures(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> list[Finding]:
    """One SCAN_ERROR per check that could not run on ``dataset``."""
    findings: list[Finding] = []
    for failure in facts.failures:
        kind = FINDING_TYPES.get(failure.check)
        named_th = kind.check_th if kind is not None and kind.check_th else failure.check
        findings.append(
            register_finding(
                SCAN_ERROR,
                dataset,
                entry,
                key=failure.check,
                message_th=(
                    f"ไม่สามารถทำ{named_th} ({failure.check}) กับชุดข้อมูล {dataset.name} ได้: "
                    f"{failure.reason}"
                ),
                message_en=(
                    f"Check {failure.check} could not run on {dataset.name}: {failure.reason}"
                ),
            )
        )
    return findings
