"""SEXUAL_ORIENTATION: orientation and sexual behaviour, never bare sex/gender."""

from __future__ import annotations

import pytest

ENTITY = "SEXUAL_ORIENTATION"

MATCHES = [
    "เขาเปิดตัวว่าเป็นเกย์",
    "เธอเป็นเลสเบี้ยน",
    "รสนิยมทางเพศ: รักร่วมเพศ",
    "He came out as gay last year",
    "She identifies as bisexual",
    "sexual orientation: homosexual",
    "ประวัติการมีเพศสัมพันธ์กับคู่นอนหลายคน",
]

COLUMN_VALUES = [
    ("Bisexual", "sexual_orientation"),
    ("Gay", "sexualOrientation"),
    ("รักร่วมเพศ", "รสนิยมทางเพศ"),
    ("LGBTQ+", "เพศวิถี"),
]

SHAPES = ["Gay", "Lesbian", "รักร่วมเพศ", "Heterosexual"]

TRAPS = [
    ("เพศชาย", None),
    ("เพศหญิง", None),
    ("เพศ: ชาย", None),
    ("หญิง", ["เพศ"]),
    ("ชาย", ["sex"]),
    ("male", ["gender"]),
    ("Female", ["sex"]),
    ("M", ["gender"]),
    ("Marvin Gaye songs", None),
    ("Straight", ["road_shape"]),
    ("sex: F", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_orientation_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
