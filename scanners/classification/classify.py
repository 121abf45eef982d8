"""Column classification: which personal-data types a sampled column holds, and why.

normalise → type short-cuts → recognizers over distinct values → match ratio
→ column-name prior → one decision per type with a confidence, masked
evidence and human-readable reasons (:mod:`scanners.classification.decisions`).
A type is reported when

* values that are evidence on their own make up at least ``min_match_ratio``
  of the non-empty sample, or
* the column name points to the type and at least ``PRIOR_SHAPE_RATIO`` of
  the values have the type's shape (recognizer shape match or a loose shape
  test from :mod:`scanners.classification.value_shapes`), or
* the column is free text (a document's ``content``) and at least one
  passage is evidence on its own.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from connectors.model import ColumnSample, DatasetSample, ValueKind
from scanners.classification.cell_values import prepare_value
from scanners.classification.column_lexicon import NamePrior
from scanners.classification.column_names import column_priors, is_generic_name
from scanners.classification.column_rules.by_name.measure_names import withdraw_priors
from scanners.classification.column_rules.view import ColumnView, DatasetContext
from scanners.classification.decisions import (
    SampleFacts,
    Tally,
    apply_rules,
    as_text,
    column_result,
    judge_all,
)
from scanners.classification.sensitive_columns import sensitive_column_priors
from scanners.classification.value_shapes import has_shape
from scanners.detection.engine import EVIDENCE_SCORE, DetectionEngine, Entity
from scanners.model.result import ColumnResult
from scanners.pii_types import PiiType

#: A match covering this share of its value is the value itself, not a word inside it.
WHOLE_VALUE_SHARE = 0.8
#: Binary values kept for the rules that judge bytes (biometric templates).
MAX_BINARY_VALUES = 200
#: Types whose presence makes a generic ``name`` column beside them likely a person's name.
CONTACT_TYPES = frozenset({PiiType.EMAIL_ADDRESS, PiiType.PHONE_NUMBER, PiiType.TH_NATIONAL_ID})
_NO_RECOGNIZERS = {ValueKind.DECIMAL, ValueKind.BOOLEAN, ValueKind.BINARY, ValueKind.TIME}


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
    tallies: dict[str, Tally] = {}
    use_recognizers = column.kind not in _NO_RECOGNIZERS
    for value, count in counts.items():
        matched: set[str] = set()
        if use_recognizers and isinstance(value, str):
            if column.free_text:
                found = engine.analyze(value)
            else:
                found = engine.analyze_value(value, normalised=True)
            for entity in _best_per_type(found):
                tally = tallies.setdefault(entity.type, Tally())
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
                tally = tallies.setdefault(pii_type, Tally())
                tally.shape += count
                tally.add_example(pii_type, as_text(value))
    if column.free_text:
        priors = {}
    facts = SampleFacts(rows_sampled, len(values), len(counts), min_match_ratio, column.free_text)
    judged = judge_all(tallies, priors, facts)
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
        judged = apply_rules(view, judged, tallies)
    return column_result(column.name, judged, facts)


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


def _best_per_type(entities: Iterable[Entity]) -> list[Entity]:
    best: dict[str, Entity] = {}
    for entity in entities:
        if entity.type not in best or entity.score > best[entity.type].score:
            best[entity.type] = entity
    return list(best.values())
