"""EMAIL_ADDRESS: matches and traps through the real engine."""

from __future__ import annotations

import pytest

MATCHES = [
    ("somchai@example.co.th", "somchai@example.co.th", 0.9),
    ("อีเมล somchai@example.co.th", "somchai@example.co.th", 0.95),
    ("ส่งที่somchai@example.co.thนะคะ", "somchai@example.co.th", 0.9),
    ("mailto:john.doe@mail.example.com.", "john.doe@mail.example.com", 0.9),
    ("x.y+tag@sub.example.org,", "x.y+tag@sub.example.org", 0.9),
    ("Luis.Goncalves@embraer.com.br", "Luis.Goncalves@embraer.com.br", 0.9),
    ("first_last@example.io", "first_last@example.io", 0.9),
]

TRAPS = [
    "icon@2x.png",  # not a TLD
    "user@host.local",
    "@handle",
    "a@b",
    "https://user@example.com/path",
    "name at example dot com",
    "git@github",
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "EMAIL_ADDRESS")
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "EMAIL_ADDRESS")[1] < 0.5
