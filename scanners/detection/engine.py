"""The detection engine: Presidio's AnalyzerEngine wired to our Thai NLP engine.

Only our own recognizers are registered (none of Presidio's predefined ones,
some of which reach for the network or miss Thai formats). Text is
normalised (Thai digits, NFC) before analysis; spans are reported against
the caller's original text, which keeps code-point offsets exact because the
normalisation maps one code point to one code point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

from scanners.detection.nlp_engine import ThaiBlankNlpEngine
from scanners.normalise import normalise_text
from scanners.recognizers import all_recognizers
from scanners.recognizers.base import (
    CONTEXT_BOOST,
    MIN_SCORE_WITH_CONTEXT,
    ScannerRecognizer,
    TextTraits,
    column_words,
    score_with_context,
)

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
    recognizer: str = field(default="", compare=False)


def _recognizer_name(result: RecognizerResult) -> str:
    return str((result.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, ""))


@cache
def shared_analyzer(languages: tuple[str, ...], scope: str) -> AnalyzerEngine:
    """Presidio's engine for ``scope`` in ``languages``: once per process, when first asked.

    The free-text pipeline (Thai segmentation, the PERSON model and its
    lexicons, ~170 MB) is loaded only by a process that meets free text; a
    process that classifies only column values never pays for it.
    """
    registry = RecognizerRegistry(supported_languages=list(languages))
    for language in languages:
        for recognizer in all_recognizers(language, scope=scope):
            registry.add_recognizer(recognizer)
    nlp_engine = ThaiBlankNlpEngine(languages)
    nlp_engine.load()
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=list(languages),
        default_score_threshold=MIN_SCORE,
        context_aware_enhancer=LemmaContextAwareEnhancer(
            context_similarity_factor=CONTEXT_BOOST,
            min_score_with_context_similarity=MIN_SCORE_WITH_CONTEXT,
            context_prefix_count=6,
            context_suffix_count=3,
        ),
    )


class DetectionEngine:
    """Thai-aware detection over free text and over single column values."""

    def __init__(self, languages: Sequence[str] = ("th", "en")) -> None:
        self.languages = tuple(dict.fromkeys(languages)) or ("th",)
        # Thai segmentation copes with Latin script too, so Thai analyses everything.
        self.primary_language = "th" if "th" in self.languages else self.languages[0]

    @property
    def analyzer(self) -> AnalyzerEngine:
        """Presidio's engine with the free-text recognizers (``SCOPE`` "text" or "all"),
        built on first use and shared by every engine of this process."""
        return shared_analyzer(self.languages, "text")

    @property
    def value_analyzer(self) -> AnalyzerEngine:
        """Presidio's engine with the column-value recognizers, for comparison and fallback."""
        return shared_analyzer(self.languages, "values")

    @cached_property
    def supported_types(self) -> frozenset[str]:
        return frozenset(self.analyzer.get_supported_entities(self.primary_language))

    def analyze(
        self,
        text: str,
        context: Sequence[str] | None = None,
        min_score: float = MIN_SCORE,
        scope: str = "text",
    ) -> list[Entity]:
        """Detect entities in ``text`` (free text by default); offsets index the original."""
        if not text or not text.strip():
            return []
        normalised = normalise_text(text)
        analyzer = self.analyzer if scope == "text" else self.value_analyzer
        results = analyzer.analyze(
            text=normalised,
            language=self.primary_language,
            context=list(context) if context else None,
            score_threshold=min_score,
        )
        entities = {
            Entity(r.entity_type, r.start, r.end, round(float(r.score), 4), _recognizer_name(r))
            for r in results
        }
        return sorted(entities, key=lambda e: (e.start, e.end, e.type))

    @cached_property
    def _direct_recognizers(self) -> tuple[tuple[str, tuple[ScannerRecognizer, ...]], ...]:
        """The column-value recognizers grouped by what a text must contain for them."""
        recognizers = all_recognizers(self.primary_language, scope="values")
        if not all(isinstance(r, ScannerRecognizer) for r in recognizers):
            return ()
        groups: dict[str, list[ScannerRecognizer]] = {}
        for recognizer in recognizers:
            if isinstance(recognizer, ScannerRecognizer):
                groups.setdefault(recognizer.REQUIRES, []).append(recognizer)
        return tuple((requirement, tuple(group)) for requirement, group in groups.items())

    @cached_property
    def _recognizers_by_types(
        self,
    ) -> dict[frozenset[str], tuple[tuple[str, tuple[ScannerRecognizer, ...]], ...]]:
        """``_direct_recognizers`` cut down to a set of types, per set asked for."""
        return {}

    def analyze_value(
        self,
        text: str,
        context: Sequence[str] | None = None,
        min_score: float = MIN_SCORE,
        normalised: bool = False,
        entities: frozenset[str] | None = None,
    ) -> list[Entity]:
        """The best score per type that ``analyze(scope="values")`` gives, faster.

        Our recognizers read the raw text and boost themselves from a character
        window, so the NLP pipeline and Presidio's enhancer add nothing here:
        each recognizer's spans are scored and boosted directly (with
        ``score_with_context``, as ``ScannerRecognizer.enhance_using_context``
        does, without building Presidio result objects), and recognizers whose
        ``REQUIRES`` the text cannot meet (no digit, no ``@``…) are skipped as a group.
        ``normalised``: the caller already applied ``normalise_text``.
        ``entities``: only recognizers of these types run (each recognizer scores its
        own spans, so the entities of these types are exactly those found without it).
        """
        groups = self._direct_recognizers
        if entities is not None and groups:
            narrowed = self._recognizers_by_types.get(entities)
            if narrowed is None:
                narrowed = self._recognizers_by_types[entities] = tuple(
                    (requirement, kept)
                    for requirement, group in groups
                    if (kept := tuple(r for r in group if r.ENTITY in entities))
                )
            groups = narrowed
            if not groups:
                return []
        if not groups:
            found = self.analyze(text, context, min_score, scope="values")
            return found if entities is None else [e for e in found if e.type in entities]
        if not text or not text.strip():
            return []
        if not normalised:
            text = normalise_text(text)
        traits = TextTraits.of(text)
        columns = column_words(context)
        spans: dict[tuple[str, int, int], Entity] = {}
        for requirement, recognizers in groups:
            if not traits.allow(requirement):
                continue
            for recognizer in recognizers:
                for span in recognizer.find(text):
                    score = span.score
                    if span.boostable and recognizer.has_context(
                        text, span.start, span.end, columns
                    ):
                        score = score_with_context(score)
                    score = round(float(score), 4)
                    key = (recognizer.ENTITY, span.start, span.end)
                    if score >= min_score and (key not in spans or spans[key].score < score):
                        spans[key] = Entity(*key, score, recognizer.name)
        return sorted(spans.values(), key=lambda e: (e.start, e.end, e.type))

    def warm_up(self, free_text: bool = False) -> None:
        """Load the column recognizers now (and the free-text pipeline and model if asked).

        Worth it before forking worker processes: they inherit what is loaded
        instead of each loading it again.
        """
        self.analyze_value("warm-up 0812345678 a@b.co")
        if free_text:
            self.analyze("นายสมชาย ใจดี โทร 0812345678")

    def detect(self, text: str) -> list[Entity]:
        """Entities that are evidence on their own or with their in-text context."""
        return resolve_overlaps(self.analyze(text, min_score=EVIDENCE_SCORE))


#: (outer, inner) type pairs where the inner span is part of the outer one, not a rival:
#: a postcode inside an address, a birth year inside a birth date, a clergy title
#: (religion) inside a person's name.
NESTABLE: frozenset[tuple[str, str]] = frozenset(
    {("ADDRESS", "POSTAL_CODE"), ("DATE_OF_BIRTH", "BIRTH_YEAR"), ("PERSON", "RELIGION")}
)


def _nested(a: Entity, b: Entity) -> bool:
    """True when one span contains the other and their types may nest."""
    if a.start <= b.start and b.end <= a.end:
        return (a.type, b.type) in NESTABLE
    if b.start <= a.start and a.end <= b.end:
        return (b.type, a.type) in NESTABLE
    return False


def resolve_overlaps(entities: Sequence[Entity]) -> list[Entity]:
    """Among rival overlapping spans keep the highest score (then the longest span).

    Spans whose types nest (see ``NESTABLE``) are not rivals: both are kept.
    """
    kept: list[Entity] = []
    ranked = sorted(entities, key=lambda e: (-e.score, -(e.end - e.start), e.start))
    for entity in ranked:
        if all(entity.end <= k.start or entity.start >= k.end or _nested(k, entity) for k in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: (e.start, e.end))
