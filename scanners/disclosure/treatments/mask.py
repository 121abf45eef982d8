"""Mask: a value kept recognisable but not readable, as report evidence is (SPEC §10).

The ``mask`` treatment reuses :func:`scanners.masking.mask_value`, so a
disclosed ``1103700001239`` reads ``1-1037-xxxxx-xx-9`` exactly as it would
in a report: the recipient can tell one kind of value from another without
holding the value. A type the masker has no rule for (or none given) keeps
the first character and hides the rest. Dates and numbers stored as such are
read as their text first.

>>> from datetime import date
>>> mask("081-234-5678", "PHONE_NUMBER"), mask(date(1962, 3, 14), "DATE_OF_BIRTH")
('08x-xxx-x678', '1962-xx-xx')
>>> mask("สมชาย"), mask("  ") is None
('ส***', True)
"""

from __future__ import annotations

from scanners.masking import mask_value

__all__ = ["mask"]


def mask(value: object, pii_type: str | None = None) -> str | None:
    """``value`` masked for ``pii_type`` (the default rule when None), or None when empty."""
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    if not text.strip():
        return None
    return mask_value(pii_type or "", text)
