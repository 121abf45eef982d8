"""PII_UNREGISTERED: a dataset holds personal data but no register entry covers it.

Risk: personal data outside the record of processing (s.39) has no known
purpose, owner or retention, so nobody will ever minimise or delete it.
Non-compliant: ``share/marketing/leads.csv`` with e-mails, no entry.
Compliant: the same file matched by an entry's ``match`` glob.
Quasi-identifiers alone (gender, postcode, birth year) do not trigger it.
Runs on every scanned dataset the register does not cover (no entry, so no
facts). Severity: medium, high when a type is a Thai national ID or Section
26 data; ``count`` is the number of columns with personal data.
"""

from __future__ import annotations

from collections.abc import Callable

from scanners.checks.finding_type import Bilingual, FindingType, make_finding
from scanners.model.result import DatasetResult, Finding
from scanners.pii_types import SENSITIVE_TYPES, PiiType, is_personal_data


def check_pii_unregistered(dataset: DatasetResult) -> Finding | None:
    """A finding when ``dataset`` holds personal data and has no register id."""
    if dataset.register_id is not None or dataset.error is not None:
        return None
    columns = tuple(
        column.name
        for column in dataset.columns
        if any(is_personal_data(m.type) for m in column.pii)
    )
    if not columns:
        return None
    types = sorted(t for t in dataset.pii_types if is_personal_data(t))
    risky = any(PiiType(t) in SENSITIVE_TYPES or t == PiiType.TH_NATIONAL_ID for t in types)
    listed = ", ".join(types)
    return make_finding(
        PII_UNREGISTERED,
        dataset.source,
        dataset.name,
        severity="high" if risky else None,
        columns=columns,
        count=len(columns),
        message_th=(
            f"ชุดข้อมูล {dataset.name} มีข้อมูลส่วนบุคคล ({listed}) ใน {len(columns)} คอลัมน์ "
            "แต่ไม่มีรายการในบันทึกรายการกิจกรรมการประมวลผล (ทะเบียนระยะเวลาการเก็บรักษา)"
        ),
        message_en=(
            f"Dataset {dataset.name} holds personal data ({listed}) in {len(columns)} column(s) "
            "but no retention-register entry covers it."
        ),
        remediation=(
            f'Add a [[datasets]] entry with source = "{dataset.source}" and a match for '
            f'"{dataset.name}" (purpose, legal_basis, owner, retention), or remove the data.'
        ),
    )


PII_UNREGISTERED: FindingType[Callable[[DatasetResult], Finding | None]] = FindingType(
    code="PII_UNREGISTERED",
    severity="medium",
    law="PDPA s.39",
    name=Bilingual(th="ข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน", en="Unregistered personal data"),
    description=Bilingual(
        th="ชุดข้อมูลมีข้อมูลส่วนบุคคลแต่ไม่ตรงกับรายการใดในทะเบียน",
        en="A dataset holds personal data but matches no register entry.",
    ),
    action=Bilingual(
        th="ลงทะเบียนชุดข้อมูลนี้ในทะเบียนการเก็บรักษา (วัตถุประสงค์ ฐานทางกฎหมาย ผู้รับผิดชอบ "
        "ระยะเวลาเก็บรักษา) หรือลบข้อมูลส่วนบุคคลออก",
        en="Register this dataset (purpose, legal basis, owner, retention) or remove the "
        "personal data.",
    ),
    count_unit="columns",
    check=check_pii_unregistered,
)
