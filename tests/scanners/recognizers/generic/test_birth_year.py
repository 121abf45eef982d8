"""BIRTH_YEAR: whole-value years are shapes for the column name; birth phrases are evidence."""

from __future__ import annotations

import pytest

MATCHES = [
    ("เกิดปี 2530", "2530", None),
    ("เกิด พ.ศ. 2530", "2530", None),
    ("เกิดพ.ศ.2530", "2530", None),
    ("ปีเกิด 2530", "2530", None),
    ("ปีเกิด: ๒๕๓๐", "๒๕๓๐", None),
    ("เกิดเมื่อปี 2529 ที่เชียงใหม่", "2529", None),
    ("born in 1987", "1987", None),
    ("Born 1987 in Bangkok", "1987", None),
    ("year of birth: 1987", "1987", None),
    ("YOB 1990", "1990", None),
    ("2530", "2530", ["birth_year"]),
    ("1987", "1987", ["ปีเกิด"]),
    ("1987", "1987", ["yob"]),
    ("พ.ศ. 2530", "2530", ["birthYear"]),
]

SHAPES = ["2530", "1987", " 1990 ", "พ.ศ. 2530", "ค.ศ. 1987", "2443", "2643", "1900", "2100"]

TRAPS = [
    ("ปีงบประมาณ 2567", None),  # fiscal year
    ("ปีงบประมาณ 2567", ["remark"]),
    ("พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562", None),  # a law's year
    ("99/12 หมู่ 3 ซอย 2530 ถ.สุขุมวิท", None),  # in an address
    ("ราคา 2500 บาท", None),  # a price
    ("2500 บาท", ["birth_year"]),
    ("เกิดขึ้นในปี 2530", None),  # "occurred"
    ("เกิด 2530 ครั้ง", None),  # a count
    ("20/05/2533", ["birth_year"]),  # a full date is DATE_OF_BIRTH's
    ("1899", ["birth_year"]),  # out of range
    ("2101", ["birth_year"]),
    ("2442", ["birth_year"]),
    ("2644", ["birth_year"]),
    ("12345", ["birth_year"]),
    ("2567", ["fiscal_year"]),  # a year without birth words stays a shape
]


@pytest.mark.parametrize(("text", "expected", "context"), MATCHES)
def test_matches(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "BIRTH_YEAR", context=context)
    assert matched == expected
    assert score >= 0.5


def test_in_text_score(best) -> None:
    assert best("เกิดปี 2530", "BIRTH_YEAR") == ("2530", 0.6)


@pytest.mark.parametrize("text", SHAPES)
def test_shapes(best, text: str) -> None:
    matched, score = best(text, "BIRTH_YEAR")
    assert matched == text.strip().split()[-1]
    assert score == 0.1


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "BIRTH_YEAR", context=context)[1] < 0.5
