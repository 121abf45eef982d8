"""ThaiPersonModelRecognizer: the CRF PERSON tagger on Thai free text."""

from __future__ import annotations

import pytest

from scanners.recognizers.th.th_person_model import (
    ThaiPersonModelRecognizer,
    chunks,
    load_tagger,
)


@pytest.fixture(scope="module")
def recognizer() -> ThaiPersonModelRecognizer:
    return ThaiPersonModelRecognizer()


def evidence(recognizer: ThaiPersonModelRecognizer, text: str) -> list[str]:
    return [text[s.start : s.end] for s in recognizer.find(text) if s.score >= 0.5]


MATCHES = [
    # (sentence, the exact PERSON span expected as evidence)
    ("นางสาวสมหญิง รักเรียน เป็นผู้ร้องเรียนในครั้งนี้", "นางสาวสมหญิง รักเรียน"),
    ("ด้าน ดร.วิชัย ศรีสุข อาจารย์คณะวิศวกรรมศาสตร์ ให้ความเห็นว่า", "ดร.วิชัย ศรีสุข"),
    ("ด.ช.ธนากร แก้วมณี อายุ 12 ปี ได้รับบาดเจ็บ", "ด.ช.ธนากร แก้วมณี"),
    ("ติดต่อคุณวิไลวรรณได้ที่สำนักงาน", "คุณวิไลวรรณ"),
    # no title: a news-style sentence
    ("ทั้งนี้ สมศักดิ์ เทพสุทิน กล่าวกับผู้สื่อข่าวว่าจะยื่นหนังสือ", "สมศักดิ์ เทพสุทิน"),
]

#: Known limitation: a surname that is also an ordinary word (ใจดี "kind",
#: มั่นคง "stable") is often left out; the title and given name are found.
PARTIAL = [
    ("ผู้สื่อข่าวรายงานว่า นายสมชาย ใจดี ได้เดินทางไปยังที่เกิดเหตุ", "นายสมชาย"),
    ("พ.ต.ท.ประสิทธิ์ มั่นคง ผู้กำกับการสถานีตำรวจ กล่าวว่า", "พ.ต.ท.ประสิทธิ์"),
]

TRAPS = [
    "บริษัท ไทยรุ่งเรือง จำกัด แจ้งผลประกอบการไตรมาสแรก",
    "นายจ้างต้องจ่ายค่าจ้างให้ลูกจ้างภายในวันที่ 5 ของเดือน",
    "จังหวัดขอนแก่นและนครราชสีมามีฝนตกหนัก",
    "ผลิตภัณฑ์ยาสีฟันคอลเกตลดราคา 20 เปอร์เซ็นต์",
    "วันที่ ๑๕ มกราคม ๒๕๖๗ ราคา ๑,๒๐๐ บาท",
    "คุณภาพของสินค้าดีมาก ราคาไม่แพง",
    "การประชุมจะจัดขึ้นในวันที่ 12 มีนาคม 2567 เวลา 10.00 น.",
    "ธนาคารกรุงเทพ สาขาสีลม เปิดให้บริการตามปกติ",
    "ยอดขายโทรศัพท์ iPhone 15 เพิ่มขึ้น 30%",
    "นายกรัฐมนตรีเดินทางไปเชียงใหม่เพื่อประชุมกับผู้ว่าราชการจังหวัด",
]


@pytest.mark.parametrize(("text", "expected"), MATCHES)
def test_names_are_found(recognizer: ThaiPersonModelRecognizer, text: str, expected: str) -> None:
    assert expected in evidence(recognizer, text)


@pytest.mark.parametrize(("text", "expected"), PARTIAL)
def test_title_and_given_name_found_when_surname_is_a_word(
    recognizer: ThaiPersonModelRecognizer, text: str, expected: str
) -> None:
    found = evidence(recognizer, text)
    assert any(span.startswith(expected) for span in found), found


@pytest.mark.parametrize("text", TRAPS)
def test_no_person_in_traps(recognizer: ThaiPersonModelRecognizer, text: str) -> None:
    assert evidence(recognizer, text) == []


@pytest.mark.parametrize("text", ["", "   ", "Hello John Smith, see you at 10:00", "12345 !!"])
def test_empty_and_non_thai_text(recognizer: ThaiPersonModelRecognizer, text: str) -> None:
    assert list(recognizer.find(text)) == []


def test_offsets_with_thai_digits_and_emoji(recognizer: ThaiPersonModelRecognizer) -> None:
    text = "😀👍 ๑๒๓ ข่าวล่าสุด ด.ช.ธนากร แก้วมณี อายุ ๑๒ ปี 🙏 โทร ๐๘๑"
    spans = list(recognizer.find(text))
    assert [text[s.start : s.end] for s in spans if s.score >= 0.5] == ["ด.ช.ธนากร แก้วมณี"]


def test_scores_follow_the_convention(recognizer: ThaiPersonModelRecognizer) -> None:
    assert ThaiPersonModelRecognizer.score(1.0) == pytest.approx(0.99)
    assert ThaiPersonModelRecognizer.score(ThaiPersonModelRecognizer.CONFIDENT) >= 0.5
    assert ThaiPersonModelRecognizer.score(ThaiPersonModelRecognizer.CONFIDENT - 0.01) < 0.5
    assert ThaiPersonModelRecognizer.score(0.0) >= 0.05


def test_chunks_cover_the_text_at_spaces() -> None:
    text = ("ก" * 700 + " ") * 10
    pieces = list(chunks(text, 2000))
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e - s <= 2000 for s, e in pieces)
    assert all(text[e - 1] == " " for _, e in pieces[:-1])
    unbroken = "ก" * 4500
    assert [e - s for s, e in chunks(unbroken, 2000)] == [2000, 2000, 500]


def test_long_text_keeps_offsets(recognizer: ThaiPersonModelRecognizer) -> None:
    sentence = "ผู้สื่อข่าวรายงานว่า ด.ช.ธนากร แก้วมณี อายุ 12 ปี ได้รับบาดเจ็บเล็กน้อย "
    text = sentence * (50_000 // len(sentence) + 1)
    assert len(text) >= 50_000
    found = [s for s in recognizer.find(text) if s.score >= 0.5]
    assert len(found) >= 0.9 * text.count("ด.ช.ธนากร")
    assert all(text[s.start : s.end].startswith("ด.ช.ธนากร") for s in found)


def test_model_loads_from_the_package() -> None:
    assert set(load_tagger().labels()) >= {"B-PERSON", "I-PERSON", "O"}
