"""POSTAL_CODE: Thai five-digit postcodes and common foreign postcode shapes.

A Thai postcode is five digits whose first two are a postal province
prefix (10-18, 20-27, 30-49, 50-58, 60-67, 70-77, 80-86, 90-96). Alone it
is only a shape (0.1): five-digit numbers are everywhere. Near postcode or
address words (รหัสไปรษณีย์, zip, postcode, จังหวัด, อำเภอ, a province name …) it
becomes evidence. Foreign shapes (``T2P 5M5``, ``SW1V 3EN``, ``01007-010``,
``94043-1351``) are shapes as well (0.1).

Non-compliant (matched as evidence): ``รหัสไปรษณีย์ 10110``.
Compliant (shape only): ``10110`` alone; not matched: ``19000``, ``123456``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.recognizers.th.th_address import PROVINCE_NAMES

_THAI = re.compile(
    r"(?<![\d.,\-/:])(?:1[0-8]|2[0-7]|3\d|4\d|5[0-8]|6[0-7]|7[0-7]|8[0-6]|9[0-6])\d{3}"
    r"(?![\d]|[.,\-/:]\d)"
)
_FOREIGN = (
    re.compile(r"(?<![\w])[A-Z]\d[A-Z] ?\d[A-Z]\d(?!\w)"),  # Canada
    re.compile(r"(?<![\w])[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?!\w)"),  # United Kingdom
    re.compile(r"(?<![\w.,\-/])\d{5}-\d{3,4}(?![\w\-/]|[.,]\d)"),  # Brazil, US ZIP+4
)

SCORE_SHAPE = 0.1


class PostalCodeRecognizer(ScannerRecognizer):
    """Postcodes: shapes that need context or a postcode column."""

    ENTITY = "POSTAL_CODE"
    REQUIRES = "digit"
    CONTEXT = (
        "ไปรษณีย์",
        "ปณ",
        "จังหวัด",
        "จ.",
        "อำเภอ",
        "อ.",
        "เขต",
        "แขวง",
        "ตำบล",
        "กรุงเทพ",
        "กทม",
        "zip",
        "postcode",
        "post code",
        "postal",
        "postleitzahl",
        "plz",
        "cep",
        *sorted(PROVINCE_NAMES),
    )
    WINDOW_BEFORE = 24
    WINDOW_AFTER = 4

    def find(self, text: str) -> Iterator[Span]:
        for match in _THAI.finditer(text):
            yield Span(match.start(), match.end(), SCORE_SHAPE)
        for pattern in _FOREIGN:
            for match in pattern.finditer(text):
                yield Span(match.start(), match.end(), SCORE_SHAPE)
