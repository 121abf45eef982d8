"""Shared base for our recognizers: find spans, then boost them with nearby words.

Presidio's lemma-based context enhancer looks at spaCy tokens, and the Thai
stop-word list drops words such as ``เกิด`` (born) before matching; Thai text
also glues context words to values (``โทร081-234-5678``). Our recognizers
therefore boost their own results: a context word counts when it occurs in a
short character window around the match (Thai words as substrings, Latin
words at a word start) or in the ``context`` list given to ``analyze`` (the
column name, for the column classifier). Results are flagged as handled so
Presidio's own enhancer leaves them alone.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections.abc import Iterable, Sequence
from functools import cache
from typing import ClassVar, NamedTuple

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

#: Added to a match's score when one of its context words is near (as the engine's).
CONTEXT_BOOST = 0.45
#: A match with supporting context scores at least this much.
MIN_SCORE_WITH_CONTEXT = 0.5

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS = re.compile(r"[_\-./:]+")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_DIGIT = re.compile(r"\d")
_LATIN = re.compile(r"[A-Za-z]")
_LETTER = re.compile(r"[^\W\d_]")


def score_with_context(score: float) -> float:
    """A match's score once a context word supports it: boosted, at least the floor, at most 1.

    >>> score_with_context(0.3), score_with_context(0.01), score_with_context(0.9)
    (0.75, 0.5, 1.0)
    """
    return min(max(score + CONTEXT_BOOST, MIN_SCORE_WITH_CONTEXT), 1.0)


class Span(NamedTuple):
    """One candidate match: offsets into the analysed text and a base score."""

    start: int
    end: int
    score: float
    #: False for a match that context must not promote (see ``find``).
    boostable: bool = True


def context_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Compile context words: Thai ones match anywhere, Latin ones at a word start."""
    parts = []
    for word in sorted({w.lower() for w in words if w}, key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"[\s_\-]*")
        parts.append(escaped if _THAI.search(word) else rf"(?<![a-z0-9]){escaped}")
    return re.compile("|".join(parts)) if parts else None


@cache
def _needs(requirement: str) -> tuple[str, ...]:
    needs = tuple(requirement.split("|"))
    unknown = set(needs) - {"digit", "at", "thai", "latin", "letter"}
    if unknown:
        raise ValueError(f"unknown REQUIRES trait(s): {', '.join(sorted(unknown))}")
    return needs


class TextTraits(NamedTuple):
    """Cheap facts about a text, computed once, that let recognizers be skipped."""

    digit: bool
    at: bool
    thai: bool
    latin: bool
    letter: bool  # a letter of any script (CJK, Hangul, Cyrillic … as well)

    @classmethod
    def of(cls, text: str) -> TextTraits:
        return cls(
            digit=_DIGIT.search(text) is not None,
            at="@" in text,
            thai=_THAI.search(text) is not None,
            latin=_LATIN.search(text) is not None,
            letter=_LETTER.search(text) is not None,
        )

    def allow(self, requirement: str) -> bool:
        """``requirement`` is "any", or one or more of digit/at/thai/latin/letter joined by "|"."""
        if requirement == "any":
            return True
        return any(getattr(self, need) for need in _needs(requirement))


def column_words(context: Sequence[str] | None) -> str:
    """Turn column names (``dateOfBirth``, ``birth_date``) into plain lower-case words."""
    if not context:
        return ""
    words = (_SEPARATORS.sub(" ", _CAMEL.sub(" ", str(item))) for item in context)
    return " ".join(words).lower()


class ScannerRecognizer(EntityRecognizer):
    """A recognizer for one entity type, with character-window context boosting.

    Subclasses set ``ENTITY`` and ``CONTEXT`` (Thai and English words) and
    implement :meth:`find`. ``NEGATIVE_CONTEXT`` phrases are blanked out of
    the window before context words are looked for (``เกิดขึ้น`` "occurred"
    must not read as ``เกิด`` "born").
    """

    ENTITY: ClassVar[str]
    #: Set by Presidio's ``EntityRecognizer.__init__`` (the class name here).
    name: str
    #: What a text must contain for this recognizer to have a chance (see ``TextTraits``).
    REQUIRES: ClassVar[str] = "any"
    #: Where the recognizer serves: "values" (column cells), "text" (free text) or "all".
    SCOPE: ClassVar[str] = "all"
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    NEGATIVE_CONTEXT: ClassVar[tuple[str, ...]] = ()
    WINDOW_BEFORE: ClassVar[int] = 32
    WINDOW_AFTER: ClassVar[int] = 12

    def __init__(self, supported_language: str = "th") -> None:
        self._context_re = context_pattern(self.CONTEXT)
        self._negative_re = context_pattern(self.NEGATIVE_CONTEXT)
        super().__init__(
            supported_entities=[self.ENTITY],
            name=type(self).__name__,
            supported_language=supported_language,
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load: data files are read once at import time."""

    @abstractmethod
    def find(self, text: str) -> Iterable[Span]:
        """Yield candidate spans in ``text`` (already normalised by the engine)."""

    def analyze(
        self,
        text: str,
        entities: list[str] | None = None,
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY not in entities:
            return []
        results = []
        for span in self.find(text):
            explanation = AnalysisExplanation(
                recognizer=self.name,
                original_score=span.score,
                textual_explanation=f"{self.name}: {'shape' if span.score < 0.5 else 'value'}",
            )
            results.append(
                RecognizerResult(
                    entity_type=self.ENTITY,
                    start=span.start,
                    end=span.end,
                    score=span.score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                        "boostable": span.boostable,
                    },
                )
            )
        return results

    def has_context(self, text: str, start: int, end: int, columns: str = "") -> bool:
        """True when a context word is within the window around ``text[start:end]``."""
        if self._context_re is None:
            return False
        window = text[max(0, start - self.WINDOW_BEFORE) : start].lower()
        window += " \x00 " + text[end : end + self.WINDOW_AFTER].lower()
        window += " \x00 " + columns
        if self._negative_re is not None:
            window = self._negative_re.sub(" ", window)
        return self._context_re.search(window) is not None

    def enhance_using_context(
        self,
        text: str,
        raw_recognizer_results: list[RecognizerResult],
        other_raw_recognizer_results: list[RecognizerResult],
        nlp_artifacts: NlpArtifacts | None,
        context: list[str] | None = None,
    ) -> list[RecognizerResult]:
        columns = column_words(context)
        for result in raw_recognizer_results:
            metadata = result.recognition_metadata or {}
            metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            result.recognition_metadata = metadata
            if not metadata.get("boostable", True):
                continue
            if self.has_context(text, result.start, result.end, columns):
                result.score = score_with_context(result.score)
                if result.analysis_explanation is not None:
                    result.analysis_explanation.set_improved_score(result.score)
        return raw_recognizer_results
