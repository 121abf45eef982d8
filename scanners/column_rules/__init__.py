"""Column rules: value statistics and context that confirm, veto or add a column's types.

The recognizers judge one value at a time; these rules judge a column as a
whole, the way a person reading a sample would:

* ``checksum_rate`` — a column where few 13-digit values pass the Thai ID
  check (or few card numbers pass Luhn) holds codes, not identifiers;
* ``measure_names`` / ``thing_ids`` / ``animal_datasets`` — a name that says
  "a price", "a serial number" or "an animal" outvotes values that merely
  have a personal shape;
* ``postcode_shape`` — postcodes of one system have one length;
* ``person_values`` — a column of person-like names is PERSON whatever it is
  called, and a ``name_th`` of holiday names is not;
* ``birth_dates`` — dates spread like a population's ages, under a name that
  says nothing, are birth dates;
* ``religion_values``, ``gender_values``, ``blood_groups``,
  ``diagnosis_codes`` — a repeated vocabulary of religions, sexes, blood
  groups or ICD-10 codes is RELIGION, GENDER or HEALTH under any name;
* ``proven_values`` — values proven to be one type are not another type
  that only the column name suggested;
* ``sparse_identifiers`` — a notes column where a few values carry an ID,
  phone, e-mail or card holds personal data;
* ``binary_templates`` — opaque binary under a biometric name is BIOMETRIC.

Every rule is pure: it reads a :class:`ColumnView` and returns verdicts.
"""

from __future__ import annotations

from scanners.column_rules.view import ColumnView, DatasetContext, Verdict

__all__ = ["ColumnView", "DatasetContext", "Verdict"]
