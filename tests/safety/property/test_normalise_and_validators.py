"""Issue 9 (3): property-based tests (hypothesis) of text normalisation and the validators.

Pure functions must be total on any text, lone surrogates included:
normalisation keeps every offset (findings point into the original text) and is
idempotent, Thai digits become ASCII; the validators never raise on a string,
their ``compact`` is idempotent, the Thai ID checksum agrees with the rule
written out, and a changed check digit is always caught.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given
from hypothesis import strategies as st

from scanners.normalise import normalise_text, thai_digits_to_ascii
from scanners.validators import ean13, th_national_id
from tests.safety.property.shared import ANY_TEXT, DIGITS, FAST, THAI_DIGITS, thai_id

# -- scanners.normalise --------------------------------------------------------


def _one_to_one(before: str) -> set[str]:
    mapped = normalise_text(before) if len(before) == 1 else before
    return {mapped, unicodedata.normalize("NFC", mapped)}


@FAST
@given(ANY_TEXT)
@example("e\u0301\u0958")  # NFC composes one pair and expands U+0958: same length, shifted
@example("\u212b\x00\ud800๑")
def test_normalise_keeps_every_offset_and_is_idempotent(text: str) -> None:
    out = normalise_text(text)
    assert len(out) == len(text)
    for before, after in zip(text, out, strict=True):
        assert after in _one_to_one(before), (before, after)
    assert normalise_text(out) == out
    out.encode("utf-8")  # NUL and lone surrogates are gone: any encoder takes it


def test_normalise_does_not_shift_text_when_nfc_would() -> None:
    assert normalise_text("e\u0301\u0958x") == "e\u0301\u0958x"
    assert normalise_text("\u212b x\u00a0y\u2013๑") == "\u00c5 x y-1"


@FAST
@given(st.text(alphabet=THAI_DIGITS + "0123456789-", max_size=30))
def test_thai_digits_become_ascii(text: str) -> None:
    ascii_text = "".join(str(THAI_DIGITS.index(c)) if c in THAI_DIGITS else c for c in text)
    assert thai_digits_to_ascii(text) == ascii_text
    assert normalise_text(text) == ascii_text


# -- scanners.validators -------------------------------------------------------


def reference_thai_checksum(number: str) -> bool:
    """The Thai ID rule written out: category 1-8, a province code in digits 2-3 (10-27,
    30-58, 60-67, 70-77, 80-86, 90-96), weights 13..2, check = (11 - sum mod 11) mod 10."""
    province = r"(?:1[0-9]|2[0-7]|[34][0-9]|5[0-8]|6[0-7]|7[0-7]|8[0-6]|9[0-6])"
    if not re.fullmatch(rf"[1-8]{province}[0-9]{{10}}", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:12], range(13, 1, -1), strict=True))
    return (11 - total % 11) % 10 == int(number[12])


@FAST
@given(ANY_TEXT)
@example("1-1037-00001-23-9")
@example("๑๑๐๓๗๐๐๐๐๑๒๓๙")
def test_validators_are_total_and_compact_is_idempotent(text: str) -> None:
    for module in (th_national_id, ean13):
        valid = module.is_valid(text)
        assert isinstance(valid, bool)
        once = module.compact(text)
        assert module.compact(once) == once
    th_national_id.is_juristic(text)
    ean13.is_thai_barcode(text)


@FAST
@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_thai_id_validator_agrees_with_the_rule(number: str) -> None:
    assert th_national_id.is_valid(number) == reference_thai_checksum(number)


@FAST
@given(DIGITS, st.integers(min_value=1, max_value=9))
def test_a_changed_check_digit_is_always_caught(first12: str, delta: int) -> None:
    number = thai_id(first12)
    changed = number[:12] + str((int(number[12]) + delta) % 10)
    assert th_national_id.is_valid(number) and not th_national_id.is_valid(changed)


def test_one_changed_digit_is_not_always_caught_by_the_thai_scheme() -> None:
    """The third digit has weight 11 (0 mod 11): the checksum cannot see it change. The
    recognizers therefore never treat a passing checksum as proof on its own."""
    number = "1103700001239"
    assert th_national_id.is_valid(number)
    assert th_national_id.is_valid(number[:2] + "5" + number[3:])


@FAST
@given(DIGITS, st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=9))
def test_ean13_catches_every_single_changed_digit(first12: str, position: int, delta: int) -> None:
    number = first12 + ean13.calc_check_digit(first12)
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    assert ean13.is_valid(number) and not ean13.is_valid("".join(digits))
