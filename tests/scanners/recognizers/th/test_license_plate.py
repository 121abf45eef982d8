"""TH_LICENSE_PLATE: plates with a province are evidence; without, plate words decide."""

from __future__ import annotations

import pytest

MATCHES = [
    ("กข 1234 กรุงเทพมหานคร", "กข 1234 กรุงเทพมหานคร", None),
    ("1กข 1234 กรุงเทพมหานคร", "1กข 1234 กรุงเทพมหานคร", None),
    ("2ขก-5959 เชียงใหม่", "2ขก-5959 เชียงใหม่", None),
    ("รถคันนี้ ฒค 12 ขอนแก่น จอดอยู่", "ฒค 12 ขอนแก่น", None),
    ("70-1234 กรุงเทพมหานคร", "70-1234 กรุงเทพมหานคร", None),
    ("๑กข ๑๒๓๔ ภูเก็ต", "๑กข ๑๒๓๔ ภูเก็ต", None),
    ("กข 1234 เบตง", "กข 1234 เบตง", None),
    ("ทะเบียนรถ กข 1234", "กข 1234", None),
    ("เลขทะเบียน 1กข1234", "1กข1234", None),
    ("ทะเบียนกข1234", "กข1234", None),
    ("ทะเบียนรถกข 1234", "กข 1234", None),
    ("ป้ายทะเบียน กขค 123", "กขค 123", None),
    ("license plate: กข 1234", "กข 1234", None),
    ("กข 1234", "กข 1234", ["license_plate"]),
    ("1กข 1234", "1กข 1234", ["CarPlate"]),
    ("12-3456", "12-3456", ["ทะเบียนรถ"]),
]

SHAPES = [
    ("กข 1234", 0.3),
    ("1กข 1234", 0.3),
    ("กขค 123", 0.3),
    ("12-3456", 0.1),
]

TRAPS = [
    ("ม. 4", ["license_plate"]),  # หมู่
    ("ซ. 12", ["license_plate"]),  # soi
    ("ถ. 3", ["license_plate"]),
    ("ต.ค. 2567", ["license_plate"]),  # a month
    ("พ.ศ. 2567", ["license_plate"]),
    ("ร.ศ. 130", ["license_plate"]),
    ("กม. 12", ["license_plate"]),  # kilometre
    ("ชม. 2", ["license_plate"]),  # hours
    ("บ. 500", ["license_plate"]),
    ("ซอย 12", ["license_plate"]),  # consonant-only words before numbers
    ("ถนน 3", ["license_plate"]),
    ("รถ 2 คัน", ["license_plate"]),
    ("ยอด 500 บาท", ["license_plate"]),
    ("คน 5 คน", ["license_plate"]),
    ("ทะเบียนบ้าน กข 1234", None),  # house registration, not a vehicle
    ("ลงทะเบียน 12-3456", None),
    ("กข 0123", ["license_plate"]),  # no leading zero on plates
    ("กข 12345", ["license_plate"]),  # five digits
    ("กขค 1234", ["license_plate"]),  # three consonants take at most three digits
    ("สมชาย 1234", ["license_plate"]),  # a word with vowels
    ("053-873890", ["license_plate"]),  # a phone number
    ("2565-08-12", ["license_plate"]),
    ("กข 1234", None),  # shape only
]


@pytest.mark.parametrize(("text", "expected", "context"), MATCHES)
def test_matches(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "TH_LICENSE_PLATE", context=context)
    assert matched == expected
    assert score >= 0.5


def test_province_makes_evidence_on_its_own(best) -> None:
    assert best("กข 1234 กรุงเทพมหานคร", "TH_LICENSE_PLATE")[1] == 0.8


@pytest.mark.parametrize(("text", "score"), SHAPES)
def test_shapes(best, text: str, score: float) -> None:
    assert best(text, "TH_LICENSE_PLATE") == (text, score)


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "TH_LICENSE_PLATE", context=context)[1] < 0.5
