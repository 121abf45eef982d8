"""Problems of the requested columns: missing, Section 26 without a basis, finer than the
register allows, a treatment that does not fit, a pseudonym without its key, free text,
and direct identifiers in clear (SPEC §10)."""

from __future__ import annotations

from scanners.disclosure.assessment import ColumnAssessment, Problem
from scanners.disclosure.minimums import limiting_rule
from scanners.disclosure.request import ColumnRequest, DisclosureRequest
from scanners.model.register import RegisterEntry
from scanners.pii_types import DIRECT_TYPES, SENSITIVE_TYPES

#: What each generalising treatment expects the column to hold.
FITS: dict[str, frozenset[str]] = {
    "birth_year": frozenset({"DATE_OF_BIRTH", "BIRTH_YEAR"}),
    "age_band": frozenset({"DATE_OF_BIRTH", "BIRTH_YEAR"}),
    "postcode": frozenset({"ADDRESS", "POSTAL_CODE"}),
    "province": frozenset({"ADDRESS", "POSTAL_CODE"}),
}
_DIRECT = frozenset(str(t) for t in DIRECT_TYPES)
_SENSITIVE = frozenset(str(t) for t in SENSITIVE_TYPES)


def clear_identifiers(
    request: DisclosureRequest, columns: tuple[ColumnAssessment, ...]
) -> list[tuple[ColumnRequest, ColumnAssessment, list[str]]]:
    """Columns kept in clear that hold direct identifiers, with those types."""
    asked = {c.name: c for c in request.columns}
    out = []
    for column in columns:
        direct = sorted(set(column.types) & _DIRECT)
        if column.treatment == "keep" and not column.free_text and direct:
            out.append((asked[column.name], column, direct))
    return out


def column_problems(
    request: DisclosureRequest,
    entry: RegisterEntry | None,
    columns: tuple[ColumnAssessment, ...],
    key_present: bool,
) -> list[Problem]:
    """Problems of each requested column, in request order, then direct identifiers."""
    problems = []
    dataset = f"{request.source}/{request.dataset}"
    for column in columns:
        name = column.name
        if not column.exists:
            problems.append(
                Problem(
                    "COLUMN_MISSING",
                    True,
                    f"ชุดข้อมูล {dataset} ไม่มีคอลัมน์ {name}",
                    f"Dataset {dataset} has no column {name}.",
                    name,
                )
            )
            continue
        if column.treatment == "drop":
            continue
        sensitive = sorted(set(column.types) & _SENSITIVE)
        if sensitive and not request.sensitive_basis:
            kinds = ", ".join(sensitive)
            problems.append(
                Problem(
                    "SENSITIVE_NO_BASIS",
                    True,
                    f"คอลัมน์ {name} มีข้อมูลอ่อนไหวตามมาตรา 26 ({kinds}) แต่คำขอไม่ได้ระบุ sensitive_basis",
                    f"Column {name} holds Section 26 data ({kinds}) and the request gives no "
                    "sensitive_basis.",
                    name,
                )
            )
        if entry is not None and column.treatment not in column.allowed:
            rule = limiting_rule(entry, column.types, column.treatment)
            allowed = ", ".join(column.allowed)
            problems.append(
                Problem(
                    "GRANULARITY",
                    True,
                    f"คอลัมน์ {name}: ขอแบบ {column.treatment} ละเอียดเกินกว่าที่รายการทะเบียน "
                    f"{entry.id} อนุญาต ({rule}); ใช้ได้: {allowed}",
                    f"Column {name}: {column.treatment} gives more detail than register entry "
                    f"{entry.id} allows ({rule}); allowed: {allowed}.",
                    name,
                )
            )
        fits = FITS.get(column.treatment)
        if fits is not None and not column.free_text and not set(column.types) & fits:
            problems.append(
                Problem(
                    "TREATMENT_MISFIT",
                    False,
                    f"คอลัมน์ {name} ไม่พบ {'/'.join(sorted(fits))}: ค่าที่แปลงแบบ "
                    f"{column.treatment} ไม่ได้จะเป็นค่าว่าง",
                    f"Column {name} holds no {'/'.join(sorted(fits))}: values {column.treatment} "
                    "cannot read are left empty.",
                    name,
                )
            )
        if column.treatment == "pseudonym" and not key_present:
            problems.append(
                Problem(
                    "PSEUDONYM_KEY_MISSING",
                    True,
                    f"คอลัมน์ {name} ขอแบบ pseudonym แต่ไม่มีกุญแจในตัวแปรสภาพแวดล้อมที่ "
                    "[disclosure] key_env ระบุ (อย่างน้อย 16 ไบต์)",
                    f"Column {name} asks for a pseudonym but the environment variable named by "
                    "[disclosure] key_env holds no key (16 bytes or more).",
                    name,
                )
            )
        if column.free_text and column.treatment == "keep":
            problems.append(
                Problem(
                    "FREE_TEXT_REPLACED",
                    False,
                    f"คอลัมน์ {name} เป็นข้อความอิสระ: ข้อมูลส่วนบุคคลที่ตรวจพบในข้อความจะถูกแทนด้วย"
                    "ชื่อประเภท เช่น <PERSON>",
                    f"Column {name} is free text: the personal data found in it is replaced by its "
                    "type, e.g. <PERSON>.",
                    name,
                )
            )
    for asked, column, direct in clear_identifiers(request, columns):
        kinds = ", ".join(direct)
        if asked.reason:
            problems.append(
                Problem(
                    "DIRECT_IDENTIFIER_JUSTIFIED",
                    False,
                    f"คอลัมน์ {column.name} ({kinds}) เปิดเผยแบบไม่ปิดบังตามเหตุผลที่ให้: {asked.reason}",
                    f"Column {column.name} ({kinds}) goes in clear for the reason given: "
                    f"{asked.reason}",
                    column.name,
                )
            )
        else:
            problems.append(
                Problem(
                    "DIRECT_IDENTIFIER",
                    True,
                    f"คอลัมน์ {column.name} มีข้อมูลที่ระบุตัวบุคคลได้โดยตรง ({kinds}) แบบไม่ปิดบัง: "
                    "ใช้ pseudonym, mask หรือ drop หรือให้เหตุผล (reason) ว่าเหตุใดผู้รับต้องได้ค่าจริง",
                    f"Column {column.name} holds direct identifiers ({kinds}) in clear: use "
                    "pseudonym, mask or drop, or give the reason the recipient needs them.",
                    column.name,
                )
            )
    return problems
