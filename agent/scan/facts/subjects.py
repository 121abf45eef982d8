"""Find data subjects in a dataset's columns, in every form their identifier is written in.

Which columns: the register entry's ``subject_key`` (every subject type, one
identifier per cell) and the columns classified with a subject type. A
classified column whose match ratio is below
:data:`~scanners.subjects.searches.FREE_TEXT_RATIO`, or a document's ``content``,
is free text (notes, remarks, tickets): the subject is looked for *inside*
its cells; other columns hold one identifier per cell and are compared whole.

How: the source compares compact cells (:mod:`connectors.sql.value_forms`) with
the compact forms of the subjects (:mod:`scanners.subjects.searches`) — an
indexed ``IN`` over the common spellings first, then one bounded scan for the
subjects not yet found — and only the distinct matching values come back; each
is verified by normalising it (:func:`~scanners.subjects.searches.subjects_in_cell`),
so a subject written in several forms counts once and a near miss (another
ID, an ID inside a longer number) never counts. Subjects given only as a
``sha256:`` digest need the column streamed and every value normalised and
hashed. Values never leave this module.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from connectors.base import SubjectFinder
from connectors.files.connector import CONTENT
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult
from scanners.subjects.normal_forms import SUBJECT_TYPES
from scanners.subjects.searches import (
    FREE_TEXT_RATIO,
    exact_search,
    inside_search,
    subjects_in_cell,
    whole_search,
)
from scanners.subjects.spellings import Subject


@dataclass(frozen=True)
class Target:
    """One column to search for one subject type, whole cells or inside free text."""

    column: str
    subject_type: str
    free_text: bool = False


def is_document(dataset: DatasetResult) -> bool:
    """Whether ``dataset`` is a document whose one column is its text (``content``)."""
    return dataset.kind == "file" and [c.name for c in dataset.columns] == [CONTENT]


def search_targets(dataset: DatasetResult, entry: RegisterEntry | None) -> tuple[Target, ...]:
    """The columns to search and how: the entry's subject_key whole, classified columns
    whole or (low match ratio, a document's content) as free text; sorted. A column
    an override decided ``[]`` is never searched, not even the subject_key."""
    names = {column.name for column in dataset.columns}
    targets: dict[tuple[str, str], bool] = {}
    if entry is not None and entry.subject_key and entry.subject_key in names:
        targets.update({(entry.subject_key, t): False for t in SUBJECT_TYPES})
    document = is_document(dataset)
    for column in dataset.columns:
        if column.override is not None and not column.override.types:
            targets = {k: v for k, v in targets.items() if k[0] != column.name}
            continue  # a person decided it holds no personal data: never searched
        for match in column.pii:
            if match.type in SUBJECT_TYPES and (column.name, match.type) not in targets:
                free = document or match.match_ratio < FREE_TEXT_RATIO
                targets[(column.name, match.type)] = free
    return tuple(Target(c, t, free) for (c, t), free in sorted(targets.items()))


def present_in(
    finder: SubjectFinder,
    dataset: str,
    target: Target,
    subjects: Sequence[Subject],
    skip_hashed: Collection[str] = (),
) -> set[str]:
    """Digests of ``subjects`` (of the target's type) present in the target column.

    Hashed subjects in ``skip_hashed`` (already found elsewhere) are not
    looked for again: finding them needs the whole column streamed.
    """
    kind, column, free = target.subject_type, target.column, target.free_text
    clear = {s.clear: s.digest for s in subjects if s.type == kind and s.clear is not None}
    found: set[str] = set()

    def verify(values: dict[object, int]) -> None:
        for value in values:
            found.update(subjects_in_cell(kind, value, free_text=free, clear=clear))

    if clear and target.free_text:
        verify(finder.matching_values(dataset, column, inside_search(kind, clear)))
    elif clear:
        verify(finder.matching_values(dataset, column, exact_search(kind, clear)))
        rest = [normal for normal, key in clear.items() if key not in found]
        if rest:
            verify(finder.matching_values(dataset, column, whole_search(kind, rest)))
    hashed = {s.digest for s in subjects if s.type == kind and s.clear is None}
    hashed -= set(skip_hashed)
    if hashed:
        for cell in finder.column_values(dataset, column):
            hits = subjects_in_cell(kind, cell, free_text=free, hashed=hashed)
            found |= hits
            hashed -= hits
            if not hashed:
                break
    return found


def count_rows(finder: SubjectFinder, dataset: str, target: Target, subject: Subject) -> int:
    """Rows of the target column holding ``subject`` in any written form."""
    kind, free = subject.type, target.free_text
    if subject.clear is not None:
        clear = {subject.clear: subject.digest}
        search = inside_search if free else whole_search
        values = finder.matching_values(dataset, target.column, search(kind, [subject.clear]))
        return sum(
            rows
            for value, rows in values.items()
            if subjects_in_cell(kind, value, free_text=free, clear=clear)
        )
    hashed = {subject.digest}
    return sum(
        1
        for cell in finder.column_values(dataset, target.column)
        if subjects_in_cell(kind, cell, free_text=free, hashed=hashed)
    )
