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

With adaptive sampling (the default) a column is decided on a shuffled
prefix of its sample once that prefix is conclusive
(:mod:`scanners.classification.sampling`): a clear column costs a fraction
of its sample, an ambiguous one all of it — or, when only the identifiers a
few notes may hold are left open, the rest of it for those types alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from connectors.model import ColumnInfo, ColumnSample, DatasetSample, ValueKind
from scanners.classification.cell_values import prepare_value
from scanners.classification.column_lexicon import NamePrior
from scanners.classification.column_names import column_priors, is_generic_name
from scanners.classification.column_rules.by_name.measure_names import withdraw_priors
from scanners.classification.column_rules.view import ColumnView, DatasetContext
from scanners.classification.decisions import (
    SampleFacts,
    Tally,
    WholeSample,
    apply_rules,
    column_result,
    judge_all,
)
from scanners.classification.sampling.rule_margins import Decided
from scanners.classification.sampling.stopping import (
    MIN_DISTINCT,
    SamplingStats,
    checkpoints,
    shuffled_positions,
    undecided,
)
from scanners.classification.sampling.value_hits import ValueAnalyses
from scanners.classification.sensitive_columns import sensitive_column_priors
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ColumnResult
from scanners.pii_types import PiiType

#: Binary values kept for the rules that judge bytes (biometric templates).
MAX_BINARY_VALUES = 200
#: Types whose presence makes a generic ``name`` column beside them likely a person's name.
CONTACT_TYPES = frozenset({PiiType.EMAIL_ADDRESS, PiiType.PHONE_NUMBER, PiiType.TH_NATIONAL_ID})
_NO_RECOGNIZERS = {ValueKind.DECIMAL, ValueKind.BOOLEAN, ValueKind.BINARY, ValueKind.TIME}
_UNREAD = object()  # a sampled value not prepared yet


def name_priors(name: str) -> tuple[NamePrior, ...]:
    """What a column name points to: ordinary personal data and Section 26 data."""
    sensitive = sensitive_column_priors(name)
    ordinary = column_priors(name)
    if any(p.type is PiiType.SEXUAL_ORIENTATION for p in sensitive):
        ordinary = tuple(p for p in ordinary if p.type is not PiiType.GENDER)  # "รสนิยมทางเพศ"
    return (*ordinary, *sensitive)


def classify_dataset(
    sample: DatasetSample,
    engine: DetectionEngine,
    min_match_ratio: float = 0.2,
    adaptive: bool = True,
    stats: SamplingStats | None = None,
) -> tuple[ColumnResult, ...]:
    """Classify every column; a generic ``name`` column beside contact data may be a person.

    ``adaptive`` and ``stats``: see :func:`classify_column` (a column classified
    again as a person's name is not counted twice).
    """
    rows = sample.rows_sampled
    context = DatasetContext(sample.dataset.name, tuple(c.column.name for c in sample.columns))
    results = [
        classify_column(c, engine, rows, min_match_ratio, (), context, adaptive, stats)
        for c in sample.columns
    ]
    beside_contact = any(m.type in CONTACT_TYPES for r in results for m in r.pii)
    if beside_contact:
        prior = NamePrior(PiiType.PERSON, "name, beside contact columns")
        for index, column in enumerate(sample.columns):
            if not results[index].pii and is_generic_name(column.column.name):
                results[index] = classify_column(
                    column, engine, rows, min_match_ratio, (prior,), context, adaptive
                )
    return tuple(results)


def classify_column(
    sample: ColumnSample,
    engine: DetectionEngine,
    rows_sampled: int,
    min_match_ratio: float = 0.2,
    extra_priors: tuple[NamePrior, ...] = (),
    context: DatasetContext | None = None,
    adaptive: bool = True,
    stats: SamplingStats | None = None,
) -> ColumnResult:
    """Decide which types ``sample`` holds; never returns a raw value.

    ``adaptive``: read the values in a shuffled order and decide on a prefix
    as soon as it is conclusive (:mod:`scanners.classification.sampling`); the
    whole sample otherwise, as with False. ``stats`` counts what was read.
    """
    column = sample.column
    named = withdraw_priors(column.name, (*name_priors(column.name), *extra_priors))
    priors = {prior.type: prior for prior in named}
    analyses = ValueAnalyses(engine, column.free_text, column.kind not in _NO_RECOGNIZERS, priors)
    judge = _Judge(
        column,
        rows_sampled,
        min_match_ratio,
        {} if column.free_text else priors,
        context or DatasetContext(),
        _binary_values(sample),
        analyses,
    )
    stats = stats if stats is not None else SamplingStats()
    total = len(sample.values)
    prepared: list[object] = [_UNREAD] * total
    if adaptive and not column.free_text and column.kind not in _NO_RECOGNIZERS:
        decided = _sequential(sample, judge, prepared)
        if decided is not None:
            result, read, judged, narrowed = decided
            stats.add(total, read, judged, analyses.analysed, narrowed)
            return result
    values = _every_value(sample, prepared)
    result = ColumnResult(name=column.name, sampled=rows_sampled)
    if values or judge.binary:
        result = judge(values).result
    stats.add(total, total, len(values), analyses.analysed)
    return result


def _every_value(sample: ColumnSample, prepared: list[object]) -> list[object]:
    """The sample's non-empty values in its own order (``prepared``: those read already)."""
    kind = sample.column.kind
    return [
        v
        for v in (
            prepare_value(x, kind) if p is _UNREAD else p
            for x, p in zip(sample.values, prepared, strict=True)
        )
        if v is not None
    ]


def _sequential(
    sample: ColumnSample, judge: _Judge, prepared: list[object]
) -> tuple[ColumnResult, int, int, int | None] | None:
    """The decision on a shuffled prefix once it is conclusive, with the values read and
    judged (and, when the rest was read for a few types, the values analysed for them),
    or None when only the whole sample decides; ``prepared`` keeps what was read."""
    kind = sample.column.kind
    marks = checkpoints()
    mark = next(marks)
    prefix: list[object] = []
    previous: _Outcome | None = None
    for read, position in enumerate(shuffled_positions(len(prepared), sample.column.name), 1):
        value = prepared[position] = prepare_value(sample.values[position], kind)
        if value is None:
            continue
        prefix.append(value)
        if len(prefix) < mark:
            continue
        if read == len(prepared):
            return None  # the whole sample: judged in its own order, as without adaptive sampling
        mark = next(marks)
        if len(set(prefix)) < MIN_DISTINCT:
            return None  # few distinct values: the whole sample costs little more
        outcome = judge(prefix)
        if outcome.view is None:
            return None  # free text: never decided on part of it
        left_open = undecided(outcome.view, outcome.decided)
        if left_open is None and previous and outcome.types == previous.types:
            return outcome.result, read, len(prefix), None
        if left_open is not None and left_open.whole_sample:
            if not left_open.only:
                return None
            if previous and outcome.settled == previous.settled:
                return _with_rest(sample, judge, prepared, prefix, left_open.only)
        previous = outcome
    return None


def _with_rest(
    sample: ColumnSample,
    judge: _Judge,
    prepared: list[object],
    prefix: list[object],
    only: frozenset[str],
) -> tuple[ColumnResult, int, int, int]:
    """The decision on ``prefix`` with the rules on ``only`` judged on the whole sample,
    whose values not read yet are analysed for those types alone."""
    before = judge.analyses.narrowed
    whole = judge.whole(_every_value(sample, prepared), only)
    result = judge(prefix, whole).result
    return result, len(prepared), len(prefix), judge.analyses.narrowed - before


@dataclass(frozen=True)
class _Outcome:
    """One judgement of (part of) a column's sample."""

    result: ColumnResult
    types: frozenset[str]  # reported, after the column rules
    decided: Decided
    view: ColumnView | None  # None for free text (no column rules)
    inside_text: frozenset[str] = frozenset()  # of those, added by ``sparse_identifiers``

    @property
    def settled(self) -> frozenset[str]:
        """The types reported without ``sparse_identifiers``, which may need the whole sample."""
        return self.types - self.inside_text


@dataclass(frozen=True)
class _Judge:
    """Judges a list of a column's prepared values as a sample of the column."""

    column: ColumnInfo
    rows_sampled: int
    min_match_ratio: float
    priors: dict[PiiType, NamePrior]
    context: DatasetContext
    binary: tuple[bytes, ...]
    analyses: ValueAnalyses

    def __call__(self, values: list[object], whole: WholeSample | None = None) -> _Outcome:
        """Judge ``values`` as the sample (``whole``: the whole sample, for the rule that
        needs it, when ``values`` is a prefix of it)."""
        column = self.column
        counts = Counter(values)
        tallies = self.analyses.tally(counts)
        facts = SampleFacts(
            self.rows_sampled, len(values), len(counts), self.min_match_ratio, column.free_text
        )
        judged = judge_all(tallies, self.priors, facts)
        reported, by_shape = judged.reported, frozenset(judged.by_shape)
        view = None
        if not column.free_text:
            view = self._view(counts, len(values), tallies)
            judged = apply_rules(view, judged, tallies, whole)
        decided = Decided(reported, by_shape, frozenset(judged.vetoed), self.min_match_ratio)
        result = column_result(column.name, judged, facts)
        return _Outcome(result, judged.reported, decided, view, frozenset(judged.inside_text))

    def whole(self, values: list[object], only: frozenset[str]) -> WholeSample:
        """The whole sample ``values`` with the tallies of the types in ``only``."""
        counts = Counter(values)
        tallies = self.analyses.tally(counts, only)
        return WholeSample(self._view(counts, len(values), tallies), tallies)

    def _view(
        self, counts: Counter[object], non_empty: int, tallies: dict[str, Tally]
    ) -> ColumnView:
        column = self.column
        return ColumnView(
            name=column.name,
            kind=column.kind,
            counts=counts,
            non_empty=non_empty,
            priors=frozenset(self.priors),
            tallies={t: tally.frozen() for t, tally in tallies.items()},
            context=self.context,
            binary=self.binary,
        )


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
