"""The disclosure log as an Excel workbook, for the s.39 record of processing (SPEC §10).

Sheet one holds one row per disclosure (who received which columns treated
how, when, on which basis and for which purpose, the extract's rows, SHA-256
and k, the follow-up period, next date, state and last answer); sheet two one
row per recorded follow-up answer. Titles and headers are in the workbook's
language, the header row is bold and frozen, columns are sized to their text.
Text cells go through :func:`reports.common.safe_cell` like every other
spreadsheet the reports write, so a recipient named ``=HYPERLINK(…)`` stays
text, and characters Excel rejects are dropped. Moments are Bangkok wall-clock
date-time cells, dates are date cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook

from reports.common import LIST_SEPARATOR
from reports.disclosure.treatment_text import (
    disclosure_status_name,
    followup_status_name,
    legal_basis_name,
    period_text,
    sensitive_basis_name,
    treatment_name,
)
from reports.sheets import fill_sheet
from reports.text.dates import bangkok, utc
from reports.text.labels import check_language
from scanners.model.disclosure import DisclosureRecord, FollowUp

Cell = str | int | float | date | datetime | None

#: Sheet titles: the disclosures, then the follow-up answers.
SHEET_TITLES: dict[str, tuple[str, str]] = {
    "th": ("บันทึกการเปิดเผยข้อมูล", "การติดตามผล"),
    "en": ("Disclosures", "Follow-ups"),
}

DISCLOSURE_HEADERS: dict[str, tuple[str, ...]] = {
    "th": (
        "เลขที่การเปิดเผย",
        "วันที่เปิดเผย",
        "แหล่งข้อมูล",
        "ชุดข้อมูล",
        "รหัสทะเบียน",
        "ผู้รับผิดชอบข้อมูล",
        "ผู้รับข้อมูล",
        "ช่องทางติดต่อผู้รับ",
        "ผู้ขอข้อมูล",
        "ฐานทางกฎหมาย",
        "ฐานสำหรับข้อมูลอ่อนไหว",
        "วัตถุประสงค์",
        "ผู้อนุมัติ",
        "คอลัมน์และวิธีจัดการ",
        "จำนวนแถว",
        "SHA-256",
        "k",
        "ติดตามผล",
        "ติดตามครั้งถัดไป",
        "สถานะ",
        "คำตอบล่าสุด",
    ),
    "en": (
        "Disclosure ID",
        "Disclosed at",
        "Source",
        "Dataset",
        "Register ID",
        "Owner",
        "Recipient",
        "Recipient contact",
        "Requested by",
        "Legal basis",
        "Sensitive basis",
        "Purpose",
        "Approved by",
        "Columns and treatments",
        "Rows",
        "SHA-256",
        "k",
        "Follow-up every",
        "Next follow-up",
        "Status",
        "Last follow-up answer",
    ),
}

FOLLOWUP_HEADERS: dict[str, tuple[str, ...]] = {
    "th": (
        "เลขที่การเปิดเผย",
        "ผู้รับข้อมูล",
        "บันทึกเมื่อ",
        "คำตอบ",
        "หมายเหตุ",
        "ผู้บันทึก",
        "ติดตามครั้งถัดไป",
    ),
    "en": (
        "Disclosure ID",
        "Recipient",
        "Recorded at",
        "Answer",
        "Note",
        "Recorded by",
        "Next follow-up",
    ),
}


def _local(moment: datetime) -> datetime:
    """Bangkok wall-clock time without a zone (Excel has no time zones)."""
    return utc(moment).astimezone(bangkok()).replace(tzinfo=None)


def treatments_text(record: DisclosureRecord, language: str) -> str:
    """``date_of_birth: เฉพาะปีเกิด; national_id: รหัสแทน (นามแฝง)``."""
    return f"{LIST_SEPARATOR} ".join(
        f"{column}: {treatment_name(treatment, language)}"
        for column, treatment in record.treatments
    )


def last_answer_text(record: DisclosureRecord, language: str) -> str:
    """The latest follow-up answer, its date and note; empty when none was recorded."""
    if not record.followups:
        return ""
    last = max(record.followups, key=lambda f: utc(f.recorded_at))
    text = f"{followup_status_name(last.status, language)} ({_local(last.recorded_at).date()})"
    return f"{text}: {last.note}" if last.note else text


def disclosure_row(record: DisclosureRecord, language: str) -> list[Cell]:
    """One row of the disclosures sheet, in :data:`DISCLOSURE_HEADERS` order."""
    return [
        record.id,
        _local(record.disclosed_at),
        record.source,
        record.dataset,
        record.register_id,
        record.owner,
        record.recipient,
        record.recipient_contact,
        record.requested_by,
        legal_basis_name(record.legal_basis, language),
        sensitive_basis_name(record.sensitive_basis, language),
        record.purpose,
        record.approved_by,
        treatments_text(record, language),
        record.rows,
        record.sha256,
        record.k,
        period_text(record.follow_up_every, language),
        record.next_followup,
        disclosure_status_name(record.status, language),
        last_answer_text(record, language),
    ]


def followup_row(record: DisclosureRecord, followup: FollowUp, language: str) -> list[Cell]:
    """One row of the follow-ups sheet, in :data:`FOLLOWUP_HEADERS` order."""
    return [
        followup.disclosure_id,
        record.recipient,
        _local(followup.recorded_at),
        followup_status_name(followup.status, language),
        followup.note,
        followup.by,
        followup.next_followup,
    ]


def build_log_workbook(records: Sequence[DisclosureRecord], language: str = "th") -> Workbook:
    """The disclosure log of ``records`` (in the order given), headed in ``language``."""
    check_language(language)
    workbook = Workbook()
    disclosures = workbook.active
    assert disclosures is not None
    disclosures_title, followups_title = SHEET_TITLES[language]
    disclosures.title = disclosures_title
    fill_sheet(
        disclosures,
        DISCLOSURE_HEADERS[language],
        (disclosure_row(record, language) for record in records),
    )
    followups = workbook.create_sheet(followups_title)
    fill_sheet(
        followups,
        FOLLOWUP_HEADERS[language],
        (
            followup_row(record, followup, language)
            for record in records
            for followup in sorted(record.followups, key=lambda f: utc(f.recorded_at))
        ),
    )
    return workbook
