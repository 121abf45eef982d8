"""GENDER: whole values are shapes that a gender column makes evidence."""

from __future__ import annotations

import pytest

VALUES = ["ชาย", "หญิง", "เพศชาย", "เพศหญิง", "male", "Female", "M", "F", " f ", "ช", "ญ"]

IN_TEXT = ["เพศ: ชาย", "เพศหญิง อายุ 30", "gender: female", "Sex=M"]

TRAPS = [
    ("นายสมชาย", None),
    ("สมหญิง", None),
    ("Female Vocalist Award", None),
    ("M&M", None),
    ("FM 101", None),
    ("male", None),  # a bare value needs the column
    ("พฤติกรรมทางเพศ", None),
]


@pytest.mark.parametrize("text", VALUES)
def test_values_are_shapes(best, text: str) -> None:
    matched, score = best(text, "GENDER")
    assert matched == text.strip()
    assert 0.05 <= score < 0.5


@pytest.mark.parametrize("text", VALUES)
def test_values_with_gender_column(best, text: str) -> None:
    assert best(text, "GENDER", context=["gender"])[1] >= 0.5
    assert best(text, "GENDER", context=["เพศ"])[1] >= 0.5


@pytest.mark.parametrize("text", IN_TEXT)
def test_labelled_in_text(best, text: str) -> None:
    assert best(text, "GENDER")[1] >= 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "GENDER", context=context)[1] < 0.5
