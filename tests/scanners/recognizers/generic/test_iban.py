"""BANK_ACCOUNT (IBAN): mod-97-valid IBANs of any country; BICs, UUIDs and near misses are not."""

from __future__ import annotations

import pytest

from scanners.recognizers.generic.iban import IbanAccountRecognizer

VALID = [
    "GB82 WEST 1234 5698 7654 32",
    "GB82WEST12345698765432",
    "gb82west12345698765432",
    "DE89 3704 0044 0532 0130 00",
    "DE89370400440532013000",
    "FR14 2004 1010 0505 0001 3M02 606",
    "NL91ABNA0417164300",
    "BE71 0961 2345 6769",
    "ES91 2100 0418 4502 0005 1332",
    "CH93 0076 2011 6238 5295 7",
    "IT60 X054 2811 1010 0000 0123 456",
    "PL61 1090 1014 0000 0712 1981 2874",
    "SA03 8000 0000 6080 1016 7519",
    "AE070331234567890123456",
    "NO93 8601 1117 947",
    "BR1800360305000010009795493C1",
    "MU17 BOMM 0101 1010 3030 0200 000M UR",
]

MATCHES = [
    *((value, value, 0.85) for value in VALID),
    ("IBAN: DE89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00", 1.0),
    ("โอนเข้าบัญชี GB82 WEST 1234 5698 7654 32 แล้ว", "GB82 WEST 1234 5698 7654 32", 1.0),
    ("pay to GB82 WEST 1234 5698 7654 32 TOTAL 100", "GB82 WEST 1234 5698 7654 32", 0.85),
    ("iban=NL91ABNA0417164300;", "NL91ABNA0417164300", 1.0),
    ("NL91ABNA0417164300", "NL91ABNA0417164300", 1.0),  # with an iban column, see below
]

TRAPS = [
    "GB82 WEST 1234 5698 7654 33",  # checksum fails
    "GB83WEST12345698765432",
    "DE89 3704 0044 0532 0130 01",
    "XX89 3704 0044 0532 0130 00",  # no such country
    "DE89 3704 0044 0532 0130",  # too short for Germany
    "AB12CDEF34567890GHIJKL",  # a random 22-character code
    "QZ7XK3M9P2L8R4T6V1W5Y0",
    "DEUTDEFF500",  # SWIFT/BIC
    "BKKBTHBK",
    "KASITHBKXXX",
    "550e8400-e29b-41d4-a716-446655440000",  # UUID
    "550E8400E29B41D4A716446655440000",
    "SKU12345678901234",
    "TH12 3456 7890 1234 5678",  # Thailand has no IBAN
    "1234567890123456",
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    context = ["iban"] if text == expected and minimum == 1.0 else None
    matched, score = best(text, "BANK_ACCOUNT", context=context)
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "BANK_ACCOUNT", context=["iban"])[1] < 0.5
    assert list(IbanAccountRecognizer().find(text)) == []
