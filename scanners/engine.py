"""The detection engine: Presidio's AnalyzerEngine wired to our Thai NLP engine.

Only our own recognizers are registered (none of Presidio's predefined ones,
some of which reach for the network or miss Thai formats). Text is
normalised (Thai digits, NFC) before analysis; spans are reported against
the caller's original text, which keeps code-point offsets exact because the
normalisation maps one code point to one code point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from scanners.nlp_engine import ThaiBlankNlpEngine
from scanners.normalise import normalise_text
from scanners.recognizers import all_recognizers
from scanners.recognizers.base import ScannerRecognizer, TextTraits

#: Added to a match's score when one of its recognizer's context words is near.
CONTEXT_BOOST = 0.45
#: A match with supporting context scores at least this much.
MIN_SCORE_WITH_CONTEXT = 0.5
#: Matches below this score are not returned at all.
MIN_SCORE = 0.05
#: A match at or above this score is evidence on its own (see recognizers/__init__).
EVIDENCE_SCORE = 0.5


@dataclass(frozen=True)
class Entity:
    """One detected span of personal data, with code-point offsets."""

    type: str
    start: int
    end: int
    score: float


class DetectionEngine:
    """Thai-aware detection over free text and over single column values."""

    def __init__(self, languages: Sequence[str] = ("th", "en")) -> None:
        self.languages = tuple(dict.fromkeys(languages)) or ("th",)
        # Thai segmentation copes with Latin script too, so Thai analyses everything.
        self.primary_language = "th" if "th" in self.languages else self.languages[0]

    @cached_property
    def analyzer(self) -> AnalyzerEngine:
        registry = RecognizerRegistry(supported_languages=list(self.languages))
        for language in self.languages:
            for recognizer in all_recognizers(language):
                registry.add_recognizer(recognizer)
        nlp_engine = ThaiBlankNlpEngine(self.languages)
        nlp_engine.load()
        return AnalyzerEngine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=list(self.languages),
            default_score_threshold=MIN_SCORE,
            context_aware_enhancer=LemmaContextAwareEnhancer(
                context_similarity_factor=CONTEXT_BOOST,
                min_score_with_context_similarity=MIN_SCORE_WITH_CONTEXT,
                context_prefix_count=6,
                context_suffix_count=3,
            ),
        )

    @cached_property
    def supported_types(self) -> frozenset[str]:
        return frozenset(self.analyzer.get_supported_entities(self.primary_language))

    def analyze(
        self, text: str, context: Sequence[str] | None = None, min_score: float = MIN_SCORE
    ) -> list[Entity]:
        """Detect entities in ``text``; offsets index the original string."""
        if not text or not text.strip():
            return []
        normalised = normalise_text(text)
        results = self.analyzer.analyze(
            text=normalised,
            language=self.primary_language,
            context=list(context) if context else None,
            score_threshold=min_score,
        )
        entities = {
            Entity(r.entity_type, r.start, r.end, round(float(r.score), 4)) for r in results
        }
        return sorted(entities, key=lambda e: (e.start, e.end, e.type))

    @cached_property
    def _direct_recognizers(self) -> tuple[ScannerRecognizer, ...]:
        recognizers = all_recognizers(self.primary_language)
        if not all(isinstance(r, ScannerRecognizer) for r in recognizers):
            return ()
        return tuple(r for r in recognizers if isinstance(r, ScannerRecognizer))

    def analyze_value(
        self, text: str, context: Sequence[str] | None = None, min_score: float = MIN_SCORE
    ) -> list[Entity]:
        """The best score per type that :meth:`analyze` gives, faster, for column values.

        Our recognizers read the raw text and boost themselves from a character
        window, so the NLP pipeline and Presidio's enhancer add nothing here;
        recognizers whose ``REQUIRES`` the text cannot meet (no digit, no ``@``…)
        are skipped.
        """
        recognizers = self._direct_recognizers
        if not recognizers:
            return self.analyze(text, context, min_score)
        if not text or not text.strip():
            return []
        normalised = normalise_text(text)
        traits = TextTraits.of(normalised)
        extra = list(context) if context else None
        entities: dict[tuple[str, int, int], Entity] = {}
        for recognizer in recognizers:
            if not traits.allow(recognizer.REQUIRES):
                continue
            results = recognizer.analyze(normalised, None, None)
            if not results:
                continue
            recognizer.enhance_using_context(normalised, results, [], None, extra)
            for r in results:
                score = round(float(r.score), 4)
                key = (r.entity_type, r.start, r.end)
                if score >= min_score and (key not in entities or entities[key].score < score):
                    entities[key] = Entity(r.entity_type, r.start, r.end, score)
        return sorted(entities.values(), key=lambda e: (e.start, e.end, e.type))

    def detect(self, text: str) -> list[Entity]:
        """Entities that are evidence on their own or with their in-text context."""
        return resolve_overlaps(self.analyze(text, min_score=EVIDENCE_SCORE))


def resolve_overlaps(entities: Sequence[Entity]) -> list[Entity]:
    """Keep, among spans that overlap, the highest score (then the longest span)."""
    kept: list[Entity] = []
    ranked = sorted(entities, key=lambda e: (-e.score, -(e.end - e.start), e.start))
    for entity in ranked:
        if all(entity.end <= k.start or entity.start >= k.end for k in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: (e.start, e.end))
