"""RETENTION_EXPIRED: rows (or a file) kept past the retention period of the register entry.

Risk: s.37(3) — personal data no longer needed for its purpose must be
deleted or anonymised; every expired row is exposure with no purpose left.
Non-compliant: ``retention = "10y"``, ``clock_column = "terminated_at"`` and
42 rows terminated more than ten years ago.
Compliant: no row's clock is before the cut-off (``expired = 0``), or the
entry declares an exemption (``exemptions = ["legal_claims"]``): then no
finding, an :class:`Exemption` recording what is kept and why.

Facts: :class:`RetentionFacts` (the cut-off, the expired count counted in
the source, the clock, a prepared remediation). No facts, no finding.
``count`` is the number of expired rows; ``columns`` the clock column for
tables, empty when a file's modification time is the clock. Severity: high
(catalogue), critical when the dataset holds Section 26 data.
"""

from __future__ import annotations

from scanners.checks.catalogue import CATALOGUE
from scanners.checks.facts import FILE_MTIME_CLOCK, CheckOutcome, DatasetFacts
from scanners.checks.register_common import (
    FILE_KINDS,
    exemptions_for,
    is_sensitive,
    register_finding,
)
from scanners.register import RegisterEntry
from scanners.result import DatasetResult
from scanners.retention import parse_duration

KIND = CATALOGUE["RETENTION_EXPIRED"]


def _period(retention: str | None) -> tuple[str, str]:
    try:
        period = parse_duration(retention or "")
    except ValueError:
        return retention or "?", retention or "?"
    return period.describe_en(), period.describe_th()


def check_retention_expired(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """A finding when rows are past retention, or exemptions when the entry declares them."""
    retention = facts.retention
    if retention is None or retention.expired <= 0:
        return CheckOutcome()
    count = retention.expired
    if entry.exemptions:
        return CheckOutcome(
            exemptions=exemptions_for(
                KIND.type,
                dataset,
                entry,
                count,
                f"{count} record(s) past retention",
                f"ข้อมูลที่เกินระยะเวลาการเก็บรักษา {count} รายการ",
            )
        )
    period_en, period_th = _period(entry.retention)
    when = retention.cutoff.isoformat()
    is_file_clock = retention.clock == FILE_MTIME_CLOCK or (
        dataset.kind in FILE_KINDS and retention.clock != entry.clock_column
    )
    columns = () if is_file_clock else (retention.clock,)
    action = "Anonymise" if entry.on_expiry == "anonymise" else "Delete"
    must_en = f"must be {action.lower()}d"
    must_th = "ต้องทำให้เป็นข้อมูลนิรนาม" if action == "Anonymise" else "ต้องลบ"
    if is_file_clock:
        message_en = (
            f"File {dataset.name} was last modified before {when}: it is past the retention of "
            f"{period_en} of register entry {entry.id} and {must_en} ({count} record(s))."
        )
        message_th = (
            f"ไฟล์ {dataset.name} แก้ไขครั้งล่าสุดก่อนวันที่ {when} จึงเกินระยะเวลาการเก็บรักษา "
            f"{period_th} ตามรายการทะเบียน {entry.id} {must_th} ({count} รายการ)"
        )
        fallback = f"{action} {dataset.name}: it was last modified before {when}."
    else:
        message_en = (
            f"{dataset.name} has {count} record(s) kept past the retention of {period_en} of "
            f"register entry {entry.id} ({retention.clock} before {when}); they {must_en}."
        )
        message_th = (
            f"ชุดข้อมูล {dataset.name} มี {count} รายการที่เก็บเกินระยะเวลาการเก็บรักษา "
            f"{period_th} ตามรายการทะเบียน {entry.id} ({retention.clock} ก่อนวันที่ {when}) "
            f"{must_th}"
        )
        fallback = f"{action} the rows of {dataset.name} whose {retention.clock} is before {when}."
    sensitive = any(is_sensitive(t) for t in dataset.pii_types)
    finding = register_finding(
        KIND,
        dataset,
        entry,
        key="" if is_file_clock else retention.clock,
        columns=columns,
        count=count,
        severity="critical" if sensitive else None,
        message_th=message_th,
        message_en=message_en,
        remediation=retention.remediation or fallback,
    )
    return CheckOutcome(findings=(finding,))
