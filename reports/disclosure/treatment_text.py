"""Thai and English words of the disclosure reports: treatments, statuses, legal bases, periods.

Shared by the assessment page, the recipient notice and the disclosure log so
that one treatment or basis reads the same everywhere. The codes are SPEC §10's
treatments, the follow-up answers and disclosure states of
:mod:`scanners.model.disclosure`, and SPEC §5's ``legal_basis`` and
``sensitive_basis`` vocabularies (no report module named them before). Every
lookup falls back to the code itself, so an unknown value still renders.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reports.text.labels import check_language
from scanners.disclosure.assessment import NOTE_IN_CLEAR, NOTE_NO_QUASI, NOTE_NO_ROWS

Words = Mapping[str, Mapping[str, str]]

#: Short name of each treatment (SPEC §10 ``as``).
TREATMENT_NAMES: Words = {
    "keep": {"th": "ส่งตามเดิม", "en": "Kept as is"},
    "drop": {"th": "ไม่ส่ง (ตัดออก)", "en": "Dropped"},
    "pseudonym": {"th": "รหัสแทน (นามแฝง)", "en": "Pseudonym"},
    "birth_year": {"th": "เฉพาะปีเกิด", "en": "Birth year only"},
    "age_band": {"th": "ช่วงอายุ", "en": "Age band"},
    "postcode": {"th": "เฉพาะรหัสไปรษณีย์", "en": "Postcode only"},
    "province": {"th": "เฉพาะจังหวัด", "en": "Province only"},
    "mask": {"th": "ปิดบังบางส่วน", "en": "Masked"},
}

#: What the recipient finds in a column so treated (the notice explains every column).
TREATMENT_EXPLANATIONS: Words = {
    "keep": {
        "th": "ค่าตามที่ผู้ควบคุมข้อมูลส่วนบุคคลเก็บไว้ โดยไม่มีการแปลง",
        "en": "The value as the controller holds it, unchanged.",
    },
    "drop": {
        "th": "ไม่รวมอยู่ในไฟล์ที่ส่งมอบ",
        "en": "Not included in the file delivered.",
    },
    "pseudonym": {
        "th": "รหัสที่สร้างขึ้นใหม่แทนค่าเดิมซึ่งไม่ระบุตัวบุคคล (HMAC-SHA256 ที่ใช้กุญแจลับ) "
        "บุคคลเดียวกันมีรหัสเดียวกันภายในไฟล์นี้ แต่ไม่สามารถเชื่อมโยงกับรหัสในข้อมูล"
        "ที่เปิดเผยแก่ผู้รับรายอื่นได้",
        "en": "A new code in place of the value that does not identify the person (keyed "
        "HMAC-SHA256): the same person has the same code within this file, but the codes "
        "cannot be linked to those given to any other recipient.",
    },
    "birth_year": {
        "th": "เฉพาะปีเกิด โดยตัดวันและเดือนเกิดออก",
        "en": "The year of birth only; the day and month are removed.",
    },
    "age_band": {
        "th": "ช่วงอายุแทนวันเกิดหรืออายุที่แน่นอน",
        "en": "An age range instead of the exact date of birth or age.",
    },
    "postcode": {
        "th": "เฉพาะรหัสไปรษณีย์ โดยตัดบ้านเลขที่ ถนน และรายละเอียดอื่นของที่อยู่ออก",
        "en": "The postcode only; the house number, street and the rest of the address "
        "are removed.",
    },
    "province": {
        "th": "เฉพาะชื่อจังหวัด โดยตัดรายละเอียดอื่นของที่อยู่ออก",
        "en": "The province only; the rest of the address is removed.",
    },
    "mask": {
        "th": "ค่าที่ถูกปิดบังบางส่วนจนไม่สามารถอ่านค่าเต็มได้",
        "en": "The value partly hidden, so that the full value cannot be read.",
    },
}

#: Answers recorded by ``disclosures followup`` (FOLLOWUP_STATUSES).
FOLLOWUP_STATUS_NAMES: Words = {
    "still_needed": {"th": "ยังจำเป็นต้องใช้", "en": "Still needed"},
    "deleted": {"th": "ลบแล้ว", "en": "Deleted"},
    "returned": {"th": "ส่งคืนแล้ว", "en": "Returned"},
    "no_answer": {"th": "ไม่ได้รับคำตอบ", "en": "No answer"},
}

#: States of a disclosure in the log.
DISCLOSURE_STATUS_NAMES: Words = {
    "open": {"th": "ผู้รับยังถือข้อมูลอยู่", "en": "Open (recipient holds the data)"},
    "closed": {"th": "ปิดแล้ว (ลบหรือส่งคืน)", "en": "Closed (deleted or returned)"},
}

#: SPEC §5 ``legal_basis``: the s.19 consent and the s.24 bases.
LEGAL_BASES: Words = {
    "consent": {
        "th": "ความยินยอมของเจ้าของข้อมูลส่วนบุคคล (มาตรา 19)",
        "en": "Consent of the data subject (s.19)",
    },
    "contract": {
        "th": "จำเป็นเพื่อการปฏิบัติตามสัญญากับเจ้าของข้อมูลส่วนบุคคล (มาตรา 24(3))",
        "en": "Necessary for a contract with the data subject (s.24(3))",
    },
    "legal_obligation": {
        "th": "จำเป็นเพื่อการปฏิบัติตามกฎหมาย (มาตรา 24(6))",
        "en": "Compliance with a legal obligation (s.24(6))",
    },
    "vital_interest": {
        "th": "ป้องกันหรือระงับอันตรายต่อชีวิต ร่างกาย หรือสุขภาพของบุคคล (มาตรา 24(2))",
        "en": "Preventing or suppressing a danger to a person's life, body or health (s.24(2))",
    },
    "public_task": {
        "th": "การปฏิบัติหน้าที่เพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐ (มาตรา 24(4))",
        "en": "A task in the public interest or the exercise of official authority (s.24(4))",
    },
    "legitimate_interest": {
        "th": "ประโยชน์โดยชอบด้วยกฎหมาย (มาตรา 24(5))",
        "en": "Legitimate interests (s.24(5))",
    },
    "archives_research": {
        "th": "จดหมายเหตุ การศึกษาวิจัย หรือสถิติ (มาตรา 24(1))",
        "en": "Archives, research or statistics (s.24(1))",
    },
}

#: SPEC §5 ``sensitive_basis``: the s.26 grounds for Section 26 data.
SENSITIVE_BASES: Words = {
    "explicit_consent": {
        "th": "ความยินยอมโดยชัดแจ้งของเจ้าของข้อมูลส่วนบุคคล (มาตรา 26)",
        "en": "Explicit consent of the data subject (s.26)",
    },
    "employment_law": {
        "th": "การคุ้มครองแรงงาน การประกันสังคม และสวัสดิการตามกฎหมาย (มาตรา 26(5)(ค))",
        "en": "Employment protection, social security and social protection law (s.26(5)(c))",
    },
    "vital_interest": {
        "th": "ป้องกันหรือระงับอันตรายต่อชีวิต ร่างกาย หรือสุขภาพ "
        "เมื่อเจ้าของข้อมูลไม่สามารถให้ความยินยอมได้ (มาตรา 26(1))",
        "en": "Preventing a danger to life, body or health when the data subject cannot "
        "consent (s.26(1))",
    },
    "medical": {
        "th": "เวชศาสตร์ป้องกัน อาชีวเวชศาสตร์ การวินิจฉัยโรค และการรักษาทางการแพทย์ (มาตรา 26(5)(ก))",
        "en": "Preventive or occupational medicine, diagnosis and medical care (s.26(5)(a))",
    },
    "public_health": {
        "th": "ประโยชน์สาธารณะด้านการสาธารณสุข (มาตรา 26(5)(ข))",
        "en": "Public interest in public health (s.26(5)(b))",
    },
    "legal_claims": {
        "th": "การก่อตั้ง การใช้ หรือการยกขึ้นต่อสู้ซึ่งสิทธิเรียกร้องตามกฎหมาย (มาตรา 26(4))",
        "en": "Establishing, exercising or defending legal claims (s.26(4))",
    },
    "archives_research": {
        "th": "การศึกษาวิจัยทางวิทยาศาสตร์ ประวัติศาสตร์ หรือสถิติ (มาตรา 26(5)(ง))",
        "en": "Scientific, historical or statistical research (s.26(5)(d))",
    },
}

#: ``KAnonymity.note`` texts the reports know in Thai (others are shown in English). The
#: notes are written by ``agent.disclosure.k_anonymity`` (``NOTE_*``), which this layer
#: may not import: keep the two in step.
K_NOTES: Mapping[str, str] = {
    NOTE_NO_QUASI: "ไม่มีคอลัมน์ที่เป็นตัวระบุทางอ้อมในชุดข้อมูลที่จะส่ง",
    NOTE_NO_ROWS: "ชุดข้อมูลไม่มีแถว",
    NOTE_IN_CLEAR: "มีการตัดสินให้ส่งตัวระบุตัวตนโดยตรงตามเดิม จึงไม่ใช้เกณฑ์ k-anonymity",
}

_UNITS: Mapping[str, Mapping[str, tuple[str, str]]] = {
    "d": {"th": ("วัน", "วัน"), "en": ("day", "days")},
    "m": {"th": ("เดือน", "เดือน"), "en": ("month", "months")},
    "y": {"th": ("ปี", "ปี"), "en": ("year", "years")},
}
_PERIOD = re.compile(r"^\s*(\d+)\s*([dmy])\s*$", re.IGNORECASE)


def _lookup(words: Words, code: str, language: str) -> str:
    names = words.get(code)
    return names.get(check_language(language), names["en"]) if names else code


def treatment_name(treatment: str, language: str) -> str:
    """``birth_year`` → ``เฉพาะปีเกิด`` / ``Birth year only``."""
    return _lookup(TREATMENT_NAMES, treatment, language)


def treatment_explanation(treatment: str, language: str) -> str:
    """What a column so treated holds, for the recipient; empty for an unknown treatment."""
    names = TREATMENT_EXPLANATIONS.get(treatment)
    return names[check_language(language)] if names else ""


def followup_status_name(status: str, language: str) -> str:
    """A follow-up answer (``still_needed`` …) in ``language``."""
    return _lookup(FOLLOWUP_STATUS_NAMES, status, language)


def disclosure_status_name(status: str, language: str) -> str:
    """A disclosure's state (``open`` / ``closed``) in ``language``."""
    return _lookup(DISCLOSURE_STATUS_NAMES, status, language)


def legal_basis_name(basis: str, language: str) -> str:
    """A ``legal_basis`` with its section; empty stays empty."""
    return _lookup(LEGAL_BASES, basis, language) if basis else ""


def sensitive_basis_name(basis: str, language: str) -> str:
    """A ``sensitive_basis`` with its section; empty (none given) stays empty."""
    return _lookup(SENSITIVE_BASES, basis, language) if basis else ""


def period_text(every: str, language: str) -> str:
    """``6m`` → ``ทุก 6 เดือน`` / ``every 6 months``; anything else as given."""
    check_language(language)
    match = _PERIOD.match(every)
    if match is None:
        return every
    count = int(match.group(1))
    singular, plural = _UNITS[match.group(2).lower()][language]
    if language == "th":
        return f"ทุก {count} {singular}"
    return f"every {count} {singular if count == 1 else plural}"


def k_note_text(note: str, language: str) -> str:
    """Why k was not computed, in ``language`` when the note is a known one, else in English."""
    check_language(language)
    if language == "th":
        return K_NOTES.get(note.strip().rstrip(".").lower(), note)
    return note


def both(thai: str, english: str) -> str:
    """``thai / english`` for the bilingual page; one of them when they are the same or empty."""
    if not thai or thai == english:
        return english
    if not english:
        return thai
    return f"{thai} / {english}"
