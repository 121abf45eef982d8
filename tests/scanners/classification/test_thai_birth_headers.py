"""Thai column headers for a birth date, with the separators forms use (DOMAIN.md §1.16).

``วัน/เดือน/ปีเกิด`` and ``ว/ด/ป เกิด`` are a date of birth; ``ปีเกิด`` (and
``ปี พ.ศ. เกิด``) only the year. Traps: the day something *happened*
(``วันที่เกิดเหตุ``), a birthplace, and other dates written the same way.
"""

from __future__ import annotations

import pytest

from scanners.classification.column_names import column_priors
from scanners.pii_types import PiiType

POINTS_TO = [
    ("วัน/เดือน/ปีเกิด", PiiType.DATE_OF_BIRTH),
    ("ว/ด/ป เกิด", PiiType.DATE_OF_BIRTH),
    ("ว/ด/ปเกิด", PiiType.DATE_OF_BIRTH),
    ("ว.ด.ป. เกิด", PiiType.DATE_OF_BIRTH),
    ("วดป.เกิด", PiiType.DATE_OF_BIRTH),
    ("วัน เดือน ปี เกิด", PiiType.DATE_OF_BIRTH),
    ("วันเดือนปีเกิด", PiiType.DATE_OF_BIRTH),
    ("วันที่เกิด", PiiType.DATE_OF_BIRTH),
    ("วันเกิด", PiiType.DATE_OF_BIRTH),
    ("ปีเกิด", PiiType.BIRTH_YEAR),
    ("ปี พ.ศ. เกิด", PiiType.BIRTH_YEAR),
    ("พ.ศ.เกิด", PiiType.BIRTH_YEAR),
]

TRAPS = [
    "วันที่เกิดเหตุ",
    "วัน/เดือน/ปี ที่เกิดเหตุ",
    "วันเกิดอุบัติเหตุ",
    "สถานที่เกิด",
    "ว/ด/ป ลาออก",
    "วัน/เดือน/ปี ที่เริ่มงาน",
    "วันที่ออก",
]


@pytest.mark.parametrize(("name", "pii_type"), POINTS_TO)
def test_header_points_to(name: str, pii_type: PiiType) -> None:
    assert [prior.type for prior in column_priors(name)] == [pii_type]


@pytest.mark.parametrize("name", TRAPS)
def test_trap_is_not_a_birth_date(name: str) -> None:
    types = {prior.type for prior in column_priors(name)}
    assert not types & {PiiType.DATE_OF_BIRTH, PiiType.BIRTH_YEAR}
