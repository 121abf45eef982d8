"""The scan result of the owner report and e-mail tests: two owners and a dataset of nobody's.

``result`` (a fixture) holds two datasets of the HR owner (one named by no
finding, only by its HR register entry), one of the CRM owner and one no
owner has, a finding with the HR owner's address padded by spaces, and a
skipped file whose name must reach no owner. ``_finding`` and ``_dataset``
build the findings and datasets of the tests that need their own.
"""

from __future__ import annotations

from typing import Any

import pytest

from scanners.model.result import (
    ColumnResult,
    DatasetResult,
    Finding,
    PiiMatch,
    ScanInfo,
    ScanResult,
    SourceStatus,
)

HR = "hr-owner@example.co.th"
CRM = "crm-owner@example.co.th"
HR_DATASETS = ("public.พนักงาน_hr_only", "public.hr_registered_clean")
CRM_DATASETS = ("public.crm_customers_secret",)
UNOWNED_DATASET = "public.nobody_owns_this"


def _finding(fid: str, dataset: str | None, owner: str | None, **extra: Any) -> Finding:
    values: dict[str, Any] = {
        "id": fid,
        "type": "RETENTION_EXPIRED",
        "severity": "high",
        "source": "db",
        "dataset": dataset,
        "columns": ("terminated_at",),
        "count": 3,
        "register_id": None,
        "owner": owner,
        "principal": None,
        "privileges": (),
        "law": "PDPA s.37(3)",
        "message_th": f"ข้อความเกี่ยวกับ {dataset}",
        "message_en": f"message about {dataset}",
        "remediation": None,
    }
    values.update(extra)
    return Finding(**values)


def _dataset(name: str, register_id: str | None = None) -> DatasetResult:
    column = ColumnResult("citizen_id", 10, (PiiMatch("TH_NATIONAL_ID", 0.9, 0.9),), ("1-xxxx",))
    return DatasetResult("db", name, "table", 10, register_id, (column,))


@pytest.fixture
def result() -> ScanResult:
    return ScanResult(
        scan=ScanInfo("scan-1", "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "0.1"),
        sources=(
            SourceStatus("db", "ok", None, 4, skipped=(("crm_dump_secret.bin", "too large"),)),
            SourceStatus("other", "ok", None, 0),
        ),
        datasets=(
            _dataset(HR_DATASETS[0], "HR-001"),
            # no finding names it, but its register entry (HR-001) is HR's
            _dataset(HR_DATASETS[1], "HR-001"),
            _dataset(CRM_DATASETS[0], "CRM-001"),
            _dataset(UNOWNED_DATASET),
        ),
        findings=(
            _finding("hr-1", HR_DATASETS[0], HR, register_id="HR-001", severity="critical"),
            _finding("hr-2", HR_DATASETS[0], f"  {HR} ", register_id="HR-001"),
            _finding("crm-1", CRM_DATASETS[0], CRM, register_id="CRM-001", severity="low"),
            _finding("none-1", UNOWNED_DATASET, None, type="PII_UNREGISTERED"),
        ),
    )
