"""Column rules that read names: the column's own, and the words of the dataset around it.

* ``measure_names`` — a name that says "a price", "a count" or "a rate"
  withdraws the name prior before the values are tallied;
* ``thing_ids`` — a name that says "a serial number" outvotes values that
  merely have a phone's or an account's digit shape;
* ``animal_datasets`` — a dataset whose words say its rows are animals has
  no people's sexes, birth dates or names in them;
* ``binary_templates`` — opaque binary under a biometric name is BIOMETRIC.
"""
