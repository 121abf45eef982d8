"""The Thai and English words the breach drafts share: kinds, grades, effects, field labels.

Thai follows the PDPC notification on breach notice (B.E. 2565): the three
kinds of breach are การละเมิดความลับ / ความถูกต้องครบถ้วน / ความพร้อมใช้งาน
ของข้อมูล, and the Office is สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล. An
unknown code is shown as itself, so a new kind or grade still renders.
"""

from __future__ import annotations

from collections.abc import Mapping

OFFICE = {
    "th": "สำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล (สคส.)",
    "en": "the Office of the Personal Data Protection Committee (PDPC Office)",
}
ACT = {
    "th": "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
    "en": "the Personal Data Protection Act B.E. 2562 (2019)",
}
NOTIFICATION = {
    "th": "ประกาศคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล เรื่อง หลักเกณฑ์และวิธีการในการแจ้งเหตุ"
    "การละเมิดข้อมูลส่วนบุคคล พ.ศ. 2565",
    "en": "the PDPC Notification on the criteria and procedures for personal data breach "
    "notification B.E. 2565 (2022)",
}
#: Who the controller is when the caller names none.
DEFAULT_CONTROLLER = {"th": "ผู้ควบคุมข้อมูลส่วนบุคคล", "en": "the data controller"}

KINDS: Mapping[str, Mapping[str, str]] = {
    "confidentiality": {
        "th": "การละเมิดความลับของข้อมูล (Confidentiality Breach)",
        "en": "Confidentiality breach (access or disclosure without authority)",
    },
    "integrity": {
        "th": "การละเมิดความถูกต้องครบถ้วนของข้อมูล (Integrity Breach)",
        "en": "Integrity breach (alteration without authority)",
    },
    "availability": {
        "th": "การละเมิดความพร้อมใช้งานของข้อมูล (Availability Breach)",
        "en": "Availability breach (loss of access or destruction)",
    },
}

EXFILTRATED: Mapping[str, Mapping[str, str]] = {
    "yes": {"th": "มีข้อมูลถูกนำออกไป", "en": "data was taken out"},
    "no": {"th": "ไม่พบว่ามีข้อมูลถูกนำออกไป", "en": "no data was taken out"},
    "unknown": {
        "th": "ยังไม่ทราบว่ามีข้อมูลถูกนำออกไปหรือไม่",
        "en": "not yet known whether data was taken out",
    },
}

GRADES: Mapping[str, Mapping[str, str]] = {
    "none": {
        "th": "ไม่มีความเสี่ยงที่จะมีผลกระทบต่อสิทธิและเสรีภาพของบุคคล (บันทึกไว้เป็นหลักฐาน)",
        "en": "Unlikely to result in a risk to the rights and freedoms of persons (record only)",
    },
    "risk": {
        "th": "มีความเสี่ยงที่จะมีผลกระทบต่อสิทธิและเสรีภาพของบุคคล (แจ้งสำนักงาน)",
        "en": "Risk to the rights and freedoms of persons (notify the Office)",
    },
    "high": {
        "th": "มีความเสี่ยงสูงที่จะมีผลกระทบต่อสิทธิและเสรีภาพของบุคคล (แจ้งสำนักงานและเจ้าของข้อมูลส่วนบุคคล)",
        "en": "High risk to the rights and freedoms of persons "
        "(notify the Office and the data subjects)",
    },
}

EFFECTS: Mapping[str, Mapping[str, str]] = {
    "raises": {"th": "เพิ่มความเสี่ยง", "en": "raises the risk"},
    "lowers": {"th": "ลดความเสี่ยง", "en": "lowers the risk"},
    "neutral": {"th": "ไม่เปลี่ยนระดับความเสี่ยง", "en": "neutral"},
}

YES_NO: Mapping[str, tuple[str, str]] = {"th": ("ใช่", "ไม่ใช่"), "en": ("yes", "no")}

LABELS: Mapping[str, Mapping[str, str]] = {
    "th": {
        "breach_id": "เลขที่เหตุการละเมิด",
        "title": "เรื่อง",
        "description": "รายละเอียดเหตุการณ์",
        "occurred": "ช่วงเวลาที่เกิดเหตุ",
        "aware_at": "วันและเวลาที่ทราบเหตุ",
        "deadline": "กำหนดแจ้งสำนักงาน (72 ชั่วโมงนับแต่ทราบเหตุ)",
        "left": "เวลาที่เหลือ ณ วันที่จัดทำร่าง",
        "assessed_at": "วันและเวลาที่ประเมิน",
        "kinds": "ประเภทของการละเมิด",
        "exfiltrated": "การนำข้อมูลออกไป",
        "encrypted": "ข้อมูลเข้ารหัสไว้และกุญแจไม่รั่วไหล",
        "restored": "กู้คืนระบบจากข้อมูลสำรองแล้ว",
        "contained": "ผู้รับข้อมูลโดยผิดพลาดได้ลบหรือส่งคืนข้อมูลแล้ว",
        "reported_by": "ผู้รายงานเหตุภายในองค์กร",
        "controller": "ผู้ควบคุมข้อมูลส่วนบุคคล",
        "dpo": "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO) / ช่องทางติดต่อ",
        "contact_person": "ผู้ประสานงาน ตำแหน่ง และหมายเลขโทรศัพท์",
        "types": "ประเภทข้อมูลส่วนบุคคลที่เกี่ยวข้อง",
        "sensitive": "ข้อมูลส่วนบุคคลที่มีความอ่อนไหวตามมาตรา 26",
        "people": "จำนวนเจ้าของข้อมูลส่วนบุคคลโดยประมาณ",
        "rows": "จำนวนรายการข้อมูล (แถว) โดยประมาณ",
        "minors": "ผู้เยาว์ (อายุต่ำกว่า 20 ปี)",
        "unscanned": "ขอบเขตที่ยังไม่มีผลการสแกน",
        "grade": "ผลการประเมินความเสี่ยง",
        "likelihood": "โอกาสที่จะเกิดผลกระทบ",
        "severity": "ความรุนแรงของผลกระทบ",
        "notify_office": "ต้องแจ้งสำนักงาน",
        "notify_subjects": "ต้องแจ้งเจ้าของข้อมูลส่วนบุคคล",
        "source": "แหล่งข้อมูล",
        "dataset": "ชุดข้อมูล",
        "basis": "วิธีนับ",
        "register_id": "รหัสทะเบียน",
        "owner": "ผู้รับผิดชอบข้อมูล",
        "scanned_in": "ผลการสแกน",
        "effect": "ผลต่อระดับความเสี่ยง",
        "factor": "ปัจจัย",
        "code": "รหัส",
        "unknown": "ไม่ทราบ",
        "none": "ไม่มี",
        "not_scanned": "ยังไม่ได้สแกน",
        "types_short": "ข้อมูลส่วนบุคคล",
        "sensitive_short": "ข้อมูลตามมาตรา 26",
        "rows_short": "จำนวนแถว",
        "people_short": "จำนวนบุคคล",
        "minors_short": "ผู้เยาว์",
    },
    "en": {
        "breach_id": "Breach ID",
        "title": "Subject",
        "description": "What happened",
        "occurred": "When it happened",
        "aware_at": "Became aware at",
        "deadline": "Notice to the Office due (72 hours from awareness)",
        "left": "Time left when drafted",
        "assessed_at": "Assessed at",
        "kinds": "Kind of breach",
        "exfiltrated": "Data taken out",
        "encrypted": "Data encrypted at rest, key not exposed",
        "restored": "Restored from backup",
        "contained": "Misdirected data deleted or returned by the recipients",
        "reported_by": "Reported internally by",
        "controller": "Data controller",
        "dpo": "Data protection officer (DPO) / contact",
        "contact_person": "Contact person, position and telephone",
        "types": "Kinds of personal data involved",
        "sensitive": "Sensitive data under Section 26",
        "people": "Approximate number of data subjects",
        "rows": "Approximate number of records (rows)",
        "minors": "Minors (under 20)",
        "unscanned": "Scope without scan results",
        "grade": "Risk assessment",
        "likelihood": "Likelihood",
        "severity": "Severity",
        "notify_office": "Notify the Office",
        "notify_subjects": "Notify the data subjects",
        "source": "Source",
        "dataset": "Dataset",
        "basis": "Counted on",
        "register_id": "Register ID",
        "owner": "Owner",
        "scanned_in": "Scan",
        "effect": "Effect on the risk",
        "factor": "Factor",
        "code": "Code",
        "unknown": "unknown",
        "none": "none",
        "not_scanned": "not scanned",
        "types_short": "Personal data",
        "sensitive_short": "Section 26 data",
        "rows_short": "Rows",
        "people_short": "People",
        "minors_short": "Minors",
    },
}


def label(key: str, language: str) -> str:
    """The field label ``key`` in ``language``."""
    return LABELS[language][key]


def named(table: Mapping[str, Mapping[str, str]], code: str, language: str) -> str:
    """``code``'s words in ``language`` from ``table``; the code itself when unknown."""
    words = table.get(code)
    return words.get(language, words["en"]) if words else code


def yes_no(value: bool, language: str) -> str:
    """``ใช่``/``ไม่ใช่`` or ``yes``/``no``."""
    yes, no = YES_NO[language]
    return yes if value else no
