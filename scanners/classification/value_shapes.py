"""Cheap shape tests that let a column-name prior count a value the recognizers left alone.

They are deliberately loose: they only ever apply together with a column-name
prior (``first_name`` + "looks like a name" → PERSON), never on their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime

from scanners.pii_types import SENSITIVE_TYPES, PiiType

_NAME_SEPARATORS = frozenset(" -'’.")
_URL_OR_NET = re.compile(
    r"://|^www\.|^([0-9a-f]{2}[:\-]){5}[0-9a-f]{2}$|^\d{1,3}(\.\d{1,3}){3}$", re.I
)
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?$")
_POSTCODE = re.compile(r"^(?=.*\d)[A-Za-z0-9][A-Za-z0-9 \-]{1,9}$")
#: Words for the sexes in the languages Thai systems and their vendors write
#: (codes, English, Thai, and the locales of foreign staff and customers).
GENDER_WORDS = frozenset(
    {"male", "female", "man", "woman", "men", "women", "non-binary", "nonbinary", "diverse"}
    | {"ชาย", "หญิง", "เพศชาย", "เพศหญิง", "ช", "ญ"}
    | {"männlich", "weiblich", "divers", "homme", "femme", "masculin", "féminin", "hombre"}
    | {"mujer", "masculino", "femenino", "feminino", "maschio", "femmina", "maschile"}
    | {"femminile", "男", "女", "男性", "女性", "남", "여", "남성", "여성", "nam", "nữ"}
    | {"laki-laki", "perempuan", "pria", "wanita", "lelaki"}
)
_GENDER_VALUES = GENDER_WORDS | {"m", "f", "u", "unknown", "other", "1", "2", "อื่นๆ", "x"}


def _is_letter(ch: str) -> bool:
    # Thai vowels and tone marks are combining marks (Mn), not letters, but belong in names.
    return unicodedata.category(ch)[0] in "LM"


def _looks_like_name(value: str) -> bool:
    """Letters (any script) in one to five words, no digits: "สมชาย ใจดี", "O'Reilly"."""
    if not value or len(value) > 80 or not _is_letter(value[0]):
        return False
    if not all(_is_letter(ch) or ch in _NAME_SEPARATORS for ch in value):
        return False
    return 1 <= len(value.split()) <= 5


def _looks_like_address(value: str) -> bool:
    if _URL_OR_NET.search(value) or "@" in value or len(value) < 5:
        return False
    has_letter = any(ch.isalpha() for ch in value)
    return has_letter and (any(ch.isdigit() for ch in value) or " " in value)


def _looks_like_date(value: str) -> bool:
    return bool(_DATE.match(value))


def _looks_like_postcode(value: str) -> bool:
    return bool(_POSTCODE.match(value))


def _looks_like_year(value: str) -> bool:
    """A plausible birth year, common era or Buddhist era (B.E. = C.E. + 543)."""
    return (
        value.isdigit()
        and len(value) == 4
        and (1900 <= int(value) <= 2100 or 2443 <= int(value) <= 2643)
    )


def _looks_like_gender(value: str) -> bool:
    return value.strip().lower() in _GENDER_VALUES


_PASSPORT = re.compile(r"^(?=.*\d)[A-Z0-9]{6,9}$")
_ACCOUNT = re.compile(r"^(?:[A-Z]{4} ?)?\d[\d \-]{4,30}\d$")


def _looks_like_passport(value: str) -> bool:
    """6 to 9 letters and digits with at least one digit (ICAO 9303 document numbers)."""
    return bool(_PASSPORT.match(value.upper()))


def _looks_like_account(value: str) -> bool:
    """6 to 30 digits, grouped or not, after an optional 4-letter bank code (a BBAN)."""
    return bool(_ACCOUNT.match(value.upper())) and sum(ch.isdigit() for ch in value) >= 6


SHAPES: dict[PiiType, Callable[[str], bool]] = {
    PiiType.PERSON: _looks_like_name,
    PiiType.ADDRESS: _looks_like_address,
    PiiType.DATE_OF_BIRTH: _looks_like_date,
    PiiType.POSTAL_CODE: _looks_like_postcode,
    PiiType.GENDER: _looks_like_gender,
    PiiType.BIRTH_YEAR: _looks_like_year,
    PiiType.PASSPORT: _looks_like_passport,
    PiiType.BANK_ACCOUNT: _looks_like_account,
}


def has_shape(pii_type: PiiType, value: object) -> bool:
    """True when ``value`` could be of ``pii_type`` (only meaningful with a name prior).

    Any non-empty value fits a Section 26 type: a ``religion`` or ``โรคประจำตัว``
    column holds sensitive data whatever its coding ("ไม่มี" and "-" included).
    """
    if isinstance(value, (date, datetime)):
        return pii_type is PiiType.DATE_OF_BIRTH
    if pii_type in SENSITIVE_TYPES:
        return bool(str(value).strip())
    test = SHAPES.get(pii_type)
    return bool(test and isinstance(value, str) and test(value.strip()))
