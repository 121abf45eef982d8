"""TRADE_UNION: union membership, dues and union names."""

from __future__ import annotations

import pytest

ENTITY = "TRADE_UNION"

MATCHES = [
    "เป็นสมาชิกสหภาพแรงงานการไฟฟ้า",
    "สมาชิกสหภาพแรงงานรัฐวิสาหกิจการรถไฟ",
    "หักค่าบำรุงสหภาพ 100 บาท",
    "union dues 200 THB",
    "She is a member of the Teachers Union",
    "He is a union member",
]

COLUMN_VALUES = [
    ("สหภาพแรงงานรถไฟ", "สหภาพ"),
    ("สหภาพแรงงานการไฟฟ้า", "union_name"),
    ("Trade Union", "trade_union"),
]

SHAPES = ["สหภาพแรงงานรถไฟ", "trade union"]

TRAPS = [
    ("สหภาพยุโรป", None),
    ("สหภาพยุโรปประกาศมาตรการใหม่", None),
    ("a member of the European Union", None),
    ("pay with UnionPay", None),
    ("Credit Union account", None),
    ("SELECT a UNION SELECT b", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_union_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
