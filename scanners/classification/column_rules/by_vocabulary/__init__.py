"""Column rules for closed vocabularies: a repeated set of known values is a type by any name.

* ``religion_values`` — religions: RELIGION;
* ``gender_values`` — words and codes for the sexes: GENDER;
* ``blood_groups`` — ABO/Rh blood groups: HEALTH;
* ``diagnosis_codes`` — ICD-10 codes: HEALTH.
"""
