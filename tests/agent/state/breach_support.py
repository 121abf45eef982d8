"""Breaches of the register tests (SPEC §11), as the DPO would record them.

``_breach`` is one open breach that the organisation became aware of at
09:30 Bangkok time (its deadline 72 hours later, in UTC); ``_assessment`` is
one of its assessments, whose ``breach.json`` document is large (thousands of
datasets, Thai type names) so that the register is seen to keep it whole.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from scanners.model.breach import BreachAssessment, BreachRecord
from tests.agent.state.conftest import BANGKOK

#: When the recruitment server's malware was noticed: Bangkok time, as the incident file says.
AWARE = datetime(2026, 12, 4, 9, 30, tzinfo=BANGKOK)
OPENED = datetime(2026, 12, 4, 11, 5, 12, 345678, tzinfo=BANGKOK)
DATASETS = 4000  # datasets in the big assessment document


def _document(breach_id: str, grade: str, datasets: int = DATASETS) -> str:
    """A ``breach.json`` text: names, counts and grades only, well over 64 KiB."""
    document = {
        "id": breach_id,
        "grade": grade,
        "factors": ["มีข้อมูลอ่อนไหวตามมาตรา 26 (ข้อมูลสุขภาพ)", "ข้อมูลไม่ได้เข้ารหัส"],
        "datasets": [
            {
                "source": "skyport_pg",
                "dataset": f"jobs.applicants_{n:05d}",
                "types": ["ชื่อ-นามสกุล", "เลขประจำตัวประชาชน", "email"],
                "rows": n * 7,
                "people": n * 5,
                "minors": n % 3,
            }
            for n in range(datasets)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _assessment(
    breach_id: str, grade: str = "high", at: datetime = OPENED, datasets: int = DATASETS
) -> BreachAssessment:
    return BreachAssessment(breach_id, at, grade, _document(breach_id, grade, datasets))


def _breach(breach_id: str, **changes: object) -> BreachRecord:
    """An open breach with no assessment attached (``open_breach`` takes it apart)."""
    aware_at = changes.pop("aware_at", AWARE)
    assert isinstance(aware_at, datetime)
    values: dict[str, object] = {
        "id": breach_id,
        "title": "มัลแวร์บนเว็บไซต์รับสมัครงาน (Malware on the recruitment web server)",
        "aware_at": aware_at,
        "deadline": (aware_at + timedelta(hours=72)).astimezone(UTC),
        "opened_at": OPENED,
        "grade": "high",
        "people": 1_234,
        "reported_by": "it-security@example.co.th",
        "sources": ("skyport_pg", "fileshare", "ระบบบุคคล"),
    }
    values.update(changes)
    return BreachRecord(**values)  # type: ignore[arg-type]


def _opened(breach: BreachRecord, assessment: BreachAssessment) -> BreachRecord:
    """``breach`` as the register returns it once opened with ``assessment``."""
    return replace(breach, assessments=(assessment,))
