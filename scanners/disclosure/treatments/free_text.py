"""Free text: prose columns (notes, remarks) with every detected identifier replaced.

A notes column cannot be generalised like a date or an address: the
personal data sits inside sentences. When such a column is disclosed, the
identifiers its own row holds in other columns are replaced first
(:mod:`~scanners.disclosure.treatments.known_values`), then each
span the detection engine finds (``นายสมชาย ใจดี``, a national ID, a phone
number …) is replaced by its type in angle brackets (``<PERSON>``,
``<TH_NATIONAL_ID>``), with Presidio's anonymizer, and the rest of the text
is kept so the recipient can still read it.

In running text the engine sometimes ends a Thai name before its surname
(``นายสมชาย`` of ``นายสมชาย ใจดี เลขประจำตัว…``). A PERSON span is therefore
widened over the next Thai word when the engine's column-value reading of
name + word is one person: a surname left in clear would identify. The
price is that a word after a name is sometimes hidden too (a label such as
``เลขประจำตัวประชาชน`` right after a name without surname): for a disclosure,
too much hidden is the safe error.

:func:`looks_like_free_text` tells such a column from one holding short
values: Thai is written without spaces between words, so it measures length,
not words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import (
    ConflictResolutionStrategy,
    OperatorConfig,
    RecognizerResult,
)

from scanners.detection.engine import EVIDENCE_SCORE, DetectionEngine, Entity
from scanners.disclosure.treatments.known_values import replace_known

__all__ = ["FREE_TEXT_MIN_CHARS", "FREE_TEXT_SHARE", "FreeTextAnonymiser", "looks_like_free_text"]

#: A value this long or longer (stripped, in characters) reads as prose, not as one field.
FREE_TEXT_MIN_CHARS = 40
#: The share of non-empty text values that must be prose for the column to be free text.
FREE_TEXT_SHARE = 0.5

# The Thai word after a span, one or two spaces away: a surname candidate.
_NEXT_THAI_WORD = re.compile(r" {1,2}[\u0e01-\u0e4e]+")


def looks_like_free_text(values: Sequence[object]) -> bool:
    """True when at least half of the non-empty text values are prose-long.

    Values that are not text (numbers, dates, None) are not counted at all; a
    column without any text is not free text.

    >>> looks_like_free_text(["ลูกค้าแจ้งว่าย้ายที่อยู่ไปต่างจังหวัดแล้วขอให้ส่งเอกสารทางอีเมล", "-"])
    True
    >>> looks_like_free_text(["สมชาย ใจดี", "081-234-5678", "", None])
    False
    """
    texts = [value.strip() for value in values if isinstance(value, str) and value.strip()]
    if not texts:
        return False
    long = sum(len(text) >= FREE_TEXT_MIN_CHARS for text in texts)
    return long >= FREE_TEXT_SHARE * len(texts)


def placeholder(entity_type: str) -> str:
    """What replaces a span of ``entity_type``: ``<PERSON>``."""
    return f"<{entity_type}>"


class FreeTextAnonymiser:
    """Replace every span ``engine.detect`` finds in a text by ``<TYPE>``."""

    def __init__(self, engine: DetectionEngine) -> None:
        self.engine = engine
        self._anonymizer = AnonymizerEngine()  # type: ignore[no-untyped-call]  # untyped __init__

    def _end(self, text: str, entity: Entity) -> int:
        """Where ``entity`` ends, a PERSON widened over a surname the engine left out."""
        if entity.type != "PERSON":
            return entity.end
        following = _NEXT_THAI_WORD.match(text, entity.end)
        if following is None:
            return entity.end
        candidate = text[entity.start : following.end()]
        for found in self.engine.analyze_value(candidate, min_score=EVIDENCE_SCORE):
            if found.type == "PERSON" and found.start == 0 and found.end == len(candidate):
                return following.end()
        return entity.end

    def __call__(self, text: object, known: Sequence[tuple[str, str]] = ()) -> str | None:
        """``text`` with its detected personal data replaced; None for None.

        ``known``: (type, value) pairs the row holds in other columns, replaced first
        (:func:`~scanners.disclosure.treatments.known_values.replace_known`).
        """
        if text is None:
            return None
        original = replace_known(text if isinstance(text, str) else str(text), known)
        entities = self.engine.detect(original)
        if not entities:
            return original
        results = [
            RecognizerResult(e.type, e.start, self._end(original, e), e.score) for e in entities
        ]
        operators = {
            e.type: OperatorConfig("replace", {"new_value": placeholder(e.type)}) for e in entities
        }
        # Overlapping spans of different types are trimmed, not both applied: every
        # detected character is replaced exactly once. A span inside another (a
        # postcode in an address) goes with the outer one.
        anonymised = self._anonymizer.anonymize(
            text=original,
            analyzer_results=results,
            operators=operators,
            conflict_resolution=ConflictResolutionStrategy.REMOVE_INTERSECTIONS,
        )
        return str(anonymised.text)
