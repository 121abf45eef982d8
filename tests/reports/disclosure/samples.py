"""Hand-built disclosure values for the report tests: a Thai request, its assessment, a record.

The assessment has one non-blocking problem listed before one blocking one (the
reports must put the blocking one first) and a k below k_min with a suggestion;
the record has two follow-up answers, recorded out of order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from scanners.disclosure.assessment import Assessment, ColumnAssessment, KAnonymity, Problem
from scanners.disclosure.request import ColumnRequest, DisclosureRequest
from scanners.model.disclosure import DisclosureRecord, FollowUp

HOSTILE = "<script>alert(1)</script>"
SHA = "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea"
TREATMENTS = (
    ("date_of_birth", "birth_year"),
    ("national_id", "pseudonym"),
    ("postcode", "postcode"),
    ("gender", "keep"),
)


def sample_request(**changes: object) -> DisclosureRequest:
    request = DisclosureRequest(
        id="REQ-2026-014",
        requested_by="หน่วยวิจัย ฝ่ายปฏิบัติการท่าอากาศยาน",
        recipient="คณะสาธารณสุขศาสตร์ มหาวิทยาลัยตัวอย่าง",
        recipient_contact="ดร.เอ นักวิจัย <a.researcher@example.ac.th> 02-000-0000",
        legal_basis="archives_research",
        purpose="ศึกษาการเดินทางของผู้โดยสารตามกลุ่มอายุ",
        source="skyport_pg",
        dataset="ops.passengers",
        columns=(
            *(ColumnRequest(name, treatment) for name, treatment in TREATMENTS),
            ColumnRequest("full_name", "keep", reason="ต้องติดต่อกลับ"),
        ),
        approved_by="dpo@example.co.th",
        follow_up_every="6m",
        k_min=5,
    )
    return replace(request, **changes)


def sample_assessment(request: DisclosureRequest | None = None) -> Assessment:
    return Assessment(
        request=request or sample_request(),
        assessed_at=datetime(2026, 7, 10, 2, 30, tzinfo=UTC),
        register_id="R-OPS-07",
        owner="ops-data@example.co.th",
        columns=(
            ColumnAssessment(
                "date_of_birth",
                "birth_year",
                ("DATE_OF_BIRTH",),
                False,
                ("birth_year", "age_band", "drop"),
                True,
            ),
            ColumnAssessment(
                "national_id", "pseudonym", ("TH_NATIONAL_ID",), False, ("pseudonym", "drop"), False
            ),
            ColumnAssessment(
                "postcode",
                "postcode",
                ("POSTAL_CODE",),
                False,
                ("postcode", "province", "drop"),
                True,
            ),
            ColumnAssessment("gender", "keep", ("GENDER",), False, ("keep", "drop"), True),
            ColumnAssessment("full_name", "keep", ("PERSON",), False, ("pseudonym", "drop"), False),
        ),
        problems=(
            Problem(
                "K_BELOW_MIN",
                False,
                "ค่า k ของชุดข้อมูลเท่ากับ 2 ต่ำกว่าค่าขั้นต่ำ 5",
                "The extract's k is 2, below k_min 5",
            ),
            Problem(
                "DIRECT_IDENTIFIER",
                True,
                "คอลัมน์ full_name เป็นตัวระบุตัวตนโดยตรงแต่ขอส่งตามเดิม",
                "Column full_name is a direct identifier kept in clear",
                column="full_name",
            ),
        ),
        k_anonymity=KAnonymity(
            k_min=5,
            quasi_identifiers=("date_of_birth", "postcode", "gender"),
            k=2,
            rows=12840,
            groups=3021,
            small_groups=41,
            suggestion=(("postcode", "province"),),
            suggestion_k=7,
        ),
        rows=12840,
    )


def sample_record(**changes: object) -> DisclosureRecord:
    record = DisclosureRecord(
        id="DIS-2026-0003",
        source="skyport_pg",
        dataset="ops.passengers",
        recipient="คณะสาธารณสุขศาสตร์ มหาวิทยาลัยตัวอย่าง",
        recipient_contact="ดร.เอ นักวิจัย <a.researcher@example.ac.th> 02-000-0000",
        requested_by="หน่วยวิจัย ฝ่ายปฏิบัติการท่าอากาศยาน",
        legal_basis="archives_research",
        sensitive_basis="",
        purpose="ศึกษาการเดินทางของผู้โดยสารตามกลุ่มอายุ",
        approved_by="dpo@example.co.th",
        register_id="R-OPS-07",
        owner="ops-data@example.co.th",
        disclosed_at=datetime(2026, 1, 14, 3, 0, tzinfo=UTC),
        rows=12840,
        sha256=SHA,
        k=7,
        treatments=TREATMENTS,
        format="csv",
        follow_up_every="6m",
        next_followup=date(2027, 1, 15),
        followups=(
            FollowUp(
                "DIS-2026-0003",
                datetime(2026, 7, 20, 4, 0, tzinfo=UTC),
                "still_needed",
                "ยังวิเคราะห์ไม่เสร็จ",
                "dpo@example.co.th",
                date(2027, 1, 15),
            ),
            FollowUp(
                "DIS-2026-0003",
                datetime(2026, 7, 15, 1, 0, tzinfo=UTC),
                "no_answer",
                "",
                "dpo@example.co.th",
                date(2026, 7, 22),
            ),
        ),
    )
    return replace(record, **changes)
