"""Thai and English text for the reports: UI strings, PII types and triage statuses; severity
and type names.

A finding type's name and description are declared with the type itself
(:mod:`scanners.checks.registry`), a severity's with the scale
(:mod:`scanners.checks.severity`); this module only looks them up. Every
lookup falls back to English and then to the raw code, so an unknown finding
or PII type still renders (as its code).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from scanners.checks.registry import FINDING_TYPES
from scanners.checks.severity import LEVELS

LANGUAGES: tuple[str, ...] = ("th", "en")

UI: Mapping[str, Mapping[str, str]] = {
    "th": {
        "title": "รายงานการตรวจพบข้อมูลส่วนบุคคล (PDPA)",
        "scan_id": "รหัสการสแกน",
        "started_at": "เริ่มสแกน",
        "finished_at": "สแกนเสร็จ",
        "tool_version": "เวอร์ชันเครื่องมือ",
        "summary": "สรุป",
        "by_severity": "จำนวนประเด็นตามระดับความรุนแรง",
        "by_type": "จำนวนประเด็นตามประเภท",
        "total_findings": "ประเด็นทั้งหมด",
        "no_findings": "ไม่พบประเด็นที่ต้องดำเนินการ",
        "sources": "แหล่งข้อมูล",
        "source": "แหล่งข้อมูล",
        "status": "สถานะ",
        "status_ok": "สำเร็จ",
        "status_error": "ผิดพลาด",
        "error": "ข้อผิดพลาด",
        "datasets_count": "จำนวนชุดข้อมูล",
        "findings": "ประเด็นที่ตรวจพบ",
        "severity": "ความรุนแรง",
        "type": "ประเภท",
        "dataset": "ชุดข้อมูล",
        "columns": "คอลัมน์",
        "count": "จำนวน",
        "owner": "ผู้รับผิดชอบ",
        "principal": "ผู้ใช้/บทบาท",
        "privileges": "สิทธิ์",
        "law": "กฎหมาย",
        "message": "รายละเอียด",
        "remediation": "วิธีแก้ไข",
        "datasets": "ชุดข้อมูล",
        "kind": "ชนิด",
        "row_count": "จำนวนแถว",
        "register_id": "รหัสทะเบียน",
        "not_registered": "ไม่ได้ลงทะเบียน",
        "column": "คอลัมน์",
        "sampled": "จำนวนตัวอย่าง",
        "pii": "ประเภทข้อมูลส่วนบุคคล",
        "confidence": "ความเชื่อมั่น",
        "match_ratio": "สัดส่วนที่ตรง",
        "evidence": "ตัวอย่าง (ปิดบังแล้ว)",
        "reasons": "เหตุผล",
        "no_pii": "ไม่พบข้อมูลส่วนบุคคล",
        "override": "การจำแนกถูกกำหนดโดยผู้รับผิดชอบ",
        "override_types": "ประเภทที่กำหนด",
        "override_detected": "ประเภทที่ตรวจพบ",
        "override_reason": "เหตุผล",
        "override_by": "ตัดสินโดย",
        "override_none": "ไม่มีข้อมูลส่วนบุคคล",
        "no_datasets": "ไม่มีชุดข้อมูล",
        "footer": "ตัวอย่างข้อมูลทั้งหมดในรายงานนี้ถูกปิดบังแล้ว รายงานนี้ไม่มีข้อมูลระบุตัวตนฉบับเต็ม",
        "due": "กำหนดดำเนินการ",
        "overdue": "เลยกำหนด {days} วัน",
        "due_today": "ครบกำหนดวันนี้",
        "due_in": "อีก {days} วัน",
        "what_to_do": "สิ่งที่ต้องทำ",
        "untranslated": "ข้อความต้นฉบับภาษาอังกฤษ",
        "type_code": "รหัสประเภท",
        "count_unit": "หน่วยนับ",
        "finding_id": "รหัสประเด็น",
        "times_note": "เวลาทั้งหมดเป็นเวลาประเทศไทย (Asia/Bangkok)",
        "owner_title": "รายงานสำหรับผู้รับผิดชอบข้อมูล",
        "owner_for": "สำหรับ",
        "owner_datasets": "ชุดข้อมูลที่รับผิดชอบ",
        "owner_entries": "รายการในทะเบียน",
        "do_first": "ทำก่อน",
        "do_first_hint": "ประเด็นที่ครบกำหนดก่อน (เลยกำหนดแล้วอยู่ก่อน) แล้วจึงเรียงตามความรุนแรง",
        "the_rest": "ประเด็นอื่น ๆ",
        "findings_in_due_order": "เรียงตามกำหนดดำเนินการ แล้วตามความรุนแรง",
        "triage": "ผลการพิจารณา",
        "triage_by": "โดย",
        "triage_at": "เมื่อ",
        "triage_reason": "เหตุผล",
        "triage_until": "มีผลถึงวันที่",
        "triage_assignee": "ผู้ได้รับมอบหมาย",
        "open_findings": "ประเด็นที่ต้องดำเนินการ",
        "set_aside": "พิจารณาแล้ว: ยอมรับความเสี่ยง / ตรวจพบคลาดเคลื่อน (false positive)",
        "set_aside_count": "ไม่นับรวมประเด็นที่พิจารณาแล้ว {count} ประเด็น "
        "(ยอมรับความเสี่ยงหรือตรวจพบคลาดเคลื่อน) ซึ่งแสดงแยกไว้ท้ายรายการ",
        "set_aside_hint": "ประเด็นเหล่านี้ผู้รับผิดชอบได้พิจารณาแล้วว่ายอมรับความเสี่ยง "
        "หรือเป็นการตรวจพบที่คลาดเคลื่อน จึงไม่นับรวมในประเด็นที่ต้องดำเนินการ "
        "การยอมรับความเสี่ยงมีผลถึงวันที่ที่กำหนดเท่านั้น "
        "เมื่อพ้นวันดังกล่าว ประเด็นจะกลับมาเป็นประเด็นที่ต้องดำเนินการอีกครั้ง",
    },
    "en": {
        "title": "Personal data findings report (PDPA)",
        "scan_id": "Scan ID",
        "started_at": "Started",
        "finished_at": "Finished",
        "tool_version": "Tool version",
        "summary": "Summary",
        "by_severity": "Findings by severity",
        "by_type": "Findings by type",
        "total_findings": "Total findings",
        "no_findings": "No findings to act on",
        "sources": "Sources",
        "source": "Source",
        "status": "Status",
        "status_ok": "OK",
        "status_error": "Error",
        "error": "Error",
        "datasets_count": "Datasets",
        "findings": "Findings",
        "severity": "Severity",
        "type": "Type",
        "dataset": "Dataset",
        "columns": "Columns",
        "count": "Count",
        "owner": "Owner",
        "principal": "Principal",
        "privileges": "Privileges",
        "law": "Law",
        "message": "Details",
        "remediation": "Remediation",
        "datasets": "Datasets",
        "kind": "Kind",
        "row_count": "Rows",
        "register_id": "Register ID",
        "not_registered": "not registered",
        "column": "Column",
        "sampled": "Sampled",
        "pii": "Personal data types",
        "confidence": "Confidence",
        "match_ratio": "Match ratio",
        "evidence": "Evidence (masked)",
        "reasons": "Reasons",
        "no_pii": "no personal data found",
        "override": "Classification overridden",
        "override_types": "decided types",
        "override_detected": "detected types",
        "override_reason": "reason",
        "override_by": "decided by",
        "override_none": "no personal data",
        "no_datasets": "No datasets",
        "footer": "All sample values in this report are masked; "
        "it never contains a full identifier.",
        "due": "Due",
        "overdue": "{days} days overdue",
        "due_today": "due today",
        "due_in": "in {days} days",
        "what_to_do": "What to do",
        "untranslated": "English original",
        "type_code": "Type code",
        "count_unit": "Count unit",
        "finding_id": "Finding ID",
        "times_note": "All times are Bangkok time (Asia/Bangkok, UTC+7)",
        "owner_title": "Report for the data owner",
        "owner_for": "For",
        "owner_datasets": "Your datasets",
        "owner_entries": "Register entries",
        "do_first": "Do first",
        "do_first_hint": "Due soonest (overdue first), then most severe",
        "the_rest": "Everything else",
        "findings_in_due_order": "Ordered by due date, then severity",
        "triage": "Triage",
        "triage_by": "by",
        "triage_at": "on",
        "triage_reason": "reason",
        "triage_until": "until",
        "triage_assignee": "assigned to",
        "open_findings": "Findings to act on",
        "set_aside": "Decided: accepted risk / false positive",
        "set_aside_count": "Not counted: {count} finding(s) set aside by a decision "
        "(accepted risk or false positive), listed apart at the end",
        "set_aside_hint": "A person decided to accept the risk of these findings or found them "
        "to be false positives, so they are not counted among the findings to act on. "
        "An acceptance holds until its date only; after it the finding is open again.",
    },
}

#: Triage statuses (SPEC §9) by name, in the order a finding usually moves through them.
TRIAGE_STATUS_NAMES: Mapping[str, Mapping[str, str]] = {
    "open": {"th": "รอดำเนินการ", "en": "Open"},
    "acknowledged": {"th": "รับทราบแล้ว", "en": "Acknowledged"},
    "in_progress": {"th": "อยู่ระหว่างดำเนินการ", "en": "In progress"},
    "accepted": {"th": "ยอมรับความเสี่ยง", "en": "Accepted risk"},
    "false_positive": {"th": "ตรวจพบคลาดเคลื่อน (false positive)", "en": "False positive"},
}

PII_TYPES: Mapping[str, Mapping[str, str]] = {
    "PERSON": {"th": "ชื่อบุคคล", "en": "Person name"},
    "TH_NATIONAL_ID": {"th": "เลขประจำตัวประชาชน", "en": "Thai national ID"},
    "PASSPORT": {"th": "เลขหนังสือเดินทาง", "en": "Passport number"},
    "PHONE_NUMBER": {"th": "หมายเลขโทรศัพท์", "en": "Phone number"},
    "EMAIL_ADDRESS": {"th": "อีเมล", "en": "Email address"},
    "ADDRESS": {"th": "ที่อยู่", "en": "Address"},
    "DATE_OF_BIRTH": {"th": "วันเกิด", "en": "Date of birth"},
    "BANK_ACCOUNT": {"th": "เลขบัญชีธนาคาร", "en": "Bank account"},
    "CREDIT_CARD": {"th": "เลขบัตรเครดิต", "en": "Credit card"},
    "IP_ADDRESS": {"th": "หมายเลข IP", "en": "IP address"},
    "TH_LICENSE_PLATE": {"th": "ทะเบียนรถ", "en": "Thai licence plate"},
    "HEALTH": {"th": "ข้อมูลสุขภาพ", "en": "Health"},
    "RELIGION": {"th": "ศาสนา", "en": "Religion"},
    "ETHNICITY": {"th": "เชื้อชาติ", "en": "Ethnicity"},
    "POLITICAL_OPINION": {"th": "ความคิดเห็นทางการเมือง", "en": "Political opinion"},
    "SEXUAL_ORIENTATION": {"th": "พฤติกรรมทางเพศ", "en": "Sexual orientation"},
    "CRIMINAL_RECORD": {"th": "ประวัติอาชญากรรม", "en": "Criminal record"},
    "DISABILITY": {"th": "ความพิการ", "en": "Disability"},
    "TRADE_UNION": {"th": "สหภาพแรงงาน", "en": "Trade union"},
    "GENETIC": {"th": "ข้อมูลพันธุกรรม", "en": "Genetic data"},
    "BIOMETRIC": {"th": "ข้อมูลชีวภาพ", "en": "Biometric data"},
    "GENDER": {"th": "เพศ", "en": "Gender"},
    "POSTAL_CODE": {"th": "รหัสไปรษณีย์", "en": "Postal code"},
    "BIRTH_YEAR": {"th": "ปีเกิด", "en": "Birth year"},
}


def check_language(language: str) -> str:
    """Return ``language`` if supported, else raise ``ValueError``."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown report language {language!r}; use one of {LANGUAGES}")
    return language


def ui(language: str) -> Mapping[str, str]:
    """All UI strings for ``language``."""
    return UI[check_language(language)]


def severity_name(severity: str, language: str) -> str:
    """Display name of a severity, or the code itself if unknown."""
    level = LEVELS.get(severity)
    return level.label.get(language) if level else severity


def finding_type_name(finding_type: str, language: str) -> str:
    """Display name of a finding type, or the code itself if unknown."""
    kind = FINDING_TYPES.get(finding_type)
    return kind.name.get(language) if kind else finding_type


def finding_type_description(finding_type: str, language: str) -> str:
    """One-line description of a finding type, or empty if unknown."""
    kind = FINDING_TYPES.get(finding_type)
    return kind.description.get(language) if kind else ""


def triage_status_name(status: str, language: str) -> str:
    """Display name of a triage status (SPEC §9), or the code itself if unknown."""
    names = TRIAGE_STATUS_NAMES.get(status)
    return names.get(language, names["en"]) if names else status


def pii_type_name(pii_type: str, language: str) -> str:
    """Display name of a PII type, or the code itself if unknown."""
    names = PII_TYPES.get(pii_type)
    return names.get(language, names["en"]) if names else pii_type


#: Principals that mean "anyone": how a Thai report names them.
_ANYONE_TH: Mapping[str, str] = {
    "PUBLIC": "PUBLIC (ทุกคน)",
    "EVERYONE": "ทุกคน (everyone)",
}


def principal_name(principal: str, language: str) -> str:
    """A principal as the report shows it: PUBLIC / everyone explained in Thai."""
    if language == "th":
        return _ANYONE_TH.get(principal.strip().upper(), principal)
    return principal


_PII_CODE = re.compile(r"\b[A-Z][A-Z_]{3,}\b")


def with_pii_names(text: str, language: str) -> str:
    """``text`` with every SPEC PII type code written by its name (Thai reports only)."""
    if language != "th":
        return text
    return _PII_CODE.sub(
        lambda m: PII_TYPES[m.group()]["th"] if m.group() in PII_TYPES else m.group(), text
    )
