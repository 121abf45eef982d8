"""The override a false positive implies: the real checks no longer raise the finding.

Each case builds a dataset, runs the real register checks (or the
PII_UNREGISTERED check), marks one finding a false positive, applies the
overrides it implies with the real override code, and runs the checks
again: the finding must be gone and every other finding of the dataset must
stay. Traps: findings that are not about classification (retention, the
k-anonymity variant of ANONYMISATION_WEAK) imply no override, and a
quasi-identifier or a declared type is never taken away.
"""

from __future__ import annotations

from datetime import date

import pytest

from connectors.model import GroupStats
from scanners.checks.facts import DatasetFacts, KAnonymityFacts
from scanners.checks.register.pii_unregistered import check_pii_unregistered
from scanners.checks.register.run import run_register_checks
from scanners.classification.false_positive import false_positive_decisions
from scanners.classification.overrides import Override, apply_overrides
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult, Finding, PiiMatch

SOURCE = "hr"
DATASET = "public.staff"


def column(name: str, *types: str) -> ColumnResult:
    return ColumnResult(name, 100, tuple(PiiMatch(t, 0.9, 0.9) for t in types))


STAFF = (
    column("full_name", "PERSON"),
    column("citizen_id", "TH_NATIONAL_ID"),
    column("mobile", "PHONE_NUMBER", "GENDER"),
    column("dob", "DATE_OF_BIRTH"),
    column("religion", "RELIGION"),
    column("note", "PERSON", "HEALTH"),
)


def entry(**values: object) -> RegisterEntry:
    base: dict[str, object] = {
        "id": "HR-001",
        "source": SOURCE,
        "match": "public.*",
        "owner": "hr@example.co.th",
        "retention": "10y",
        "clock_column": "dob",
        "allowed_pii": ("PERSON", "TH_NATIONAL_ID", "DATE_OF_BIRTH"),
    }
    base.update(values)
    return RegisterEntry(**base)  # type: ignore[arg-type]


def findings(dataset: DatasetResult, register: RegisterEntry | None) -> list[Finding]:
    if register is None:
        found = check_pii_unregistered(dataset)
        return [found] if found else []
    return list(run_register_checks(dataset, register).findings)


def marked_false_positive(
    dataset: DatasetResult, register: RegisterEntry | None, target: Finding
) -> DatasetResult:
    types = {c.name: tuple(m.type for m in c.pii) for c in dataset.columns}
    decisions = false_positive_decisions(target, types, register)
    overrides = [
        Override(SOURCE, DATASET, d.column, d.types, "fp", "dpo", date(2026, 12, 5))
        for d in decisions
    ]
    columns = apply_overrides(overrides, SOURCE, DATASET, dataset.columns)
    return DatasetResult(SOURCE, DATASET, "table", 100, dataset.register_id, columns)


CASES = [
    # (finding type, which of them (by columns), register entry or None)
    ("PII_UNREGISTERED", ("full_name",), None),
    ("MINIMISE_UNDECLARED_PII", ("mobile",), entry()),
    ("MINIMISE_UNDECLARED_PII", ("note",), entry()),
    ("MINIMISE_GRANULARITY", ("dob",), entry(granularity=(("DATE_OF_BIRTH", "year"),))),
    ("SENSITIVE_NO_BASIS", None, entry()),
    ("ANONYMISATION_WEAK", None, entry(anonymised=True)),
]


@pytest.mark.parametrize(("kind", "columns", "register"), CASES)
def test_the_override_removes_the_finding_and_nothing_else(
    kind: str, columns: tuple[str, ...] | None, register: RegisterEntry | None
) -> None:
    register_id = None if register is None else register.id
    dataset = DatasetResult(SOURCE, DATASET, "table", 100, register_id, STAFF)
    before = findings(dataset, register)
    target = next(
        f for f in before if f.type == kind and (columns is None or f.columns[:1] == columns)
    )
    changed_dataset = marked_false_positive(dataset, register, target)
    after = {f.id for f in findings(changed_dataset, register)}
    assert target.id not in after
    changed = {
        c.name for c, d in zip(dataset.columns, changed_dataset.columns, strict=True) if c != d
    }
    assert changed, "an override was recorded for some column"
    untouched = {
        f.id
        for f in before
        if f.id != target.id
        and (f.type == kind or f.type.startswith("RETENTION"))
        and not set(f.columns) & changed
    }
    assert untouched <= after


def test_unregistered_keeps_quasi_identifiers() -> None:
    dataset = DatasetResult(SOURCE, DATASET, "table", 100, None, STAFF)
    target = findings(dataset, None)[0]
    types = {c.name: tuple(m.type for m in c.pii) for c in dataset.columns}
    decided = {d.column: d.types for d in false_positive_decisions(target, types, None)}
    assert decided["mobile"] == ("GENDER",)
    assert decided["full_name"] == ()


def test_undeclared_takes_away_only_the_undeclared_type() -> None:
    dataset = DatasetResult(SOURCE, DATASET, "table", 100, "HR-001", STAFF)
    target = next(
        f
        for f in findings(dataset, entry())
        if f.type == "MINIMISE_UNDECLARED_PII" and f.columns == ("note",)
    )
    types = {c.name: tuple(m.type for m in c.pii) for c in dataset.columns}
    decided = false_positive_decisions(target, types, entry())
    assert [(d.column, d.types) for d in decided] == [("note", ("PERSON",))]


def test_granularity_takes_away_only_the_type_its_id_names() -> None:
    both = (column("home", "ADDRESS", "DATE_OF_BIRTH"),)
    register = entry(
        granularity=(("DATE_OF_BIRTH", "year"), ("ADDRESS", "province")),
        allowed_pii=("ADDRESS", "DATE_OF_BIRTH"),
        clock_column=None,
    )
    dataset = DatasetResult(SOURCE, DATASET, "table", 100, "HR-001", both)
    grains = [f for f in findings(dataset, register) if f.type == "MINIMISE_GRANULARITY"]
    assert len(grains) == 2
    decided = {
        d.types
        for g in grains
        for d in false_positive_decisions(g, {"home": ("ADDRESS", "DATE_OF_BIRTH")}, register)
    }
    assert decided == {("DATE_OF_BIRTH",), ("ADDRESS",)}


def test_findings_not_about_classification_imply_no_override() -> None:
    quasi = (column("zip", "POSTAL_CODE"), column("sex", "GENDER"))
    register = entry(anonymised=True, quasi_identifiers=("zip", "sex"), allowed_pii=())
    stats = GroupStats(groups=10, smallest_group=1, records_in_small_groups=3, small_groups=3)
    facts = DatasetFacts(k_anonymity=KAnonymityFacts(columns=("zip", "sex"), k_min=5, stats=stats))
    dataset = DatasetResult(SOURCE, DATASET, "table", 100, "HR-001", quasi)
    weak = [
        f
        for f in run_register_checks(dataset, register, facts).findings
        if f.type == "ANONYMISATION_WEAK"
    ]
    assert weak, "the k-anonymity finding is raised"
    types = {c.name: tuple(m.type for m in c.pii) for c in quasi}
    assert all(false_positive_decisions(f, types, register) == () for f in weak)
    retention = Finding(
        "retention_expired-x",
        "RETENTION_EXPIRED",
        "high",
        SOURCE,
        DATASET,
        ("dob",),
        3,
        "HR-001",
        None,
        None,
        (),
        "PDPA s.37(3)",
        "th",
        "en",
    )
    assert false_positive_decisions(retention, {"dob": ("DATE_OF_BIRTH",)}, entry()) == ()


def test_a_column_no_longer_scanned_gets_no_override() -> None:
    dataset = DatasetResult(SOURCE, DATASET, "table", 100, None, STAFF)
    target = findings(dataset, None)[0]
    assert false_positive_decisions(target, {}, None) == ()
