"""POLITICAL_OPINION: party membership and support."""

from __future__ import annotations

import pytest

ENTITY = "POLITICAL_OPINION"

MATCHES = [
    "เป็นสมาชิกพรรคประชาธิปัตย์",
    "สมาชิกพรรคก้าวไกล เลขที่ 12345",
    "ผู้สนับสนุนพรรคเพื่อไทย",
    "He is a member of the Labour Party",
    "She voted for the Democratic Party",
    "political affiliation: independent",
]

COLUMN_VALUES = [
    ("ก้าวไกล", "political_party"),
    ("ประชาธิปัตย์", "พรรคการเมือง"),
    ("พรรคเพื่อไทย", "สังกัดพรรค"),
    ("Democrat", "political_affiliation"),
]

SHAPES = ["ก้าวไกล", "พรรคเพื่อไทย", "Republican"]

TRAPS = [
    ("พรรคเพื่อไทยแถลงนโยบายเศรษฐกิจ", None),
    ("ประชาชน", ["customer_type"]),
    ("ประชาชน", ["party"]),
    ("member of the board", None),
    ("Conservative", ["investment_style"]),
    ("party_id 42", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_political_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
