"""BIRTH_YEAR: a year of birth, in a birth-year column or after birth words.

A whole value that is only a year, Common Era 1900-2100 or Buddhist Era
2443-2643 (DOMAIN §1.16), optionally with ``พ.ศ.``/``ค.ศ.``, is a shape
(0.1): the column name decides (birth_year, ปีเกิด, yob …).

In free text a year right after birth words is evidence (0.6): ``เกิดปี
2530``, ``เกิด พ.ศ. 2530``, ``ปีเกิด 2530``, ``born in 1987``, ``year of
birth: 1987``, ``YOB 1987``. Only the year is reported.

Not matched: fiscal years (``ปีงบประมาณ 2567``), a law's year (``พ.ร.บ. …
พ.ศ. 2562``), years inside addresses or dates, prices (``2500 บาท``),
``เกิดขึ้นในปี 2530`` (occurred) and counts (``เกิด 2530 ครั้ง``).

Non-compliant (matched as evidence): ``เกิดปี 2530``.
Compliant (shape only): ``2530`` alone; not matched: ``ปีงบประมาณ 2567``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_ERA = r"(?:พ\.\s?ศ\.?|ค\.\s?ศ\.?|พศ|คศ|B\.?E\.?|A\.?D\.?|C\.?E\.?)"
_YEAR = r"(?P<year>\d{4})(?![\d])"
_WHOLE = re.compile(rf"\s*(?:{_ERA}\s*)?{_YEAR}\s*(?:{_ERA})?\s*")
_BIRTH_WORDS = (
    r"ปีเกิด|ปีที่เกิด|เกิด(?:ใน)?(?:ปี|เมื่อปี|เมื่อ)?"
    r"|(?<![A-Za-z])(?:born(?: in| on)?|year of birth|birth ?year|yob)"
)
_IN_TEXT = re.compile(
    rf"(?:{_BIRTH_WORDS})\s*[:\-]?\s*(?:{_ERA}\s*)?{_YEAR}"
    r"(?!\s*(?:ครั้ง|ราย|คน|คดี|กรณี|บาท|times|cases))",
    re.IGNORECASE,
)

SCORE_WHOLE_VALUE = 0.1
SCORE_IN_TEXT = 0.6


def is_birth_year(year: int) -> bool:
    """True for a plausible CE (1900-2100) or BE (2443-2643) year."""
    return 1900 <= year <= 2100 or 2443 <= year <= 2643


class BirthYearRecognizer(ScannerRecognizer):
    """Whole-value years (a shape) and years after birth words (evidence)."""

    ENTITY = "BIRTH_YEAR"
    REQUIRES = "digit"
    CONTEXT = (
        "ปีเกิด",
        "เกิด",
        "birth",
        "born",
        "yob",
        "year of birth",
        "birthyear",
    )
    NEGATIVE_CONTEXT = ("เกิดขึ้น", "เกิดเหตุ", "ก่อให้เกิด", "เกิดจาก")

    def find(self, text: str) -> Iterator[Span]:
        if len(text) <= 16:
            whole = _WHOLE.fullmatch(text)
            if whole is not None and is_birth_year(int(whole["year"])):
                yield Span(whole.start("year"), whole.end("year"), SCORE_WHOLE_VALUE)
                return
        if "เกิด" not in text and not re.search(r"(?i)born|birth|yob", text):
            return
        for match in _IN_TEXT.finditer(text):
            if is_birth_year(int(match["year"])):
                # the birth words are part of the match: no second boost from them
                yield Span(match.start("year"), match.end("year"), SCORE_IN_TEXT, boostable=False)
