"""Replacing the identifiers a row names in its own free text, and what must stay."""

from __future__ import annotations

import doctest

import pytest

from scanners.disclosure.treatments import known_values
from scanners.disclosure.treatments.known_values import replace_known

ROW = [
    ("PERSON", "นายสมชาย ใจดี"),
    ("TH_NATIONAL_ID", "1-1037-00012-39-7"),
    ("PHONE_NUMBER", "081-234-5678"),
    ("EMAIL_ADDRESS", "Somchai.J@Example.co.th"),
    ("DATE_OF_BIRTH", "1985-03-02"),
    ("PASSPORT", "AA1234567"),
    ("BANK_ACCOUNT", "123-4-56789-0"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ติดต่อนายสมชาย ใจดี", "ติดต่อ<PERSON>"),
        ("คุณสมชาย ใจดี มาแล้ว", "คุณ<PERSON> มาแล้ว"),
        ("ส่งให้ใจดีด้วย", "ส่งให้<PERSON>ด้วย"),  # the surname alone
        ("บัตร 1103700012397", "บัตร <TH_NATIONAL_ID>"),
        ("บัตร 1 1037 00012 39 7", "บัตร <TH_NATIONAL_ID>"),
        ("บัตร ๑๑๐๓๗๐๐๐๑๒๓๙๗", "บัตร <TH_NATIONAL_ID>"),  # Thai digits
        ("โทร 0812345678 หรือ +66 81 234 5678", "โทร <PHONE_NUMBER> หรือ <PHONE_NUMBER>"),
        ("mail somchai.j@example.CO.TH", "mail <EMAIL_ADDRESS>"),
        ("เกิด 2/3/2528", "เกิด <DATE_OF_BIRTH>"),
        ("born 1985-03-02", "born <DATE_OF_BIRTH>"),
        ("พาสปอร์ต aa1234567", "พาสปอร์ต <PASSPORT>"),
        ("บัญชี 1234567890", "บัญชี <BANK_ACCOUNT>"),
        # traps: what is not this row's value stays
        ("บ้านเลขที่ 99/12 หมู่ 3", "บ้านเลขที่ 99/12 หมู่ 3"),
        ("นายสมศักดิ์ รักดี", "นายสมศักดิ์ รักดี"),
        ("เลข 108123456789 ไม่ใช่", "เลข 108123456789 ไม่ใช่"),  # inside a longer run
        ("เกิด 2/3/2529", "เกิด 2/3/2529"),  # another year
        ("", ""),
    ],
)
def test_replace_known(text: str, expected: str) -> None:
    assert replace_known(text, ROW) == expected


def test_short_name_parts_are_left_alone() -> None:
    assert replace_known("นายเอ บี มาแล้ว บีบี", [("PERSON", "นายเอ บี")]) == "<PERSON> มาแล้ว บีบี"


def test_no_known_values_changes_nothing() -> None:
    assert replace_known("โทร 081-234-5678", []) == "โทร 081-234-5678"


def test_doctests() -> None:
    assert doctest.testmod(known_values).failed == 0
