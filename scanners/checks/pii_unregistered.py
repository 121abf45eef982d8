"""PII_UNREGISTERED: a dataset holds personal data but no register entry covers it.

Risk: personal data outside the record of processing (s.39) has no known
purpose, owner or retention, so nobody will ever minimise or delete it.
Non-compliant: ``share/marketing/leads.csv`` with e-mails, no entry.
Compliant: the same file matched by an entry's ``match`` glob.
Quasi-identifiers alone (gender, postcode, birth year) do not trigger it.
"""

from __future__ import annotations

from scanners.checks.catalogue import CATALOGUE, finding_id
from scanners.pii_types import SENSITIVE_TYPES, PiiType, is_personal_data
from scanners.result import DatasetResult, Finding

KIND = CATALOGUE["PII_UNREGISTERED"]


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
    return Finding(
        id=finding_id(KIND.type, dataset.source, dataset.name),
        type=KIND.type,
        severity="high" if risky else KIND.severity,
        source=dataset.source,
        dataset=dataset.name,
        columns=columns,
        count=len(columns),
        register_id=None,
        owner=None,
        principal=None,
        privileges=(),
        law=KIND.law,
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
