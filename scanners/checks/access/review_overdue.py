"""ACCESS_REVIEW_OVERDUE: an approved grant's periodic review is past due (or never happened).

Risk: approvals nobody re-confirms outlive the job, project or contract that
justified them (s.37(1) periodic review of access rights).
Non-compliant: ``reviewed_at = 2025-01-10`` with ``review_every = "6m"``
scanned on 2025-08-01 (due 2025-07-10), or a grant without ``reviewed_at``.
Compliant: reviewed within its period (due today or later).

The due date is ``reviewed_at`` + ``review_every`` in calendar arithmetic
(months and years keep the day, clamped to a shorter month's last day),
the same periods as retention (:mod:`scanners.dates.retention`). A grant with a
``reviewed_at`` but no ``review_every`` has no due date and is never overdue.
One finding per (dataset glob, principal) of the source, whether or not the
datasets hold personal data; ``dataset`` is the grant's glob, ``count`` None.
Severity: low.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta

from connectors.model import Principal
from scanners.checks.access.common import AccessListCheck, access_finding
from scanners.checks.finding_type import Bilingual, FindingType
from scanners.dates.retention import Duration, parse_duration
from scanners.model.access import ApprovedGrant
from scanners.model.result import Finding


def add_period(start: date, period: Duration) -> date:
    """``start`` plus ``period`` (the forward twin of :func:`scanners.dates.retention.cutoff`)."""
    if period.unit == "d":
        return start + timedelta(days=period.amount)
    months = period.amount * (12 if period.unit == "y" else 1)
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    return date(year, month + 1, min(start.day, calendar.monthrange(year, month + 1)[1]))


def review_status(grant: ApprovedGrant, today: date) -> tuple[date | None, bool]:
    """(due date, overdue): never reviewed → (None, True); no period → (None, False)."""
    if grant.reviewed_at is None:
        return None, True
    if not grant.review_every:
        return None, False
    try:
        due = add_period(grant.reviewed_at, parse_duration(grant.review_every))
    except (ValueError, OverflowError):
        return None, True  # a period the loader let through but no date can carry
    return due, due < today


def check_access_review_overdue(
    source: str, grants: Sequence[ApprovedGrant], principals: Sequence[Principal], today: date
) -> list[Finding]:
    """One finding per overdue grant of ``source`` (duplicates of one key are merged)."""
    findings: dict[tuple[str, str], Finding] = {}
    for grant in grants:
        if grant.source != source:
            continue
        due, overdue = review_status(grant, today)
        key = (grant.dataset, grant.principal)
        if not overdue or key in findings:
            continue
        where = f" ({grant.origin})" if grant.origin else ""
        if grant.reviewed_at is None:
            why_en = "has never been reviewed (no reviewed_at)"
            why_th = "ยังไม่เคยได้รับการทบทวน (ไม่มี reviewed_at)"
        elif due is None:
            why_en = f"has a review period that cannot be read ({grant.review_every!r})"
            why_th = f"มีรอบการทบทวนที่อ่านไม่ได้ ({grant.review_every!r})"
        else:
            every = parse_duration(grant.review_every or "")
            why_en = (
                f"was last reviewed on {grant.reviewed_at.isoformat()}; the review every "
                f"{every.describe_en()} was due on {due.isoformat()}"
            )
            why_th = (
                f"ทบทวนล่าสุดเมื่อ {grant.reviewed_at.isoformat()} ครบกำหนดทบทวน "
                f"(ทุก {every.describe_th()}) เมื่อ {due.isoformat()}"
            )
        privileges = ", ".join(grant.privileges)
        findings[key] = access_finding(
            ACCESS_REVIEW_OVERDUE,
            source,
            grant.dataset,
            grant.principal,
            grant.privileges,
            message_en=(
                f"The approved grant of {privileges} on {grant.dataset} to {grant.principal}"
                f"{where} {why_en}."
            ),
            message_th=(
                f"สิทธิ์ {privileges} บน {grant.dataset} ที่อนุมัติให้ {grant.principal}{where} {why_th}"
            ),
            remediation=(
                f"Review the grant with its approver ({grant.approved_by}) and update "
                f"reviewed_at in the access list{where}, or remove the grant."
            ),
        )
    return list(findings.values())


ACCESS_REVIEW_OVERDUE: FindingType[AccessListCheck] = FindingType(
    code="ACCESS_REVIEW_OVERDUE",
    severity="low",
    law="PDPA s.37(1)",
    name=Bilingual(th="เลยกำหนดทบทวนสิทธิ์", en="Access review overdue"),
    description=Bilingual(
        th="สิทธิ์ที่อนุมัติแล้วเลยกำหนดทบทวน (reviewed_at + review_every)",
        en="An approved grant's reviewed_at + review_every is in the past.",
    ),
    action=Bilingual(
        th="ทบทวนสิทธิ์กับผู้อนุมัติ แล้วปรับวันที่ reviewed_at หรือลบรายการที่ไม่ใช้แล้ว",
        en="Review the grant with its approver and update reviewed_at, or remove it.",
    ),
    count_unit="grants",
    check=check_access_review_overdue,
)
