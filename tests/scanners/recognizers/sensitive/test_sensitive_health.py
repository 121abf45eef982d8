"""HEALTH: diseases, allergies, blood groups and ICD-10 codes (Section 26 health data)."""

from __future__ import annotations

import pytest

ENTITY = "HEALTH"

#: Free text that states a health fact: evidence on its own.
MATCHES = [
    "ผู้ป่วยโรคเบาหวาน",
    "ป่วยเป็นเบาหวานมา 5 ปี",
    "มีโรคประจำตัวคือความดันโลหิตสูง",
    "แพ้ยาเพนิซิลลิน",
    "แพ้อาหารทะเล",
    "กรุ๊ปเลือด O",
    "หมู่เลือด AB",
    "blood type AB+",
    "Blood group: O-",
    "ความดัน 140/90 มม.ปรอท",
    "BP 120/80",
    "Dx: E11.9",
    "วินิจฉัย J45.9",
    "He was diagnosed with HIV in 2019",
    "Patient has asthma and hypertension",
    "allergic to penicillin",
    "ผลตรวจ HIV เป็นบวก",
    "ติดเชื้อโควิดเมื่อเดือนที่แล้ว",
]

#: Whole values: a shape alone, evidence under a health column.
COLUMN_VALUES = [
    ("เบาหวาน", "โรคประจำตัว"),
    ("ความดันโลหิตสูง", "congenital_disease"),
    ("Diabetes", "underlying_disease"),
    ("DM, HT", "chronic_diseases"),
    ("หอบหืด", "disease1"),
    ("Penicillin", "drugallergy"),
    ("ซัลฟา", "แพ้ยา"),
    ("Asthma", "medical_conditions"),
    ("O+", "blood_group"),
    ("AB", "หมู่เลือด"),
    ("B Rh-", "bloodGroup"),
    ("A", "bloodgrp"),
    ("O", "กรุ๊ปเลือด"),
    ("J45.9", "icd10"),
    ("E119", "pdx"),
    ("I10", "dx0"),
    ("K35.8", "diagnosis"),
]

SHAPES = ["เบาหวาน", "Diabetes", "O+", "AB", "J45.9", "E119", "Penicillin"]

TRAPS = [
    ("Blood Orange", ["product_name"]),
    ("Blood Orange Juice 1L", None),
    ("Type A", ["product_name"]),
    ("Type A charger", None),
    ("A", ["grade"]),
    ("O", ["size"]),
    ("E11", ["product_code"]),
    ("รุ่น A320 สีดำ", None),
    ("Cancer", ["zodiac_sign"]),
    ("มูลนิธิโรคมะเร็ง", None),
    ("hearing aids for sale", None),
    ("Great Depression of 1929", None),
    ("ผลตรวจสอบบัญชีประจำปี", None),
    ("2024-05-01", None),
    ("เพศชาย", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_health_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
