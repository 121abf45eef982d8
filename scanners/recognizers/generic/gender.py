"""GENDER: whole values such as ชาย, หญิง, male, F — a quasi-identifier shape.

A value that is only a gender word (ชาย, หญิง, เพศชาย, เพศหญิง, ช, ญ, male,
female, man, woman, M, F) scores 0.2: it needs a gender column (``เพศ``,
``sex``, ``gender``) to count. In running text, ``เพศชาย``/``เพศ: หญิง`` and
``gender: male``/``sex: F`` are evidence (0.6). Gender is not Section 26
sensitive data (DOMAIN §2.2).

Non-compliant (matched): value ``หญิง`` in column ``เพศ``; ``เพศ: ชาย``.
Compliant (not matched): ``นายสมชาย`` (a name), ``Female Vocalist Award``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import ScannerRecognizer, Span

_VALUE = re.compile(
    r"\s*(เพศชาย|เพศหญิง|ชาย|หญิง|ช|ญ|male|female|man|woman|m|f)\.?\s*", re.IGNORECASE
)
_IN_TEXT = re.compile(
    r"เพศ\s*[:：]?\s*(ชาย|หญิง)(?![\u0e01-\u0e4e])"
    r"|(?<![A-Za-z])(?:gender|sex)\s*[:=]\s*(male|female|m|f)(?![A-Za-z])",
    re.IGNORECASE,
)

SCORE_VALUE = 0.2
SCORE_LABELLED = 0.6


class GenderRecognizer(ScannerRecognizer):
    """Gender values (shape) and labelled gender in text (evidence)."""

    ENTITY = "GENDER"
    REQUIRES = "thai|latin"
    CONTEXT = ("เพศ", "gender", "sex")
    NEGATIVE_CONTEXT = ("พฤติกรรมทางเพศ", "sexual")

    def find(self, text: str) -> Iterator[Span]:
        value = _VALUE.fullmatch(text)
        if value:
            yield Span(value.start(1), value.end(1), SCORE_VALUE)
            return
        for match in _IN_TEXT.finditer(text):
            yield Span(match.start(), match.end(), SCORE_LABELLED)
