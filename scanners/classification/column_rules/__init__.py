"""Column rules: value statistics and context that confirm, veto or add a column's types.

The recognizers judge one value at a time; these rules judge a column as a
whole, the way a person reading a sample would. One rule per module, in
three groups:

* :mod:`.by_name` — what the column's name and its dataset's words say
  (``measure_names``, ``thing_ids``, ``animal_datasets``,
  ``binary_templates``);
* :mod:`.by_vocabulary` — a repeated closed vocabulary of religions, sexes,
  blood groups or ICD-10 codes (``religion_values``, ``gender_values``,
  ``blood_groups``, ``diagnosis_codes``);
* :mod:`.by_statistics` — how the values are spread (``checksum_rate``,
  ``postcode_shape``, ``birth_dates``, ``person_values``, ``proven_values``,
  ``sparse_identifiers``).

:mod:`.apply` runs them in a fixed order (vetoes, then additions); :mod:`.view`
is what they read and answer. Every rule is pure: it reads a
:class:`ColumnView` and returns verdicts.
"""

from __future__ import annotations

from scanners.classification.column_rules.view import ColumnView, DatasetContext, Verdict

__all__ = ["ColumnView", "DatasetContext", "Verdict"]
