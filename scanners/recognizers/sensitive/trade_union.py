"""TRADE_UNION (Section 26 trade-union information: ข้อมูลสหภาพแรงงาน).

* Phrases (``สมาชิกสหภาพ…``, ``ค่าบำรุงสหภาพ``, ``union member``,
  ``union dues``, ``shop steward``) and ``member of the … Union`` score 0.7.
* Union names (``สหภาพแรงงานรัฐวิสาหกิจการรถไฟ``, ``trade union``) are shapes
  promoted by ``สมาชิก``, ``กรรมการ``, ``member``, ``joined`` or a union column.
* Other unions are excluded: ``สหภาพยุโรป``, ``European Union``,
  ``credit union``, ``UnionPay``, ``Union Station``.

Non-compliant (matched): ``เป็นสมาชิกสหภาพแรงงานการไฟฟ้า``, ``union dues 200 THB``.
Compliant (not evidence): ``สหภาพยุโรป``, ``pay with UnionPay``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import EVIDENCE, SensitiveRecognizer, context_words

_MEMBER_OF = re.compile(
    r"(?<![A-Za-z])(?i:members?(?:ship)?\s+(?:of|in)\s+(?:the\s+)?)"
    r"(?:[A-Z][\w'&.\-]*\s+){0,4}(?i:(?:trade|labou?r|workers'?)\s+)?(?i:union)(?![A-Za-z])"
)


class TradeUnionRecognizer(SensitiveRecognizer):
    """Trade-union membership, dues and union names."""

    ENTITY = "TRADE_UNION"
    CONTEXT = context_words("TRADE_UNION")

    def find_more(self, text: str) -> Iterator[Span]:
        if "nion" in text or "NION" in text:
            excluded = self._excluded(text)
            for match in _MEMBER_OF.finditer(text):
                if not any(s < match.end() and match.start() < e for s, e in excluded):
                    yield Span(match.start(), match.end(), EVIDENCE)
