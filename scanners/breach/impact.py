"""What a breach reached (SPEC §11): per dataset in scope, from the latest complete scan and
counts in the source, and the totals.

Distinct data subjects are counted on the register's ``subject_key`` or an identifier
column, after normalising each value (a dashed and an undashed national ID are one
person); the totals count one identifier once across datasets where the same kind of
identifier keys them. Where no identifier exists, or the count failed, rows stand in for
people and the figure says it is an estimate.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DatasetImpact:
    """One dataset in scope."""

    source: str
    dataset: str
    types: tuple[str, ...]  # PII types the latest complete scan found
    sensitive: tuple[str, ...]  # of those, Section 26 types
    rows: int | None
    people: int | None  # distinct data subjects (None: unknown)
    people_basis: str  # "column <name> (<TYPE>)", "rows", "affected_people", or why unknown
    people_estimated: bool  # True when rows or a stated number stand in for a count
    minors: int | None = None  # under 20 on aware_at, by date of birth (None: no birth date)
    minors_basis: str = ""  # the birth-date column counted
    register_id: str | None = None
    owner: str | None = None
    scanned_in: str | None = None  # the scan the types come from (None: never scanned)


@dataclass(frozen=True)
class Impact:
    """All datasets in scope, and the totals."""

    datasets: tuple[DatasetImpact, ...]
    people: int  # distinct across datasets where one identifier matches them
    people_estimated: bool
    rows: int
    minors: int
    types: tuple[str, ...]
    sensitive: tuple[str, ...]
    unscanned: tuple[str, ...] = ()  # scope entries that matched no scanned dataset

    @property
    def identifiers(self) -> tuple[str, ...]:
        """Direct identifiers reached (what makes people identifiable)."""
        from scanners.pii_types import DIRECT_TYPES

        direct = {str(t) for t in DIRECT_TYPES}
        return tuple(t for t in self.types if t in direct)
