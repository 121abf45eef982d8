"""A column named as a measure holds numbers about many, not a person's identifier.

``avg_price_by_zipcode``, ``gender_count``, ``birth_rate``: the word that
names a type (zipcode, gender, birth) says what the figure is grouped by,
while the measure word (price, count, rate, avg …) says what the values are.
Such a column keeps only the types its values prove on their own; the name
prior is withdrawn before the values are tallied.

Non-compliant reading (avoided): amounts under ``median_income_zipcode``
counted as postcodes because they are five digits.
"""

from __future__ import annotations

from scanners.classification.column_lexicon import NamePrior
from scanners.classification.column_names import is_measure_name


def withdraw_priors(name: str, priors: tuple[NamePrior, ...]) -> tuple[NamePrior, ...]:
    """No name prior for a measure column; the priors unchanged otherwise."""
    return () if priors and is_measure_name(name) else priors
