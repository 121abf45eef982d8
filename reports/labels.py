"""Thai and English text for the reports: UI strings, finding types, severities, PII types.

Every lookup falls back to English and then to the raw code, so a new finding
or PII type still renders (as its code) before it gets a label here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
    },
}

SEVERITIES: Mapping[str, Mapping[str, str]] = {
    "critical": {"th": "วิกฤต", "en": "Critical"},
    "high": {"th": "สูง", "en": "High"},
    "medium": {"th": "ปานกลาง", "en": "Medium"},
    "low": {"th": "ต่ำ", "en": "Low"},
}

#: The 16 finding types of SPEC §8: name and one-line description per language.
FINDING_TYPES: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "PII_UNREGISTERED": {
        "th": (
            "ข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน",
            "ชุดข้อมูลมีข้อมูลส่วนบุคคลแต่ไม่ตรงกับรายการใดในทะเบียน",
        ),
        "en": (
            "Unregistered personal data",
            "A dataset holds personal data but matches no register entry.",
        ),
    },
    "MINIMISE_UNDECLARED_PII": {
        "th": (
            "ข้อมูลส่วนบุคคลที่ไม่ได้ประกาศไว้",
            "คอลัมน์มีประเภทข้อมูลส่วนบุคคลที่ไม่อยู่ใน allowed_pii ของรายการในทะเบียน",
        ),
        "en": (
            "Undeclared personal data",
            "A column holds a personal data type not in the entry's allowed_pii.",
        ),
    },
    "MINIMISE_GRANULARITY": {
        "th": (
            "ข้อมูลละเอียดเกินความจำเป็น",
            "คอลัมน์เก็บรายละเอียดมากกว่าระดับ granularity ที่รายการในทะเบียนอนุญาต",
        ),
        "en": (
            "Data finer than needed",
            "A column holds finer detail than the entry's granularity allows.",
        ),
    },
    "SENSITIVE_NO_BASIS": {
        "th": (
            "ข้อมูลอ่อนไหวไม่มีฐานทางกฎหมาย",
            "พบข้อมูลอ่อนไหวตามมาตรา 26 แต่รายการในทะเบียนไม่ได้ระบุ sensitive_basis",
        ),
        "en": (
            "Sensitive data without a legal basis",
            "Section 26 data is present and the entry has no sensitive_basis.",
        ),
    },
    "RETENTION_UNDEFINED": {
        "th": (
            "ไม่ได้กำหนดระยะเวลาเก็บรักษา",
            "ชุดข้อมูลที่ลงทะเบียนและมีข้อมูลส่วนบุคคลไม่มี retention หรือ clock_column",
        ),
        "en": (
            "Retention not defined",
            "A registered dataset with personal data has no retention or clock_column.",
        ),
    },
    "RETENTION_EXPIRED": {
        "th": (
            "เกินระยะเวลาเก็บรักษา",
            "มีแถวข้อมูลที่เกินระยะเวลาเก็บรักษาแล้ว ต้องลบหรือทำให้ไม่ระบุตัวตน",
        ),
        "en": (
            "Retention expired",
            "Rows are past their retention period and must be deleted or anonymised.",
        ),
    },
    "ERASURE_PENDING": {
        "th": (
            "คำขอลบข้อมูลยังไม่ได้ดำเนินการ",
            "เจ้าของข้อมูลที่ขอลบข้อมูลหรือถอนความยินยอมยังคงมีข้อมูลอยู่หลังพ้น grace_days",
        ),
        "en": (
            "Erasure pending",
            "Subjects who asked for erasure or withdrew consent are still present "
            "after grace_days.",
        ),
    },
    "ANONYMISATION_WEAK": {
        "th": (
            "การทำให้ไม่ระบุตัวตนไม่เพียงพอ",
            "ชุดข้อมูลที่ประกาศว่าไม่ระบุตัวตนยังมีตัวระบุตัวตนโดยตรง หรือค่า k ต่ำกว่า k_min",
        ),
        "en": (
            "Weak anonymisation",
            "A dataset declared anonymised holds direct identifiers, or its "
            "quasi-identifiers give k below k_min.",
        ),
    },
    "ACCESS_UNAPPROVED": {
        "th": (
            "สิทธิ์เข้าถึงที่ไม่ได้รับอนุมัติ",
            "ผู้ใช้หรือบทบาทมีสิทธิ์ในชุดข้อมูลที่มีข้อมูลส่วนบุคคลโดยไม่มีการอนุมัติรองรับ",
        ),
        "en": (
            "Unapproved access",
            "A principal holds a privilege on a dataset with personal data and no "
            "approved grant covers it.",
        ),
    },
    "ACCESS_EXCESSIVE": {
        "th": (
            "สิทธิ์เข้าถึงเกินที่อนุมัติ",
            "ผู้ที่ได้รับอนุมัติมีสิทธิ์มากกว่าสิทธิ์ที่ได้รับอนุมัติ",
        ),
        "en": (
            "Excessive access",
            "An approved principal holds privileges beyond the approved ones.",
        ),
    },
    "ACCESS_PUBLIC": {
        "th": (
            "เปิดให้ทุกคนเข้าถึง",
            "PUBLIC (ฐานข้อมูล) หรือทุกคน (ไฟล์) อ่านชุดข้อมูลที่มีข้อมูลส่วนบุคคลได้",
        ),
        "en": (
            "Public access",
            "PUBLIC (databases) or everyone (files) can read a dataset with personal data.",
        ),
    },
    "ACCESS_REVIEW_OVERDUE": {
        "th": (
            "เลยกำหนดทบทวนสิทธิ์",
            "สิทธิ์ที่อนุมัติแล้วเลยกำหนดทบทวน (reviewed_at + review_every)",
        ),
        "en": (
            "Access review overdue",
            "An approved grant's reviewed_at + review_every is in the past.",
        ),
    },
    "ACCESS_STALE_ENTRY": {
        "th": (
            "รายการสิทธิ์ล้าสมัย",
            "ผู้ที่ได้รับอนุมัติไม่มีอยู่ในแหล่งข้อมูลแล้ว",
        ),
        "en": (
            "Stale access entry",
            "An approved principal no longer exists on the source.",
        ),
    },
    "DISCLOSURE_FOLLOWUP_DUE": {
        "th": (
            "ถึงกำหนดติดตามการเปิดเผยข้อมูล",
            "เลยวันติดตามผลของการเปิดเผยข้อมูลให้ผู้อื่นแล้วแต่ยังไม่ได้บันทึกคำตอบ",
        ),
        "en": (
            "Disclosure follow-up due",
            "A disclosure's follow-up date has passed with no answer recorded.",
        ),
    },
    "BREACH_NOTICE_DUE": {
        "th": (
            "ต้องแจ้งเหตุละเมิดข้อมูล",
            "มีเหตุละเมิดที่ต้องแจ้งภายใน 72 ชั่วโมงแต่ยังไม่ได้บันทึกว่าแจ้งแล้ว",
        ),
        "en": (
            "Breach notice due",
            "An open breach requires a notice that is not yet recorded as sent.",
        ),
    },
    "SCAN_ERROR": {
        "th": (
            "สแกนไม่สำเร็จ",
            "ไม่สามารถสแกนแหล่งข้อมูลหรือชุดข้อมูลได้ ดูสาเหตุในรายละเอียด",
        ),
        "en": (
            "Scan error",
            "A source or dataset could not be scanned; the message says why.",
        ),
    },
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
    names = SEVERITIES.get(severity)
    return names.get(language, names["en"]) if names else severity


def finding_type_name(finding_type: str, language: str) -> str:
    """Display name of a finding type, or the code itself if unknown."""
    entry = FINDING_TYPES.get(finding_type)
    return entry.get(language, entry["en"])[0] if entry else finding_type


def finding_type_description(finding_type: str, language: str) -> str:
    """One-line description of a finding type, or empty if unknown."""
    entry = FINDING_TYPES.get(finding_type)
    return entry.get(language, entry["en"])[1] if entry else ""


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
