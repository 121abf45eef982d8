"""Province: the canonical province an address names, or nothing rather than a guess."""

from __future__ import annotations

import doctest

import pytest

from scanners.disclosure.treatments import province as module
from scanners.disclosure.treatments.province import province


def test_doctests() -> None:
    assert doctest.testmod(module).failed == 0


CASES = [
    # Thai markers
    ("99/12 ม.3 ต.บางคูครัด อ.บางบัวทอง จ.นนทบุรี 11110", "นนทบุรี", "Nonthaburi"),
    ("จังหวัดเชียงใหม่", "เชียงใหม่", "Chiang Mai"),
    ("จ. ลำปาง", "ลำปาง", "Lampang"),
    ("ต.ในเมือง อ.เมืองขอนแก่น", "ขอนแก่น", "Khon Kaen"),  # the capital district
    ("ถ.เชียงใหม่-ลำปาง ต.ป่าตัน จ.ลำพูน", "ลำพูน", "Lamphun"),  # a road named after two
    # Bangkok
    ("กรุงเทพฯ", "กรุงเทพมหานคร", "Bangkok"),
    ("แขวงสีลม เขตบางรัก กทม.", "กรุงเทพมหานคร", "Bangkok"),
    ("กรุงเทพมหานคร 10500", "กรุงเทพมหานคร", "Bangkok"),
    ("1 Silom Rd, Bangkok 10500", "กรุงเทพมหานคร", "Bangkok"),
    # a bare Thai name, the last one
    ("ต.ช้างเผือก อ.เมือง เชียงใหม่ 50300", "เชียงใหม่", "Chiang Mai"),
    ("บ้านเกิด ลำปาง ปัจจุบัน ภูเก็ต", "ภูเก็ต", "Phuket"),
    ("เลย", "เลย", "Loei"),
    # English, any case and spacing
    ("Chiang Mai", "เชียงใหม่", "Chiang Mai"),
    ("CHIANG MAI", "เชียงใหม่", "Chiang Mai"),
    ("Chiangmai", "เชียงใหม่", "Chiang Mai"),
    ("chiang-mai 50200", "เชียงใหม่", "Chiang Mai"),
    ("Nonthaburi Province", "นนทบุรี", "Nonthaburi"),
    ("Hat Yai, Songkhla 90110", "สงขลา", "Songkhla"),
    ("Lopburi", "ลพบุรี", "Lop Buri"),
    ("Ayutthaya", "พระนครศรีอยุธยา", "Phra Nakhon Si Ayutthaya"),
    ("Korat", "นครราชสีมา", "Nakhon Ratchasima"),
    # from the postcode's prefix
    ("เลขที่ 5 หมู่ 2 50200", "เชียงใหม่", "Chiang Mai"),
    ("83000", "ภูเก็ต", "Phuket"),
    # traps: shared prefixes, words containing names, nothing at all
    ("เลขที่ 5 หมู่ 2 10110", None, None),  # 10: Bangkok or Samut Prakan
    ("เลขที่ 5 หมู่ 2 80110", None, None),  # 80: Nakhon Si Thammarat or Krabi
    ("ไม่เลย", None, None),  # "not at all", not Loei
    ("ถนนเชียงใหม่", None, None),  # a road, glued
    ("Nantes, France", None, None),
    ("Trangbang", None, None),
    ("+66 81234 5678", None, None),  # 81 would be Krabi: a phone, not a postcode
    ("1103700012397", None, None),
    ("19000", None, None),
    ("ที่อยู่ไม่ทราบ", None, None),
    ("", None, None),
    (None, None, None),
]


@pytest.mark.parametrize(("value", "thai", "english"), CASES)
def test_province(value: object, thai: str | None, english: str | None) -> None:
    assert province(value) == thai
    assert province(value, language="th") == thai
    assert province(value, language="en") == english


@pytest.mark.parametrize("language", ["EN", "thai", ""])
def test_an_unknown_language_is_refused(language: str) -> None:
    with pytest.raises(ValueError):
        province("จ.นนทบุรี", language=language)
