"""``docs/findings.schema.json`` describes ``findings.json`` exactly as the writer emits it.

A hand-built result with every SPEC §8 finding type (and every documented
addition) and the real output of ``python -m agent demo`` must validate; an
unknown finding type, a missing key or an undocumented key must not.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reports.formats.json_report import to_json_dict
from scanners.model.result import (
    ColumnOverride,
    ColumnResult,
    DatasetResult,
    Exemption,
    Finding,
    PiiMatch,
    ScanInfo,
    ScanResult,
    SourceStatus,
)
from scanners.pii_types import PiiType
from tests.support.paths import REPO_ROOT

REPO = REPO_ROOT
SCHEMA_PATH = REPO / "docs" / "findings.schema.json"

FINDING_TYPES = (
    "PII_UNREGISTERED",
    "MINIMISE_UNDECLARED_PII",
    "MINIMISE_GRANULARITY",
    "SENSITIVE_NO_BASIS",
    "RETENTION_UNDEFINED",
    "RETENTION_EXPIRED",
    "ERASURE_PENDING",
    "ANONYMISATION_WEAK",
    "ACCESS_UNAPPROVED",
    "ACCESS_EXCESSIVE",
    "ACCESS_PUBLIC",
    "ACCESS_REVIEW_OVERDUE",
    "ACCESS_STALE_ENTRY",
    "DISCLOSURE_FOLLOWUP_DUE",
    "BREACH_NOTICE_DUE",
    "SCAN_ERROR",
)


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _finding(index: int, kind: str) -> Finding:
    access = kind.startswith("ACCESS_")
    return Finding(
        id=f"f-{index}",
        type=kind,
        severity=("low", "medium", "high", "critical")[index % 4],
        source="hr",
        dataset=None if kind == "SCAN_ERROR" else "public.employees",
        columns=("citizen_id",) if not access else (),
        count=index if kind in {"RETENTION_EXPIRED", "ERASURE_PENDING"} else None,
        register_id="HR-001",
        owner="hr-owner@example.co.th",
        principal="app_user" if access else None,
        privileges=("SELECT",) if access else (),
        law="PDPA s.37(3)",
        message_th="ข้อความ",
        message_en="message",
        remediation="DELETE FROM public.employees" if kind == "RETENTION_EXPIRED" else None,
    )


def _overridden() -> ColumnResult:
    """A column whose detected PERSON a DPO overrode to no personal data (SPEC §9)."""
    return ColumnResult(
        name="holiday_name",
        sampled=20,
        evidence=("ส***",),
        override=ColumnOverride(
            types=(),
            reason="names of public holidays",
            decided_by="dpo@example.co.th",
            decided_at=date(2026, 12, 4),
            detected=(PiiMatch("PERSON", 0.7, 0.4),),
            origin="overrides.toml:1",
        ),
    )


def _every_type_result() -> ScanResult:
    column = ColumnResult(
        name="citizen_id",
        sampled=1000,
        pii=tuple(PiiMatch(t.value, 0.9, 0.8) for t in PiiType),
        evidence=("1-1037-xxxxx-xx-1",),
        reasons=("TH_NATIONAL_ID: recognizer ratio 0.97",),
    )
    datasets = (
        DatasetResult(
            "hr",
            "public.employees",
            "table",
            5231,
            "HR-001",
            (column, ColumnResult("notes", 10), _overridden()),
            exemptions=(Exemption("RETENTION_EXPIRED", "archives", 3, "archived", "เก็บถาวร"),),
        ),
        DatasetResult("hr", "public.broken", "unknown", None, None, (), error="permission denied"),
        DatasetResult("share", "a.xlsx#Sheet1", "sheet", 2, None),
        DatasetResult("hr", "public.v", "view", None, None),
        DatasetResult("share", "b.csv", "file", 0, None),
    )
    return ScanResult(
        scan=ScanInfo("scan-1", "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "0.1"),
        sources=(
            SourceStatus("hr", "ok", None, 3),
            SourceStatus("share", "error", "unreachable", 2, skipped=(("big.bin", "too large"),)),
        ),
        datasets=datasets,
        findings=tuple(_finding(i, kind) for i, kind in enumerate(FINDING_TYPES)),
    )


def test_schema_enums_match_the_spec(validator: Any) -> None:
    defs = validator.schema["$defs"]
    assert tuple(defs["finding_type"]["enum"]) == FINDING_TYPES
    assert set(defs["pii_type"]["enum"]) == {t.value for t in PiiType}
    assert set(defs["severity"]["enum"]) == {"low", "medium", "high", "critical"}


def test_every_finding_type_and_addition_validates(validator: Any) -> None:
    document = to_json_dict(_every_type_result())
    assert {f["type"] for f in document["findings"]} == set(FINDING_TYPES)
    assert any("skipped" in s for s in document["sources"])
    assert any("exemptions" in d for d in document["datasets"])
    assert any("error" in d for d in document["datasets"])
    assert any("override" in c for d in document["datasets"] for c in d["columns"])
    validator.validate(json.loads(json.dumps(document)))


def test_every_finding_has_due_and_a_count_unit_when_counted(validator: Any) -> None:
    document = to_json_dict(_every_type_result())
    for finding in document["findings"]:
        assert date.fromisoformat(finding["due"]) >= date(2025, 1, 1)  # first seen: scan date
        assert (finding["count_unit"] is None) == (finding["count"] is None)
    units = {f["type"]: f["count_unit"] for f in document["findings"]}
    assert units["RETENTION_EXPIRED"] == "rows"
    assert units["ERASURE_PENDING"] == "subjects"


def test_empty_scan_validates(validator: Any) -> None:
    empty = ScanResult(scan=ScanInfo("s", "a", "b", "v"))
    validator.validate(to_json_dict(empty))


def test_real_demo_output_validates(validator: Any, tmp_path: Path) -> None:
    out = tmp_path / "demo"
    proc = subprocess.run(
        [sys.executable, "-m", "agent", "demo", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # the demo organisation has findings, so a non-zero "findings present" exit is fine
    path = out / "findings.json"
    assert path.is_file(), proc.stdout + proc.stderr
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["findings"], "the demo should produce findings"
    validator.validate(document)


def _invalid(validator: Any, document: dict[str, Any]) -> list[str]:
    return [error.message for error in validator.iter_errors(document)]


def test_unknown_finding_type_is_rejected(validator: Any) -> None:
    document = to_json_dict(_every_type_result())
    bad = copy.deepcopy(document)
    bad["findings"][0]["type"] = "PII_SOMETHING_NEW"
    assert _invalid(validator, bad)


@pytest.mark.parametrize(
    ("section", "key"),
    [
        (None, "scan"),
        ("findings", "owner"),
        ("findings", "privileges"),
        ("findings", "due"),
        ("findings", "count_unit"),
        ("datasets", "columns"),
        ("sources", "status"),
    ],
)
def test_missing_key_is_rejected(validator: Any, section: str | None, key: str) -> None:
    document = copy.deepcopy(to_json_dict(_every_type_result()))
    target = document if section is None else document[section][0]
    del target[key]
    assert _invalid(validator, document)


def _employees(document: dict[str, Any]) -> dict[str, Any]:
    return next(d for d in document["datasets"] if d["name"] == "public.employees")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(extra=1),
        lambda d: d["findings"][0].update(raw_value="1103700012345"),
        lambda d: _employees(d)["columns"][0].update(samples=["x"]),
        lambda d: _employees(d)["columns"][0]["pii"][0].update(type="SHOE_SIZE"),
        lambda d: d["findings"][0].update(severity="urgent"),
        lambda d: d.update(schema_version=2),
        lambda d: _employees(d)["columns"][2]["override"].update(origin="overrides.toml:1"),
        lambda d: _employees(d)["columns"][2]["override"].update(types=["SHOE_SIZE"]),
        lambda d: _employees(d)["columns"][2]["override"].pop("detected"),
        lambda d: d["findings"][0].update(due="next week"),
        lambda d: d["findings"][0].update(due=None),
        lambda d: d["findings"][0].update(count_unit="bananas"),
    ],
    ids=[
        "top",
        "finding",
        "column",
        "pii-type",
        "severity",
        "version",
        "override-key",
        "override-type",
        "override-detected",
        "due-text",
        "due-null",
        "count-unit",
    ],
)
def test_closed_contract_rejects_undocumented_values(validator: Any, mutate: Any) -> None:
    document = copy.deepcopy(to_json_dict(_every_type_result()))
    mutate(document)
    assert _invalid(validator, document)
