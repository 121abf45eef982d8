"""Turn each requested column's treatment into a function over one cell.

The same functions generalise the distinct quasi-identifier combinations for
the k-anonymity count and every cell of the extract, so the k the assessment
reports is the k of the file the recipient gets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from scanners.disclosure.assessment import ColumnAssessment
from scanners.disclosure.treatments.age_band import age_band
from scanners.disclosure.treatments.birth_year import birth_year
from scanners.disclosure.treatments.free_text import FreeTextAnonymiser
from scanners.disclosure.treatments.mask import mask
from scanners.disclosure.treatments.postcode import postcode
from scanners.disclosure.treatments.province import province
from scanners.disclosure.treatments.pseudonym import Pseudonymiser
from scanners.pii_types import DIRECT_TYPES

CellTreatment = Callable[[object], object]
_DIRECT = frozenset(str(t) for t in DIRECT_TYPES)


@dataclass(frozen=True)
class TreatmentTools:
    """What the treatments need besides the cell: the day ages are counted on, the era of
    birth years, the recipient's pseudonymiser and the free-text anonymiser."""

    on: date
    calendar: str = "ce"
    pseudonymiser: Pseudonymiser | None = None
    anonymiser: FreeTextAnonymiser | None = None


#: Distinct values remembered per column and treatment: a birth date or a province repeats
#: across rows, and the k count generalises the same value in many combinations.
CACHE_SIZE = 1 << 16


def _identity(value: object) -> object:
    return value


def _memoised(function: CellTreatment) -> CellTreatment:
    """``function`` remembering its last :data:`CACHE_SIZE` distinct values (it is pure)."""
    cached = lru_cache(maxsize=CACHE_SIZE)(function)

    def call(value: object) -> object:
        try:
            return cached(value)
        except TypeError:  # an unhashable cell
            return function(value)

    return call


def _main_type(column: ColumnAssessment) -> str | None:
    """The type that decides how a value is normalised or masked (a direct one first)."""
    return companion_type(column.types) or (column.types[0] if column.types else None)


def cell_treatment(column: ColumnAssessment, tools: TreatmentTools) -> CellTreatment:
    """The function applied to every cell of ``column`` (never used for ``drop``)."""
    function = _cell_function(column, tools)
    if function is _identity or (column.free_text and column.treatment == "keep"):
        return function
    return _memoised(function)


def _cell_function(column: ColumnAssessment, tools: TreatmentTools) -> CellTreatment:
    treatment, kind = column.treatment, _main_type(column)
    if treatment == "keep":
        if column.free_text:
            if tools.anonymiser is None:
                raise ValueError(f"column {column.name}: free text needs the anonymiser")
            return tools.anonymiser
        return _identity
    if treatment == "pseudonym":
        pseudonymiser = tools.pseudonymiser
        if pseudonymiser is None:
            raise ValueError(f"column {column.name}: a pseudonym needs the key")
        return lambda value: pseudonymiser(value, kind)
    if treatment == "birth_year":
        return lambda value: birth_year(value, tools.calendar)
    if treatment == "age_band":
        return lambda value: age_band(value, tools.on)
    if treatment == "postcode":
        return postcode
    if treatment == "province":
        return province
    if treatment == "mask":
        return lambda value: mask(value, kind)
    raise ValueError(f"column {column.name}: no treatment {treatment!r}")


def companion_type(types: Sequence[str]) -> str | None:
    """The direct-identifier type a column holds (its values help clean the row's free
    text), or None."""
    direct = [t for t in types if t in _DIRECT]
    return direct[0] if direct else None


def row_treatment(
    columns: Sequence[ColumnAssessment],
    tools: TreatmentTools,
    companion_types: Sequence[str] = (),
) -> Callable[[tuple[object, ...]], tuple[object, ...]]:
    """One function over a row of ``columns`` (in that order) followed by one cell per
    ``companion_types``: the treated cells of ``columns``. The companions are the row's
    identifiers in other columns, replaced inside its free text before detection."""
    functions = tuple(cell_treatment(column, tools) for column in columns)
    prose = frozenset(i for i, c in enumerate(columns) if c.free_text and c.treatment == "keep")
    width = len(columns)
    anonymiser = tools.anonymiser

    def known(row: tuple[object, ...]) -> tuple[tuple[str, str], ...]:
        cells = row[width:]
        return tuple(
            (kind, str(cell))
            for kind, cell in zip(companion_types, cells, strict=True)
            if cell is not None and str(cell).strip()
        )

    def treat(row: tuple[object, ...]) -> tuple[object, ...]:
        found = known(row) if prose and anonymiser is not None else ()
        out: list[object] = []
        for index, (function, cell) in enumerate(zip(functions, row[:width], strict=True)):
            if cell is None:
                out.append(None)
            elif index in prose and anonymiser is not None:
                out.append(anonymiser(cell, found))
            else:
                out.append(function(cell))
        return tuple(out)

    return treat
