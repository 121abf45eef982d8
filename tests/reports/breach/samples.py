"""Hand-built breach assessments for the report tests: the recruitment-site malware of SPEC §11.

``document(level)`` is the ``breach.json`` of that incident graded ``none``,
``risk`` or ``high`` (grades written by hand, with every effect a factor can
have), read at ``NOW``: 48 hours before the deadline of ``AWARE_AT``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from reports.breach.breach_json import breach_document
from scanners.breach.grading import Factor, Grade
from scanners.breach.impact import DatasetImpact, Impact
from scanners.breach.incident import Incident, Scope

HOSTILE = "<script>alert(1)</script>"
TITLE = "มัลแวร์บนเว็บไซต์รับสมัครงาน"
CONTROLLER = "บริษัท ท่าอากาศยานตัวอย่าง จำกัด"
DPO = "dpo@example.co.th"
BANGKOK = timezone(timedelta(hours=7))
AWARE_AT = datetime(2026, 12, 4, 9, 30, tzinfo=BANGKOK)
NOW = datetime(2026, 12, 5, 2, 30, tzinfo=UTC)  # 48 h before the deadline
LATE = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # 5 h 30 min after it
ASSESSED_AT = datetime(2026, 12, 5, 2, 30, tzinfo=UTC)
PEOPLE = 1_219

FACTORS: tuple[Factor, ...] = (
    Factor(
        "KIND_CONFIDENTIALITY",
        "raises",
        "การละเมิดความลับของข้อมูล: ผู้ไม่มีสิทธิอาจเข้าถึงข้อมูล",
        "Confidentiality breach: people without authority may have seen the data",
    ),
    Factor(
        "EXFILTRATED_UNKNOWN",
        "raises",
        "ยังไม่ทราบว่ามีข้อมูลถูกนำออกไปหรือไม่ จึงถือว่าน่าจะถูกนำออกไป",
        "Not known whether data was taken out: treated as likely",
    ),
    Factor(
        "ENCRYPTED_AT_REST",
        "neutral",
        "ข้อมูลไม่ได้เข้ารหัสไว้",
        "The data was not encrypted at rest",
    ),
    Factor(
        "RESTORED_FROM_BACKUP",
        "lowers",
        "กู้คืนจากข้อมูลสำรองแล้ว",
        "Restored from backup",
    ),
    Factor(
        "SENSITIVE_DATA",
        "raises",
        "มีข้อมูลสุขภาพ (มาตรา 26) " + HOSTILE,
        "Health data (Section 26) " + HOSTILE,
    ),
)

GRADES: dict[str, tuple[int, int, bool, bool]] = {
    "none": (0, 1, False, False),
    "risk": (1, 2, True, False),
    "high": (3, 4, True, True),
}


def incident(title: str = TITLE) -> Incident:
    return Incident(
        title=title,
        aware_at=AWARE_AT,
        kinds=("confidentiality",),
        scope=(
            Scope("skyport_pg", ("jobs.*",)),
            Scope("fileshare", ("Recruitment/**",), affected_people=15),
        ),
        description="พบมัลแวร์บนเว็บไซต์รับสมัครงานซึ่งเข้าถึงแบบฟอร์มใบสมัครออนไลน์ได้เป็นเวลาประมาณหนึ่งเดือน",
        occurred_from=date(2026, 11, 1),
        occurred_to=date(2026, 12, 4),
        exfiltrated="unknown",
        restored_from_backup=True,
        reported_by="it-security@example.co.th",
        origin="incident.toml",
    )


def impact() -> Impact:
    applicants = DatasetImpact(
        source="skyport_pg",
        dataset="jobs.applicants",
        types=(
            "PERSON",
            "TH_NATIONAL_ID",
            "PHONE_NUMBER",
            "EMAIL_ADDRESS",
            "DATE_OF_BIRTH",
            "HEALTH",
        ),
        sensitive=("HEALTH",),
        rows=1_250,
        people=1_204,
        people_basis="column citizen_id (TH_NATIONAL_ID)",
        people_estimated=False,
        minors=37,
        minors_basis="birth_date",
        register_id="HR-007",
        owner="hr-owner@example.co.th",
        scanned_in="scan-20261201",
    )
    files = DatasetImpact(
        source="fileshare",
        dataset="Recruitment/applicants.csv",
        types=("PERSON", "PHONE_NUMBER"),
        sensitive=(),
        rows=15,
        people=15,
        people_basis="affected_people",
        people_estimated=True,
        scanned_in="scan-20261201",
    )
    return Impact(
        datasets=(applicants, files),
        people=PEOPLE,
        people_estimated=True,
        rows=1_265,
        minors=37,
        types=applicants.types,
        sensitive=("HEALTH",),
        unscanned=("fileshare: Recruitment/archive/**",),
    )


def grade(level: str) -> Grade:
    likelihood, severity, office, subjects = GRADES[level]
    return Grade(level, likelihood, severity, FACTORS, office, subjects)


def document(level: str = "high", now: datetime = NOW, title: str = TITLE) -> dict[str, Any]:
    return breach_document(
        "BR-2026-0001", incident(title), impact(), grade(level), ASSESSED_AT, now
    )
