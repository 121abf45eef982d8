"""What each column rule still leaves open on a prefix of a column's sample.

The decision on a prefix is the decision on the whole sample only if every
threshold it crossed (or did not) would be crossed the same way by the whole
sample. :func:`open_question` follows the path the judgement and each column
rule take and compares every share on it with its threshold (a
:class:`~scanners.classification.sampling.intervals.Margin`):

* each tallied or named type: its evidence share against ``min_match_ratio``,
  and with a name prior its shape share against ``PRIOR_SHAPE_RATIO``;
* ``sparse_identifiers``: unless the values are surely not prose (half of
  them sentences is the rule's gate), whether two different identifiers
  appear among all the sampled values is a count that no prefix settles (1%
  of the notes is enough). Once everything else is settled, the rest of the
  sample is read for the rule's types only (:data:`IDENTIFIER_TYPES`); the
  rule is then judged on the whole sample, the rest on the prefix
  (:class:`~scanners.classification.decisions.WholeSample`);
* ``proven_values``: a type's evidence against 80% when a shape-only type is reported;
* ``checksum_rate``: the share of candidates that pass the check digit;
* ``postcode_shape``: the all-digit share, lengths out of range, the modal length;
* ``birth_dates``: dates under an uninformative name are read in full;
* ``religion_values``, ``blood_groups``, ``diagnosis_codes``: a column that
  may be such a vocabulary is read in full (few distinct values: cheap);
* ``person_values``: the veto's and the addition's shares (other types'
  shapes, whole names, PERSON evidence, sentences, person-like names).

Rules that read only names (``measure_names``, ``thing_ids``,
``animal_datasets``, ``binary_templates``) or counts of distinct values no
larger than :data:`~scanners.classification.sampling.stopping.MIN_DISTINCT`
(``gender_values``) leave nothing open on a prefix that passed the stopping
rule's distinct count. The rules' own thresholds and patterns are read from
their modules (the same test, not a copy of it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from scanners.classification.column_names import is_generic_name
from scanners.classification.column_rules.by_statistics import (
    birth_dates,
    checksum_rate,
    person_values,
    postcode_shape,
    proven_values,
    sparse_identifiers,
)
from scanners.classification.column_rules.by_vocabulary import (
    blood_groups,
    diagnosis_codes,
    religion_values,
)
from scanners.classification.column_rules.view import ColumnView
from scanners.classification.decisions import PRIOR_SHAPE_RATIO
from scanners.classification.sampling.intervals import Margin, Open
from scanners.dates.date_values import parse_date
from scanners.pii_types import PiiType

#: ``person_values``: another type's shapes in this share of values hold the names inside.
INSIDE_OTHER_SHARE = 0.8
#: ``person_values``: the share of PERSON shapes that must be whole values, and of evidence.
PERSON_WHOLE_SHARE = 0.5
PERSON_EVIDENCE_SHARE = 0.5
#: ``postcode_shape``: the share of all-digit values above which lengths are judged.
DIGITS_SHARE = 0.5
_PERSON = PiiType.PERSON.value
#: The types ``sparse_identifiers`` counts over the whole sample.
IDENTIFIER_TYPES = frozenset(t.value for t in sparse_identifiers.SPARSE_TYPES)
_WHOLE_SAMPLE = {
    "prose": Open(
        "maybe prose: identifiers in a few values need the whole sample, for their types",
        True,
        IDENTIFIER_TYPES,
    ),
    "dates": Open("dates under an uninformative name are judged on all of them", True),
    "vocabulary": Open("a repeated vocabulary is judged on all of its values", True),
}


@dataclass(frozen=True)
class Decided:
    """The types of one checkpoint, as far as the stopping rule needs them."""

    reported: frozenset[str]  # by the values and the name, before the column rules
    by_shape: frozenset[str]  # of those, reported by a name prior and shapes only
    vetoed: frozenset[str]  # of those, dropped by a rule
    min_match_ratio: float


def open_question(view: ColumnView, decided: Decided) -> Open | None:
    """The first share on the decision's path not yet settled by ``view``'s values, or None."""
    for check in _CHECKS:
        reason = check(view, decided)
        if reason is not None:
            return reason
    return None


def _type_shares(view: ColumnView, decided: Decided) -> Open | None:
    """Every tallied or named type's evidence share, and its shape share when named."""
    unseen = Margin("types not seen", 0, view.non_empty, decided.min_match_ratio)
    if unseen.side is not False:
        return unseen.open  # a low ``min_match_ratio``: a type may yet show up
    named = {p.value for p in view.priors}
    for pii_type in sorted({*view.tallies, *named}):
        tally = view.tallies.get(pii_type)
        evidence = tally.evidence if tally else 0
        margin = Margin(f"{pii_type} evidence", evidence, view.non_empty, decided.min_match_ratio)
        if margin.side is None:
            return margin.open
        if margin.side is False and pii_type in named:
            threshold = max(PRIOR_SHAPE_RATIO, decided.min_match_ratio)
            shapes = Margin(
                f"{pii_type} shape", tally.shape if tally else 0, view.non_empty, threshold
            )
            if shapes.side is None:
                return shapes.open
    return None


def _prose(view: ColumnView, decided: Decided) -> Open | None:
    """``sparse_identifiers``: unless the values are surely not prose, a few identifiers
    among them need every value to be seen (for the rule's types only)."""
    margin = _sentences(view, sparse_identifiers.MIN_SENTENCE_SHARE)
    return None if margin.side is False else _WHOLE_SAMPLE["prose"]


def _proven(view: ColumnView, decided: Decided) -> Open | None:
    """``proven_values``: a type proven in most values drops the shape-only ones."""
    if not decided.by_shape:
        return None
    for pii_type in sorted(decided.reported - decided.by_shape):
        evidence = view.tallies[pii_type].evidence if pii_type in view.tallies else 0
        margin = Margin(f"{pii_type} proven", evidence, view.non_empty, proven_values.PROVEN_SHARE)
        if margin.side is None:
            return margin.open
    return None


def _checksums(view: ColumnView, decided: Decided) -> Open | None:
    """``checksum_rate``: the share of candidates that pass the check digit."""
    for pii_type, (lengths, is_valid) in checksum_rate.CHECKED.items():
        if pii_type.value not in decided.reported:
            continue
        candidates = valid = 0
        for value, count in view.texts:
            if not checksum_rate.DIGITS_AND_SEPARATORS.fullmatch(value):
                continue
            digits = checksum_rate.NON_DIGITS.sub("", value)
            if len(digits) in lengths:
                candidates += count
                valid += count if is_valid(digits) else 0
        if candidates < checksum_rate.MIN_CANDIDATES:
            return Open(f"{pii_type} check digits: only {candidates} candidates")
        margin = Margin(
            f"{pii_type} check digits", valid, candidates, checksum_rate.MIN_VALID_SHARE
        )
        if margin.side is None:
            return margin.open
    return None


def _postcodes(view: ColumnView, decided: Decided) -> Open | None:
    """``postcode_shape``: how the lengths of all-digit values spread."""
    if PiiType.POSTAL_CODE.value not in decided.reported:
        return None
    lengths: Counter[int] = Counter()
    for value, count in view.texts:
        if value.isdigit():
            lengths[len(value)] += count
    numeric = sum(lengths.values())
    digits = Margin("all-digit values", numeric, view.non_empty, DIGITS_SHARE)
    if digits.side is not True:
        return digits.open if digits.side is None else None
    outside = sum(n for size, n in lengths.items() if size not in postcode_shape.POSTCODE_LENGTHS)
    margins = [Margin("lengths out of range", outside, numeric, postcode_shape.MAX_OUT_OF_RANGE)]
    if view.kind in postcode_shape.NUMERIC_KINDS:
        modal = lengths.most_common(1)[0][1]
        margins.append(Margin("one length", modal, numeric, postcode_shape.MIN_MODAL_SHARE))
    return next((m.open for m in margins if m.side is None), None)


def _birth_dates(view: ColumnView, decided: Decided) -> Open | None:
    """``birth_dates``: dates under an uninformative name are judged on all of them."""
    if view.priors or not birth_dates.is_uninformative(view.name):
        return None
    dated = sum(
        count
        for value, count in view.counts.items()
        if birth_dates.as_year(value, view.today) is not None or parse_date(value) is not None
    )
    margin = Margin("dates", dated, view.non_empty, birth_dates.MIN_DATE_SHARE)
    if margin.side is False:
        return None
    return margin.open if margin.side is None else _WHOLE_SAMPLE["dates"]


def _vocabularies(view: ColumnView, decided: Decided) -> Open | None:
    """Religions, blood groups and ICD-10 codes: a repeated vocabulary is read in full."""
    margins: list[Margin] = []
    if PiiType.RELIGION not in view.priors:
        whole = view.tally(PiiType.RELIGION).whole
        margins.append(Margin("religions", whole, view.non_empty, religion_values.MIN_WHOLE_SHARE))
    if not view.priors:
        groups = sum(n for v, n in view.texts if blood_groups.BLOOD_GROUP.fullmatch(v.strip()))
        margins.append(Margin("blood groups", groups, view.non_empty, blood_groups.MIN_SHARE))
        codes = sum(n for v, n in view.texts if diagnosis_codes.ICD10_CODE.fullmatch(v.strip()))
        margins.append(Margin("ICD-10 codes", codes, view.non_empty, diagnosis_codes.MIN_SHARE))
    for margin in margins:
        if margin.side is None:
            return margin.open
        if margin.side:
            return _WHOLE_SAMPLE["vocabulary"]
    return None


def _person(view: ColumnView, decided: Decided) -> Open | None:
    """``person_values``: its veto of a reported PERSON, or its addition to an empty column."""
    if _PERSON in decided.reported:
        return _person_veto(view, decided)
    if decided.reported - decided.vetoed:
        return None  # the addition only looks at columns with nothing reported
    sentences = _sentences(view, person_values.MAX_SENTENCE_SHARE)
    if sentences.side is not False:
        return sentences.open if sentences.side is None else None
    if PiiType.PERSON in view.priors:
        needed = person_values.VETO_SHARE
    elif is_generic_name(view.name):
        needed = person_values.SHARE_GENERIC
    else:
        needed = person_values.SHARE_WITHOUT_NAME
    names = _names(view, needed)
    return names.open if names.side is None else None


def _person_veto(view: ColumnView, decided: Decided) -> Open | None:
    tally = view.tally(PiiType.PERSON)
    inside = False
    for other in sorted(decided.reported - {_PERSON}):
        shapes = view.tallies[other].shape if other in view.tallies else 0
        margin = Margin(f"{other} shape", shapes, view.non_empty, INSIDE_OTHER_SHARE)
        if margin.side is None:
            return margin.open
        inside = inside or margin.side
    if inside:
        whole = Margin("whole names", tally.whole, max(tally.shape, 1), PERSON_WHOLE_SHARE)
        if whole.side is not True:
            return whole.open if whole.side is None else None
    if _PERSON not in decided.by_shape:
        evidence = Margin("PERSON evidence", tally.evidence, view.non_empty, PERSON_EVIDENCE_SHARE)
        if evidence.side is not False:
            return evidence.open if evidence.side is None else None
    names = _names(view, person_values.VETO_SHARE)
    return names.open if names.side is None else None


def _names(view: ColumnView, threshold: float) -> Margin:
    named = round(person_values.name_share(view) * view.non_empty)
    return Margin("person-like names", named, view.non_empty, threshold)


def _sentences(view: ColumnView, threshold: float) -> Margin:
    sentences = round(view.sentence_share * view.non_empty)  # the rules' cached share
    return Margin("sentences", sentences, view.non_empty, threshold)


#: The checks that may send a column to its whole sample come first; prose comes last,
#: since it needs the rest of the sample only for a few types once the others are settled.
_CHECKS = (
    _birth_dates,
    _vocabularies,
    _type_shares,
    _proven,
    _checksums,
    _postcodes,
    _person,
    _prose,
)
