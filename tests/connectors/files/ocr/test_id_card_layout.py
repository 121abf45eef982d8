"""Thai ID card or not, and its fields read off noisy OCR text: tables of cases and traps.

The card decision goes through :func:`read_card` (on a blank picture, so its
second look finds nothing and the page lines decide); the fields through
:func:`card_lines`. The canonical lines are then classified as a document's
free-text ``content`` column by the real detection engine. Synthetic people only.
"""

from __future__ import annotations

import pytest
from PIL import Image

from connectors.files.readers.ocr.id_card import card_lines, read_card
from connectors.files.readers.ocr.id_card_number import grouped
from connectors.files.readers.ocr.settings import OcrSettings
from connectors.model import ColumnInfo, ColumnSample, ValueKind
from scanners.classification.classify import classify_column
from scanners.detection.engine import DetectionEngine
from tests.support.synthetic import with_check_digit

ID = with_check_digit("342798346644")
BLANK = Image.new("L", (400, 250), 255)

CLEAN = [
    "บัตรประจำตัวประชาชน Thai National ID Card",
    f"เลขประจำตัวประชาชน {grouped(ID)}",
    "Identification Number",
    "ชื่อตัวและชื่อสกุล นาย สมชาย ใจดี",
    "Name Mr. Somchai",
    "Last name Jaidee",
    "เกิดวันที่ 12 มี.ค. 2530",
    "Date of Birth 12 Mar. 1987",
    "ศาสนา พุทธ",
    "ที่อยู่ 99/9 หมู่ที่ 4 ต.บางพูด",
    "อ.ปากเกร็ด จ.นนทบุรี",
    "12 ก.พ. 2565 11 ก.พ. 2573",
    "วันออกบัตร วันบัตรหมดอายุ",
    "12 Feb. 2022 11 Feb. 2030",
    "Date of Issue Date of Expiry",
]
CANONICAL = [
    f"เลขประจำตัวประชาชน {grouped(ID)}",
    "ชื่อตัวและชื่อสกุล นาย สมชาย ใจดี",
    "Name Mr. Somchai",
    "Last name Jaidee",
    "เกิดวันที่ 12 มี.ค. 2530",
    "Date of Birth 12 Mar. 1987",
    "ศาสนา พุทธ",
    "ที่อยู่ 99/9 หมู่ที่ 4 ต.บางพูด อ.ปากเกร็ด จ.นนทบุรี",
]
NOISY = [  # as Tesseract read a tilted, signed-over copy (labels and values garbled)
    "ชูตรประจำตัวประชาธี พผผลน9054",
    f"เลขประจําตัวประชาชห {ID[0]} {ID[1:5]} {ID[5:10]} {ID[10:]}",
    "identification",
    "จ่อตัวและชื่อสกล WIE สมชาย ใจดี",
    "Name Mr, Somchai",
    "Lastname Jaidee",
    "เกิตวันที่ 12 มี ค 2530",
    "pate of Bith 12 Mar, 1987",
    "ศาสนา wns",
    "คื่อยู่ 99/9 หมู่ที 4 ต.บางพูด",
    "อ.ปากเกร็ด จ.นนทบุรี ล",
    "12 กพ. 2565 11 ก.พ. 2573",
    "วั้นออกบัตร len วันบัตรหมดอาย",
]

DECISIONS = [
    ("a card, read cleanly", CLEAN, True),
    ("a card, read badly", NOISY, True),
    ("a card without its English labels", [CLEAN[i] for i in (0, 1, 3, 6, 8, 9, 12)], True),
    # traps
    (
        "an invoice with a 13-digit barcode and a tax ID",
        [
            "ใบแจ้งหนี้ / Invoice No. INV-2024-0001",
            "เลขประจำตัวผู้เสียภาษี 0105536112014",
            "รหัสสินค้า 8858353374062 สบู่ 3 ก้อน",
            f"อ้างอิง {ID}",
            "รวมเงิน 1,250.00 บาท",
        ],
        False,
    ),
    (
        "a form that mentions บัตรประชาชน once",
        ["แบบฟอร์มสมัครสมาชิก", "ชื่อ-นามสกุล ....", "กรุณาแนบสำเนาบัตรประชาชน", "ที่อยู่ ...."],
        False,
    ),
    (
        "a form asking for the ID number and a copy of the card",
        [
            "ใบสมัครงาน",
            f"เลขประจำตัวประชาชน {grouped(ID)}",
            "ที่อยู่ 12 ถ.สุขุมวิท",
            "แนบสำเนาบัตรประจำตัวประชาชน 1 ฉบับ",
            "ศาสนา ........",
        ],
        False,
    ),
    (
        "a letter with birth and religion words mid-sentence",
        ["ข้าพเจ้าเกิดวันที่ 12 มีนาคม 2530 นับถือศาสนาพุทธ และขอรับรองว่าข้อมูลถูกต้อง"],
        False,
    ),
    (
        "an English CV",
        ["Name: John Smith", "Date of Birth: 1 Jan 1990", "Address: 1 Main St"],
        False,
    ),
    ("one card-only label, nothing else", ["Identification Number: 12345"], False),
    ("the card's title alone (not also its ID label)", [CLEAN[0]], False),
    ("nothing", [], False),
]


@pytest.mark.parametrize(("why", "lines", "card"), DECISIONS, ids=[d[0] for d in DECISIONS])
def test_card_or_not(why: str, lines: list[str], card: bool) -> None:
    found = read_card(BLANK, lines, OcrSettings())
    assert (found is not None) == card, why
    if card:
        assert found is not None and found[0] == f"เลขประจำตัวประชาชน {grouped(ID)}"


FIELDS = [
    ("clean", CLEAN, CANONICAL),
    ("noisy: Latin title, split number, wns for พุทธ, lost dots", NOISY, CANONICAL),
    (
        "Thai date garbled, English read",
        ["เกิดวันที่ 5 ก.ฟ. 2535", "Date of Birth 5 Feb. 1992"],
        ["เกิดวันที่ 5 ก.พ. 2535", "Date of Birth 5 Feb. 1992"],
    ),
    (
        "English date garbled, Thai read",
        ["เกิดวันที่ 29 เม ย, 2535", "Date of Birth 2อ Apr. 1992"],
        ["เกิดวันที่ 29 เม.ย. 2535", "Date of Birth 29 Apr. 1992"],
    ),
    (
        "a girl's title is kept",
        ["ชื่อตัวและชื่อสกุล ด.ญ. มณียา ทหารแท้", "Name Miss Maniya", "Last name Thahanthae"],
        ["ชื่อตัวและชื่อสกุล ด.ญ. มณียา ทหารแท้", "Name Miss Maniya", "Last name Thahanthae"],
    ),
    (
        "a Thai title misread, the English one decides",
        ["ชื่อตัวและชื่อสกุล บาง บุญพา นักสำรวจ", "Name Mrs. Bunpha"],
        ["ชื่อตัวและชื่อสกุล นาง บุญพา นักสำรวจ", "Name Mrs. Bunpha"],
    ),
    (
        "น.ส. misread with vowel marks",
        ["ชื่อตัวและชื่อสกุล น.สี. วรนาฎ เนื่องนนท์", "Name Miss Wonnad"],
        ["ชื่อตัวและชื่อสกุล น.ส. วรนาฎ เนื่องนนท์", "Name Miss Wonnad"],
    ),
    (
        "the name label lost, the title finds the name",
        ["จอก่าเลรื่อสกล นาย ญาณพันธุ์ ถนัดกลึง", "Name Mr. Yanphan"],
        ["ชื่อตัวและชื่อสกุล นาย ญาณพันธุ์ ถนัดกลึง", "Name Mr. Yanphan"],
    ),
    ("religion label misread", ["ตาสนา อิสลาม"], ["ศาสนา อิสลาม"]),
    (
        "no religion printed; พุทธ inside a place name is none",
        ["ที่อยู่ 5 หมู่ที่ 2 ต.พุทธบาท อ.เมือง จ.สระบุรี"],
        ["ที่อยู่ 5 หมู่ที่ 2 ต.พุทธบาท อ.เมือง จ.สระบุรี"],
    ),
    (
        "province snapped to the list",
        ["ที่อยู่ 0/1 หมู่ที่ 7 ต.วัดนาวง อ.วังยาง จ.นครศรีธรรมราชี"],
        ["ที่อยู่ 0/1 หมู่ที่ 7 ต.วัดนาวง อ.วังยาง จ.นครศรีธรรมราช"],
    ),
    (
        "address label lost and its lines swapped",
        ["อ.ภักดีชุมพล จ.ชัยภูมิ", "oy 44/34 หมู่ที่ 4 ต.เปือยใหญ่"],
        ["ที่อยู่ 44/34 หมู่ที่ 4 ต.เปือยใหญ่ อ.ภักดีชุมพล จ.ชัยภูมิ"],
    ),
    (
        "a misread number: no number line, the raw line dropped",
        [f"เลขประจำตัวประชาชน {ID[:12]}{(int(ID[12]) + 1) % 10}", "Name Mr. Somchai"],
        ["Name Mr. Somchai"],
    ),
]


@pytest.mark.parametrize(("why", "lines", "expected"), FIELDS, ids=[f[0] for f in FIELDS])
def test_fields_from_noisy_text(why: str, lines: list[str], expected: list[str]) -> None:
    out = card_lines(lines)
    assert list(out[: len(expected)]) == expected, why
    assert not any(line.startswith("ศาสนา") for line in out) or "ศาสนา" in "".join(expected)


def test_canonical_lines_give_the_five_types(detection_engine: DetectionEngine) -> None:
    lines = card_lines(NOISY)
    column = ColumnInfo("content", "text", ValueKind.TEXT, free_text=True)
    result = classify_column(ColumnSample(column, lines), detection_engine, len(lines))
    assert {m.type for m in result.pii} >= {
        "TH_NATIONAL_ID",
        "PERSON",
        "DATE_OF_BIRTH",
        "ADDRESS",
        "RELIGION",
    }
    assert not any(ID in evidence for evidence in result.evidence)  # masked
