"""BANK_ACCOUNT (national forms with check digits): Spain, Czechia, New Zealand, Argentina, Norway."""

from __future__ import annotations

import pytest

from scanners.recognizers.generic.bank_account_national import NationalBankAccountRecognizer

RECOGNIZER = NationalBankAccountRecognizer()

#: (value, score alone)
MATCHES = [
    ("2100 0418 45 0200051332", 0.6),  # Spain, CCC
    ("2100-0418-45-0200051332", 0.6),
    ("1234 1234 16 12345 67890", 0.6),
    ("19-2000145399/0800", 0.6),  # Czech Republic
    ("34278-0727558021/0100", 0.6),
    ("2000145399/0800", 0.6),
    ("01-0242-0100194-00", 0.6),  # New Zealand
    ("01 0242 0100194 00", 0.6),
    ("28505909 40090418135201", 0.6),  # Argentina, CBU
    ("2850590940090418135201", 0.4),
    ("8601.11.17947", 0.3),  # Norway
    ("8601 11 17947", 0.3),
]

IN_TEXT = [
    ("CCC: 2100 0418 45 0200051332", "2100 0418 45 0200051332", None),
    ("číslo účtu 19-2000145399/0800", "19-2000145399/0800", None),
    ("CBU 2850590940090418135201", "2850590940090418135201", None),
    ("kontonummer 8601.11.17947", "8601.11.17947", None),
    ("8601.11.17947", "8601.11.17947", ["bank_account"]),
    ("2850590940090418135201", "2850590940090418135201", ["account_no"]),
]

TRAPS = [
    "2100 0418 46 0200051332",  # check digits fail
    "1234-1234-00-1234567890",
    "19-2000145398/0800",
    "2000145399/0000",  # no such bank
    "15/2010",  # a date
    "12/2024",
    "01-9999-0100197-00",  # no such branch
    "01-0242-0100195-00",
    "2810590940090418135201",  # CBU check fails
    "8601.11.17949",
    "86011117947",  # a plain 11-digit number: not looked at
    "21000418450200051332",  # a plain 20-digit number: not looked at
    "0102420100194000",
    "2024-01-15",
    "4111 1111 1111 1111",
    "1103700001239",
]


@pytest.mark.parametrize(("text", "score"), MATCHES)
def test_matches(best, text: str, score: float) -> None:
    assert [(text[s.start : s.end], s.score) for s in RECOGNIZER.find(text)] == [(text, score)]
    assert best(text, "BANK_ACCOUNT", context=["bank_account"]) == (
        text,
        round(min(1.0, score + 0.45), 4),
    )


@pytest.mark.parametrize(("text", "expected", "context"), IN_TEXT)
def test_bank_words_make_evidence(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "BANK_ACCOUNT", context=context)
    assert matched == expected
    assert score >= 0.5


@pytest.mark.parametrize("text", TRAPS)
def test_traps(text: str) -> None:
    assert list(RECOGNIZER.find(text)) == []
