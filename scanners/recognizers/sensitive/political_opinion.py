"""POLITICAL_OPINION (Section 26 political opinions: ความคิดเห็นทางการเมือง).

* A value that is a party name (``เพื่อไทย``, ``ประชาธิปัตย์``, ``Democrat``)
  scores 0.3: a shape that a political column (``political_party``,
  ``พรรคการเมือง``, ``สังกัดพรรค``) makes evidence. ``party`` alone is not a
  column word (an ERP "party" is a customer).
* Party names in text (``พรรคก้าวไกล``, ``เสื้อแดง``) are shapes — news
  mentions them constantly — promoted by ``สมาชิก``, ``ผู้สนับสนุน``,
  ``ลงคะแนน``, ``member``, ``supporter``, ``voted``.
* Phrases (``สมาชิกพรรค``, ``ผู้สนับสนุนพรรค``, ``political affiliation``) and
  ``member/supporter of the … Party``, ``voted for the … Party`` score 0.7.

Non-compliant (matched): ``เป็นสมาชิกพรรคประชาธิปัตย์``, ``a member of the Labour Party``.
Compliant (not evidence): ``พรรคเพื่อไทยแถลงนโยบาย`` (news, a shape), ``member of the board``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import EVIDENCE, SensitiveRecognizer, context_words

_PARTY_MEMBER = re.compile(
    r"(?<![A-Za-z])(?:(?i:members?|supporters?|voted\s+for|votes\s+for)\s+(?i:of\s+)?(?i:the\s+)?)"
    r"(?:[A-Z][\w'&.\-]*\s+){1,3}(?i:party)(?![A-Za-z])"
)


class PoliticalOpinionRecognizer(SensitiveRecognizer):
    """Political opinions: party membership and support."""

    ENTITY = "POLITICAL_OPINION"
    CONTEXT = context_words("POLITICAL_OPINION")

    def find_more(self, text: str) -> Iterator[Span]:
        if "arty" in text or "ARTY" in text:
            for match in _PARTY_MEMBER.finditer(text):
                yield Span(match.start(), match.end(), EVIDENCE)
