"""What a prefix of a column leaves open, table-driven, with the traps: 15% IDs near the
ratio, prose near the gate of sparse identifiers, a repeated vocabulary, dates under a cryptic
name, check digits and shares of person-like names near a rule's threshold. Prose (or maybe
prose) with everything else settled needs the rest of the sample for the identifier types only.

No detection engine here: each case builds the :class:`ColumnView` a prefix would give the
rules (values, counts and tallies), so every threshold is hit on purpose. Synthetic values only.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

import pytest

from connectors.model import ValueKind
from scanners.classification.column_rules.view import ColumnView, TypeTally
from scanners.classification.sampling.rule_margins import IDENTIFIER_TYPES, Decided
from scanners.classification.sampling.stopping import undecided
from scanners.pii_types import PiiType
from tests.support.synthetic import national_id

RNG = random.Random(20)
TEXT = ValueKind.TEXT
ID, EMAIL, PHONE = "TH_NATIONAL_ID", "EMAIL_ADDRESS", "PHONE_NUMBER"


def _view(
    values: list[str],
    tallies: dict[str, TypeTally] | None = None,
    name: str = "col",
    priors: tuple[PiiType, ...] = (),
    kind: ValueKind = TEXT,
) -> ColumnView:
    return ColumnView(
        name=name,
        kind=kind,
        counts=Counter(values),
        non_empty=len(values),
        priors=frozenset(priors),
        tallies=tallies or {},
        today=date(2025, 6, 1),
    )


def _all(n: int, evidence: int | None = None, shape: int | None = None) -> TypeTally:
    """A tally where ``evidence`` (default all ``n``) values are evidence."""
    evidence = n if evidence is None else evidence
    shape = evidence if shape is None else shape
    return TypeTally(evidence, shape, evidence, 0.9 if evidence else 0.0, min(evidence, 16))


def _decided(reported: Iterable[str] = (), by_shape: Iterable[str] = ()) -> Decided:
    return Decided(frozenset(reported), frozenset(by_shape), frozenset(), 0.2)


def codes(n: int) -> list[str]:
    return [f"SKU-{RNG.randint(0, 99999):05d}" for _ in range(n)]


def emails(n: int) -> list[str]:
    return [f"user{i}@example.co.th" for i in range(n)]


def invalid_id() -> str:
    valid = national_id(RNG)
    return valid[:-1] + str((int(valid[-1]) + 1) % 10)


FIRST = "John Maria Ahmed Yuki Pierre Anna Carlos Fatima Olga Somchai Hiroshi Emily".split()
LAST = "Smith Garcia Khan Tanaka Dubois Novak Silva Petrova Jaidee Chen Wong".split()


def names(n: int) -> list[str]:
    return [f"{RNG.choice(FIRST)} {RNG.choice(LAST)}" for _ in range(n)]


def products(n: int) -> list[str]:
    return [f"Steel Bolt M{RNG.randint(3, 99999)}" for _ in range(n)]


def sentences(n: int) -> list[str]:
    return [
        f"Customer asked about order {RNG.randint(0, 10**6)} and wants a call" for _ in range(n)
    ]


def iso_dates(n: int, first_year: int) -> list[str]:
    start = date(first_year, 1, 1)
    return [(start + timedelta(days=RNG.randint(0, 20000))).isoformat() for _ in range(n)]


def blood(n: int) -> list[str]:
    spellings = [
        f"{g}{s}" for g in ("A", "B", "AB", "O", "a", "ab") for s in ("+", "-", " Rh+", " pos")
    ]
    return [spellings[i % len(spellings)] for i in range(n)]


def icd(n: int) -> list[str]:
    return [f"{RNG.choice('EIJKM')}{RNG.randint(10, 99)}.{RNG.randint(0, 9)}" for _ in range(n)]


ids_valid = [national_id(RNG) for _ in range(100)]
ids_80 = ids_valid[:80] + [invalid_id() for _ in range(20)]
WHOLE = "whole sample"
IDS = "the rest, for the identifier types"

CASES = [
    # (case, view, decided, expected: None settled, "open" or WHOLE, and a word of the reason)
    ("clear e-mails", _view(emails(61), {EMAIL: _all(61)}), _decided({EMAIL}), None, ""),
    ("clear absence", _view(codes(61)), _decided(), None, ""),
    (
        "trap: 15% IDs in 100 values may still reach 20%",
        _view(ids_valid[:15] + codes(85), {ID: _all(100, 15)}),
        _decided(),
        "open",
        "TH_NATIONAL_ID evidence",
    ),
    (
        "15% IDs in 1000 values: surely below 20%",
        _view(ids_valid[:15] * 10 + codes(850), {ID: _all(1000, 150)}),
        _decided(),
        None,
        "",
    ),
    (
        "a name prior whose shapes are near half the values",
        _view(codes(100), {PHONE: TypeTally(0, 55, 0)}, "mobile", (PiiType.PHONE_NUMBER,)),
        _decided(),
        "open",
        "PHONE_NUMBER shape",
    ),
    (
        "a low match ratio: a type not seen yet may still show up",
        _view(codes(100)),
        Decided(frozenset(), frozenset(), frozenset(), 0.05),
        "open",
        "types not seen",
    ),
    ("few distinct values", _view(["active", "closed"] * 50), _decided(), WHOLE, "distinct"),
    ("prose", _view(sentences(100)), _decided(), IDS, "prose"),
    (
        "trap: prose or not is near the gate of sparse identifiers, and of person names",
        _view(sentences(45) + codes(55)),
        _decided(),
        "open",
        "sentences",
    ),
    (
        "maybe prose, everything else settled",
        _view(sentences(50) + emails(50), {EMAIL: _all(100, 50)}),
        _decided({EMAIL}),
        IDS,
        "prose",
    ),
    (
        "prose with a type near the ratio",
        _view(sentences(100), {ID: _all(100, 15)}),
        _decided(),
        "open",
        "TH_NATIONAL_ID evidence",
    ),
    (
        "prose of a repeated vocabulary",
        _view(sentences(100), {"RELIGION": TypeTally(90, 90, 90)}),
        _decided(),
        WHOLE,
        "vocabulary",
    ),
    ("prose under a telling name", _view(sentences(100), name="remarks"), _decided(), IDS, "prose"),
    (
        "a proven type near 80% beside a shape-only one",
        _view(codes(100), {"IP_ADDRESS": _all(100, 78), "ADDRESS": TypeTally(0, 90, 0)}),
        _decided({"IP_ADDRESS", "ADDRESS"}, {"ADDRESS"}),
        "open",
        "IP_ADDRESS proven",
    ),
    (
        "trap: 80% of 13-digit candidates pass the check digit",
        _view(ids_80, {ID: _all(100, 80, 100)}),
        _decided({ID}),
        "open",
        "check digits",
    ),
    (
        "every candidate passes the check digit",
        _view(ids_valid, {ID: _all(100)}),
        _decided({ID}),
        None,
        "",
    ),
    (
        "postcodes with some lengths out of range",
        _view(
            [str(RNG.randint(10000, 99999)) for _ in range(85)]
            + [str(RNG.randint(10**8, 10**9 - 1)) for _ in range(15)],
            {"POSTAL_CODE": TypeTally(0, 100, 0)},
            "zip",
            (PiiType.POSTAL_CODE,),
        ),
        _decided({"POSTAL_CODE"}, {"POSTAL_CODE"}),
        "open",
        "lengths out of range",
    ),
    (
        "postcodes of one length",
        _view(
            [str(RNG.randint(10000, 99999)) for _ in range(100)],
            {"POSTAL_CODE": TypeTally(0, 100, 0)},
            "zip",
            (PiiType.POSTAL_CODE,),
        ),
        _decided({"POSTAL_CODE"}, {"POSTAL_CODE"}),
        None,
        "",
    ),
    (
        "dates under a cryptic name",
        _view(iso_dates(100, 1950), name="c7"),
        _decided(),
        WHOLE,
        "dates",
    ),
    (
        "dates under a telling name",
        _view(iso_dates(100, 2020), name="created_at"),
        _decided(),
        None,
        "",
    ),
    (
        "a repeated vocabulary of religions",
        _view(codes(100), {"RELIGION": TypeTally(90, 90, 90)}),
        _decided(),
        WHOLE,
        "vocabulary",
    ),
    ("blood groups", _view(blood(200)), _decided(), WHOLE, "vocabulary"),
    ("blood groups, too few yet to be sure", _view(blood(100)), _decided(), "open", "blood groups"),
    ("ICD-10 codes", _view(icd(100), name="pdx"), _decided(), WHOLE, "vocabulary"),
    (
        "trap: a person word in the name, half the values names",
        _view(
            names(50) + products(50),
            {"PERSON": TypeTally(0, 100, 100)},
            "first_name",
            (PiiType.PERSON,),
        ),
        _decided({"PERSON"}, {"PERSON"}),
        "open",
        "person-like names",
    ),
    (
        "a person word in the name and every value a name",
        _view(names(100), {"PERSON": TypeTally(0, 100, 100)}, "first_name", (PiiType.PERSON,)),
        _decided({"PERSON"}, {"PERSON"}),
        None,
        "",
    ),
    (
        "trap: 70% names under a cryptic name (the addition's threshold)",
        _view(names(70) + products(30), name="c3"),
        _decided(),
        "open",
        "person-like names",
    ),
]


@pytest.mark.parametrize(
    ("case", "view", "decided", "expected", "why"), CASES, ids=[c[0] for c in CASES]
)
def test_what_a_prefix_leaves_open(
    case: str, view: ColumnView, decided: Decided, expected: str | None, why: str
) -> None:
    found = undecided(view, decided)
    if expected is None:
        assert found is None, found
        return
    assert found is not None, case
    assert found.whole_sample is (expected in (WHOLE, IDS)), found
    assert found.only == (IDENTIFIER_TYPES if expected == IDS else frozenset()), found
    assert why in found.reason
    assert not any(value in found.reason for value in view.counts if isinstance(value, str))
