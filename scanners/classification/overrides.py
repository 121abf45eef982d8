"""Classification overrides (SPEC §9): a person's decision replaces a column's detected types.

An :class:`Override` names a source, a glob on dataset names and a glob on
column names (both case-sensitive, like the register's ``match``), and the
exact PII types the matching columns hold — ``()`` meaning no personal data.
The first override in file order that matches a column wins. Applying one
keeps what detection gave in :class:`~scanners.model.result.ColumnOverride`, so a
reviewer sees both and the incremental file cache can store the detected
classification (:func:`detected_columns`): editing the overrides file then
takes effect on the next scan without reading the file again.

Everything here is pure: values in, values out.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from scanners.model.result import ColumnOverride, ColumnResult, DatasetResult, PiiMatch

#: Confidence of a type a person decided the column holds (detection did not find it).
DECIDED_CONFIDENCE = 1.0


@dataclass(frozen=True)
class Override:
    """One decision on the columns of one source."""

    source: str
    dataset: str  # glob on dataset names within the source
    column: str  # glob on column names
    types: tuple[str, ...]  # () = the columns hold no personal data
    reason: str
    decided_by: str
    decided_at: date
    origin: str = field(default="", compare=False)  # "overrides.toml:3", for messages

    def covers(self, source: str, dataset: str, column: str) -> bool:
        """Whether this override applies to ``column`` of ``source``/``dataset``."""
        return (
            source == self.source
            and fnmatch.fnmatchcase(dataset, self.dataset)
            and fnmatch.fnmatchcase(column, self.column)
        )

    def covers_dataset(self, source: str, dataset: str) -> bool:
        """Whether this override may apply to some column of ``source``/``dataset``."""
        return source == self.source and fnmatch.fnmatchcase(dataset, self.dataset)

    def describe(self) -> str:
        """A one-line name for messages: where it is written and what it matches."""
        where = f"{self.origin} " if self.origin else ""
        return f"{where}(source {self.source}, dataset {self.dataset}, column {self.column})"


def override_for(
    overrides: Sequence[Override], source: str, dataset: str, column: str
) -> Override | None:
    """The first override (in file order) covering the column, or None."""
    return next((o for o in overrides if o.covers(source, dataset, column)), None)


def apply_override(column: ColumnResult, override: Override) -> ColumnResult:
    """``column`` with ``override``'s types; the detected matches are kept in ``column.override``.

    A decided type that detection also found keeps its confidence and match
    ratio; one detection missed gets confidence 1.0 and match ratio 0.0 (the
    sample did not show it, a person decided it).
    """
    detected = column.override.detected if column.override is not None else column.pii
    found = {match.type: match for match in detected}
    pii = tuple(
        found.get(pii_type, PiiMatch(pii_type, DECIDED_CONFIDENCE, 0.0))
        for pii_type in override.types
    )
    decision = ColumnOverride(
        types=override.types,
        reason=override.reason,
        decided_by=override.decided_by,
        decided_at=override.decided_at,
        detected=detected,
        origin=override.origin,
    )
    return replace(column, pii=pii, override=decision)


def apply_overrides(
    overrides: Sequence[Override], source: str, dataset: str, columns: Iterable[ColumnResult]
) -> tuple[ColumnResult, ...]:
    """Every column with the first override covering it applied (others as detected)."""
    relevant = [o for o in overrides if o.covers_dataset(source, dataset)]
    result = []
    for column in columns:
        base = detected_column(column)
        override = override_for(relevant, source, dataset, column.name)
        result.append(base if override is None else apply_override(base, override))
    return tuple(result)


def apply_to_dataset(overrides: Sequence[Override], dataset: DatasetResult) -> DatasetResult:
    """``dataset`` with its columns overridden (unchanged when no override covers it)."""
    if not any(o.covers_dataset(dataset.source, dataset.name) for o in overrides):
        return dataset
    columns = apply_overrides(overrides, dataset.source, dataset.name, dataset.columns)
    return replace(dataset, columns=columns)


def detected_column(column: ColumnResult) -> ColumnResult:
    """``column`` as detection classified it, before any override."""
    if column.override is None:
        return column
    return replace(column, pii=column.override.detected, override=None)


def detected_columns(columns: Iterable[ColumnResult]) -> tuple[ColumnResult, ...]:
    """Every column as detection classified it (what the incremental file cache stores)."""
    return tuple(detected_column(column) for column in columns)


def unmatched_overrides(
    overrides: Sequence[Override],
    datasets: Iterable[DatasetResult],
    scanned_sources: Iterable[str],
) -> tuple[Override, ...]:
    """Overrides of a successfully scanned source that matched no column of it.

    An override whose dataset glob covers a dataset that could not be read is
    left out: its columns are unknown, so it may well match one.
    """
    sources = set(scanned_sources)
    by_source: dict[str, list[DatasetResult]] = {}
    for dataset in datasets:
        by_source.setdefault(dataset.source, []).append(dataset)
    unmatched = []
    for override in overrides:
        if override.source not in sources:
            continue
        covered = [
            d
            for d in by_source.get(override.source, ())
            if override.covers_dataset(d.source, d.name)
        ]
        if any(d.error is not None for d in covered):
            continue
        if not any(override.covers(d.source, d.name, c.name) for d in covered for c in d.columns):
            unmatched.append(override)
    return tuple(unmatched)
