"""Each distinct value of a column analysed once, and tallied for any prefix of its sample.

The detection engine is the classifier's cost; a column's distinct values
go to it once each (:class:`ValueAnalyses`), and what it found is kept as
:class:`Hit` values while the column is classified, so any list of the
column's values — its whole sample, or a prefix of a shuffled order — is
tallied per type (:class:`~scanners.classification.decisions.Tally`) without
asking the engine again. The tallies of a list are those the classifier has
always made of a sample holding just that list.

A value may also be analysed for a few types only (``only``: the engine runs
just their recognizers, and a name prior's shape is tested for them alone);
its tallies of those types are then exactly those of a full analysis, and it
is analysed in full if a full tally asks for it later.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from scanners.classification.column_lexicon import NamePrior
from scanners.classification.decisions import Tally, as_text
from scanners.classification.value_shapes import has_shape
from scanners.detection.engine import EVIDENCE_SCORE, DetectionEngine, Entity
from scanners.pii_types import PiiType

#: A match covering this share of its value is the value itself, not a word inside it.
WHOLE_VALUE_SHARE = 0.8


@dataclass(frozen=True)
class Hit:
    """What one distinct value shows of one type (kept only while its column is classified)."""

    type: str
    text: str = field(repr=False)  # the matched text: never printed, masked before it is kept
    evidence: bool = False
    score: float = 0.0
    recognizer: str = ""
    whole: bool = False
    digest: bytes = b""


class ValueAnalyses:
    """Each distinct value analysed once, however many prefixes of the sample count it."""

    def __init__(
        self,
        engine: DetectionEngine,
        free_text: bool,
        use_recognizers: bool,
        priors: dict[PiiType, NamePrior],
    ) -> None:
        self.engine = engine
        self.free_text = free_text
        self.use_recognizers = use_recognizers
        self.priors = tuple(priors)
        self.analysed = 0  # distinct values given to the engine for every type
        self.narrowed = 0  # distinct values given to it for a few types only
        self._hits: dict[object, tuple[Hit, ...]] = {}
        self._narrow: dict[tuple[frozenset[str], object], tuple[Hit, ...]] = {}

    def hits(self, value: object, only: frozenset[str] | None = None) -> tuple[Hit, ...]:
        """What ``value`` shows (of the types in ``only``, if given), from the engine the
        first time it is asked; a value analysed in full answers for any ``only``."""
        found = self._hits.get(value)
        if found is not None:
            return found if only is None else tuple(h for h in found if h.type in only)
        if only is None:
            found = self._hits[value] = self._analyse(value, None)
            return found
        found = self._narrow.get((only, value))
        if found is None:
            found = self._narrow[only, value] = self._analyse(value, only)
        return found

    def _analyse(self, value: object, only: frozenset[str] | None) -> tuple[Hit, ...]:
        hits: list[Hit] = []
        if self.use_recognizers and isinstance(value, str):
            if only is None:
                self.analysed += 1
            else:
                self.narrowed += 1
            if self.free_text:
                found = self.engine.analyze(value)
            else:
                found = self.engine.analyze_value(value, normalised=True, entities=only)
            if only is not None:
                found = [e for e in found if e.type in only]
            for entity in _best_per_type(found):
                text = value[entity.start : entity.end]
                evidence = entity.score >= EVIDENCE_SCORE
                digest = hashlib.blake2b(text.encode(), digest_size=8).digest() if evidence else b""
                whole = len(text) >= WHOLE_VALUE_SHARE * len(value)
                hits.append(
                    Hit(entity.type, text, evidence, entity.score, entity.recognizer, whole, digest)
                )
        matched = {hit.type for hit in hits}
        for pii_type in self.priors:
            if only is not None and pii_type not in only:
                continue
            if pii_type not in matched and has_shape(pii_type, value):
                hits.append(Hit(pii_type, as_text(value)))
        return tuple(hits)

    def tally(
        self, counts: Counter[object], only: frozenset[str] | None = None
    ) -> dict[str, Tally]:
        """Per-type tallies over ``counts`` (values in the order they were first seen), of
        the types in ``only`` if given."""
        tallies: dict[str, Tally] = {}
        for value, count in counts.items():
            for hit in self.hits(value, only):
                tally = tallies.setdefault(hit.type, Tally())
                if hit.evidence:
                    tally.evidence += count
                    tally.score_sum += hit.score * count
                    tally.recognizers.add(hit.recognizer)
                    if len(tally.distinct) < 16:
                        tally.distinct.add(hit.digest)
                tally.shape += count
                if hit.whole:
                    tally.whole += count
                tally.add_example(hit.type, hit.text)
        return tallies


def _best_per_type(entities: Iterable[Entity]) -> list[Entity]:
    best: dict[str, Entity] = {}
    for entity in entities:
        if entity.type not in best or entity.score > best[entity.type].score:
            best[entity.type] = entity
    return list(best.values())
