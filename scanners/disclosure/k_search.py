"""k-anonymity of an extract and the generalisation that would reach ``k_min``.

The group sizes come from the source (a streamed ``GROUP BY`` over the raw
quasi-identifier columns, generalised in the agent with the same treatments
the extract uses); this module only decides. Each quasi-identifier climbs its
own ladder of coarser treatments — a date of birth: keep → birth_year →
age_band → drop; an address: keep → postcode → province → drop; a postcode:
keep → province → drop; anything else: keep → drop. The search is greedy: at
each step it tries one step up every ladder and takes the one giving the
largest smallest group (then the fewest records in small groups, then the
step that does not drop a column), until ``k_min`` is reached or nothing is
left to coarsen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

#: Type-led ladders of ever coarser treatments.
DATE_LADDER: tuple[str, ...] = ("keep", "birth_year", "age_band", "drop")
ADDRESS_LADDER: tuple[str, ...] = ("keep", "postcode", "province", "drop")
POSTCODE_LADDER: tuple[str, ...] = ("keep", "province", "drop")
PLAIN_LADDER: tuple[str, ...] = ("keep", "drop")

#: Most steps a search takes (every ladder climbed to the top is at most this many).
MAX_STEPS = 64


@dataclass(frozen=True)
class GroupSizes:
    """How the rows of an extract fall into groups of one quasi-identifier combination."""

    rows: int
    groups: int
    smallest: int | None  # None: no row
    small_groups: int  # groups below k_min
    rows_in_small_groups: int


def group_sizes(counts: Iterable[int], k_min: int) -> GroupSizes:
    """Summarise group sizes (each the rows sharing one combination)."""
    sizes = [n for n in counts if n > 0]
    small = [n for n in sizes if n < k_min]
    return GroupSizes(sum(sizes), len(sizes), min(sizes, default=None), len(small), sum(small))


def merged_sizes(
    raw_groups: Iterable[tuple[tuple[object, ...], int]],
    generalise: Callable[[tuple[object, ...]], tuple[object, ...]],
    k_min: int,
) -> GroupSizes:
    """Group sizes after ``generalise`` maps each raw combination to the extract's one."""
    merged: Counter[tuple[object, ...]] = Counter()
    for combination, rows in raw_groups:
        merged[generalise(combination)] += rows
    return group_sizes(merged.values(), k_min)


def ladder_for(types: Iterable[str], treatment: str) -> tuple[str, ...]:
    """The ladder a quasi-identifier climbs, from its requested ``treatment`` upwards."""
    kinds = set(types)
    if kinds & {"DATE_OF_BIRTH", "BIRTH_YEAR"} or treatment in ("birth_year", "age_band"):
        ladder = DATE_LADDER
    elif "ADDRESS" in kinds or treatment == "postcode":
        ladder = ADDRESS_LADDER
    elif "POSTAL_CODE" in kinds or treatment == "province":
        ladder = POSTCODE_LADDER
    else:
        ladder = PLAIN_LADDER
    return ladder[ladder.index(treatment) :] if treatment in ladder else (treatment, "drop")


@dataclass(frozen=True)
class Suggestion:
    """Coarser treatments that reach ``k_min`` (empty when none can)."""

    changes: tuple[tuple[str, str], ...]  # (column, treatment), in column order
    sizes: GroupSizes | None  # group sizes after the changes (None: none found)


def suggest(
    ladders: Mapping[str, tuple[str, ...]],
    sizes_for: Callable[[Mapping[str, str]], GroupSizes],
    k_min: int,
) -> Suggestion:
    """Climb the ``ladders`` (column → treatments, first = requested) until ``k_min``.

    ``sizes_for`` gives the group sizes for a column → treatment choice (a
    column at ``drop`` is left out of the combination).
    """
    position = dict.fromkeys(ladders, 0)
    order = list(ladders)
    for _ in range(MAX_STEPS):
        best: tuple[tuple[int, int, int, int], str, GroupSizes] | None = None
        for rank, column in enumerate(order):
            ladder, step = ladders[column], position[column] + 1
            if step >= len(ladder):
                continue
            choice = {c: ladders[c][position[c]] for c in order} | {column: ladder[step]}
            sizes = sizes_for(choice)
            drops = ladder[step] == "drop"
            score = (sizes.smallest or 0, -sizes.rows_in_small_groups, -int(drops), -rank)
            if best is None or score > best[0]:
                best = (score, column, sizes)
        if best is None:
            return Suggestion((), None)
        _, column, sizes = best
        position[column] += 1
        if sizes.smallest is None or sizes.smallest >= k_min:
            changes = tuple((c, ladders[c][position[c]]) for c in order if position[c] > 0)
            return Suggestion(changes, sizes)
    return Suggestion((), None)
