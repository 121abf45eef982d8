"""Column classification: which personal-data types a sampled column holds, and why.

normalise → type short-cuts → recognizers over distinct values → match ratio
→ column-name prior → one decision per type with a confidence, masked
evidence and human-readable reasons. A type is reported when

* values that are evidence on their own make up at least ``min_match_ratio``
  of the non-empty sample, or
* the column name points to the type and at least ``PRIOR_SHAPE_RATIO`` of
  the values have the type's shape (recognizer shape match or a loose shape
  test from :mod:`scanners.value_shapes`), or
* the column is free text (a document's ``content``) and at least one
  passage is evidence on its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from connectors.model import ColumnSample, DatasetSample, ValueKind
from scanners.cell_values import prepare_value
from scanners.column_names import NamePrior, column_priors, is_generic_name
from scanners.column_rules import apply as column_rules
from scanners.column_rules.measure_names import withdraw_priors
from scanners.column_rules.view import ColumnView, DatasetContext, TypeTally, Verdict
from scanners.engine import EVIDENCE_SCORE, DetectionEngine, Entity
from scanners.masking import mask_value
from scanners.pii_types import QUASI_IDENTIFIER_TYPES, PiiType
from scanners.result import ColumnResult, PiiMatch
from scanners.sensitive_columns import sensitive_column_priors
from scanners.value_shapes import has_shape

#: With a name prior, this share of values must have the type's shape.
PRIOR_SHAPE_RATIO = 0.5
MAX_EVIDENCE = 3
#: A match covering this share of its value is the value itself, not a word inside it.
WHOLE_VALUE_SHARE = 0.8
#: Binary values kept for the rules that judge bytes (biometric templates).
MAX_BINARY_VALUES = 200
#: A quasi-identifier inside a richer type is part of it, not a second type of the column.
SUBSUMED_BY = {PiiType.POSTAL_CODE: PiiType.ADDRESS, PiiType.BIRTH_YEAR: PiiType.DATE_OF_BIRTH}
#: Types whose presence makes a generic ``name`` column beside them likely a person's name.
CONTACT_TYPES = frozenset({PiiType.EMAIL_ADDRESS, PiiType.PHONE_NUMBER, PiiType.TH_NATIONAL_ID})
_NO_RECOGNIZERS = {ValueKind.DECIMAL, ValueKind.BOOLEAN, ValueKind.BINARY, ValueKind.TIME}


@dataclass
class _Tally:
    """Per-type counts over the sample while a column is being classified."""

    evidence: int = 0
    shape: int = 0
    whole: int = 0
    score_sum: float = 0.0
    examples: list[str] = field(default_factory=list)
    recognizers: set[str] = field(default_factory=set)
    #: Digests of the different matched strings that were evidence (never the strings).
    distinct: set[bytes] = field(default_factory=set)

    def frozen(self) -> TypeTally:
        mean = self.score_sum / self.evidence if self.evidence else 0.0
        return TypeTally(self.evidence, self.shape, self.whole, mean, len(self.distinct))

    def add_example(self, pii_type: str, text: str) -> None:
        masked = mask_value(pii_type, text)
        if len(self.examples) < MAX_EVIDENCE and masked not in self.examples:
            self.examples.append(masked)


def name_priors(name: str) -> tuple[NamePrior, ...]:
    """What a column name points to: ordinary personal data and Section 26 data."""
    sensitive = sensitive_column_priors(name)
    ordinary = column_priors(name)
    if any(p.type is PiiType.SEXUAL_ORIENTATION for p in sensitive):
        ordinary = tuple(p for p in ordinary if p.type is not PiiType.GENDER)  # "รสนิยมทางเพศ"
    return (*ordinary, *sensitive)


def classify_dataset(
    sample: DatasetSample, engine: DetectionEngine, min_match_ratio: float = 0.2
) -> tuple[ColumnResult, ...]:
    """Classify every column; a generic ``name`` column beside contact data may be a person."""
    rows = sample.rows_sampled
    context = DatasetContext(sample.dataset.name, tuple(c.column.name for c in sample.columns))
    results = [
        classify_column(c, engine, rows, min_match_ratio, context=context) for c in sample.columns
    ]
    beside_contact = any(m.type in CONTACT_TYPES for r in results for m in r.pii)
    if beside_contact:
        prior = NamePrior(PiiType.PERSON, "name, beside contact columns")
        for index, column in enumerate(sample.columns):
            if not results[index].pii and is_generic_name(column.column.name):
                results[index] = classify_column(
                    column, engine, rows, min_match_ratio, (prior,), context
                )
    return tuple(results)


def classify_column(
    sample: ColumnSample,
    engine: DetectionEngine,
    rows_sampled: int,
    min_match_ratio: float = 0.2,
    extra_priors: tuple[NamePrior, ...] = (),
    context: DatasetContext | None = None,
) -> ColumnResult:
    """Decide which types ``sample`` holds; never returns a raw value."""
    column = sample.column
    values = [v for v in (prepare_value(x, column.kind) for x in sample.values) if v is not None]
    named = withdraw_priors(column.name, (*name_priors(column.name), *extra_priors))
    priors = {prior.type: prior for prior in named}
    binary = _binary_values(sample)
    if not values and not binary:
        return ColumnResult(name=column.name, sampled=rows_sampled)
    counts = Counter(values)
    tallies: dict[str, _Tally] = {}
    use_recognizers = column.kind not in _NO_RECOGNIZERS
    for value, count in counts.items():
        matched: set[str] = set()
        if use_recognizers and isinstance(value, str):
            if column.free_text:
                found = engine.analyze(value)
            else:
                found = engine.analyze_value(value, normalised=True)
            for entity in _best_per_type(found):
                tally = tallies.setdefault(entity.type, _Tally())
                text = value[entity.start : entity.end]
                if entity.score >= EVIDENCE_SCORE:
                    tally.evidence += count
                    tally.score_sum += entity.score * count
                    tally.recognizers.add(entity.recognizer)
                    if len(tally.distinct) < 16:
                        tally.distinct.add(hashlib.blake2b(text.encode(), digest_size=8).digest())
                tally.shape += count
                if len(text) >= WHOLE_VALUE_SHARE * len(value):
                    tally.whole += count
                tally.add_example(entity.type, text)
                matched.add(entity.type)
        for pii_type in priors:
            if pii_type not in matched and has_shape(pii_type, value):
                tally = tallies.setdefault(pii_type, _Tally())
                tally.shape += count
                tally.add_example(pii_type, _as_text(value))
    if column.free_text:
        priors = {}
    facts = _Sample(rows_sampled, len(values), len(counts), min_match_ratio, column.free_text)
    judged = _judge_all(tallies, priors, facts)
    if not column.free_text:
        view = ColumnView(
            name=column.name,
            kind=column.kind,
            counts=counts,
            non_empty=len(values),
            priors=frozenset(priors),
            tallies={t: tally.frozen() for t, tally in tallies.items()},
            context=context or DatasetContext(),
            binary=binary,
        )
        judged = _apply_rules(view, judged, tallies)
    return _result(column.name, judged, facts)


def _binary_values(sample: ColumnSample) -> tuple[bytes, ...]:
    """The first bytes of the column's non-empty binary values (for the binary rules)."""
    if sample.column.kind is not ValueKind.BINARY:
        return ()
    found = [
        bytes(v[:64])
        for v in sample.values
        if isinstance(v, (bytes, bytearray, memoryview)) and len(v)
    ]
    return tuple(found[:MAX_BINARY_VALUES])


@dataclass(frozen=True)
class _Sample:
    """What the decision needs to know about the column's sample as a whole."""

    rows_sampled: int
    non_empty: int
    distinct: int
    min_match_ratio: float
    free_text: bool


def _judge(
    pii_type: str, tally: _Tally, prior: NamePrior | None, sample: _Sample
) -> tuple[PiiMatch, str] | None:
    """The match for one type and why, or None when the type is not reported."""
    non_empty = sample.non_empty
    evidence_ratio = tally.evidence / non_empty
    shape_ratio = tally.shape / non_empty
    if sample.free_text and tally.evidence:
        # A document holds personal data as soon as one passage is evidence of it.
        confidence = min(0.99, tally.score_sum / tally.evidence)
        ratio = evidence_ratio
        why = f"{pii_type}: {_by(tally)} in {tally.evidence} of {non_empty} passages"
    elif evidence_ratio >= sample.min_match_ratio:
        mean_score = tally.score_sum / tally.evidence
        bonus = 0.1 if prior else 0.0
        confidence = min(0.99, mean_score * (0.75 + 0.25 * evidence_ratio) + bonus)
        ratio = evidence_ratio
        why = f"{pii_type}: {_by(tally)} in {evidence_ratio:.0%} of {non_empty} values"
        if prior:
            why += f"; column name '{prior.matched}'"
    elif prior and shape_ratio >= max(PRIOR_SHAPE_RATIO, sample.min_match_ratio):
        confidence = min(0.95, 0.55 + 0.35 * shape_ratio)
        ratio = shape_ratio
        why = f"{pii_type}: column name '{prior.matched}' and {shape_ratio:.0%} of values fit"
    else:
        return None
    return PiiMatch(pii_type, round(confidence, 3), round(ratio, 3)), why


@dataclass
class _Judged:
    """The decisions on one column while the rules still may change them."""

    matches: list[tuple[PiiMatch, str, list[str]]] = field(default_factory=list)
    by_shape: set[str] = field(default_factory=set)  # reported by a name prior and shapes only
    notes: list[str] = field(default_factory=list)  # why a type was not reported

    @property
    def reported(self) -> frozenset[str]:
        return frozenset(match.type for match, _, _ in self.matches)


def _judge_all(
    tallies: dict[str, _Tally], priors: dict[PiiType, NamePrior], sample: _Sample
) -> _Judged:
    judged = _Judged()
    for pii_type, tally in tallies.items():
        prior = priors.get(PiiType(pii_type)) if pii_type in PiiType.__members__ else None
        outcome = _judge(pii_type, tally, prior, sample)
        if outcome is None:
            continue
        repeated = sample.distinct == 1 and sample.non_empty >= 10
        if repeated and PiiType(pii_type) not in QUASI_IDENTIFIER_TYPES:
            judged.notes.append(f"{pii_type}: not reported, a single value repeated in every row")
            continue
        match, why = outcome
        if tally.evidence / sample.non_empty < sample.min_match_ratio:
            judged.by_shape.add(pii_type)
        judged.matches.append((match, f"{why}; {sample.distinct} distinct", tally.examples))
    return judged


def _apply_rules(view: ColumnView, judged: _Judged, tallies: dict[str, _Tally]) -> _Judged:
    """Let the column rules drop what the values contradict and add what they show."""
    verdicts: list[Verdict] = column_rules.vetoes(view, judged.reported, frozenset(judged.by_shape))
    dropped = {v.type.value for v in verdicts}
    reported = judged.reported
    judged.matches = [m for m in judged.matches if m[0].type not in dropped]
    judged.notes.extend(dict.fromkeys(v.reason for v in verdicts if v.type.value in reported))
    for verdict in column_rules.additions(view, judged.reported):
        if verdict.match is None or verdict.type.value in dropped:
            continue
        tally = tallies.get(verdict.type.value)
        examples = tally.examples if tally and tally.examples else _examples(view, verdict.type)
        judged.matches.append((verdict.match, verdict.reason, examples))
    return judged


def _examples(view: ColumnView, pii_type: PiiType) -> list[str]:
    """Masked examples for a type a rule added (from the first distinct values)."""
    masked: list[str] = []
    for value in view.counts:
        text = mask_value(pii_type.value, _as_text(value))
        if text and text not in masked:
            masked.append(text)
        if len(masked) >= MAX_EVIDENCE:
            break
    return masked


def _result(name: str, judged: _Judged, sample: _Sample) -> ColumnResult:
    reported = judged.reported
    matches = [j for j in judged.matches if SUBSUMED_BY.get(PiiType(j[0].type)) not in reported]
    matches.sort(key=lambda j: (-j[0].match_ratio, j[0].type))
    evidence = [example for _, _, examples in matches for example in examples]
    return ColumnResult(
        name=name,
        sampled=sample.rows_sampled,
        pii=tuple(match for match, _, _ in matches),
        evidence=tuple(dict.fromkeys(evidence))[: MAX_EVIDENCE * 2],
        reasons=tuple(why for _, why, _ in matches) + tuple(judged.notes),
    )


def _by(tally: _Tally) -> str:
    names = ", ".join(sorted(n for n in tally.recognizers if n)) or "recognizer"
    return f"evidence from {names}"


def _best_per_type(entities: Iterable[Entity]) -> list[Entity]:
    best: dict[str, Entity] = {}
    for entity in entities:
        if entity.type not in best or entity.score > best[entity.type].score:
            best[entity.type] = entity
    return list(best.values())


def _as_text(value: object) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)
