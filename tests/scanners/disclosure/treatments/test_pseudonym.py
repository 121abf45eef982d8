"""Pseudonyms: stable for one recipient whatever the spelling, unlinkable across recipients."""

from __future__ import annotations

import doctest
import hashlib
import hmac
import unicodedata

import pytest

from scanners.disclosure.treatments import pseudonym
from scanners.disclosure.treatments.pseudonym import MIN_KEY_BYTES, Pseudonymiser, key_from_text
from scanners.validators.th_national_id import calc_check_digit

KEY = b"a-test-key-of-32-bytes-long-0001"
OTHER_KEY = b"a-test-key-of-32-bytes-long-0002"
RECIPIENT = "Faculty of Public Health, Example University"
VALID_ID = "110370001239" + calc_check_digit("110370001239")  # 1103700012397


@pytest.fixture(scope="module")
def pseudo() -> Pseudonymiser:
    return Pseudonymiser(KEY, RECIPIENT)


def test_doctests() -> None:
    assert doctest.testmod(pseudonym).failed == 0


# ---------------------------------------------------------------- key_from_text


@pytest.mark.parametrize(
    "text",
    ["0123456789abcdef", "a much longer secret key from the environment", "กขคงจฉ"],  # 18 bytes
)
def test_key_from_text_accepts_keys_of_enough_bytes(text: str) -> None:
    assert key_from_text(text) == text.encode("utf-8")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\t\n", "short-key", "0123456789abcde", "กขคงจ"],  # 15 bytes, 15 bytes of Thai
)
def test_key_from_text_refuses_blank_or_short_keys_without_repeating_them(text: str) -> None:
    with pytest.raises(ValueError) as error:
        key_from_text(text)
    if text.strip():
        assert text not in str(error.value)
    assert str(MIN_KEY_BYTES) in str(error.value) or "empty" in str(error.value)


# ---------------------------------------------------------------- one identifier, one pseudonym

SAME = [
    # the brief's example (check digit wrong: separators still go), a valid ID, Thai digits
    ("1-1037-00012-39-9", "1103700012399", "TH_NATIONAL_ID"),
    ("1-1037-00012-39-7", VALID_ID, "TH_NATIONAL_ID"),
    ("๑-๑๐๓๗-๐๐๐๑๒-๓๙-๗", VALID_ID, "TH_NATIONAL_ID"),
    (" '1103700012397", VALID_ID, "TH_NATIONAL_ID"),
    (1103700012397, VALID_ID, "TH_NATIONAL_ID"),
    ("+66 81 234 5678", "081-234-5678", "PHONE_NUMBER"),
    ("๐๘๑๒๓๔๕๖๗๘", "0812345678", "PHONE_NUMBER"),
    (812345678, "0812345678", "PHONE_NUMBER"),
    (" Somchai.J@Example.CO.TH ", "somchai.j@example.co.th", "EMAIL_ADDRESS"),
    ("  Somchai   JAIDEE ", "somchai jaidee", "PERSON"),
    ("สมชาย  ใจดี", "สมชาย ใจดี", None),
    (unicodedata.normalize("NFD", "José Núñez"), "josé núñez", None),
    ("AA 123 4567", "aa 123 4567", "PASSPORT"),
    ("เลขที่ ๑๒", "เลขที่ 12", None),
    (1103700012397.0, VALID_ID, None),  # a spreadsheet's number
]


@pytest.mark.parametrize(("a", "b", "pii_type"), SAME)
def test_spellings_of_one_value_give_one_pseudonym(
    pseudo: Pseudonymiser, a: object, b: object, pii_type: str | None
) -> None:
    assert pseudo(a, pii_type) == pseudo(b, pii_type)


DIFFERENT = [
    (VALID_ID, "1103700012389", "TH_NATIONAL_ID"),  # one digit apart
    ("0812345678", "0812345679", "PHONE_NUMBER"),
    ("0812345678", "+1 812 345 678", "PHONE_NUMBER"),  # not the Thai number
    ("somchai@example.co.th", "somchai@example.com", "EMAIL_ADDRESS"),
    ("สมชาย ใจดี", "สมหญิง ใจดี", "PERSON"),
    ("สมชาย ใจดี", "สมชายใจดี", None),  # a space inside is kept
    ("12", "๑๓", None),
    (12.5, "12", None),
]


@pytest.mark.parametrize(("a", "b", "pii_type"), DIFFERENT)
def test_different_values_give_different_pseudonyms(
    pseudo: Pseudonymiser, a: object, b: object, pii_type: str | None
) -> None:
    assert pseudo(a, pii_type) != pseudo(b, pii_type)


@pytest.mark.parametrize("pii_type", [None, "PERSON", "PASSPORT", "BANK_ACCOUNT"])
def test_the_type_does_not_enter_the_hash(pseudo: Pseudonymiser, pii_type: str | None) -> None:
    """The same ID in a typed column and an untyped one links within one extract."""
    assert pseudo(VALID_ID, pii_type) == pseudo(VALID_ID, "TH_NATIONAL_ID")


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000"])
def test_empty_values_have_no_pseudonym(pseudo: Pseudonymiser, empty: object) -> None:
    assert pseudo(empty) is None
    assert pseudo(empty, "TH_NATIONAL_ID") is None


@pytest.mark.parametrize(
    ("value", "pii_type"),
    [(VALID_ID, "TH_NATIONAL_ID"), ("0812345678", "PHONE_NUMBER"), ("สมชาย ใจดี", None), (42, None)],
)
def test_a_pseudonym_is_32_hex_characters_and_hides_the_value(
    pseudo: Pseudonymiser, value: object, pii_type: str | None
) -> None:
    code = pseudo(value, pii_type)
    assert code is not None
    assert len(code) == 32
    assert all(ch in "0123456789abcdef" for ch in code)
    assert str(value) not in code


# ---------------------------------------------------------------- recipients and keys


def test_the_derivation_is_the_documented_one() -> None:
    """Pinned: a later change would silently break linkage with earlier extracts."""
    recipient_key = hmac.new(
        KEY, b"pdpa-agent/pseudonym/v1\x00" + b"example university", hashlib.sha256
    ).digest()
    expected = hmac.new(recipient_key, VALID_ID.encode(), hashlib.sha256).hexdigest()[:32]
    assert Pseudonymiser(KEY, "  Example   UNIVERSITY ")(VALID_ID) == expected


@pytest.mark.parametrize(
    ("recipient", "key", "linked"),
    [
        (RECIPIENT, KEY, True),
        ("faculty of public health,  example university", KEY, True),  # case and spacing
        ("Faculty of Medicine, Example University", KEY, False),
        (RECIPIENT, OTHER_KEY, False),
    ],
)
def test_pseudonyms_link_only_for_the_same_recipient_and_key(
    pseudo: Pseudonymiser, recipient: str, key: bytes, linked: bool
) -> None:
    other = Pseudonymiser(key, recipient)
    for value, pii_type in [(VALID_ID, "TH_NATIONAL_ID"), ("สมชาย ใจดี", None)]:
        assert (other(value, pii_type) == pseudo(value, pii_type)) is linked


@pytest.mark.parametrize(
    ("key", "recipient"),
    [
        (b"too-short", RECIPIENT),
        (KEY, ""),
        (KEY, "   "),
        ("a str key of 32 characters....", RECIPIENT),
    ],
)
def test_a_pseudonymiser_needs_a_long_key_and_a_recipient(key: bytes, recipient: str) -> None:
    with pytest.raises(ValueError) as error:
        Pseudonymiser(key, recipient)
    assert "too-short" not in str(error.value)


def test_the_key_never_shows_in_repr() -> None:
    shown = repr(Pseudonymiser(KEY, RECIPIENT))
    assert KEY.decode() not in shown
    assert "key hidden" in shown
