"""Identifier validators: thin wrappers over python-stdnum with our own policy.

Each module offers ``compact``, ``validate`` (raising a python-stdnum
``ValidationError`` subclass that says what is wrong) and ``is_valid``.
"""

from __future__ import annotations

from scanners.validators import ean13, th_national_id

__all__ = ["ean13", "th_national_id"]
