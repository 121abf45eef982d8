"""PHONE_NUMBER (international, ``+`` and a country code) through the real engine."""

from __future__ import annotations

import pytest

MATCHES = [
    ("+55 (12) 3923-5555", "+55 (12) 3923-5555", 0.8),
    ("+49 0711 2842222", "+49 0711 2842222", 0.55),
    ("+1 (604) 688-2255", "+1 (604) 688-2255", 0.8),
    ("+420 2 4172 5555", "+420 2 4172 5555", 0.8),
    ("+44 20 7946 0958", "+44 20 7946 0958", 0.8),
    ("+33 1 42 68 53 00", "+33 1 42 68 53 00", 0.8),
    ("Phone: +1 (604) 688-2255 2019", "+1 (604) 688-2255", 0.95),
    ("+61-2-9374-4000", "+61-2-9374-4000", 0.8),
]

TRAPS = [
    "+1",
    "+5 points",
    "1+1=2",
    "+123",
    "score +12 345",
    "version 2.0+12345678",
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "PHONE_NUMBER")
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "PHONE_NUMBER")[1] < 0.5
