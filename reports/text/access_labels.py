"""Thai and English text for the access report (``access.html``), beside :mod:`reports.text.labels`.

Lookups fall back to English, then to the key itself, like :mod:`reports.text.labels`.
"""

from __future__ import annotations

from collections.abc import Mapping

from reports.text.labels import check_language

UI: Mapping[str, Mapping[str, str]] = {
    "th": {
        "title": "รายงานตรวจสอบสิทธิ์การเข้าถึงข้อมูลส่วนบุคคล (PDPA มาตรา 37(1))",
        "intro": "สิทธิ์ที่มีผลจริงบนชุดข้อมูลที่มีข้อมูลส่วนบุคคล เทียบกับบัญชีสิทธิ์ที่อนุมัติ",
        "summary": "สรุป",
        "findings": "ประเด็นด้านสิทธิ์การเข้าถึง",
        "no_findings": "ไม่พบประเด็นด้านสิทธิ์การเข้าถึง",
        "datasets": "ชุดข้อมูลที่มีข้อมูลส่วนบุคคล",
        "no_rows": "ไม่พบผู้ใดมีสิทธิ์บนชุดข้อมูลที่มีข้อมูลส่วนบุคคล",
        "source": "แหล่งข้อมูล",
        "dataset": "ชุดข้อมูล",
        "pii": "ประเภทข้อมูลส่วนบุคคล",
        "principal": "ผู้ใช้/บทบาท",
        "privileges": "สิทธิ์ที่มี",
        "how_held": "ได้รับสิทธิ์อย่างไร",
        "principal_kind": "ชนิดผู้ใช้",
        "columns": "คอลัมน์",
        "approved": "อนุมัติแล้ว?",
        "approved_privileges": "สิทธิ์ที่อนุมัติ",
        "extra": "สิทธิ์เกินที่อนุมัติ",
        "grants": "รายการในบัญชีสิทธิ์",
        "reviewed_at": "ทบทวนล่าสุด",
        "review_due": "กำหนดทบทวน",
        "overdue": "เลยกำหนดทบทวน",
        "yes": "ใช่",
        "no": "ไม่",
        "severity": "ความรุนแรง",
        "type": "ประเภท",
        "message": "รายละเอียด",
        "remediation": "ข้อเสนอแนะการแก้ไข (ไม่ถูกดำเนินการอัตโนมัติ)",
        "rows": "แถวสิทธิ์",
        "unapproved_rows": "ไม่ได้รับอนุมัติ",
        "extra_rows": "มีสิทธิ์เกิน",
        "overdue_rows": "เลยกำหนดทบทวน",
        "public": "ทุกคน",
        "footer": "คำสั่งในรายงานนี้เป็นเพียงข้อเสนอแนะ pdpa-agent ไม่เคยรันคำสั่งเหล่านี้",
        "set_aside_note": "ไม่นับรวมประเด็นที่พิจารณาแล้ว {count} ประเด็น "
        "(ยอมรับความเสี่ยงหรือตรวจพบคลาดเคลื่อน) ซึ่งแสดงไว้ท้ายตาราง",
    },
    "en": {
        "title": "Access review of personal data (PDPA s.37(1))",
        "intro": "Effective privileges on datasets with personal data, against the approved "
        "access list.",
        "summary": "Summary",
        "findings": "Access findings",
        "no_findings": "No access findings",
        "datasets": "Datasets with personal data",
        "no_rows": "No principal holds privileges on a dataset with personal data",
        "source": "Source",
        "dataset": "Dataset",
        "pii": "Personal data types",
        "principal": "Principal",
        "privileges": "Privileges held",
        "how_held": "How held",
        "principal_kind": "Principal kind",
        "columns": "Columns",
        "approved": "Approved?",
        "approved_privileges": "Approved privileges",
        "extra": "Beyond approval",
        "grants": "Access-list entries",
        "reviewed_at": "Last reviewed",
        "review_due": "Review due",
        "overdue": "Review overdue",
        "yes": "yes",
        "no": "no",
        "severity": "Severity",
        "type": "Type",
        "message": "Details",
        "remediation": "Suggested fix (never run automatically)",
        "rows": "Privilege rows",
        "unapproved_rows": "Unapproved",
        "extra_rows": "Excessive",
        "overdue_rows": "Review overdue",
        "public": "everyone",
        "footer": "Statements in this report are suggestions; pdpa-agent never runs them.",
        "set_aside_note": "Not counted: {count} finding(s) set aside by a decision "
        "(accepted risk or false positive), listed at the end of the table",
    },
}

#: How a privilege is held (``HeldPrivilege.via`` kinds), per language.
VIA: Mapping[str, Mapping[str, str]] = {
    "th": {
        "direct": "โดยตรง",
        "role": "ผ่านบทบาท {name}",
        "group": "ผ่านกลุ่ม {name}",
        "PUBLIC": "ผ่าน PUBLIC (ทุกคน)",
        "owner": "ในฐานะเจ้าของ",
        "superuser": "ในฐานะ superuser",
        "world": "ผ่านสิทธิ์ของผู้อื่น (others) ของไฟล์ หรือรายการ Everyone ใน ACL ของ Windows",
        "other": "ด้วยวิธีอื่น ({name})",
    },
    "en": {
        "direct": "directly",
        "role": "through role {name}",
        "group": "through group {name}",
        "PUBLIC": "through PUBLIC",
        "owner": "as owner",
        "superuser": "as superuser",
        "world": "through the others (world) permission bits or a Windows ACL entry for everyone",
        "other": "other ({name})",
    },
}


def access_ui(language: str) -> Mapping[str, str]:
    """All access-report UI strings for ``language``."""
    return UI[check_language(language)]


def via_text(via: str, language: str) -> str:
    """``"role hr_rw"`` → ``"through role hr_rw"`` (or its Thai): how a privilege is held."""
    words = VIA.get(language, VIA["en"])
    kind, _, name = via.partition(" ")
    if via.upper() == "PUBLIC":
        return words["PUBLIC"]
    if kind in ("role", "group") and name:
        return words[kind].format(name=name)
    if via == "other":
        return words["world"]
    if kind in ("direct", "owner", "superuser") and not name:
        return words[kind]
    return words["other"].format(name=via)
