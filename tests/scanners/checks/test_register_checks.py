"""Every register check against its case file (sqlfluff style): one parametrised test.

Each ``cases/<check>.toml`` holds ``[defaults]`` (merged into every case's
``dataset`` and ``entry``) and ``[[cases]]``: a dataset (columns with their
PII types), a register entry, the facts gathered by the agent, and the
findings expected from :func:`run_register_checks` — all of them, in order —
plus the exemptions. Every finding is also held to the invariants every
register finding shares (owner, register id, law, no sampled value).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from connectors.model import GroupStats
from scanners.checks.facts import (
    DatasetFacts,
    ErasureFacts,
    FactFailure,
    KAnonymityFacts,
    RetentionFacts,
)
from scanners.checks.register.run import run_register_checks
from scanners.checks.registry import FINDING_TYPES
from scanners.checks.severity import SEVERITY_RANK
from scanners.dates.clock_calendar import ClockCalendar
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult, Finding, PiiMatch

CASES_DIR = Path(__file__).with_name("cases")
CASE_FILES = sorted(CASES_DIR.glob("*.toml"))
BASE_DATASET: dict[str, Any] = {
    "source": "hr",
    "name": "public.employees",
    "kind": "table",
    "row_count": 100,
}
BASE_ENTRY: dict[str, Any] = {
    "id": "HR-001",
    "owner": "hr-owner@example.co.th",
    "purpose": "Employment administration",
    "legal_basis": "contract",
}


def load(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return data.get("defaults", {}), data["cases"]


def all_cases() -> list[Any]:
    params = []
    for path in CASE_FILES:
        defaults, cases = load(path)
        for case in cases:
            params.append(pytest.param(defaults, case, id=f"{path.stem}::{case['name']}"))
    return params


def sample_value(column: str) -> str:
    """A stand-in for a sampled value: it must never reach a finding."""
    return f"SAMPLED<{column}>"


def build_dataset(spec: dict[str, Any]) -> DatasetResult:
    columns = tuple(
        ColumnResult(
            name=column["name"],
            sampled=100,
            pii=tuple(PiiMatch(t, 0.9, 0.9) for t in column.get("pii", [])),
            evidence=(sample_value(column["name"]),),
        )
        for column in spec.get("columns", [])
    )
    return DatasetResult(
        source=spec["source"],
        name=spec["name"],
        kind=spec["kind"],
        row_count=spec["row_count"],
        register_id=spec.get("register_id", "HR-001"),
        columns=columns,
        error=spec.get("error"),
    )


def build_entry(spec: dict[str, Any], dataset: DatasetResult) -> RegisterEntry:
    fields = {"source": dataset.source, "match": dataset.name, **spec}
    for name in ("allowed_pii", "quasi_identifiers", "exemptions"):
        fields[name] = tuple(fields.get(name, ()))
    fields["granularity"] = tuple(sorted(fields.get("granularity", {}).items()))
    return RegisterEntry(**fields)


def build_facts(spec: dict[str, Any]) -> DatasetFacts:
    retention = spec.get("retention")
    k = spec.get("k_anonymity")
    erasure = spec.get("erasure")
    return DatasetFacts(
        retention=RetentionFacts(
            retention["cutoff"],
            retention["expired"],
            retention["clock"],
            retention.get("remediation"),
            ClockCalendar(**retention["calendar"]) if "calendar" in retention else None,
            retention.get("unreadable", 0),
        )
        if retention
        else None,
        k_anonymity=KAnonymityFacts(
            tuple(k["columns"]),
            k["k_min"],
            GroupStats(
                groups=k["stats"]["groups"],
                smallest_group=k["stats"].get("smallest_group"),
                records_in_small_groups=k["stats"]["records_in_small_groups"],
                small_groups=k["stats"]["small_groups"],
            ),
        )
        if k
        else None,
        erasure=ErasureFacts(
            erasure["pending"],
            erasure["requests_due"],
            tuple(erasure["columns"]),
            erasure.get("remediation"),
        )
        if erasure
        else None,
        failures=tuple(FactFailure(**f) for f in spec.get("failures", [])),
    )


def check_invariants(finding: Finding, dataset: DatasetResult, entry: RegisterEntry) -> None:
    kind = FINDING_TYPES[finding.type]
    assert finding.register_id == entry.id
    assert finding.owner == entry.owner
    assert finding.principal is None and finding.privileges == ()
    assert finding.law == kind.law
    assert finding.source == dataset.source and finding.dataset == dataset.name
    assert finding.id.startswith(finding.type.lower() + "-")
    assert SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[kind.severity]
    assert dataset.name in finding.message_en and dataset.name in finding.message_th
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in finding.message_th)
    texts = (finding.message_en, finding.message_th, finding.remediation or "")
    for column in dataset.columns:
        assert not any(sample_value(column.name) in text for text in texts)


@pytest.mark.parametrize(("defaults", "case"), all_cases())
def test_case(defaults: dict[str, Any], case: dict[str, Any]) -> None:
    dataset = build_dataset({**BASE_DATASET, **defaults.get("dataset", {}), **case["dataset"]})
    entry = None
    if not case.get("no_entry", False):
        entry_spec = {**BASE_ENTRY, **defaults.get("entry", {}), **case.get("entry", {})}
        entry = build_entry(entry_spec, dataset)
    facts = build_facts(case.get("facts", {}))

    outcome = run_register_checks(dataset, entry, facts)

    got = [(f.type, list(f.columns), f.count, f.severity) for f in outcome.findings]
    want = [
        (e["type"], e.get("columns", []), e.get("count"), e["severity"])
        for e in case.get("expected", [])
    ]
    assert got == want
    for finding, expected in zip(outcome.findings, case.get("expected", []), strict=True):
        assert entry is not None
        check_invariants(finding, dataset, entry)
        for text in expected.get("message_en_contains", []):
            assert text in finding.message_en
        for text in expected.get("message_en_lacks", []):
            assert text not in finding.message_en
        for text in expected.get("message_th_contains", []):
            assert text in finding.message_th
        for text in expected.get("remediation_contains", []):
            assert text in (finding.remediation or "")
    assert len({f.id for f in outcome.findings}) == len(outcome.findings)

    got_exemptions = [(e.check, e.exemption, e.count) for e in outcome.exemptions]
    want_exemptions = [
        (e["check"], e["exemption"], e.get("count")) for e in case.get("exemptions", [])
    ]
    assert got_exemptions == want_exemptions
    for exemption in outcome.exemptions:
        assert "s.33" in exemption.reason_en and "มาตรา 33" in exemption.reason_th
        assert dataset.name in exemption.reason_en


CHECK_FILES = [path for path in CASE_FILES if path.stem.upper() in FINDING_TYPES]


@pytest.mark.parametrize("path", CHECK_FILES, ids=[p.stem for p in CHECK_FILES])
def test_case_file_covers_its_check(path: Path) -> None:
    """A check's case file has at least one case where it fires and one where it does not."""
    finding_type = path.stem.upper()
    _, cases = load(path)
    fired = [any(e["type"] == finding_type for e in c.get("expected", [])) for c in cases]
    assert any(fired) and not all(fired)


def test_every_register_check_has_a_case_file() -> None:
    stems = {path.stem for path in CASE_FILES}
    checks = {
        "minimise_undeclared_pii",
        "minimise_granularity",
        "sensitive_no_basis",
        "retention_undefined",
        "retention_expired",
        "erasure_pending",
        "anonymisation_weak",
        "fact_failures",
    }
    assert checks <= stems
