"""A column of person-like names is PERSON whatever it is called; one of holidays is not.

Names are recognised by what they look like, not by a list of names: the
person-name likeness model (:mod:`scanners.classification.name_likeness`, trained at
development time on many locales' names, romanised and Thai-script names,
against words, places, products, companies and titles) scores each distinct
value, and the column is judged on the share of its values that score as
names.

* No personal word in the name (``c1``, ``host_name``, ``pax``): PERSON when
  at least :data:`SHARE_WITHOUT_NAME` of the values are names, over at
  least :data:`MIN_DISTINCT` distinct values, and the values are not prose.
* A generic name (``name``, ``contact``): the same at :data:`SHARE_GENERIC`.
* A person word in the name (``first_name``, ``name_th``) that the values
  only fit by shape, or a minority of values with a name-like phrase inside:
  PERSON is dropped when fewer than :data:`VETO_SHARE` of the values score
  as names (``name_th`` of public holidays, town names such as "Lake Scott");
  values that end in a word most of them share (``… Day``, ``… Festival``)
  name a kind of thing and do not count as names.
* Names inside values that are proven to be something else (an address
  whose street is named after a person): PERSON is dropped.
"""

from __future__ import annotations

from collections import Counter

from scanners.classification.column_names import is_generic_name
from scanners.classification.column_rules.view import ColumnView, Verdict
from scanners.classification.name_likeness import name_score
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

NAME_SCORE = 0.5
SHARE_WITHOUT_NAME = 0.7
SHARE_GENERIC = 0.6
#: Below this share of name-like values, a person word in the column name is outvoted.
VETO_SHARE = 0.5
MIN_DISTINCT = 10
#: A last word shared by this share of the distinct values (and this many) names a kind.
CATEGORY_SHARE = 0.4
MIN_CATEGORY_VALUES = 3
#: Titles and suffixes that follow a name (``SMITH/JOHN MR``, ``John Smith Jr.``).
HONORIFICS = frozenset("mr mrs ms miss mstr mx dr prof jr sr ii iii iv phd md".split())
#: Values that read as prose are not a column of names.
MAX_SENTENCE_SHARE = 0.3


def category_word(view: ColumnView) -> str | None:
    """A last word that many distinct values share (``Day``, ``Festival``, ``Road``), if any.

    People's names end in different surnames; the names of holidays, events
    and streets end in the word for their kind, which no single name model
    score sees.
    """
    last: Counter[str] = Counter(
        words[-1].lower() for value, _ in view.texts if len(words := value.split()) >= 2
    )
    if not last:
        return None
    word, count = last.most_common(1)[0]
    if word.rstrip(".") in HONORIFICS:
        return None  # "SMITH/JOHN MR": airline-style names end in the title
    if view.distinct < MIN_DISTINCT or count < max(
        MIN_CATEGORY_VALUES, CATEGORY_SHARE * view.distinct
    ):
        return None  # among many people no one surname ends 40% of the names
    return word


def name_share(view: ColumnView) -> float:
    """Share of the non-empty values that score as a person's name.

    Values that end in the column's category word (see :func:`category_word`)
    do not count.
    """
    if not view.non_empty:
        return 0.0
    kind = category_word(view)
    named = sum(
        n
        for value, n in view.texts
        if not (kind and value.lower().endswith(kind)) and name_score(value) >= NAME_SCORE
    )
    return named / view.non_empty


def veto(view: ColumnView, reported: frozenset[str], by_shape: frozenset[str]) -> list[Verdict]:
    """Drop a PERSON that the values contradict.

    * a person word in the name and name-shaped values, but the values are not names;
    * a minority of values with a name-like phrase inside (a town named after a person,
      a street) when the values as a whole are not names;
    * names inside values that are something else: ``12 Emily Cape, Lake Scott``.
    """
    person = PiiType.PERSON.value
    if person not in reported:
        return []
    tally = view.tally(PiiType.PERSON)
    inside_other = any(
        t != person and view.tally(PiiType(t)).shape >= 0.8 * view.non_empty
        for t in reported
        if t in PiiType.__members__
    )
    if inside_other and tally.whole < 0.5 * max(tally.shape, 1):
        return [Verdict(PiiType.PERSON, "PERSON: not reported, names inside other values")]
    if person not in by_shape and tally.evidence >= 0.5 * view.non_empty:
        return []
    share = name_share(view)
    if share >= VETO_SHARE:
        return []
    return [
        Verdict(
            PiiType.PERSON,
            f"PERSON: not reported, only {share:.0%} of the values look like people's names",
        )
    ]


def add(view: ColumnView, reported: frozenset[str]) -> list[Verdict]:
    """Add PERSON when enough of the values look like people's names."""
    person = PiiType.PERSON.value
    if reported or view.distinct < MIN_DISTINCT or view.sentence_share > MAX_SENTENCE_SHARE:
        return []  # reported: the values are already something (an address, an e-mail …)
    if PiiType.PERSON in view.priors:
        needed = VETO_SHARE
    elif is_generic_name(view.name):
        needed = SHARE_GENERIC
    else:
        needed = SHARE_WITHOUT_NAME
    share = name_share(view)
    if share < needed:
        return []
    return [
        Verdict(
            PiiType.PERSON,
            f"PERSON: {share:.0%} of {view.non_empty} values look like people's names "
            f"({view.distinct} distinct)",
            PiiMatch(person, round(0.55 + 0.4 * share, 3), round(share, 3)),
        )
    ]
