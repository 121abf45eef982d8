"""Free text: prose columns are recognised, and every detected identifier in them is replaced."""

from __future__ import annotations

import doctest

import pytest

from scanners.detection.engine import DetectionEngine
from scanners.disclosure.treatments import free_text as module
from scanners.disclosure.treatments.free_text import (
    FreeTextAnonymiser,
    is_prose,
    looks_like_free_text,
)
from scanners.validators.th_national_id import calc_check_digit

NATIONAL_ID = "310050012345" + calc_check_digit("310050012345")  # valid: 3100500123458
PHONE = "081-234-5678"
LONG_NOTE = "ลูกค้าขอเลื่อนนัดหมายออกไปเป็นสัปดาห์หน้าเพราะติดธุระสำคัญที่ทำงาน"  # > 40 characters
IDENTIFYING = ("PERSON", "TH_NATIONAL_ID", "PHONE_NUMBER")


@pytest.fixture(scope="module")
def engine(detection_engine: DetectionEngine) -> DetectionEngine:
    """The real engine, built once for the session (tests/conftest.py): it is slow to build."""
    return detection_engine


@pytest.fixture(scope="module")
def anonymise(engine: DetectionEngine) -> FreeTextAnonymiser:
    return FreeTextAnonymiser(engine)


def test_doctests() -> None:
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([LONG_NOTE, LONG_NOTE, "-"], True),
        ([LONG_NOTE, "สั้น"], True),  # exactly half
        ([LONG_NOTE, "สั้น", "ok"], False),
        (["x" * 40, None, "", "   ", 12345678901234567890123456789012345678901], True),
        (["x" * 39], False),
        (["สมชาย ใจดี", "081-234-5678", "จ.นนทบุรี 11110"], False),  # short fields
        (["   " + "ก" * 20 + "   "], False),  # padding is not length
        ([], False),
        ([None, "", 42], False),
    ],
)
def test_looks_like_free_text(values: list[object], expected: bool) -> None:
    assert looks_like_free_text(values) is expected


SENTENCES = [
    f"นายสมชาย ใจดี เลขประจำตัวประชาชน {NATIONAL_ID} โทร {PHONE} ติดต่อกลับด่วน",
    f"ผู้ป่วย นายสมชาย ใจดี ({NATIONAL_ID}) นัดตรวจซ้ำ โทร {PHONE.replace('-', '')}",
    f"โทร {PHONE} หา นายสมชาย ใจดี แจ้งเลขบัตร {NATIONAL_ID}",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_names_ids_and_phones_are_gone(
    anonymise: FreeTextAnonymiser, engine: DetectionEngine, sentence: str
) -> None:
    assert {e.type for e in engine.detect(sentence)} >= set(IDENTIFYING)  # the test is not empty
    out = anonymise(sentence)
    assert out is not None
    for raw in ("สมชาย", "ใจดี", NATIONAL_ID, PHONE, PHONE.replace("-", ""), NATIONAL_ID[-6:]):
        assert raw not in out
    assert not {e.type for e in engine.detect(out)} & set(IDENTIFYING)
    for placeholder in ("<PERSON>", "<TH_NATIONAL_ID>", "<PHONE_NUMBER>"):
        assert placeholder in out


def test_the_rest_of_the_text_is_kept(anonymise: FreeTextAnonymiser) -> None:
    out = anonymise(SENTENCES[0])
    assert out == "<PERSON> เลขประจำตัวประชาชน <TH_NATIONAL_ID> โทร <PHONE_NUMBER> ติดต่อกลับด่วน"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LONG_NOTE, LONG_NOTE),  # nothing to hide: unchanged
        ("นายจ้างต้องจ่ายค่าจ้างตรงเวลา", "นายจ้างต้องจ่ายค่าจ้างตรงเวลา"),  # employer, not a name
        ("ส่งอีเมลถึง somchai@example.co.th แล้ว", "ส่งอีเมลถึง <EMAIL_ADDRESS> แล้ว"),
        ("", ""),
        (None, None),
    ],
)
def test_anonymise_examples(
    anonymise: FreeTextAnonymiser, text: object, expected: str | None
) -> None:
    assert anonymise(text) == expected


def test_non_text_is_read_as_text(anonymise: FreeTextAnonymiser) -> None:
    assert anonymise(int(NATIONAL_ID)) in ("<TH_NATIONAL_ID>", NATIONAL_ID)
    assert anonymise(2024) == "2024"


PROSE_CASES = [
    # (values, detected types, prose?)
    (
        ["ผู้โดยสารนายสมชาย ใจดี ติดต่อกลับเรื่องกระเป๋าสัมภาระตกค้างที่สนามบินสุวรรณภูมิ"] * 3,
        ["PERSON"],
        True,
    ),
    (
        ["ติดต่อนายสมชาย ใจดี โทร 081-234-5678 เรื่องเอกสารประกอบการสมัครงาน"] * 3,
        ["PERSON", "PHONE_NUMBER"],
        True,
    ),
    # traps: one long field per cell is not prose
    (["somchai.jaidee.personal.mailbox@example-company.co.th"] * 3, ["EMAIL_ADDRESS"], False),
    (
        ["99/12 หมู่ 3 ถนนพหลโยธิน ตำบลคลองหนึ่ง อำเภอคลองหลวง จังหวัดปทุมธานี 12120"] * 3,
        ["ADDRESS", "POSTAL_CODE"],
        False,
    ),
    (["สั้น", "ค่า"], [], False),
]


@pytest.mark.parametrize(("values", "types", "prose"), PROSE_CASES)
def test_is_prose(
    values: list[object], types: list[str], prose: bool, engine: DetectionEngine
) -> None:
    assert is_prose(values, types, engine) is prose
