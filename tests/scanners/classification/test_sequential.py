"""The stopping rule of adaptive sampling: Wilson bounds, margins, checkpoints and the order.

What a prefix of a column leaves open, rule by rule, is in ``test_sequential_rules.py``.
"""

from __future__ import annotations

import pytest

from scanners.classification.column_lexicon import name_tokens
from scanners.classification.column_rules.by_statistics import birth_dates, person_values
from scanners.classification.column_rules.by_vocabulary import (
    blood_groups,
    diagnosis_codes,
    gender_values,
)
from scanners.classification.sampling.intervals import Margin, wilson
from scanners.classification.sampling.stopping import (
    FIRST_STOP,
    MIN_DISTINCT,
    checkpoints,
    shuffled_positions,
)

# -- Wilson score interval ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("successes", "trials", "z", "low", "high"),
    [
        (8, 10, 1.96, 0.4902, 0.9433),  # the textbook 95% example
        (0, 61, 3.9, 0.0, 0.1996),  # nothing in 61: surely below 20%
        (61, 61, 3.9, 0.8004, 1.0),  # everything in 61: surely above 80%
        (15, 100, 3.9, 0.0585, 0.3339),  # 15% IDs in 100: 20% not excluded (the trap)
        (0, 0, 3.9, 0.0, 1.0),  # no values: nothing known
    ],
)
def test_wilson_bounds(successes: int, trials: int, z: float, low: float, high: float) -> None:
    got = wilson(successes, trials, z)
    assert got == pytest.approx((low, high), abs=1e-4)


def test_wilson_is_symmetric_and_narrows_with_more_values() -> None:
    low, high = wilson(30, 100)
    mirrored = wilson(70, 100)
    assert (low, high) == pytest.approx((1 - mirrored[1], 1 - mirrored[0]))
    assert wilson(300, 1000)[1] - wilson(300, 1000)[0] < high - low


@pytest.mark.parametrize(
    ("successes", "trials", "threshold", "side"),
    [
        (0, 61, 0.2, False),
        (0, 60, 0.2, None),  # one value fewer: 20% not yet excluded
        (61, 61, 0.8, True),
        (15, 100, 0.2, None),
        (150, 1000, 0.2, False),  # the same share on more values is conclusive
        (4, 100, 0.2, False),  # a few stray matches
        (5, 100, 0.2, None),
        (55, 100, 0.5, None),
        (80, 100, 0.8, None),
        (100, 100, 0.8, True),
    ],
)
def test_margin_side(successes: int, trials: int, threshold: float, side: bool | None) -> None:
    margin = Margin("share", successes, trials, threshold)
    assert margin.side is side
    assert margin.open.reason == f"share: {successes} of {trials} near {threshold:.0%}"
    assert not margin.open.whole_sample


# -- order and checkpoints ---------------------------------------------------------------


def test_checkpoints_start_where_a_clear_column_can_stop() -> None:
    first = [size for size, _ in zip(checkpoints(), range(6), strict=False)]
    assert FIRST_STOP == 61
    assert first == [30, 61, 122, 244, 488, 976]
    assert wilson(0, FIRST_STOP)[1] < 0.2 <= wilson(0, FIRST_STOP - 1)[1]


def test_shuffled_positions_are_a_fixed_random_permutation() -> None:
    order = shuffled_positions(1000, "email")
    assert sorted(order) == list(range(1000))
    assert order == shuffled_positions(1000, "email")  # the same on every scan
    assert order != shuffled_positions(1000, "e_mail")
    # A prefix is spread over the whole sample, not its first page of rows.
    assert max(order[:100]) > 800 and min(order[:100]) < 200
    assert shuffled_positions(0, "x") == []


def test_min_distinct_lies_above_every_rules_count_of_distinct_values() -> None:
    # Distinct values only grow with more values: a count reached on the prefix holds on
    # the whole sample, so only counts above MIN_DISTINCT could differ.
    counts = (
        gender_values.MAX_DISTINCT,
        person_values.MIN_DISTINCT,
        birth_dates.MIN_DISTINCT_DATES,
        blood_groups.MIN_DISTINCT,
        diagnosis_codes.MIN_DISTINCT_CODES,
    )
    assert max(counts) <= MIN_DISTINCT


def test_a_cryptic_name_is_one_the_birth_date_rule_reads() -> None:
    assert birth_dates.is_uninformative("c7") and name_tokens("c7")
    assert not birth_dates.is_uninformative("created_at")
