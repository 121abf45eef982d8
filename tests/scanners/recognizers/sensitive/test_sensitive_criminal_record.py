"""CRIMINAL_RECORD: convictions, prison terms and background checks."""

from __future__ import annotations

import pytest

ENTITY = "CRIMINAL_RECORD"

MATCHES = [
    "เคยต้องโทษจำคุก 2 ปี",
    "ผ่านการตรวจสอบประวัติอาชญากรรม",
    "มีประวัติอาชญากรรม",
    "เคยติดคุกคดียาเสพติด",
    "ศาลพิพากษาจำคุก 3 ปี",
    "ผู้ต้องหาในคดีลักทรัพย์",
    "convicted of fraud in 2019",
    "He has a criminal record",
    "sentenced to 5 years in prison",
]

COLUMN_VALUES = [
    ("ลักทรัพย์", "ข้อหา"),
    ("Fraud", "offense"),
    ("DUI", "conviction"),
    ("ฉ้อโกง", "criminal_record"),
    ("ยาเสพติด", "ประวัติอาชญากรรม"),
]

SHAPES = ["ลักทรัพย์", "Fraud"]

TRAPS = [
    ("ผู้ใดฝ่าฝืนต้องระวางโทษจำคุกไม่เกินหนึ่งปี", None),
    ("ประวัติศาสตร์ไทย", None),
    ("ลักทรัพย์", ["category"]),
    ("Fraud detection service", None),
    ("charge 150 THB", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_criminal_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
