"""The assessment's problems (SPEC §10): which block, which are notes, and what they name."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from scanners.disclosure.assess import ColumnFacts, assess, assess_columns
from scanners.disclosure.assessment import KAnonymity
from scanners.disclosure.request import ColumnRequest, DisclosureRequest
from scanners.model.register import RegisterEntry

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
ENTRY = RegisterEntry(
    "OPS-001",
    "ops",
    "public.passengers",
    owner="ops@example.co.th",
    allowed_pii=("PERSON", "TH_NATIONAL_ID", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "HEALTH"),
    granularity=(("DATE_OF_BIRTH", "year"), ("TH_NATIONAL_ID", "pseudonym")),
    quasi_identifiers=("gender",),
    k_min=5,
)
FOUND = {
    "passenger_id": ColumnFacts((), False),
    "national_id": ColumnFacts(("TH_NATIONAL_ID",), False),
    "full_name": ColumnFacts(("PERSON",), False),
    "date_of_birth": ColumnFacts(("DATE_OF_BIRTH",), False),
    "gender": ColumnFacts(("GENDER",), False),
    "diagnosis": ColumnFacts(("HEALTH",), False),
    "notes": ColumnFacts(("PERSON", "PHONE_NUMBER"), True),
}
GOOD = DisclosureRequest(
    id="REQ-1",
    requested_by="Research unit",
    recipient="University",
    recipient_contact="a@example.ac.th",
    legal_basis="archives_research",
    purpose="Passenger flows by age",
    source="ops",
    dataset="public.passengers",
    columns=(
        ColumnRequest("passenger_id", "keep"),
        ColumnRequest("national_id", "pseudonym"),
        ColumnRequest("date_of_birth", "birth_year"),
        ColumnRequest("gender", "keep"),
    ),
    approved_by="dpo@example.co.th",
)


def _codes(
    request: DisclosureRequest, key: bool = True, k: KAnonymity | None = None
) -> dict[str, bool]:
    columns = assess_columns(request, ENTRY, FOUND)
    result = assess(request, ENTRY, columns, k, key, 60, NOW)
    return {p.code + (f":{p.column}" if p.column else ""): p.blocking for p in result.problems}


def _with(*columns: ColumnRequest, **fields: object) -> DisclosureRequest:
    return replace(GOOD, columns=GOOD.columns + columns, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        (GOOD, {}),
        (_with(legal_basis=""), {"NO_LEGAL_BASIS": True}),
        (_with(purpose=""), {"NO_PURPOSE": True}),
        (_with(approved_by=""), {"NOT_APPROVED": False}),
        (_with(ColumnRequest("seat", "keep")), {"COLUMN_MISSING:seat": True}),
        (
            replace(GOOD, columns=(ColumnRequest("date_of_birth", "keep"),)),
            {"GRANULARITY:date_of_birth": True, "DIRECT_IDENTIFIER:date_of_birth": True},
        ),
        (_with(ColumnRequest("full_name", "keep")), {"DIRECT_IDENTIFIER:full_name": True}),
        (
            _with(ColumnRequest("full_name", "keep", reason="the insurer pays each person")),
            {"DIRECT_IDENTIFIER_JUSTIFIED:full_name": False},
        ),
        (_with(ColumnRequest("full_name", "mask")), {}),
        (_with(ColumnRequest("diagnosis", "keep")), {"SENSITIVE_NO_BASIS:diagnosis": True}),
        (_with(ColumnRequest("diagnosis", "keep"), sensitive_basis="archives_research"), {}),
        (_with(ColumnRequest("diagnosis", "drop")), {}),  # trap: a dropped column is not given
        (_with(ColumnRequest("notes", "keep")), {"FREE_TEXT_REPLACED:notes": False}),
        (_with(ColumnRequest("gender", "postcode")), {"TREATMENT_MISFIT:gender": False}),
        (replace(GOOD, columns=(ColumnRequest("gender", "drop"),)), {"NOTHING_TO_DISCLOSE": True}),
    ],
)
def test_problems(request_: DisclosureRequest, expected: dict[str, bool]) -> None:
    assert _codes(request_) == expected


def test_a_pseudonym_without_its_key_blocks() -> None:
    assert _codes(GOOD, key=False) == {"PSEUDONYM_KEY_MISSING:national_id": True}


def test_k_below_k_min_blocks_and_says_the_generalisation() -> None:
    k = KAnonymity(
        5, ("gender", "date_of_birth"), 2, 60, 12, 3, (("date_of_birth", "age_band"),), 8
    )
    columns = assess_columns(GOOD, ENTRY, FOUND)
    problem = assess(GOOD, ENTRY, columns, k, True, 60, NOW).problems[0]
    assert problem.code == "K_BELOW_MIN" and problem.blocking
    assert "date_of_birth → age_band gives k = 8" in problem.en
    assert "k = 8" in problem.th


def test_a_reached_k_is_no_problem() -> None:
    assert _codes(GOOD, k=KAnonymity(5, ("gender",), 10, 60, 6, 0)) == {}


def test_quasi_identifiers_are_the_kept_grouping_columns() -> None:
    request = _with(ColumnRequest("full_name", "pseudonym"), ColumnRequest("notes", "keep"))
    columns = {c.name: c for c in assess_columns(request, ENTRY, FOUND)}
    assert columns["gender"].quasi_identifier  # named by the register
    assert columns["date_of_birth"].quasi_identifier  # generalised: birth_year
    assert not columns["national_id"].quasi_identifier  # a pseudonym joins no group
    assert not columns["passenger_id"].quasi_identifier
    assert not columns["notes"].quasi_identifier  # free text
    assert columns["date_of_birth"].allowed == ("drop", "birth_year", "age_band")


def test_an_unregistered_dataset_blocks() -> None:
    columns = assess_columns(GOOD, None, FOUND)
    result = assess(GOOD, None, columns, None, True, 60, NOW)
    assert [p.code for p in result.blocking] == ["NOT_REGISTERED"]
    assert result.register_id is None
