"""DATE_OF_BIRTH: dates are shapes; birth context makes them evidence."""

from __future__ import annotations

import pytest

# (text, expected match, context) — every one must reach 0.5
MATCHES = [
    ("เกิดวันที่ 1 มกราคม 2530", "1 มกราคม 2530", None),
    ("วันเกิด: 20/05/2533", "20/05/2533", None),
    ("วันเดือนปีเกิด 14ธ.ค.2509", "14ธ.ค.2509", None),
    ("วัน/เดือน/ปีเกิด ๑ มกราคม ๒๕๓๓", "๑ มกราคม ๒๕๓๓", None),
    ("Date of birth: 1990-05-20", "1990-05-20", None),
    ("born on 20 May 1990", "20 May 1990", None),
    ("DOB May 20, 1990", "May 20, 1990", None),
    ("1990-05-20 00:00:00", "1990-05-20 00:00:00", ["BirthDate"]),
    ("1962-02-18", "1962-02-18", ["date_of_birth"]),
    ("15 ก.ค. 2565", "15 ก.ค. 2565", ["วันเกิด"]),
    ("5 เม.ย. 65", "5 เม.ย. 65", ["dob"]),
    ("1 มกรา 2533", "1 มกรา 2533", ["วันเดือนปีเกิด"]),
    ("12/25/1990", "12/25/1990", ["birthday"]),
]

SHAPES = [
    ("1990-05-20", "1990-05-20"),
    ("20/05/2533", "20/05/2533"),
    ("15 ก.ค. 2565", "15 ก.ค. 2565"),
    ("1 มกราคม 2533", "1 มกราคม 2533"),
    ("14ธ.ค.2509", "14ธ.ค.2509"),
    ("10 March 1985", "10 March 1985"),
]

TRAPS = [
    ("ประชุมวันที่ 1 มกราคม 2567", None),
    ("เหตุเกิดขึ้นวันที่ 5 มีนาคม 2567", None),
    ("2024-13-01", ["birth_date"]),  # month 13
    ("30/02/2533", ["birth_date"]),  # 30 February
    ("31 เมษายน 2530", ["birth_date"]),
    ("1 มกราคม 3530", ["birth_date"]),  # implausible year
    ("3.14159", ["birth_date"]),
    ("1990-05-20", ["order_date"]),
    ("Invoice date 2023-01-15", None),
]


@pytest.mark.parametrize(("text", "expected", "context"), MATCHES)
def test_matches_with_birth_context(best, text: str, expected: str, context) -> None:
    matched, score = best(text, "DATE_OF_BIRTH", context=context)
    assert matched == expected
    assert score >= 0.5


@pytest.mark.parametrize(("text", "expected"), SHAPES)
def test_plain_dates_are_only_shapes(best, text: str, expected: str) -> None:
    matched, score = best(text, "DATE_OF_BIRTH")
    assert matched == expected
    assert 0.05 <= score < 0.5


@pytest.mark.parametrize(("text", "context"), TRAPS)
def test_traps(best, text: str, context) -> None:
    assert best(text, "DATE_OF_BIRTH", context=context)[1] < 0.5
