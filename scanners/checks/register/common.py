"""Shared pieces of the register checks: their signature, building a finding, columns, exemptions.

A register finding always carries the entry's id and owner, no principal
and no privileges, the law and default severity of its finding type, and a
stable id over type + source + dataset + key (a column, or a fixed word for
a dataset-level issue). Messages name datasets, columns, types and counts,
never a sampled value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import FindingType, make_finding
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult, Exemption, Finding
from scanners.pii_types import SENSITIVE_TYPES, PiiType

#: What every register check is: (dataset, its register entry, the gathered facts) → outcome.
RegisterCheck = Callable[[DatasetResult, RegisterEntry, DatasetFacts], CheckOutcome]

#: Dataset kinds whose clock can be the file's modification time.
FILE_KINDS = frozenset({"file", "sheet"})

#: Section 26 types whose exposure is graver still (critical rather than high).
GRAVEST_SENSITIVE = frozenset(
    {PiiType.HEALTH, PiiType.BIOMETRIC, PiiType.GENETIC, PiiType.CRIMINAL_RECORD}
)

#: Exemption → (English, Thai) basis, quoted in the Exemption's reasons.
EXEMPTION_BASIS: dict[str, tuple[str, str]] = {
    "archives": (
        "archiving in the public interest (cf. s.24(1))",
        "การจัดทำเอกสารประวัติศาสตร์หรือจดหมายเหตุเพื่อประโยชน์สาธารณะ (เทียบ มาตรา 24(1))",
    ),
    "research_statistics": (
        "research or statistics with suitable safeguards (cf. s.24(1))",
        "การศึกษาวิจัยหรือสถิติที่มีมาตรการปกป้องที่เหมาะสม (เทียบ มาตรา 24(1))",
    ),
    "public_interest": (
        "a task carried out in the public interest or under official authority (cf. s.24(4))",
        "การปฏิบัติหน้าที่เพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ (เทียบ มาตรา 24(4))",
    ),
    "employment_assessment": (
        "occupational medicine and assessing an employee's working capacity (cf. s.26(5)(a))",
        "เวชศาสตร์ป้องกันหรืออาชีวเวชศาสตร์ และการประเมินความสามารถในการทำงานของลูกจ้าง "
        "(เทียบ มาตรา 26(5)(ก))",
    ),
    "medical": (
        "medical diagnosis, health or social care (cf. s.26(5)(a))",
        "การวินิจฉัยโรคทางการแพทย์ การให้บริการด้านสุขภาพหรือด้านสังคม (เทียบ มาตรา 26(5)(ก))",
    ),
    "public_health": (
        "public interest in public health (cf. s.26(5)(b))",
        "ประโยชน์สาธารณะด้านการสาธารณสุข (เทียบ มาตรา 26(5)(ข))",
    ),
    "legal_claims": (
        "establishing, exercising or defending legal claims",
        "การก่อตั้งสิทธิเรียกร้องตามกฎหมาย การใช้สิทธิเรียกร้อง หรือการยกขึ้นต่อสู้สิทธิเรียกร้อง",
    ),
}


def register_finding(
    kind: FindingType[object],
    dataset: DatasetResult,
    entry: RegisterEntry,
    *,
    key: str = "",
    columns: tuple[str, ...] = (),
    count: int | None = None,
    severity: str | None = None,
    message_th: str,
    message_en: str,
    remediation: str | None = None,
    due: date | None = None,
) -> Finding:
    """A finding of ``kind`` about ``dataset`` under ``entry`` (severity: the type's default)."""
    return make_finding(
        kind,
        dataset.source,
        dataset.name,
        key=key,
        columns=columns,
        count=count,
        register_id=entry.id,
        owner=entry.owner or None,
        severity=severity,
        message_th=message_th,
        message_en=message_en,
        remediation=remediation,
        due=due,
    )


def column_types(column: ColumnResult, keep: Callable[[str], bool]) -> list[str]:
    """The sorted, distinct PII types of ``column`` that ``keep`` accepts."""
    return sorted({match.type for match in column.pii if keep(match.type)})


def is_sensitive(pii_type: str) -> bool:
    """True for Section 26 types."""
    return pii_type in PiiType.__members__ and PiiType(pii_type) in SENSITIVE_TYPES


def joined(items: Iterable[str]) -> str:
    """``"a, b, c"``."""
    return ", ".join(items)


def exemptions_for(
    check: str,
    dataset: DatasetResult,
    entry: RegisterEntry,
    count: int,
    what_en: str,
    what_th: str,
) -> tuple[Exemption, ...]:
    """One Exemption per exemption the entry declares: ``what`` (with its count) kept under it."""
    kept: list[Exemption] = []
    for exemption in entry.exemptions:
        basis_en, basis_th = EXEMPTION_BASIS.get(
            exemption, (f"declared exemption '{exemption}'", f"ข้อยกเว้น '{exemption}' ที่ระบุไว้")
        )
        kept.append(
            Exemption(
                check=check,
                exemption=exemption,
                count=count,
                reason_en=(
                    f"PDPA s.33 exemption declared in register entry {entry.id}: {basis_en}. "
                    f"{what_en} in {dataset.name} are kept; review the exemption periodically."
                ),
                reason_th=(
                    f"ข้อยกเว้นตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล มาตรา 33 ที่ระบุในรายการทะเบียน "
                    f"{entry.id}: {basis_th} จึงเก็บ{what_th}ใน {dataset.name} ไว้ต่อ "
                    "ควรทบทวนข้อยกเว้นเป็นระยะ"
                ),
            )
        )
    return tuple(kept)
