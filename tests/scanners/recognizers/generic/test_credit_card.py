"""CREDIT_CARD: Luhn-valid card numbers; IDs, barcodes, timestamps and dummies are not cards."""

from __future__ import annotations

import pytest
from stdnum import ean, luhn
from stdnum.th import pin


def card(body: str) -> str:
    """``body`` plus its Luhn check digit (synthetic numbers only)."""
    return body + luhn.calc_check_digit(body)


def group(number: str, sizes: tuple[int, ...] = (4, 4, 4, 4), sep: str = " ") -> str:
    parts, at = [], 0
    for size in sizes:
        parts.append(number[at : at + size])
        at += size
    return sep.join(parts)


VISA = card("453914880343646")
MASTERCARD = card("545762389901234")
MASTERCARD_2 = card("222300123456789")
AMEX = card("37828224631000")
JCB = card("353011133330000")
UNIONPAY = card("621234567890123")
DINERS = card("3056930902590")
VISA_19 = card("453914880343646123")
UNKNOWN_16 = card("123456781234567")
UNKNOWN_15 = card("91234567812345")

# a 13-digit number valid as a Thai ID and as Luhn, and one valid as EAN-13 and Luhn
_ID_AND_LUHN = next(
    n
    for n in (f"{i:012d}" for i in range(410370000000, 410370009999))
    if luhn.is_valid(n + pin.calc_check_digit(n))
)
ID_AND_LUHN = _ID_AND_LUHN + pin.calc_check_digit(_ID_AND_LUHN)
_EAN_AND_LUHN = next(
    n for n in (f"885{i:09d}" for i in range(1000)) if luhn.is_valid(n + ean.calc_check_digit(n))
)
EAN_AND_LUHN = _EAN_AND_LUHN + ean.calc_check_digit(_EAN_AND_LUHN)
TIMESTAMP_MS = next(n for n in (f"17485035430{i:02d}" for i in range(100)) if luhn.is_valid(n))

MATCHES = [
    (group(VISA), 0.85),
    (group(VISA, sep="-"), 0.85),
    (VISA, 0.8),
    (group(MASTERCARD), 0.85),
    (MASTERCARD_2, 0.8),
    (group(AMEX, (4, 6, 5)), 0.85),
    (AMEX, 0.8),
    (JCB, 0.8),
    (UNIONPAY, 0.8),
    (group(DINERS, (4, 6, 4)), 0.85),
    (group(VISA_19, (4, 4, 4, 4, 3)), 0.85),
    (UNKNOWN_16, 0.6),
    (group(UNKNOWN_16), 0.6),
]


@pytest.mark.parametrize(("text", "score"), MATCHES)
def test_matches(best, text: str, score: float) -> None:
    assert best(text, "CREDIT_CARD") == (text, score)


@pytest.mark.parametrize(
    "text",
    [f"ชำระด้วยบัตรเครดิต {group(VISA)}", f"Card no: {VISA} exp 12/27", f"visa:{VISA}"],
)
def test_in_text(best, text: str) -> None:
    matched, score = best(text, "CREDIT_CARD")
    assert matched.replace(" ", "") == VISA
    assert score >= 0.8


def test_unknown_length_is_a_shape_until_card_words(best) -> None:
    assert best(UNKNOWN_15, "CREDIT_CARD") == (UNKNOWN_15, 0.3)
    assert best(UNKNOWN_15, "CREDIT_CARD", context=["card_number"])[1] >= 0.5
    assert best(f"เลขบัตรเครดิต {UNKNOWN_15}", "CREDIT_CARD")[1] >= 0.5


TRAPS = [
    "a3f94539148803436467d5",  # a valid card number's digits inside a hex hash
    "sha256 e3b0c4539148803436467b7c",
    VISA[:-1] + str((int(VISA[-1]) + 1) % 10),  # Luhn fails
    group(VISA)[:-1] + str((int(VISA[-1]) + 1) % 10),
    "4111 1111 1111 1111",  # repeated digits: a test number
    "4111111111111111",
    "0000000000000000",
    ID_AND_LUHN,  # a Thai national ID
    EAN_AND_LUHN,  # a Thai barcode
    TIMESTAMP_MS,  # a millisecond timestamp
    "12,345,678,901,234",  # an amount
    VISA + "1",  # part of a longer run
    f"{VISA}.50",
    "1103700001239",
    "4539 1488 0343",  # twelve digits
]


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "CREDIT_CARD", context=["card_number"])[1] < 0.5


def test_fixtures_are_what_they_claim() -> None:
    assert pin.is_valid(ID_AND_LUHN) and luhn.is_valid(ID_AND_LUHN)
    assert ean.is_valid(EAN_AND_LUHN) and luhn.is_valid(EAN_AND_LUHN)
    assert luhn.is_valid(TIMESTAMP_MS)
