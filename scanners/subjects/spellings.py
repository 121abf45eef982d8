"""A requested data subject, in clear or as a digest, and the spellings a lookup tries.

SPEC §7 lets an erasure request name its subject in clear or as
``sha256:<hex>`` of its *normal form* (:mod:`scanners.subjects.normal_forms`),
so the digest is part of the contract. An indexed lookup compares the bare
column with the common ways the normal form is written
(:func:`lookup_variants`).

>>> digest("EMAIL_ADDRESS", " Somchai.J@Example.CO.TH ")[:15]
'sha256:35fafa42'
>>> parse_subject("PHONE_NUMBER", "081-234-5678").clear
'0812345678'

Error messages never repeat the value they reject.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from scanners.subjects.normal_forms import check_type, normalise

__all__ = [
    "Subject",
    "digest",
    "lookup_variants",
    "parse_subject",
]

_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Subject:
    """One requested subject: its type, its digest, and its normal form when given in clear."""

    type: str
    digest: str  # "sha256:<64 hex>"
    clear: str | None = field(default=None, repr=False)  # None: the request gave only the digest


def digest(subject_type: str, value: str) -> str:
    """``"sha256:"`` + the hex SHA-256 of the UTF-8 normal form of ``value``.

    >>> digest("TH_NATIONAL_ID", "1 1037 00001 23 9") == digest("TH_NATIONAL_ID", "1103700001239")
    True
    """
    normal = normalise(subject_type, value)
    return "sha256:" + hashlib.sha256(normal.encode("utf-8")).hexdigest()


def parse_subject(subject_type: str, text: str) -> Subject:
    """A request's subject: ``sha256:<64 hex>`` as given (lower-cased), or a clear value.

    >>> s = parse_subject("EMAIL_ADDRESS", "SHA256:" + "AB" * 32)
    >>> s.clear is None, s.digest == "sha256:" + "ab" * 32
    (True, True)
    >>> parse_subject("EMAIL_ADDRESS", "sha256:1234")
    Traceback (most recent call last):
        ...
    ValueError: EMAIL_ADDRESS: a digest is sha256: followed by 64 hexadecimal digits
    """
    check_type(subject_type)
    stripped = text.strip() if isinstance(text, str) else ""
    if stripped[:7].lower() == "sha256:":
        hex_digits = stripped[7:].lower()
        if not _HEX64.fullmatch(hex_digits):
            raise ValueError(
                f"{subject_type}: a digest is sha256: followed by 64 hexadecimal digits"
            )
        return Subject(subject_type, "sha256:" + hex_digits, None)
    normal = normalise(subject_type, text)
    return Subject(subject_type, digest(subject_type, normal), normal)


def _phone_variants(normal: str) -> tuple[str, ...]:
    if normal.startswith("+"):
        digits = normal[1:]
        bare = (digits, "00" + digits) if len(digits) >= 10 else ("00" + digits,)
        return (normal, *bare)
    nsn = normal[1:]
    if len(nsn) == 9:  # mobile: 081-234-5678
        groups = [normal[:3], normal[3:6], normal[6:]]
        intl = [nsn[:2], nsn[2:5], nsn[5:]]
    elif nsn.startswith("2"):  # Bangkok landline: 02-123-4567
        groups = [normal[:2], normal[2:5], normal[5:]]
        intl = [nsn[:1], nsn[1:4], nsn[4:]]
    else:  # provincial landline: 053-123-456
        groups = [normal[:3], normal[3:6], normal[6:]]
        intl = [nsn[:2], nsn[2:5], nsn[5:]]
    return (
        normal,
        "-".join(groups),
        " ".join(groups),
        groups[0] + "-" + "".join(groups[1:]),
        "+66" + nsn,
        "+66 " + " ".join(intl),
        "+66-" + "-".join(intl),
        "66" + nsn,
    )


def lookup_variants(subject_type: str, normal: str) -> tuple[str, ...]:
    """The spellings an indexed ``IN (...)`` lookup should try, the normal form first.

    ``TH_NATIONAL_ID``: plain, dashed 1-4-5-2-1 and spaced. ``PHONE_NUMBER``
    (Thai): plain, ``081-234-5678``, ``081 234 5678``, ``081-2345678``,
    ``+66812345678``, ``+66 81 234 5678``, ``+66-81-234-5678``,
    ``66812345678`` (landlines grouped ``02-123-4567`` / ``053-123-456``);
    other countries: ``+digits``, ``00digits`` and, from 10 digits, the bare
    digits. ``EMAIL_ADDRESS``: only the normal form — the stored casing is
    unknown, so a case-sensitive column needs ``lower(column)`` or a hashed
    scan of the streamed values
    (:func:`~scanners.subjects.normal_forms.normalise_cell`). Every variant
    normalises back to ``normal``. A value that is not a normal form is
    normalised first.

    >>> lookup_variants("TH_NATIONAL_ID", "1103700001239")
    ('1103700001239', '1-1037-00001-23-9', '1 1037 00001 23 9')
    >>> lookup_variants("PHONE_NUMBER", "021234567")[:3]
    ('021234567', '02-123-4567', '02 123 4567')
    """
    normal = normalise(subject_type, normal)
    if subject_type == "TH_NATIONAL_ID":
        groups = (normal[0], normal[1:5], normal[5:10], normal[10:12], normal[12])
        return (normal, "-".join(groups), " ".join(groups))
    if subject_type == "PHONE_NUMBER":
        return _phone_variants(normal)
    return (normal,)
