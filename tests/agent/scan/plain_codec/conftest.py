"""Samples for the plain codec tests: a dataset result with findings, a real access review.

``STAFF`` holds columns with PII matches, evidence and reasons, a column
without any, and exemptions; ``FINDING`` fills every field a finding has;
:func:`access_review` runs the real review so its rows carry dates, ``via``
pairs and column-only grants. The round-trip tests carry them through JSON;
the refusal tests edit their plain form into malformed messages.
"""

from __future__ import annotations

from datetime import date

from connectors.model import HeldPrivilege, Principal
from scanners.checks.access.review import review_access
from scanners.model.access import ApprovedGrant
from scanners.model.result import (
    AccessReview,
    ColumnResult,
    DatasetResult,
    Exemption,
    Finding,
    PiiMatch,
)

TODAY = date(2026, 11, 25)

EMAIL = ColumnResult(
    name="email",
    sampled=300,
    pii=(PiiMatch("EMAIL_ADDRESS", 0.95, 1.0),),
    evidence=("c*******0@example.co.th", "c*******1@example.co.th"),
    reasons=("EMAIL_ADDRESS: recognizer ratio 1.00",),
)
CITIZEN = ColumnResult(
    name="เลขบัตรประชาชน",
    sampled=300,
    pii=(PiiMatch("TH_NATIONAL_ID", 0.99, 0.97), PiiMatch("PHONE_NUMBER", 0.4, 0.25)),
    evidence=("1-****-*****-**-3",),
    reasons=("TH_NATIONAL_ID: recognizer ratio 0.97; name prior 'cid'", "checksum valid"),
)
PLAIN_COLUMN = ColumnResult(name="amount", sampled=0)
STAFF = DatasetResult(
    source="org",
    name="public.staff",
    kind="table",
    row_count=300,
    register_id="HR-1",
    columns=(EMAIL, CITIZEN, PLAIN_COLUMN),
    exemptions=(
        Exemption("RETENTION_EXPIRED", "archives", 7, "kept as an archive", "เก็บเป็นจดหมายเหตุ"),
        Exemption("ERASURE_PENDING", "legal_claims", None, "legal claim", "การใช้สิทธิเรียกร้อง"),
    ),
)
FINDING = Finding(
    id="MINIMISE_UNDECLARED_PII:org:public.staff:phone",
    type="MINIMISE_UNDECLARED_PII",
    severity="medium",
    source="org",
    dataset="public.staff",
    columns=("phone", "mobile"),
    count=12,
    register_id="HR-1",
    owner="owner@example.co.th",
    principal=None,
    privileges=(),
    law="PDPA s.22",
    message_th="มีข้อมูลที่ไม่ได้ประกาศ",
    message_en="undeclared personal data",
    remediation="drop the column",
)


def access_review() -> AccessReview:
    """A real review: rows with dates, ``via`` pairs, column-only grants, and findings."""
    personal = {"public.staff": frozenset({"EMAIL_ADDRESS", "TH_NATIONAL_ID"})}
    principals = (
        Principal("app", "user"),
        Principal("hr_rw", "role", can_login=False),
        Principal("PUBLIC", "public"),
    )
    held = (
        HeldPrivilege("public.staff", "app", "SELECT", "direct"),
        HeldPrivilege("public.staff", "app", "UPDATE", "role hr_rw", ("email",)),
        HeldPrivilege("public.staff", "hr_rw", "SELECT", "direct"),
        HeldPrivilege("public.staff", "PUBLIC", "SELECT", "PUBLIC"),
    )
    grants = (
        ApprovedGrant("org", "public.*", "app", ("SELECT",), "dpo", date(2025, 1, 10), "6m"),
        ApprovedGrant("org", "public.*", "hr_rw", ("SELECT",), "dpo", None, None),
        ApprovedGrant("org", "public.gone", "old_user", ("SELECT",), "dpo", TODAY, "1y"),
    )
    return review_access("org", principals, held, personal, grants, TODAY)
