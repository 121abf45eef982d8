"""A prefix judged with ``sparse_identifiers`` on the whole sample gives the whole sample's types.

When adaptive sampling settles everything on a prefix but the identifiers a few notes may
hold, the rest of the sample is analysed for those types only
(:class:`~scanners.classification.decisions.WholeSample`). Each case below judges a prefix
that way and the whole sample as the classifier always did (every type analysed), through the
real detection engine, and checks both give the same types. The traps are cases where judging
the rule on the prefix would not: identifiers only beyond the prefix, a prefix that is prose
in a sample that is not, check digits that drop a type on the whole sample but not on the
prefix (and the reverse), a thing's identifier name, and a type the prefix reports and a rule
drops. Synthetic values only.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from connectors.model import ValueKind
from scanners.classification.column_rules.by_statistics import sparse_identifiers
from scanners.classification.column_rules.view import ColumnView
from scanners.classification.decisions import (
    SampleFacts,
    Tally,
    WholeSample,
    apply_rules,
    judge_all,
)
from scanners.classification.sampling.rule_margins import IDENTIFIER_TYPES
from scanners.classification.sampling.value_hits import ValueAnalyses
from scanners.detection.engine import DetectionEngine
from tests.support.synthetic import national_id

RNG = random.Random(26)
PLAIN = [
    "ลูกค้าโทรมาสอบถามสถานะคำสั่งซื้อ แจ้งว่าจะติดต่อกลับภายในวันนี้",
    "Customer asked about the delivery date, promised a call back tomorrow",
    "Requested a refund for a damaged item; photos received by the team",
]


def notes(n: int) -> list[str]:
    return [f"{RNG.choice(PLAIN)} (ticket {RNG.randint(0, 10**6)})" for _ in range(n)]


def with_id(n: int) -> list[str]:
    return [f"ลูกค้าแจ้งเลขบัตร {national_id(RNG)} ตรวจสอบแล้ว" for _ in range(n)]


def with_phone(n: int) -> list[str]:
    return [f"Please call back on 08{RNG.randint(10**7, 10**8 - 1)} after lunch" for _ in range(n)]


def bare_ids(n: int, valid: bool) -> list[str]:
    found = [national_id(RNG) for _ in range(n)]
    return found if valid else [v[:-1] + str((int(v[-1]) + 1) % 10) for v in found]


def codes(n: int) -> list[str]:
    return [f"REF-{RNG.randint(0, 10**7):07d}" for _ in range(n)]


ID, PHONE = "TH_NATIONAL_ID", "PHONE_NUMBER"
CASES = [
    # (case, column name, prefix, rest of the sample, types of the whole sample, prefix's own)
    ("identifiers beyond the prefix", "remarks", notes(61), notes(200) + with_id(3), {ID}, set()),
    ("identifiers in the prefix", "remarks", notes(58) + with_id(3), notes(200), {ID}, {ID}),
    (
        "trap: the prefix is prose, the sample is not",
        "remarks",
        notes(58) + with_phone(3),
        codes(150),
        set(),
        {PHONE},
    ),
    (
        "trap: check digits drop the type on the whole sample only",
        "remarks",
        notes(58) + with_id(3),
        notes(100) + bare_ids(6, valid=False),
        set(),
        {ID},
    ),
    (
        "trap: check digits drop the type on the prefix only",
        "remarks",
        notes(53) + with_id(2) + bare_ids(6, valid=False),
        notes(250) + bare_ids(40, valid=True),
        {ID},
        set(),
    ),
    (
        "trap: a thing's identifier name",
        "order_ref",
        notes(61),
        notes(200) + with_phone(3),
        set(),
        set(),
    ),
]


def _view(name: str, values: list[object], tallies: dict[str, Tally]) -> ColumnView:
    return ColumnView(
        name=name,
        kind=ValueKind.TEXT,
        counts=Counter(values),
        non_empty=len(values),
        priors=frozenset(),
        tallies={t: tally.frozen() for t, tally in tallies.items()},
    )


def _types(
    analyses: ValueAnalyses, name: str, values: list[object], whole: WholeSample | None = None
) -> set[str]:
    """The types of ``values`` judged as a sample (the rule on ``whole``, if given)."""
    tallies = analyses.tally(Counter(values))
    facts = SampleFacts(len(values), len(values), len(set(values)), 0.2, False)
    judged = judge_all(tallies, {}, facts)
    return set(apply_rules(_view(name, values, tallies), judged, tallies, whole).reported)


def _whole(analyses: ValueAnalyses, name: str, values: list[object]) -> WholeSample:
    tallies = analyses.tally(Counter(values), IDENTIFIER_TYPES)
    return WholeSample(_view(name, values, tallies), tallies)


@pytest.mark.parametrize(
    ("case", "name", "prefix", "rest", "expected", "on_prefix"), CASES, ids=[c[0] for c in CASES]
)
def test_the_rule_on_the_whole_sample_gives_the_whole_samples_types(
    detection_engine: DetectionEngine,
    case: str,
    name: str,
    prefix: list[object],
    rest: list[object],
    expected: set[str],
    on_prefix: set[str],
) -> None:
    sample = prefix + rest
    RNG.shuffle(sample)
    full = ValueAnalyses(detection_engine, False, True, {})
    assert _types(full, name, sample) == expected  # the classifier's decision, every type
    mixed = ValueAnalyses(detection_engine, False, True, {})
    assert _types(mixed, name, prefix) == on_prefix  # the rule judged on the prefix alone
    assert _types(mixed, name, prefix, _whole(mixed, name, sample)) == expected
    assert mixed.analysed == len(set(prefix))  # the rest: for the identifier types only
    assert mixed.narrowed == len(set(sample) - set(prefix))


def test_a_type_the_prefix_reports_and_a_rule_drops_is_not_added_back(
    detection_engine: DetectionEngine,
) -> None:
    """25% bare IDs, 40% of them with a wrong check digit: reported, then dropped as codes;
    the IDs on the whole sample (prose: 75% notes) must not bring the type back."""
    prefix = bare_ids(9, valid=True) + bare_ids(6, valid=False) + notes(45)
    sample = prefix * 3
    full = ValueAnalyses(detection_engine, False, True, {})
    assert _types(full, "remarks", sample) == set()
    mixed = ValueAnalyses(detection_engine, False, True, {})
    whole = _whole(mixed, "remarks", sample)
    assert sparse_identifiers.check(whole.view, frozenset())  # the rule alone would add them
    assert _types(mixed, "remarks", prefix, whole) == set()


def test_the_identifiers_reason_and_ratio_are_the_whole_samples(
    detection_engine: DetectionEngine,
) -> None:
    prefix = notes(61)
    sample = prefix + notes(200) + with_id(4)
    full = ValueAnalyses(detection_engine, False, True, {})
    tallies = full.tally(Counter(sample))
    facts = SampleFacts(len(sample), len(sample), len(set(sample)), 0.2, False)
    on_sample = apply_rules(
        _view("remarks", sample, tallies), judge_all(tallies, {}, facts), tallies
    )
    mixed = ValueAnalyses(detection_engine, False, True, {})
    tallies = mixed.tally(Counter(prefix))
    facts = SampleFacts(len(sample), len(prefix), len(set(prefix)), 0.2, False)
    on_prefix = apply_rules(
        _view("remarks", prefix, tallies),
        judge_all(tallies, {}, facts),
        tallies,
        _whole(mixed, "remarks", sample),
    )
    assert on_prefix.matches == on_sample.matches  # match, reason "in 4 of 265", examples
    assert on_prefix.inside_text == on_sample.inside_text == {ID}
