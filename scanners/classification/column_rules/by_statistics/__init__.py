"""Column rules that judge how the column's values are spread, not what each one is.

* ``checksum_rate`` — few 13-digit values pass the Thai ID check (or few
  card numbers pass Luhn): codes, not identifiers;
* ``postcode_shape`` — postcodes of one system have one length;
* ``birth_dates`` — dates (or years) spread like a population's ages are
  birth dates (birth years);
* ``person_values`` — a column of person-like names is PERSON whatever it is
  called, and a ``name_th`` of holiday names is not;
* ``proven_values`` — values proven to be one type are not another type that
  only the column name suggested;
* ``sparse_identifiers`` — a notes column where a few values carry an ID,
  phone, e-mail or card holds personal data.
"""
