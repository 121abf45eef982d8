"""SENSITIVE_NO_BASIS: Section 26 data present and the entry declares no ``sensitive_basis``.

Risk: sensitive data (health, religion, criminal records, biometrics, …)
may only be processed on an explicit basis (s.26); without one every use
of it is unlawful and a breach is graded at the highest risk.
Non-compliant: ``public.employees.blood_group`` holds HEALTH and the entry's
``sensitive_basis = ""``.
Compliant: ``sensitive_basis = "employment_law"`` (or the column removed).

One finding per dataset listing the columns and types; ``count`` is None.
Severity: high, critical when the data is health, biometric,
genetic or criminal-record data — the categories whose disclosure harms
people most directly (discrimination, identifiers that can never be changed).
"""

from __future__ import annotations

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import (
    GRAVEST_SENSITIVE,
    RegisterCheck,
    column_types,
    is_sensitive,
    joined,
    register_finding,
)
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult


def check_sensitive_no_basis(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """One finding when the dataset holds Section 26 data and ``sensitive_basis`` is empty."""
    if entry.sensitive_basis.strip():
        return CheckOutcome()
    columns = tuple(c.name for c in dataset.columns if column_types(c, is_sensitive))
    if not columns:
        return CheckOutcome()
    types = sorted(t for t in dataset.pii_types if is_sensitive(t))
    listed, where = joined(types), joined(columns)
    gravest = any(t in GRAVEST_SENSITIVE for t in types)
    finding = register_finding(
        SENSITIVE_NO_BASIS,
        dataset,
        entry,
        columns=columns,
        severity="critical" if gravest else None,
        message_th=(
            f"ชุดข้อมูล {dataset.name} มีข้อมูลอ่อนไหวตามมาตรา 26 ({listed}) ในคอลัมน์ {where} "
            f"แต่รายการทะเบียน {entry.id} ไม่ได้ระบุฐานทางกฎหมาย (sensitive_basis)"
        ),
        message_en=(
            f"Dataset {dataset.name} holds Section 26 sensitive data ({listed}) in column(s) "
            f"{where}, but register entry {entry.id} declares no sensitive_basis."
        ),
        remediation=(
            f"Record the explicit basis for {listed} in sensitive_basis of entry {entry.id} "
            "(explicit_consent, employment_law, medical, public_health, legal_claims, "
            f"vital_interest or archives_research), or remove column(s) {where}."
        ),
    )
    return CheckOutcome(findings=(finding,))


SENSITIVE_NO_BASIS: FindingType[RegisterCheck] = FindingType(
    code="SENSITIVE_NO_BASIS",
    severity="high",
    law="PDPA s.26",
    name=Bilingual(th="ข้อมูลอ่อนไหวไม่มีฐานทางกฎหมาย", en="Sensitive data without a legal basis"),
    description=Bilingual(
        th="พบข้อมูลอ่อนไหวตามมาตรา 26 แต่รายการในทะเบียนไม่ได้ระบุ sensitive_basis",
        en="Section 26 data is present and the entry has no sensitive_basis.",
    ),
    action=Bilingual(
        th="บันทึกฐานทางกฎหมายสำหรับข้อมูลอ่อนไหว (sensitive_basis) ในรายการทะเบียน หรือลบข้อมูลอ่อนไหวออก",
        en="Record the legal basis for the sensitive data (sensitive_basis) or remove it.",
    ),
    count_unit="columns",
    check=check_sensitive_no_basis,
)
