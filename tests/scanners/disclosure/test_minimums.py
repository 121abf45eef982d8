"""What the register lets a disclosure keep of a column (granularity and allowed_pii)."""

from __future__ import annotations

import pytest

from scanners.disclosure.minimums import allowed_treatments, limiting_rule
from scanners.disclosure.request import TREATMENTS
from scanners.model.register import RegisterEntry

ENTRY = RegisterEntry(
    "HR-001",
    "hr",
    "public.employees",
    allowed_pii=("PERSON", "TH_NATIONAL_ID", "DATE_OF_BIRTH", "ADDRESS"),
    granularity=(
        ("ADDRESS", "postcode"),
        ("DATE_OF_BIRTH", "year"),
        ("TH_NATIONAL_ID", "pseudonym"),
    ),
)


@pytest.mark.parametrize(
    ("types", "free_text", "allowed"),
    [
        (("DATE_OF_BIRTH",), False, ("drop", "birth_year", "age_band")),
        (("ADDRESS",), False, ("drop", "postcode", "province")),
        (("TH_NATIONAL_ID",), False, ("drop", "pseudonym")),
        (("PERSON",), False, TREATMENTS),  # allowed, no granularity: any treatment
        (("PHONE_NUMBER",), False, ("drop",)),  # not in allowed_pii: only dropped
        (("GENDER",), False, TREATMENTS),  # trap: a quasi-identifier is not "undeclared PII"
        ((), False, TREATMENTS),
        (("PHONE_NUMBER", "TH_NATIONAL_ID"), True, TREATMENTS),  # free text is anonymised
        (("ADDRESS", "TH_NATIONAL_ID"), False, ("drop",)),  # both rules at once
    ],
)
def test_allowed_treatments(
    types: tuple[str, ...], free_text: bool, allowed: tuple[str, ...]
) -> None:
    assert allowed_treatments(ENTRY, types, free_text) == allowed


def test_no_register_entry_limits_nothing() -> None:
    assert allowed_treatments(None, ("TH_NATIONAL_ID",), False) == TREATMENTS


@pytest.mark.parametrize(
    ("types", "treatment", "rule"),
    [
        (("DATE_OF_BIRTH",), "keep", 'granularity DATE_OF_BIRTH = "year"'),
        (("ADDRESS",), "mask", 'granularity ADDRESS = "postcode"'),
        (("PHONE_NUMBER",), "keep", "PHONE_NUMBER is not in allowed_pii"),
    ],
)
def test_limiting_rule_names_the_rule_broken(
    types: tuple[str, ...], treatment: str, rule: str
) -> None:
    assert limiting_rule(ENTRY, types, treatment) == rule
