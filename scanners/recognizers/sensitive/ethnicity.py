"""ETHNICITY (Section 26 racial or ethnic origin: เชื้อชาติ, เผ่าพันธุ์).

* A value that is a race or ethnic group (``ไทย``, ``จีน``, ``กะเหรี่ยง``,
  ``Asian``, ``Karen``) scores 0.3: a shape that a race column (``race``,
  ``เชื้อชาติ``, ``ethnicity``) makes evidence. ``ไทย``/``จีน``/``Thai`` are
  also nationalities, so they are whole values only, never terms in text.
* Ethnic-group terms in text (``ม้ง``, ``อาข่า``, ``Hmong``) are shapes that
  ``ชาว``/``เผ่า``/``ชาติพันธุ์``/``ethnic`` promote; a label (``เชื้อชาติไทย``,
  ``เชื้อชาติ: จีน``, ``race: Asian``) scores 0.85; phrases (``ชาวเขาเผ่า``,
  ``เชื้อสายจีน``, ``ethnic origin``) 0.7.
* Nationality is not Section 26 data: ``สัญชาติ``, ``nationality`` and
  ``citizenship`` are blanked before cues are looked for, so ``สัญชาติไทย``
  and a ``nationality`` column never promote a value.

Non-compliant (matched): ``เชื้อชาติไทย``, ``ชาวเขาเผ่าอาข่า``, value ``ม้ง`` in ``race``.
Compliant (not evidence): ``สัญชาติไทย``, value ``ไทย`` in ``nationality``, ``ภาษาม้ง``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scanners.recognizers.base import Span
from scanners.recognizers.sensitive.common import STRONG, SensitiveRecognizer, context_words
from scanners.recognizers.sensitive.lexicon import lexicon, normalise_value

_LABEL = re.compile(
    r"(?:เชื้อชาติ|เผ่าพันธุ์|ชาติพันธุ์|(?i:race|ethnicity|ethnic\s+group|ethnic\s+origin)\s*[:：=\-])"
    r"\s*(?:[:：=\-]\s*)?(?P<value>[^\s,;|()]+(?:\s+american)?)",
)

_LABEL_PREFILTER = re.compile("เชื้อชาติ|เผ่าพันธุ์|ชาติพันธุ์|race|ethnic", re.IGNORECASE)


class EthnicityRecognizer(SensitiveRecognizer):
    """Race and ethnic origin: values, ethnic-group terms and labels."""

    ENTITY = "ETHNICITY"
    CONTEXT = context_words("ETHNICITY")
    NEGATIVE_CONTEXT = ("สัญชาติ", "nationality", "citizenship")

    def __init__(self, supported_language: str = "th") -> None:
        super().__init__(supported_language=supported_language)
        lex = lexicon(self.ENTITY)
        self._known = tuple(sorted({*lex.values, *lex.terms}, key=len, reverse=True))

    def find_more(self, text: str) -> Iterator[Span]:
        if not _LABEL_PREFILTER.search(text):
            return
        for match in _LABEL.finditer(text):
            value = normalise_value(match["value"])
            known = next((k for k in self._known if value.startswith(k)), "")
            if known and (len(value) == len(known) or not value[len(known)].isascii()):
                end = match.start("value") + len(known)
                yield Span(match.start(), end, STRONG)
