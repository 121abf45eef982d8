"""DISABILITY: impairment types, disability cards and statements."""

from __future__ import annotations

import pytest

ENTITY = "DISABILITY"

MATCHES = [
    "พิการทางการเคลื่อนไหว",
    "เป็นผู้พิการทางการได้ยิน",
    "มีบัตรประจำตัวคนพิการ",
    "ผู้ป่วยติดเตียง",
    "ลูกชายเป็นออทิสติก",
    "He uses a wheelchair",
    "registered disabled since 2015",
]

COLUMN_VALUES = [
    ("ทางการได้ยิน", "disabled_type"),
    ("ทางการเคลื่อนไหวหรือทางร่างกาย", "ประเภทความพิการ"),
    ("Visual", "disability_type"),
    ("ออทิสติก", "ความพิการ"),
]

SHAPES = ["ทางการได้ยิน", "ผู้พิการ", "Wheelchair"]

TRAPS = [
    ("ห้องน้ำคนพิการชั้น 1", None),
    ("ที่จอดรถผู้พิการ", None),
    ("The account is disabled", None),
    ("disabled parking bay", None),
    ("roller blind 120cm", None),
    ("Visual", ["theme"]),
    ("คำใบ้ข้อที่ 3", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_disability_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
