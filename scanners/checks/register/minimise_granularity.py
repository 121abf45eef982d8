"""MINIMISE_GRANULARITY: a column holds finer detail than the entry's ``granularity`` allows.

Risk: s.37(2) minimum-necessary detail — a full date of birth where the
birth year is enough, a street address where a postcode is enough, a
13-digit national ID in clear where a pseudonym is enough.
Non-compliant: ``granularity = { DATE_OF_BIRTH = "year" }`` and column
``dob`` holds full dates of birth (DATE_OF_BIRTH).
Compliant: the column holds only the year (detected as BIRTH_YEAR).

Levels (SPEC §5): DATE_OF_BIRTH ``year``/``month`` and ADDRESS
``postcode``/``province`` are violated by a column detected as that type
(a detected DATE_OF_BIRTH is a full date, a detected ADDRESS a full
address; BIRTH_YEAR and POSTAL_CODE are the allowed coarser forms);
``pseudonym``/``masked`` are violated by the type in clear (a detected type
means clear values); ``none`` by the type being present at all. So for
every level a column holding the named type is a violation.

One finding per (column, type); id key ``column:TYPE``. Severity: medium,
high for a Thai national ID or Section 26 data.
"""

from __future__ import annotations

from scanners.checks.facts import CheckOutcome, DatasetFacts
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.checks.register.common import RegisterCheck, is_sensitive, register_finding
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult, Finding
from scanners.pii_types import PiiType

_ALLOWS_EN = {
    "year": "only the birth year",
    "month": "only the year and month",
    "postcode": "only the postcode",
    "province": "only the province",
    "pseudonym": "only a pseudonym",
    "masked": "only a masked form",
    "none": "none of it",
}
_ALLOWS_TH = {
    "year": "เฉพาะปีเกิด",
    "month": "เฉพาะปีและเดือน",
    "postcode": "เฉพาะรหัสไปรษณีย์",
    "province": "เฉพาะจังหวัด",
    "pseudonym": "เฉพาะนามแฝง (pseudonym)",
    "masked": "เฉพาะค่าที่ปิดบังบางส่วน",
    "none": "ไม่อนุญาตให้เก็บข้อมูลประเภทนี้",
}


def remediation_for(level: str, pii_type: str, column: str, dataset: str) -> str:
    """Plain-language advice for reducing ``column`` to ``level`` (the agent may replace it)."""
    advice = {
        "year": f"Keep only the birth year: replace {column} by its year (UPDATE {dataset} SET "
        f"{column} = the year of {column}, then narrow the column type) or store the year in a "
        f"new column and drop {column}.",
        "month": f"Keep only the year and month of {column}: store year and month in its place "
        f"(or set every value to the first day of its month) and drop the day.",
        "postcode": f"Keep only the postcode: move the postcode out of {column} into its own "
        f"column and drop the rest of the address.",
        "province": f"Keep only the province: move the province out of {column} into its own "
        f"column and drop the rest of the address.",
        "pseudonym": f"Replace {column} by a pseudonym: a keyed hash (e.g. HMAC-SHA256 with a key "
        f"kept outside this system) or a token from a separately secured mapping table.",
        "masked": f"Store only a masked form of {column} (most characters replaced by x) or "
        f"drop it.",
        "none": f"Drop {column} from {dataset} or stop collecting it: the register entry "
        f"allows no {pii_type} here.",
    }
    return advice.get(level, f"Reduce {column} to the '{level}' level the entry allows.")


def check_minimise_granularity(
    dataset: DatasetResult, entry: RegisterEntry, facts: DatasetFacts
) -> CheckOutcome:
    """One finding per (column, type) where the column holds a type the entry coarsens."""
    levels = dict(entry.granularity)
    findings: list[Finding] = []
    for column in dataset.columns:
        for pii_type in sorted({m.type for m in column.pii if m.type in levels}):
            level = levels[pii_type]
            risky = is_sensitive(pii_type) or pii_type == PiiType.TH_NATIONAL_ID
            findings.append(
                register_finding(
                    MINIMISE_GRANULARITY,
                    dataset,
                    entry,
                    key=f"{column.name}:{pii_type}",
                    columns=(column.name,),
                    severity="high" if risky else None,
                    message_th=(
                        f"คอลัมน์ {column.name} ของชุดข้อมูล {dataset.name} เก็บ {pii_type} "
                        f"ละเอียดเกินกว่าที่รายการทะเบียน {entry.id} อนุญาต "
                        f'({_ALLOWS_TH.get(level, level)}; granularity {pii_type} = "{level}")'
                    ),
                    message_en=(
                        f"Column {column.name} of {dataset.name} holds {pii_type} in more detail "
                        f"than register entry {entry.id} allows "
                        f'({_ALLOWS_EN.get(level, level)}; granularity {pii_type} = "{level}").'
                    ),
                    remediation=remediation_for(level, pii_type, column.name, dataset.name),
                )
            )
    return CheckOutcome(findings=tuple(findings))


MINIMISE_GRANULARITY: FindingType[RegisterCheck] = FindingType(
    code="MINIMISE_GRANULARITY",
    severity="medium",
    law="PDPA s.37(2)",
    name=Bilingual(th="ข้อมูลละเอียดเกินความจำเป็น", en="Data finer than needed"),
    description=Bilingual(
        th="คอลัมน์เก็บรายละเอียดมากกว่าระดับ granularity ที่รายการในทะเบียนอนุญาต",
        en="A column holds finer detail than the entry's granularity allows.",
    ),
    action=Bilingual(
        th="ลดความละเอียดของข้อมูลให้เหลือเท่าที่ทะเบียนอนุญาต (เช่น ปีเกิด รหัสไปรษณีย์ หรือนามแฝง)",
        en="Reduce the detail to what the register allows (e.g. birth year, postcode, pseudonym).",
    ),
    count_unit="columns",
    check=check_minimise_granularity,
)
