"""Dates spread like the ages of a population are birth dates, whatever the column is called.

A birth-date column under a cryptic name (``c7``, ``f_03``, ``d1``) is still
a birth date: its dates are all in the past, most people in it are between
childhood and old age, and they are spread over decades. Order, visit,
hire and event dates cluster within recent years; a date column whose name
says what it is (``created_at``, ``hire_date``, ``วันที่ลงทะเบียน``) is left
to that name.

Four-digit years (``1975``, ``2518``) spread the same way are birth years
(BIRTH_YEAR, a quasi-identifier).

Rule (only for names that say nothing): at least :data:`MIN_DATE_SHARE` of
the values read as dates in either era (:mod:`scanners.dates.date_values`), none
in the future, the median age between :data:`MEDIAN_AGE`, the middle half
of the ages at least :data:`MIN_AGE_IQR` years wide, and the values mostly
distinct.
"""

from __future__ import annotations

from datetime import date
from statistics import median

from scanners.classification.column_lexicon import name_tokens
from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.dates.date_values import BE_FROM, parse_date
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

MIN_DATE_SHARE = 0.8
MEDIAN_AGE = (16.0, 85.0)
MIN_AGE_IQR = 8.0
MIN_DISTINCT_DATES = 20
#: Name tokens that say nothing about what a column holds.
FILLER_TOKENS = frozenset(
    "c col column field fld f attr attribute val value v data d x var txt text str item".split()
)


def is_uninformative(name: str) -> bool:
    """``c7``, ``field_12``, ``d1``, ``x``: a name whose every word is filler or a number."""
    tokens = [t for t in name_tokens(name) if not t.isdigit()]
    return all(t in FILLER_TOKENS or len(t) <= 1 for t in tokens)


def as_year(value: object, today: date) -> int | None:
    """A four-digit year of either era, as C.E. (``2518`` → 1975); None otherwise."""
    if not isinstance(value, str) or len(value) != 4 or not value.isdigit():
        return None
    year = int(value)
    if year > BE_FROM:
        year -= 543
    return year if 1900 <= year <= today.year else None


def _ages(view: ColumnView) -> tuple[list[float], PiiType] | None:
    """Every value's age in years, and whether they are dates or years; None if any is future."""
    ages: list[float] = []
    years = dates = 0
    for value, count in view.counts.items():
        year = as_year(value, view.today)
        if year is not None:
            ages.extend([float(view.today.year - year)] * count)
            years += count
            continue
        day = parse_date(value)
        if day is None:
            continue
        age = (view.today - day).days / 365.25
        if age < 0:
            return None
        ages.extend([age] * count)
        dates += count
    return ages, PiiType.BIRTH_YEAR if years > dates else PiiType.DATE_OF_BIRTH


def check(view: ColumnView) -> list[Verdict]:
    """Add DATE_OF_BIRTH (or BIRTH_YEAR) for a population-like spread under a filler name."""
    if view.priors or not is_uninformative(view.name) or view.distinct < MIN_DISTINCT_DATES:
        return []
    found = _ages(view)
    if found is None:
        return []
    ages, pii_type = found
    distinct_needed = MIN_DISTINCT_DATES if pii_type is PiiType.BIRTH_YEAR else 0.5 * view.non_empty
    if len(ages) < MIN_DATE_SHARE * view.non_empty or view.distinct < distinct_needed:
        return []
    ages.sort()
    middle = median(ages)
    spread = ages[(3 * len(ages)) // 4] - ages[len(ages) // 4]
    if not (MEDIAN_AGE[0] <= middle <= MEDIAN_AGE[1]) or spread < MIN_AGE_IQR:
        return []
    ratio = round(len(ages) / view.non_empty, 3)
    return [
        Verdict(
            pii_type,
            f"{pii_type}: {ratio:.0%} of {view.non_empty} values are past "
            f"{'years' if pii_type is PiiType.BIRTH_YEAR else 'dates'} spread like ages "
            f"(median {middle:.0f} years, middle half {spread:.0f} years wide)",
            PiiMatch(pii_type.value, 0.7, ratio),
        )
    ]
