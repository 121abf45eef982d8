"""ANONYMISATION_WEAK: a dataset declared anonymised still identifies people.

Risk: anonymised data falls outside the PDPA and is shared and kept freely
(it is how s.33 and s.37(3) let data survive its retention). If it still
holds direct identifiers, or its quasi-identifiers single people out, it is
personal data handled as if it were not.
Non-compliant: ``anonymised = true`` and a ``phone`` column holding
PHONE_NUMBER; or ``quasi_identifiers = ["birth_year", "postcode", "gender"]``
with a smallest group of 1 record while ``k_min = 5``.
Compliant: no direct identifier, and every combination of the
quasi-identifiers is shared by at least ``k_min`` records.

Direct identifiers are the types of :data:`DIRECT_TYPES` (neither
quasi-identifiers nor Section 26 data). Up to two findings: one listing the
columns with direct identifiers (id key ``direct-identifiers``; critical
when one is a Thai national ID, else high), one for k-anonymity (id key
``k-anonymity``, high; ``count`` = records in groups below ``k_min``,
``columns`` = the quasi-identifiers). Datasets not declared anonymised get
nothing from this check, whatever their group sizes.
"""

from __future__ import annotations

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import (
    RegisterCheck,
    column_types,
    joined,
    register_finding,
)
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult, Finding
from scanners.pii_types import DIRECT_TYPES, PiiType


def _is_direct(pii_type: str) -> bool:
    return pii_type in PiiType.__members__ and PiiType(pii_type) in DIRECT_TYPES


def _direct_identifiers(dataset: DatasetResult, entry: RegisterEntry) -> Finding | None:
    held = {c.name: column_types(c, _is_direct) for c in dataset.columns}
    held = {name: types for name, types in held.items() if types}
    if not held:
        return None
    listed = "; ".join(f"{name} ({joined(types)})" for name, types in held.items())
    national_id = any(PiiType.TH_NATIONAL_ID in types for types in held.values())
    return register_finding(
        ANONYMISATION_WEAK,
        dataset,
        entry,
        key="direct-identifiers",
        columns=tuple(held),
        severity="critical" if national_id else None,
        message_th=(
            f"ชุดข้อมูล {dataset.name} ถูกระบุว่าเป็นข้อมูลนิรนาม (รายการทะเบียน {entry.id}) "
            f"แต่ยังมีข้อมูลที่ระบุตัวบุคคลได้โดยตรง: {listed}"
        ),
        message_en=(
            f"Dataset {dataset.name} is declared anonymised (register entry {entry.id}) but "
            f"holds direct identifiers: {listed}."
        ),
        remediation=(
            f"Drop or irreversibly generalise column(s) {joined(held)} of {dataset.name}, or set "
            f"anonymised = false in entry {entry.id} and treat the dataset as personal data."
        ),
    )


def _k_anonymity(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> Finding | None:
    k = facts.k_anonymity
    if k is None or k.stats.smallest_group is None or k.stats.smallest_group >= k.k_min:
        return None
    stats, columns = k.stats, joined(k.columns)
    return register_finding(
        ANONYMISATION_WEAK,
        dataset,
        entry,
        key="k-anonymity",
        columns=k.columns,
        count=stats.records_in_small_groups,
        message_th=(
            f"ชุดข้อมูล {dataset.name} ถูกระบุว่าเป็นข้อมูลนิรนาม แต่ตัวระบุกึ่งตัวตน ({columns}) "
            f"ยังแยกแยะบุคคลได้: กลุ่มที่เล็กที่สุดมี k = {stats.smallest_group} และมี "
            f"{stats.records_in_small_groups} รายการใน {stats.small_groups} กลุ่มที่เล็กกว่า "
            f"k_min = {k.k_min}"
        ),
        message_en=(
            f"Dataset {dataset.name} is declared anonymised but its quasi-identifiers "
            f"({columns}) single people out: smallest group k = {stats.smallest_group}, "
            f"{stats.records_in_small_groups} records in {stats.small_groups} group(s) below "
            f"k_min = {k.k_min}."
        ),
        remediation=(
            f"Generalise {columns} (e.g. birth year to 5-year bands, postcode to province) or "
            f"suppress the records in groups smaller than {k.k_min}, then re-scan."
        ),
    )


def check_anonymisation_weak(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """Findings for direct identifiers and low k in a dataset declared anonymised."""
    if not entry.anonymised:
        return CheckOutcome()
    found = (_direct_identifiers(dataset, entry), _k_anonymity(dataset, entry, facts))
    return CheckOutcome(findings=tuple(finding for finding in found if finding is not None))


ANONYMISATION_WEAK: FindingType[RegisterCheck] = FindingType(
    code="ANONYMISATION_WEAK",
    severity="high",
    law="PDPA s.33, s.37(3)",
    name=Bilingual(th="การทำให้ไม่ระบุตัวตนไม่เพียงพอ", en="Weak anonymisation"),
    description=Bilingual(
        th="ชุดข้อมูลที่ประกาศว่าไม่ระบุตัวตนยังมีตัวระบุตัวตนโดยตรง หรือค่า k ต่ำกว่า k_min",
        en="A dataset declared anonymised holds direct identifiers, or its "
        "quasi-identifiers give k below k_min.",
    ),
    action=Bilingual(
        th="ทำให้ข้อมูลระบุตัวบุคคลไม่ได้จริง (ลบหรือทำให้ตัวระบุหยาบขึ้น) หรือดูแลชุดข้อมูลนี้เป็นข้อมูลส่วนบุคคล",
        en="Make the data truly anonymous (drop or coarsen identifiers) or treat it as "
        "personal data.",
    ),
    count_unit="records",
    check=check_anonymisation_weak,
    facts=("k_anonymity",),
    check_th="การตรวจการทำให้เป็นข้อมูลนิรนาม",
)
