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

from scanners.checks.catalogue import CATALOGUE
from scanners.checks.facts import DatasetFacts
from scanners.checks.register_common import register_finding
from scanners.register import RegisterEntry
from scanners.result import DatasetResult, Finding

KIND = CATALOGUE["SCAN_ERROR"]

_CHECK_TH = {
    "RETENTION_EXPIRED": "การตรวจระยะเวลาการเก็บรักษา",
    "ERASURE_PENDING": "การตรวจคำขอลบข้อมูล",
    "ANONYMISATION_WEAK": "การตรวจการทำให้เป็นข้อมูลนิรนาม",
}


def check_fact_failures(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> list[Finding]:
    """One SCAN_ERROR per check that could not run on ``dataset``."""
    return [
        register_finding(
            KIND,
            dataset,
            entry,
            key=failure.check,
            message_th=(
                f"ไม่สามารถทำ{_CHECK_TH.get(failure.check, failure.check)} "
                f"({failure.check}) กับชุดข้อมูล {dataset.name} ได้: {failure.reason}"
            ),
            message_en=(f"Check {failure.check} could not run on {dataset.name}: {failure.reason}"),
        )
        for failure in facts.failures
    ]
