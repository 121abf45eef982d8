"""RELIGION: religion values, religious phrases and clergy titles before a name."""

from __future__ import annotations

import pytest

ENTITY = "RELIGION"

MATCHES = [
    "นับถือศาสนาคริสต์",
    "นับถือศาสนาอิสลาม",
    "ศาสนา: พุทธ",
    "ศาสนา อิสลาม",
    "Religion: Buddhist",
    "She is a devout Muslim",
    "He converted to Islam in 2010",
    "พระครูสมชาย เจ้าอาวาสวัดป่า",
    "สามเณรสมศักดิ์",
    "แม่ชีศันสนีย์ เสถียรสุต",
    "บาทหลวงยอห์น",
    "พระมหาสมปอง ตาลปุตฺโต",
    "พระสมชาย ฐิตธมฺโม",
    "นิมนต์พระสมชายมาเทศน์ที่บ้าน",
]

COLUMN_VALUES = [
    ("พุทธ", "ศาสนา"),
    ("อิสลาม", "religion"),
    ("คริสต์", "Religion"),
    ("Christian", "religion_name"),
    ("Muslim", "emp_religion"),
    ("ไม่นับถือศาสนา", "ศาสนา"),
]

SHAPES = ["พุทธ", "อิสลาม", "Christian", "ฮินดู", "โรงเรียนมุสลิมวิทยา"]

TRAPS = [
    ("พุทธ", ["product_name"]),
    ("พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562", None),
    ("โครงการในพระบรมราชูปถัมภ์", None),
    ("จังหวัดพระนครศรีอยุธยา", None),
    ("123 ถ.พระราม 4 คลองเตย", None),
    ("ถนนพระปิ่นเกล้า", None),
    ("วัดพระแก้ว", None),
    ("ตั้งอยู่ใกล้วัดสุทัศน์", None),
    ("โรงพยาบาลพระมงกุฎเกล้า", None),
    ("โรงเรียนมุสลิมวิทยา", None),
    ("พุทธศักราช 2567", None),
    ("สุขสันต์วันคริสต์มาส", None),
    ("ธนาคารอิสลามแห่งประเทศไทย", None),
    ("พระพุทธรูปปางสมาธิ", None),
    ("พระอาทิตย์ตกดิน", None),
    ("พระเอกละครช่อง 7", None),
    ("สามเณรเข้าเรียนภาษาบาลี", None),
    ("Christian Dior bag", None),
    ("ความเชื่อมั่นของผู้บริโภค", None),
]


@pytest.mark.parametrize("text", MATCHES)
def test_free_text_evidence(best, text: str) -> None:
    assert best(text, ENTITY)[1] >= 0.5


@pytest.mark.parametrize(("value", "column"), COLUMN_VALUES)
def test_values_with_religion_column(best, value: str, column: str) -> None:
    matched, score = best(value, ENTITY, context=[column])
    assert matched and matched in value
    assert score >= 0.5


@pytest.mark.parametrize("value", SHAPES)
def test_bare_values_are_shapes(best, value: str) -> None:
    assert 0.05 <= best(value, ENTITY)[1] < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, ENTITY, context=context)[1] < 0.5
