"""ETHNICITY: race and ethnic origin, never nationality."""

from __future__ import annotations

import pytest

ENTITY = "ETHNICITY"

MATCHES = [
    "เชื้อชาติไทย สัญชาติไทย",
    "เชื้อชาติ: จีน",
    "race: Asian",
    "Ethnicity: Hmong",
    "ชาวเขาเผ่าอาข่า",
    "เป็นชาวม้งจากเชียงราย",
    "ครอบครัวเชื้อสายจีน",
    "ชาวกะเหรี่ยงในอำเภออมก๋อย",
]

COLUMN_VALUES = [
    ("ไทย", "เชื้อชาติ"),
    ("ไทย", "race"),
    ("จีน", "race"),
    ("ม้ง", "race"),
    ("กะเหรี่ยง", "ethnic_group"),
    ("Asian", "ethnicity"),
    ("Karen", "ethnicity"),
    ("ลาหู่", "ชาติพันธุ์"),
]

SHAPES = ["ไทย", "จีน", "ม้ง", "Asian", "Hmong"]

TRAPS = [
    ("สัญชาติไทย", None),
    ("nationality: Thai", None),
    ("ไทย", ["nationality"]),
    ("ไทย", ["สัญชาติ"]),
    ("ไทย", ["nation"]),
    ("กะเหรี่ยง", ["nationality"]),
    ("Karen", ["first_name"]),
    ("ธนาคารไทยพาณิชย์", None),
    ("ภาษาม้ง", None),
    ("White", ["color"]),
    ("ประเทศไทย", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_race_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
