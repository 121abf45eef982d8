"""BANK_ACCOUNT: Thai account-number shapes that bank words make evidence."""

from __future__ import annotations

import pytest

MATCHES = [
    ("เลขที่บัญชี 123-4-56789-0", "123-4-56789-0", None),
    ("บัญชีออมทรัพย์ 123-456789-0", "123-456789-0", None),
    ("ธ.กสิกรไทย 123-4-56789-0", "123-4-56789-0", None),
    ("ธนาคารกรุงเทพ 1234567890", "1234567890", None),
    ("ธ.กรุงเทพ 123-4-56789-0", "123-4-56789-0", None),
    ("SCB acc no 123-3-45678-9", "123-3-45678-9", None),
    ("Bank account: 123 4 56789 0", "123 4 56789 0", None),
    ("UOB 123-456-789-0", "123-456-789-0", None),
    ("ธ.ก.ส. 123-4-56789-012", "123-4-56789-012", None),
    ("ออมสิน 123456789012", "123456789012", None),
    ("TISCO 1234-567-890123-4", "1234-567-890123-4", None),
    ("พร้อมเพย์ 0812345678", "0812345678", None),  # a PromptPay proxy, with bank words
    ("เลขบัญชี123-4-56789-0", "123-4-56789-0", None),
    ("123-4-56789-0", "123-4-56789-0", ["bank_account"]),
    ("1234567890", "1234567890", ["account_no"]),
    ("1234567890", "1234567890", ["accountNumber"]),
    ("123456789012", "123456789012", ["เลขที่บัญชี"]),
]

SHAPES = [
    ("123-4-56789-0", 0.3),
    ("123-456789-0", 0.3),
    ("123-456-789-0", 0.3),
    ("123-4-56789-012", 0.3),
    ("1234567890", 0.1),
    ("123456789012", 0.1),
]

TRAPS = [
    ("0812345678", None),  # a Thai mobile: PHONE_NUMBER's
    ("โทร 0812345678", None),
    ("0812345678", ["mobile"]),
    ("อยู่กรุงเทพ 1234567890", None),  # Bangkok, not Bangkok Bank
    ("1103700001239", ["bank_account"]),  # a 13-digit national ID
    ("2024-01-15", ["bank_account"]),
    ("20/05/2533", ["bank_account"]),
    ("12,345,678.90", ["bank_account"]),
    ("1234567890.50", ["bank_account"]),
    ("0000000000", ["bank_account"]),  # dummy
    ("123-4-56789-0", None),  # shape only
    ("Order 1234567890", None),
    ("12345678901", ["bank_account"]),  # eleven digits
    ("081-234-5678", ["bank_account"]),  # a phone grouping
]


@pytest.mark.parametrize(("text", "expected", "context"), MATCHES)
def test_matches(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "BANK_ACCOUNT", context=context)
    assert matched == expected
    assert score >= 0.5


@pytest.mark.parametrize(("text", "score"), SHAPES)
def test_shapes(best, text: str, score: float) -> None:
    assert best(text, "BANK_ACCOUNT") == (text, score)


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "BANK_ACCOUNT", context=context)[1] < 0.5


def test_phone_stays_a_phone(best) -> None:
    """A mobile number is a phone first: BANK_ACCOUNT never outranks it without bank words."""
    assert best("0812345678", "PHONE_NUMBER")[1] >= 0.5
    assert best("0812345678", "BANK_ACCOUNT")[1] < 0.5
