"""Column treatments for a disclosure extract (SPEC §10, PDPA s.37(2)).

Each module holds one pure function (or callable class) that turns one value
of a requested column into the minimised value the recipient receives:
``pseudonym`` (keyed, per recipient), ``birth_year``, ``age_band``,
``postcode``, ``province``, ``mask``, and ``free_text`` (detected spans
replaced by their type). None of them reads a database, a file the caller
names, or the network, and none repeats a treated value in an exception or
a log message. A value a treatment cannot read becomes ``None``, never the
value itself.
"""
