"""The order in which the column rules run: vetoes first, then additions.

Vetoes see what the recognizers and name priors reported and drop what the
column's values or context contradict; additions then see what is left and
add what only the column as a whole shows. Each rule lives in its own module,
grouped by kind in ``by_name``, ``by_vocabulary`` and ``by_statistics`` (see
the package docstring); this order is the one place that lists them all.
"""

from __future__ import annotations

from scanners.classification.column_rules.by_name import (
    animal_datasets,
    binary_templates,
    thing_ids,
)
from scanners.classification.column_rules.by_statistics import (
    birth_dates,
    checksum_rate,
    person_values,
    postcode_shape,
    proven_values,
    sparse_identifiers,
)
from scanners.classification.column_rules.by_vocabulary import (
    blood_groups,
    diagnosis_codes,
    gender_values,
    religion_values,
)
from scanners.classification.column_rules.view import ColumnView, Verdict


def vetoes(view: ColumnView, reported: frozenset[str], by_shape: frozenset[str]) -> list[Verdict]:
    """Types to drop (reported or not: a rule's veto also stops an addition), with the reason."""
    verdicts = [
        *checksum_rate.check(view),
        *thing_ids.check(view),
        *animal_datasets.check(view),
        *postcode_shape.check(view),
        *proven_values.check(view, reported, by_shape),
        *person_values.veto(view, reported, by_shape),
    ]
    return [v for v in verdicts if v.drops]


def additions(view: ColumnView, reported: frozenset[str]) -> list[Verdict]:
    """Types to add, each with its match and the reason."""
    verdicts = [
        *sparse_identifiers.check(view, reported),
        *binary_templates.check(view),
        *birth_dates.check(view),
        *religion_values.check(view),
        *gender_values.check(view),
        *blood_groups.check(view),
        *diagnosis_codes.check(view),
        *person_values.add(view, reported),
    ]
    return [v for v in verdicts if not v.drops and v.type.value not in reported]
