"""RETENTION_EXPIRED: rows (or a file) kept past the retention period of the register entry.

Risk: s.37(3) — personal data no longer needed for its purpose must be
deleted or anonymised; every expired row is exposure with no purpose left.
Non-compliant: ``retention = "10y"``, ``clock_column = "terminated_at"`` and
42 rows terminated more than ten years ago.
Compliant: no row's clock is before the cut-off (``expired = 0``), or the
entry declares an exemption (``exemptions = ["legal_claims"]``): then no
finding, an :class:`Exemption` recording what is kept and why.

Facts: :class:`RetentionFacts` (the cut-off, the expired count counted in
the calendar the clock really uses, that calendar, the rows whose clock is
not a date, the clock, a prepared remediation). No facts, no finding. The
message says which calendar was detected; rows whose clock is not a date
are a SCAN_ERROR of their own (never silently dropped).
``count`` is the number of expired rows; ``columns`` the clock column for
tables, empty when a file's modification time is the clock. Severity: high,
critical when the dataset holds Section 26 data.
"""

from __future__ import annotations

from scanners.checks.facts import FILE_MTIME_CLOCK, CheckOutcome, DatasetFacts, RetentionFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import (
    FILE_KINDS,
    RegisterCheck,
    exemptions_for,
    is_sensitive,
    register_finding,
)
from scanners.checks.scan_error import SCAN_ERROR
from scanners.dates.retention import parse_duration
from scanners.dates.thai_calendar import thai_date
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult, Finding


def _period(retention: str | None) -> tuple[str, str]:
    try:
        period = parse_duration(retention or "")
    except ValueError:
        return retention or "?", retention or "?"
    return period.describe_en(), period.describe_th()


def _calendar_note(retention: RetentionFacts) -> tuple[str, str]:
    """``"; read as Buddhist-era (B.E.) years, text dd/mm/yyyy"``, or nothing."""
    if retention.calendar is None or retention.calendar.era == "none":
        return "", ""
    calendar = retention.calendar
    return f"; dates read as {calendar.describe_en()}", f" อ่านวันที่เป็น{calendar.describe_th()}"


def unreadable_clock(
    dataset: DatasetResult, entry: RegisterEntry, retention: RetentionFacts
) -> Finding:
    """A SCAN_ERROR for the rows whose clock holds something that is not a date."""
    n = retention.unreadable
    return register_finding(
        SCAN_ERROR,
        dataset,
        entry,
        key=f"{RETENTION_EXPIRED.code}:unreadable:{retention.clock}",
        columns=(retention.clock,),
        count=n,
        message_en=(
            f"{n} row(s) of {dataset.name} have a {retention.clock} that is not a date: their "
            f"retention under register entry {entry.id} cannot be judged. Correct or fill in "
            f"these values."
        ),
        message_th=(
            f"ชุดข้อมูล {dataset.name} มี {n} รายการที่ค่าใน {retention.clock} ไม่ใช่วันที่ "
            f"จึงตรวจระยะเวลาการเก็บรักษาตามรายการทะเบียน {entry.id} ไม่ได้ "
            "ควรแก้ไขหรือกรอกค่าเหล่านี้ให้ถูกต้อง"
        ),
    )


def check_retention_expired(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """A finding when rows are past retention, or exemptions when the entry declares them."""
    retention = facts.retention
    if retention is None:
        return CheckOutcome()
    unreadable = (unreadable_clock(dataset, entry, retention),) if retention.unreadable else ()
    if retention.expired <= 0:
        return CheckOutcome(findings=unreadable)
    count = retention.expired
    if entry.exemptions:
        return CheckOutcome(
            exemptions=exemptions_for(
                RETENTION_EXPIRED.code,
                dataset,
                entry,
                count,
                f"{count} record(s) past retention",
                f"ข้อมูลที่เกินระยะเวลาการเก็บรักษา {count} รายการ",
            )
        )
    period_en, period_th = _period(entry.retention)
    when = retention.cutoff.isoformat()
    when_th = thai_date(retention.cutoff)
    read_en, read_th = _calendar_note(retention)
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
            f"ไฟล์ {dataset.name} แก้ไขครั้งล่าสุดก่อนวันที่ {when_th} จึงเกินระยะเวลาการเก็บรักษา "
            f"{period_th} ตามรายการทะเบียน {entry.id} {must_th} ({count} รายการ)"
        )
        fallback = f"{action} {dataset.name}: it was last modified before {when}."
    else:
        message_en = (
            f"{dataset.name} has {count} record(s) kept past the retention of {period_en} of "
            f"register entry {entry.id} ({retention.clock} before {when}{read_en}); "
            f"they {must_en}."
        )
        message_th = (
            f"ชุดข้อมูล {dataset.name} มี {count} รายการที่เก็บเกินระยะเวลาการเก็บรักษา "
            f"{period_th} ตามรายการทะเบียน {entry.id} ({retention.clock} ก่อนวันที่ {when_th}"
            f"{read_th}) {must_th}"
        )
        fallback = f"{action} the rows of {dataset.name} whose {retention.clock} is before {when}."
    sensitive = any(is_sensitive(t) for t in dataset.pii_types)
    finding = register_finding(
        RETENTION_EXPIRED,
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
    return CheckOutcome(findings=(finding, *unreadable))


RETENTION_EXPIRED: FindingType[RegisterCheck] = FindingType(
    code="RETENTION_EXPIRED",
    severity="high",
    law="PDPA s.37(3)",
    name=Bilingual(th="เกินระยะเวลาเก็บรักษา", en="Retention expired"),
    description=Bilingual(
        th="มีแถวข้อมูลที่เกินระยะเวลาเก็บรักษาแล้ว ต้องลบหรือทำให้ไม่ระบุตัวตน",
        en="Rows are past their retention period and must be deleted or anonymised.",
    ),
    action=Bilingual(
        th="ลบหรือทำให้เป็นข้อมูลนิรนามทันทีซึ่งข้อมูลที่เกินระยะเวลาเก็บรักษา",
        en="Delete or anonymise the data past its retention period now.",
    ),
    count_unit="rows",
    check=check_retention_expired,
    facts=("retention",),
    check_th="การตรวจระยะเวลาการเก็บรักษา",
    due_days=0,  # the rows are already past their period: due the day they are found
)
