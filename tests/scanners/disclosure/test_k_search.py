"""The k-anonymity search: group sizes, ladders, and the greedy generalisation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pytest

from scanners.disclosure.k_search import (
    ADDRESS_LADDER,
    DATE_LADDER,
    GroupSizes,
    group_sizes,
    ladder_for,
    merged_sizes,
    suggest,
)


@pytest.mark.parametrize(
    ("counts", "k_min", "expected"),
    [
        ([10, 10, 10], 5, GroupSizes(30, 3, 10, 0, 0)),
        ([1, 4, 10], 5, GroupSizes(15, 3, 1, 2, 5)),
        ([], 5, GroupSizes(0, 0, None, 0, 0)),  # trap: no row is no group, not k = 0
        ([0, 3], 2, GroupSizes(3, 1, 3, 0, 0)),  # trap: an empty group is no group
    ],
)
def test_group_sizes(counts: list[int], k_min: int, expected: GroupSizes) -> None:
    assert group_sizes(counts, k_min) == expected


def test_merged_sizes_adds_the_raw_groups_one_generalisation_joins() -> None:
    raw = [(("1980-01-02", "M"), 2), (("1980-07-09", "M"), 3), (("1981-01-01", "F"), 1)]
    sizes = merged_sizes(raw, lambda row: (str(row[0])[:4], row[1]), 5)
    assert sizes == GroupSizes(6, 2, 1, 1, 1)


@pytest.mark.parametrize(
    ("types", "treatment", "ladder"),
    [
        (("DATE_OF_BIRTH",), "keep", DATE_LADDER),
        (("DATE_OF_BIRTH",), "birth_year", ("birth_year", "age_band", "drop")),
        ((), "age_band", ("age_band", "drop")),
        (("ADDRESS",), "postcode", ("postcode", "province", "drop")),
        (("ADDRESS",), "keep", ADDRESS_LADDER),
        (("POSTAL_CODE",), "keep", ("keep", "province", "drop")),
        (("GENDER",), "keep", ("keep", "drop")),
        ((), "keep", ("keep", "drop")),
        # trap: a treatment outside its type's ladder still climbs, to drop
        (("GENDER",), "province", ("province", "drop")),
    ],
)
def test_ladder_for(types: tuple[str, ...], treatment: str, ladder: tuple[str, ...]) -> None:
    assert ladder_for(types, treatment) == ladder


ROWS = [
    # (birth year, postcode, gender): six cohorts of ten; a postcode per row
    (str(1980 + i % 6), f"50{i:03d}", "M" if i % 2 else "F")
    for i in range(60)
]


def _sizes_over(rows: list[tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    def generalise(value: str, column: str, treatment: str) -> object:
        if treatment == "province":
            return value[:2]
        if treatment == "age_band":
            return value[:3]
        return value

    def sizes_for(choice: Mapping[str, str]) -> GroupSizes:
        names = ("dob", "address", "gender")
        kept = [(i, n) for i, n in enumerate(names) if choice[n] != "drop"]
        counts = Counter(tuple(generalise(row[i], n, choice[n]) for i, n in kept) for row in rows)
        return group_sizes(counts.values(), 5)

    return sizes_for


def test_suggest_coarsens_the_column_that_gains_most() -> None:
    ladders = {
        "dob": ("birth_year", "age_band", "drop"),
        "address": ("postcode", "province", "drop"),
        "gender": ("keep", "drop"),
    }
    found = suggest(ladders, _sizes_over(ROWS), 5)
    assert found.changes == (("address", "province"),)
    assert found.sizes is not None and found.sizes.smallest == 10


def test_suggest_gives_nothing_when_too_few_rows_for_any_generalisation() -> None:
    ladders = {
        "dob": ("birth_year", "age_band", "drop"),
        "address": ("postcode", "province", "drop"),
        "gender": ("keep", "drop"),
    }
    found = suggest(ladders, _sizes_over(ROWS[:3]), 5)
    assert found.changes == () and found.sizes is None


def test_suggest_prefers_generalising_to_dropping_on_a_tie() -> None:
    rows = [(str(1980 + i % 2), "50100", "M") for i in range(10)]
    ladders = {
        "dob": ("keep", "age_band", "drop"),
        "address": ("keep", "drop"),
        "gender": ("keep", "drop"),
    }
    found = suggest(ladders, _sizes_over(rows), 6)
    assert found.changes == (("dob", "age_band"),)
