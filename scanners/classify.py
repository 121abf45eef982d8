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

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from connectors.model import ColumnSample, DatasetSample, ValueKind
from scanners.column_names import NamePrior, column_priors, is_generic_name
from scanners.engine import EVIDENCE_SCORE, DetectionEngine, Entity
from scanners.masking import mask_value
from scanners.normalise import normalise_text
from scanners.pii_types import QUASI_IDENTIFIER_TYPES, PiiType
from scanners.result import ColumnResult, PiiMatch
from scanners.sensitive_columns import sensitive_column_priors
from scanners.value_shapes import has_shape

#: With a name prior, this share of values must have the type's shape.
PRIOR_SHAPE_RATIO = 0.5
#: Values longer than this are cut before analysis (free text is sampled, not read whole).
MAX_VALUE_CHARS = 2000
#: Integers shorter than this cannot be any type we look for (4 digits: a birth year).
MIN_INTEGER_DIGITS = 4
#: Integers longer than this are no identifier (and too long for ``str()``).
MAX_INTEGER_BITS = 256
MAX_EVIDENCE = 3
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
    score_sum: float = 0.0
    examples: list[str] = field(default_factory=list)
    recognizers: set[str] = field(default_factory=set)

    def add_example(self, pii_type: str, text: str) -> None:
        masked = mask_value(pii_type, text)
        if len(self.examples) < MAX_EVIDENCE and masked not in self.examples:
            self.examples.append(masked)


def prepare_value(value: object, kind: ValueKind) -> object | None:
    """The analysable form of one sampled value, or None to skip it.

    Total: bytes that are not UTF-8, integers too long to print, NaN and
    infinities are skipped; a huge value is cut to :data:`MAX_VALUE_CHARS`
    before it is normalised, so its size costs nothing.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (date, datetime)):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        value = _utf8_prefix(bytes(value[: 4 * MAX_VALUE_CHARS]))
        if value is None:
            return None
    if isinstance(value, int):
        if value.bit_length() > MAX_INTEGER_BITS:
            return None
        return str(value) if len(str(abs(value))) >= MIN_INTEGER_DIGITS else None
    if isinstance(value, (float, Decimal)):
        return None
    text = str(value)
    if len(text) > MAX_VALUE_CHARS:
        text = text.lstrip()[:MAX_VALUE_CHARS]
    return normalise_text(text).strip() or None


def _utf8_prefix(data: bytes) -> str | None:
    """``data`` as UTF-8 text, a character cut at its end dropped; None when not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.start < len(data) - 3:
            return None
        return data[: exc.start].decode("utf-8")


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
    results = [classify_column(c, engine, rows, min_match_ratio) for c in sample.columns]
    beside_contact = any(m.type in CONTACT_TYPES for r in results for m in r.pii)
    if beside_contact:
        prior = NamePrior(PiiType.PERSON, "name, beside contact columns")
        for index, column in enumerate(sample.columns):
            if not results[index].pii and is_generic_name(column.column.name):
                results[index] = classify_column(column, engine, rows, min_match_ratio, (prior,))
    return tuple(results)


def classify_column(
    sample: ColumnSample,
    engine: DetectionEngine,
    rows_sampled: int,
    min_match_ratio: float = 0.2,
    extra_priors: tuple[NamePrior, ...] = (),
) -> ColumnResult:
    """Decide which types ``sample`` holds; never returns a raw value."""
    column = sample.column
    values = [v for v in (prepare_value(x, column.kind) for x in sample.values) if v is not None]
    priors = {prior.type: prior for prior in (*name_priors(column.name), *extra_priors)}
    if not values:
        return ColumnResult(name=column.name, sampled=rows_sampled)
    counts = Counter(values)
    tallies: dict[str, _Tally] = {}
    use_recognizers = column.kind not in _NO_RECOGNIZERS
    for value, count in counts.items():
        matched: set[str] = set()
        if use_recognizers and isinstance(value, str):
            found = engine.analyze(value) if column.free_text else engine.analyze_value(value)
            for entity in _best_per_type(found):
                tally = tallies.setdefault(entity.type, _Tally())
                if entity.score >= EVIDENCE_SCORE:
                    tally.evidence += count
                    tally.score_sum += entity.score * count
                    tally.recognizers.add(entity.recognizer)
                tally.shape += count
                tally.add_example(entity.type, value[entity.start : entity.end])
                matched.add(entity.type)
        for pii_type in priors:
            if pii_type not in matched and has_shape(pii_type, value):
                tally = tallies.setdefault(pii_type, _Tally())
                tally.shape += count
                tally.add_example(pii_type, _as_text(value))
    if column.free_text:
        priors = {}
    facts = _Sample(rows_sampled, len(values), len(counts), min_match_ratio, column.free_text)
    return _decide(column.name, tallies, priors, facts)


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


def _decide(
    name: str,
    tallies: dict[str, _Tally],
    priors: dict[PiiType, NamePrior],
    sample: _Sample,
) -> ColumnResult:
    judged: list[tuple[PiiMatch, str, list[str]]] = []
    reasons: list[str] = []
    for pii_type, tally in tallies.items():
        prior = priors.get(PiiType(pii_type)) if pii_type in PiiType.__members__ else None
        outcome = _judge(pii_type, tally, prior, sample)
        if outcome is None:
            continue
        repeated = sample.distinct == 1 and sample.non_empty >= 10
        if repeated and PiiType(pii_type) not in QUASI_IDENTIFIER_TYPES:
            reasons.append(f"{pii_type}: not reported, a single value repeated in every row")
            continue
        match, why = outcome
        judged.append((match, f"{why}; {sample.distinct} distinct", tally.examples))
    reported = {match.type for match, _, _ in judged}
    judged = [j for j in judged if SUBSUMED_BY.get(PiiType(j[0].type)) not in reported]
    judged.sort(key=lambda j: (-j[0].match_ratio, j[0].type))
    evidence = [example for _, _, examples in judged for example in examples]
    return ColumnResult(
        name=name,
        sampled=sample.rows_sampled,
        pii=tuple(match for match, _, _ in judged),
        evidence=tuple(dict.fromkeys(evidence))[: MAX_EVIDENCE * 2],
        reasons=tuple(why for _, why, _ in judged) + tuple(reasons),
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
