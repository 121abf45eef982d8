"""MINIMISE_UNDECLARED_PII: a column holds a PII type the register entry does not allow.

Risk: data collected beyond what the declared purpose needs (s.22, minimum
necessary; s.37(2)). Every extra type widens the harm of a breach and is
data nobody has justified keeping.
Non-compliant: ``public.employees.mobile`` holds PHONE_NUMBER and the entry's
``allowed_pii = ["PERSON", "EMAIL_ADDRESS"]``.
Compliant: ``allowed_pii`` lists PHONE_NUMBER (the purpose needs it), or the
column is dropped.

One finding per column, listing its undeclared types; ``count`` is None.
Quasi-identifiers (gender, postcode, birth year) never trigger it.
Severity: medium, high when an undeclared type is a
Thai national ID or Section 26 data.
"""

from __future__ import annotations

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import (
    RegisterCheck,
    column_types,
    is_sensitive,
    joined,
    register_finding,
)
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult, Finding
from scanners.pii_types import PiiType, is_personal_data


def check_minimise_undeclared_pii(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """One finding per column holding personal-data types missing from ``allowed_pii``."""
    allowed = set(entry.allowed_pii)
    findings: list[Finding] = []
    for column in dataset.columns:
        types = column_types(column, lambda t: is_personal_data(t) and t not in allowed)
        if not types:
            continue
        listed = joined(types)
        risky = any(is_sensitive(t) or t == PiiType.TH_NATIONAL_ID for t in types)
        findings.append(
            register_finding(
                MINIMISE_UNDECLARED_PII,
                dataset,
                entry,
                key=column.name,
                columns=(column.name,),
                severity="high" if risky else None,
                message_th=(
                    f"คอลัมน์ {column.name} ของชุดข้อมูล {dataset.name} มีข้อมูล {listed} "
                    f"ซึ่งไม่ได้ระบุไว้ใน allowed_pii ของรายการทะเบียน {entry.id} "
                    "(เก็บข้อมูลเกินกว่าที่วัตถุประสงค์กำหนด)"
                ),
                message_en=(
                    f"Column {column.name} of {dataset.name} holds {listed}, which register "
                    f"entry {entry.id} does not list in allowed_pii (more data than the "
                    "declared purpose needs)."
                ),
                remediation=(
                    f"Drop column {column.name} of {dataset.name}, or stop collecting it, if the "
                    f"purpose does not need it; otherwise add {listed} to allowed_pii of entry "
                    f"{entry.id} and record why the purpose needs it."
                ),
            )
        )
    return CheckOutcome(findings=tuple(findings))


MINIMISE_UNDECLARED_PII: FindingType[RegisterCheck] = FindingType(
    code="MINIMISE_UNDECLARED_PII",
    severity="medium",
    law="PDPA s.22, s.37(2)",
    name=Bilingual(th="ข้อมูลส่วนบุคคลที่ไม่ได้ประกาศไว้", en="Undeclared personal data"),
    description=Bilingual(
        th="คอลัมน์มีประเภทข้อมูลส่วนบุคคลที่ไม่อยู่ใน allowed_pii ของรายการในทะเบียน",
        en="A column holds a personal data type not in the entry's allowed_pii.",
    ),
    action=Bilingual(
        th="เลิกเก็บข้อมูลประเภทที่วัตถุประสงค์ไม่ต้องใช้ หรือเพิ่มประเภทนั้นใน allowed_pii "
        "ของรายการทะเบียนพร้อมเหตุผล",
        en="Stop keeping data the purpose does not need, or declare it in allowed_pii with "
        "the reason.",
    ),
    count_unit="columns",
    check=check_minimise_undeclared_pii,
)
