"""Deciding a column's types: per-type tallies, the thresholds, the column rules, the result.

The classifier (:mod:`scanners.classification.classify`) tallies, per type,
how many sampled values were evidence, had the type's shape or were the
type as a whole (:class:`Tally`). Each type is then judged on its own
(:func:`judge_all`): reported when its evidence reaches the match ratio,
when a name prior meets enough shapes (:data:`PRIOR_SHAPE_RATIO`), or, in
free text, as soon as one passage is evidence. The column rules may then
drop or add types (:func:`apply_rules`), and :func:`column_result` writes
the decisions with masked examples and reasons. With adaptive sampling a
column may be judged on a prefix of its sample while ``sparse_identifiers``
is judged on all of it (:class:`WholeSample`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from scanners.classification.column_lexicon import NamePrior
from scanners.classification.column_rules import apply as column_rules
from scanners.classification.column_rules.by_statistics import sparse_identifiers
from scanners.classification.column_rules.view import ColumnView, TypeTally, Verdict
from scanners.masking import mask_value
from scanners.model.result import ColumnResult, PiiMatch
from scanners.pii_types import QUASI_IDENTIFIER_TYPES, PiiType

#: With a name prior, this share of values must have the type's shape.
PRIOR_SHAPE_RATIO = 0.5
#: Masked examples kept per type (twice as many per column).
MAX_EVIDENCE = 3
#: A quasi-identifier inside a richer type is part of it, not a second type of the column.
SUBSUMED_BY = {PiiType.POSTAL_CODE: PiiType.ADDRESS, PiiType.BIRTH_YEAR: PiiType.DATE_OF_BIRTH}


@dataclass
class Tally:
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
        """What the column rules may read of this tally."""
        mean = self.score_sum / self.evidence if self.evidence else 0.0
        return TypeTally(self.evidence, self.shape, self.whole, mean, len(self.distinct))

    def add_example(self, pii_type: str, text: str) -> None:
        """Keep ``text`` masked as an example, up to :data:`MAX_EVIDENCE` different ones."""
        if len(self.examples) >= MAX_EVIDENCE:
            return
        masked = mask_value(pii_type, text)
        if masked not in self.examples:
            self.examples.append(masked)


@dataclass(frozen=True)
class SampleFacts:
    """What the decision needs to know about the column's sample as a whole."""

    rows_sampled: int
    non_empty: int
    distinct: int
    min_match_ratio: float
    free_text: bool


def _judge(
    pii_type: str, tally: Tally, prior: NamePrior | None, sample: SampleFacts
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
class Judged:
    """The decisions on one column while the rules still may change them."""

    matches: list[tuple[PiiMatch, str, list[str]]] = field(default_factory=list)
    by_shape: set[str] = field(default_factory=set)  # reported by a name prior and shapes only
    notes: list[str] = field(default_factory=list)  # why a type was not reported
    vetoed: set[str] = field(default_factory=set)  # reported by the values, dropped by a rule
    inside_text: set[str] = field(default_factory=set)  # added by ``sparse_identifiers``

    @property
    def reported(self) -> frozenset[str]:
        """The types decided so far."""
        return frozenset(match.type for match, _, _ in self.matches)


def judge_all(
    tallies: dict[str, Tally], priors: dict[PiiType, NamePrior], sample: SampleFacts
) -> Judged:
    """Judge every tallied type; a single value repeated in every row is only a note."""
    judged = Judged()
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


@dataclass(frozen=True)
class WholeSample:
    """A column's whole sample as ``sparse_identifiers`` reads it, the rest judged on a prefix.

    Adaptive sampling (:mod:`scanners.classification.sampling`) may settle
    every share of a column on a prefix of its sample except the one rule
    that counts identifiers over all of it; the rest of the sample is then
    analysed for that rule's types only. ``view`` holds every sampled value
    and the tallies of those types, ``tallies`` the same with their masked
    examples: exactly those of the whole sample. The rule is judged on them,
    and so are the vetoes that stop its additions (check digits, a thing's
    identifier: for a type not reported they read only the values, the name
    and that type's tally); the types reported before the rules come from the
    prefix, as does every other rule.
    """

    view: ColumnView
    tallies: dict[str, Tally]

    def additions(self, reported: frozenset[str]) -> list[Verdict]:
        """The rule's additions on the whole sample, given the types reported before the rules
        (a reported type is never added: it is kept or a veto dropped it)."""
        vetoed = {v.type.value for v in column_rules.vetoes(self.view, frozenset(), frozenset())}
        verdicts = sparse_identifiers.check(self.view, reported)
        return [v for v in verdicts if v.type.value not in vetoed]


def apply_rules(
    view: ColumnView,
    judged: Judged,
    tallies: dict[str, Tally],
    whole: WholeSample | None = None,
) -> Judged:
    """Let the column rules drop what the values contradict and add what they show;
    with ``whole``, ``sparse_identifiers`` is judged on it instead of on ``view``."""
    verdicts: list[Verdict] = column_rules.vetoes(view, judged.reported, frozenset(judged.by_shape))
    dropped = {v.type.value for v in verdicts}
    reported = judged.reported
    judged.vetoed = set(reported & dropped)
    judged.matches = [m for m in judged.matches if m[0].type not in dropped]
    judged.notes.extend(dict.fromkeys(v.reason for v in verdicts if v.type.value in reported))
    inside = sparse_identifiers.check(view, judged.reported)
    added = [(v, tallies, dropped) for v in column_rules.additions(view, judged.reported)]
    if whole is not None:  # the rule's additions on the prefix give way to the whole sample's
        added = [a for a in added if a[0] not in inside]
        inside = whole.additions(reported)
        added += [(v, whole.tallies, set()) for v in inside]  # vetoed on the whole sample
    for verdict, found, vetoed in added:
        if verdict.match is None or verdict.type.value in vetoed:
            continue
        tally = found.get(verdict.type.value)
        examples = tally.examples if tally and tally.examples else _examples(view, verdict.type)
        judged.matches.append((verdict.match, verdict.reason, examples))
        if verdict in inside:
            judged.inside_text.add(verdict.type.value)
    return judged


def _examples(view: ColumnView, pii_type: PiiType) -> list[str]:
    """Masked examples for a type a rule added (from the first distinct values)."""
    masked: list[str] = []
    for value in view.counts:
        text = mask_value(pii_type.value, as_text(value))
        if text and text not in masked:
            masked.append(text)
        if len(masked) >= MAX_EVIDENCE:
            break
    return masked


def column_result(name: str, judged: Judged, sample: SampleFacts) -> ColumnResult:
    """The column's result: reported types (widest first), masked examples and reasons."""
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


def _by(tally: Tally) -> str:
    names = ", ".join(sorted(n for n in tally.recognizers if n)) or "recognizer"
    return f"evidence from {names}"


def as_text(value: object) -> str:
    """A prepared value as text for masking (dates in ISO form)."""
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)
