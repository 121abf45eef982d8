"""Keyed pseudonyms: stable for one recipient, unlinkable across recipients (SPEC §10).

A disclosed identifier (a national ID, a phone number, a name …) is replaced
by a code that does not identify: the first 32 hex characters of an
HMAC-SHA256 of the value's normal form. The HMAC key is derived per recipient
from the organisation's secret key (the environment variable named by
``[disclosure] key_env``), so

* the same identifier gives the same pseudonym in every extract for one
  recipient, and in every column of one extract (the value's type never
  enters the hash), so a recipient can link rows of their own copies;
* two recipients get different pseudonyms for the same identifier, so they
  cannot join their copies;
* without the key nobody can recompute a pseudonym from a guessed ID (a
  13-digit ID has too few possibilities for a plain hash).

Derivation (version 1)::

    recipient_key = HMAC-SHA256(key, b"pdpa-agent/pseudonym/v1\\x00" + recipient)
    pseudonym     = HMAC-SHA256(recipient_key, value)[:32 hex]

where ``recipient`` is NFC, stripped, whitespace-collapsed and case-folded,
and ``value`` is the normal form of SPEC §7 (:mod:`scanners.subjects.normal_forms`)
for ``TH_NATIONAL_ID``, ``PHONE_NUMBER`` and ``EMAIL_ADDRESS`` cells that are
valid as that type (``1-1037-00012-39-9``, ``1103700012399`` and the Thai-digit
spelling are one value), otherwise the text with Thai digits as ASCII, NFC,
stripped, whitespace-collapsed and case-folded.

>>> p = Pseudonymiser(b"0123456789abcdef-example-key", "Example University")
>>> p("1-1037-00012-39-9", "TH_NATIONAL_ID") == p("1103700012399", "TH_NATIONAL_ID")
True
>>> len(p("สมชาย ใจดี")), p("   ") is None
(32, True)
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from decimal import Decimal

from scanners.normalise import thai_digits_to_ascii
from scanners.subjects.normal_forms import SUBJECT_TYPES, looks_like_national_id, normalise_cell

__all__ = ["MIN_KEY_BYTES", "Pseudonymiser", "key_from_text", "normal_value"]

#: The shortest secret key accepted, in bytes (128 bits: no brute force of the key itself).
MIN_KEY_BYTES = 16
#: Hex characters kept of the HMAC (128 bits: collisions are negligible in any extract).
PSEUDONYM_HEX_CHARS = 32
#: Domain separation of the per-recipient key; bump the version to change the derivation.
_CONTEXT = b"pdpa-agent/pseudonym/v1\x00"

_WHITESPACE = re.compile(r"\s+")
_ID_SEPARATORS = re.compile(r"[\s\-./]")


def key_from_text(text: str) -> bytes:
    """The secret key held in an environment variable's text, as its UTF-8 bytes.

    ValueError when it is blank or shorter than :data:`MIN_KEY_BYTES` bytes; the
    message never contains the key.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("the pseudonym key is empty")
    key = text.encode("utf-8")
    if len(key) < MIN_KEY_BYTES:
        raise ValueError(f"the pseudonym key is too short: it needs at least {MIN_KEY_BYTES} bytes")
    return key


def _plain(text: str) -> str:
    """NFC, stripped, runs of whitespace as one space, case-folded."""
    composed = unicodedata.normalize("NFC", text)
    return _WHITESPACE.sub(" ", composed).strip().casefold()


def normal_value(value: object, pii_type: str | None = None) -> str | None:
    """The form of ``value`` that is hashed, or None for an empty value.

    A ``TH_NATIONAL_ID`` that fails its check digit still loses its separators,
    so two spellings of one mistyped ID stay one pseudonym.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if pii_type in SUBJECT_TYPES and (normal := normalise_cell(pii_type, value)) is not None:
        return normal
    if isinstance(value, float | Decimal) and not isinstance(value, bool):
        try:
            if int(value) == value:  # an ID read from a spreadsheet as 1103700012397.0
                value = int(value)
        except (ArithmeticError, ValueError):  # inf, nan
            pass
    text = value if isinstance(value, str) else str(value)
    plain = _plain(thai_digits_to_ascii(text))
    if plain.startswith("'") and plain[1:2].isdigit():  # a spreadsheet's number-as-text mark
        plain = plain[1:]
    if pii_type == "TH_NATIONAL_ID" and looks_like_national_id(plain):
        return _ID_SEPARATORS.sub("", plain)
    return plain or None


def _recipient_key(key: bytes, recipient: str) -> bytes:
    message = _CONTEXT + _plain(recipient).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).digest()


class Pseudonymiser:
    """Replace values by keyed pseudonyms for one recipient.

    Only the per-recipient key is kept (not the secret key), and neither
    appears in ``repr``.
    """

    __slots__ = ("_key",)

    def __init__(self, key: bytes, recipient: str) -> None:
        if not isinstance(key, bytes) or len(key) < MIN_KEY_BYTES:
            raise ValueError(f"the pseudonym key needs at least {MIN_KEY_BYTES} bytes")
        if not isinstance(recipient, str) or not recipient.strip():
            raise ValueError("a pseudonym needs the recipient's name")
        self._key = _recipient_key(key, recipient)

    def __repr__(self) -> str:
        return "Pseudonymiser(<key hidden>)"

    def __call__(self, value: object, pii_type: str | None = None) -> str | None:
        """The pseudonym of ``value`` (32 hex characters), or None for an empty value."""
        normal = normal_value(value, pii_type)
        if normal is None:
            return None
        digest = hmac.new(self._key, normal.encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[:PSEUDONYM_HEX_CHARS]
