"""The k-anonymity of an extract over its quasi-identifiers, counted in the source.

The source groups the raw quasi-identifier columns (a streamed ``GROUP BY``);
each distinct combination is generalised with the extract's own treatments and
the counts merged, so the k reported is the k of the file the recipient gets.
When k is below ``k_min`` the greedy search of :mod:`scanners.disclosure.k_search`
asks the source again for each candidate generalisation, and the first that
reaches ``k_min`` is suggested.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from connectors.base import RowStreamer
from scanners.disclosure.apply import TreatmentTools, row_treatment
from scanners.disclosure.assessment import (
    NOTE_IN_CLEAR,
    NOTE_NO_QUASI,
    NOTE_NO_ROWS,
    ColumnAssessment,
    KAnonymity,
)
from scanners.disclosure.k_search import (
    GroupSizes,
    group_sizes,
    ladder_for,
    merged_sizes,
    suggest,
)


def _sizes(
    source: RowStreamer,
    dataset: str,
    columns: tuple[ColumnAssessment, ...],
    choice: Mapping[str, str],
    tools: TreatmentTools,
    rows: int,
    k_min: int,
) -> GroupSizes:
    kept = tuple(replace(c, treatment=choice[c.name]) for c in columns if choice[c.name] != "drop")
    if not kept:
        return group_sizes([rows], k_min)
    generalise = row_treatment(kept, tools)
    groups = source.group_counts(dataset, [c.name for c in kept])
    return merged_sizes(groups, generalise, k_min)


def k_anonymity(
    source: RowStreamer,
    dataset: str,
    columns: tuple[ColumnAssessment, ...],
    tools: TreatmentTools,
    k_min: int,
    rows: int,
    in_clear: bool,
) -> KAnonymity:
    """k over the quasi-identifier ``columns`` as treated, with a suggestion when too small."""
    quasi = tuple(c for c in columns if c.quasi_identifier and c.exists)
    names = tuple(c.name for c in quasi)
    if in_clear:
        return KAnonymity(k_min, names, None, rows, 0, 0, note=NOTE_IN_CLEAR)
    if not quasi:
        return KAnonymity(k_min, (), None, rows, 0, 0, note=NOTE_NO_QUASI)
    if rows == 0:
        return KAnonymity(k_min, names, None, 0, 0, 0, note=NOTE_NO_ROWS)

    def sizes_for(choice: Mapping[str, str]) -> GroupSizes:
        return _sizes(source, dataset, quasi, choice, tools, rows, k_min)

    current = sizes_for({c.name: c.treatment for c in quasi})
    k = KAnonymity(
        k_min, names, current.smallest, current.rows, current.groups, current.small_groups
    )
    if current.smallest is None or current.smallest >= k_min:
        return k
    ladders = {c.name: ladder_for(c.types, c.treatment) for c in quasi}
    found = suggest(ladders, sizes_for, k_min)
    if found.sizes is None:
        return k
    return replace(k, suggestion=found.changes, suggestion_k=found.sizes.smallest)
