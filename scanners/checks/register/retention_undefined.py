"""RETENTION_UNDEFINED: a registered dataset with personal data has no retention or clock.

Risk: s.37(3) asks for a system that finds data past its retention period;
without ``retention`` (how long) and ``clock_column`` (counted from when)
nothing can ever be found expired, so the data is kept forever.
Non-compliant: entry HR-001 covers ``public.employees`` (names, national IDs)
with no ``retention``, or with ``retention = "10y"`` and no ``clock_column``.
Compliant: ``retention = "10y"`` and ``clock_column = "terminated_at"``.

Files (kind ``file`` or ``sheet``) need only ``retention``: without a
``clock_column`` the file's modification time is the clock. A retention
that is not a valid period (``Nd``, ``Nm``, ``Ny``) counts as missing.
Quasi-identifiers alone do not make a dataset personal data here.
One finding per dataset; the message says what is missing. Severity: medium,
high when the dataset holds Section 26 data.
"""

from __future__ import annotations

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import (
    FILE_KINDS,
    RegisterCheck,
    is_sensitive,
    joined,
    register_finding,
)
from scanners.dates.retention import parse_duration
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult
from scanners.pii_types import is_personal_data


def _missing(dataset: DatasetResult, entry: RegisterEntry) -> list[tuple[str, str]]:
    """(English, Thai) descriptions of what the entry lacks."""
    missing: list[tuple[str, str]] = []
    retention = (entry.retention or "").strip()
    if not retention:
        missing.append(("no retention", "ไม่ได้กำหนดระยะเวลาการเก็บรักษา (retention)"))
    else:
        try:
            parse_duration(retention)
        except ValueError:
            missing.append(
                (
                    "no valid retention (expected Nd, Nm or Ny)",
                    "ระยะเวลาการเก็บรักษา (retention) ไม่ถูกต้อง (ต้องเป็น Nd, Nm หรือ Ny)",
                )
            )
    if dataset.kind not in FILE_KINDS and not (entry.clock_column or "").strip():
        missing.append(("no clock_column", "ไม่ได้กำหนดคอลัมน์วันที่เริ่มนับระยะเวลา (clock_column)"))
    return missing


def check_retention_undefined(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """One finding when the dataset holds personal data and retention cannot be evaluated."""
    types = sorted(t for t in dataset.pii_types if is_personal_data(t))
    if not types:
        return CheckOutcome()
    missing = _missing(dataset, entry)
    if not missing:
        return CheckOutcome()
    what_en = " and ".join(en for en, _ in missing)
    what_th = " และ".join(th for _, th in missing)
    listed = joined(types)
    advice = []
    if any("retention" in en for en, _ in missing):
        advice.append('retention (e.g. "10y", "18m" or "90d")')
    if any("clock_column" in en for en, _ in missing):
        advice.append("clock_column (the date column the period counts from)")
    finding = register_finding(
        RETENTION_UNDEFINED,
        dataset,
        entry,
        severity="high" if any(is_sensitive(t) for t in types) else None,
        message_th=(
            f"รายการทะเบียน {entry.id} ของชุดข้อมูล {dataset.name} ซึ่งมีข้อมูลส่วนบุคคล "
            f"({listed}) {what_th} จึงไม่สามารถตรวจหาข้อมูลที่เกินระยะเวลาการเก็บรักษาได้"
        ),
        message_en=(
            f"Register entry {entry.id} for {dataset.name}, which holds personal data "
            f"({listed}), has {what_en}, so data past its retention period cannot be found."
        ),
        remediation=f"Set {' and '.join(advice)} in register entry {entry.id}.",
    )
    return CheckOutcome(findings=(finding,))


RETENTION_UNDEFINED: FindingType[RegisterCheck] = FindingType(
    code="RETENTION_UNDEFINED",
    severity="medium",
    law="PDPA s.37(3), s.39",
    name=Bilingual(th="ไม่ได้กำหนดระยะเวลาเก็บรักษา", en="Retention not defined"),
    description=Bilingual(
        th="ชุดข้อมูลที่ลงทะเบียนและมีข้อมูลส่วนบุคคลไม่มี retention หรือ clock_column",
        en="A registered dataset with personal data has no retention or clock_column.",
    ),
    action=Bilingual(
        th="กำหนดระยะเวลาเก็บรักษา (retention) และคอลัมน์วันที่เริ่มนับ (clock_column) ในรายการทะเบียน",
        en="Set the retention period and the clock column in the register entry.",
    ),
    count_unit="columns",
    check=check_retention_undefined,
)
