"""Presidio recognizers, one per file, grouped by scope (``th/``, ``generic/``, ``sensitive/``).

Score convention shared by every recognizer (the column classifier relies on it):

* ``>= 0.5`` — the value alone is evidence (a checksum-valid ID, a
  well-formed e-mail with a real TLD, a Thai phone number of a valid range, a
  Thai title followed by a name).
* ``0.05 .. 0.49`` — the value has the *shape* of the type but needs context
  (nearby words in free text, or the column name) to count: a plain date for
  DATE_OF_BIRTH, a capitalised word for a Latin-script PERSON.

Presidio's context enhancer adds ``CONTEXT_BOOST`` when one of a
recognizer's ``context`` words is near the match, so a shape-only match
becomes evidence when its context is present.
"""

from __future__ import annotations

from scanners.recognizers.registry import all_recognizers

__all__ = ["all_recognizers"]
