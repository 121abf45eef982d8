"""PERSON (Thai script): titles and known names; ordinary words are traps."""

from __future__ import annotations

import pytest

MATCHES = [
    ("นายสมชาย ใจดี", "นายสมชาย ใจดี", 0.85),
    ("นาย สมชาย ใจดี", "นาย สมชาย ใจดี", 0.85),
    ("น.ส.สมหญิง รักดี", "น.ส.สมหญิง รักดี", 0.85),
    ("น.ส. สมหญิง รักดี", "น.ส. สมหญิง รักดี", 0.85),
    ("นางสาวมาลี ศรีสุข", "นางสาวมาลี ศรีสุข", 0.85),
    ("ด.ช.ปิติ มานะ", "ด.ช.ปิติ มานะ", 0.85),
    ("เด็กหญิงมานี ใจดี", "เด็กหญิงมานี ใจดี", 0.85),
    ("พ.ต.อ.สมศักดิ์ ทองดี", "พ.ต.อ.สมศักดิ์ ทองดี", 0.85),
    ("ร.ต.ท.หญิง สมศรี", "ร.ต.ท.หญิง สมศรี", 0.85),
    ("ผศ.ดร.สมศักดิ์", "ผศ.ดร.สมศักดิ์", 0.85),
    ("ติดต่อคุณสมชาย", "คุณสมชาย", 0.75),
    ("พระมหาสมปอง", "พระมหาสมปอง", 0.85),
    ("นายกมล ศรีสุข", "นายกมล ศรีสุข", 0.85),
    ("นายสมชาย เกิดวันที่ 1 มกราคม 2530", "นายสมชาย", 0.85),
    ("นายสมชาย โทร 081-234-5678", "นายสมชาย", 0.85),
    ("สมชาย ใจดี", "สมชาย ใจดี", 0.6),
    ("สมหญิง รักดี", "สมหญิง รักดี", 0.6),
]

SHAPES = ["สมชาย", "สมหญิง"]

TRAPS = [
    "นายจ้าง",
    "นายจ้างต้องจ่ายค่าจ้าง",
    "นางฟ้า",
    "คุณภาพ",
    "คุณภาพดี",
    "คุณสมบัติ",
    "คุณสมบัติของผู้สมัคร",
    "ขอบคุณมาก",
    "เจ้านายสั่งงาน",
    "นายกรัฐมนตรีกล่าว",
    "นายทะเบียน",
    "นายอำเภอเมือง",
    "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล",
    "ชาย",
    "หญิง",
    "เพศชาย",
    "น้ำดื่ม",
    "น้ำดื่มตราช้าง",
    "กรุงเทพมหานคร",
    "เชียงใหม่",
    "นนทบุรี",
    "บริษัท สมชาย จำกัด",
    "ห้างหุ้นส่วนจำกัด สมชายการค้า",
    "ซอย สมชาย",
    "อ.เมือง จ.เชียงใหม่",
    "พ.ศ. 2565",
]


@pytest.mark.parametrize(("text", "expected", "minimum"), MATCHES)
def test_matches(best, text: str, expected: str, minimum: float) -> None:
    matched, score = best(text, "PERSON")
    assert matched == expected
    assert score >= minimum


@pytest.mark.parametrize("text", SHAPES)
def test_lone_given_name_is_a_shape(best, text: str) -> None:
    matched, score = best(text, "PERSON")
    assert matched == text
    assert 0.05 <= score < 0.5


@pytest.mark.parametrize("text", TRAPS)
def test_traps(best, text: str) -> None:
    assert best(text, "PERSON")[1] < 0.5


def test_name_lists_load_offline() -> None:
    from scanners.recognizers.th.th_person import _lexicon

    lexicon = _lexicon()
    assert len(lexicon["given"]) > 5000
    assert len(lexicon["family"]) > 5000
