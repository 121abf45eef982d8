"""Synthetic identifiers with valid check digits, shared by the tests (never real people's)."""

from __future__ import annotations

import random

from stdnum.th import pin

from scanners.validators.th_national_id import PROVINCE_CODES

_PROVINCES = sorted(PROVINCE_CODES)


def with_check_digit(first12: str) -> str:
    """The 13-digit Thai national ID whose first 12 digits are ``first12``."""
    return first12 + pin.calc_check_digit(first12)


def national_id(rng: random.Random) -> str:
    """A random valid personal ID: first digit 1–8, digits 2–3 an assigned province code."""
    return with_check_digit(
        str(rng.randint(1, 8))
        + rng.choice(_PROVINCES)
        + "".join(str(rng.randint(0, 9)) for _ in range(9))
    )
