"""What a column rule may read about a column, and what it may answer.

A :class:`ColumnView` is built once per column by the classifier: the
column's name and kind, its prepared distinct values with their counts, the
types the name points to, the per-type tallies the recognizers produced, and
the dataset around it (:class:`DatasetContext`). Rules answer with
:class:`Verdict` values: add a type (with its match) or drop one, and why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from connectors.model import ValueKind
from scanners.classification.column_lexicon import name_tokens
from scanners.model.result import PiiMatch
from scanners.pii_types import PiiType

#: A value with this many words, or this many characters, reads as a sentence.
SENTENCE_WORDS = 4
SENTENCE_CHARS = 30
#: Scripts written without spaces (Chinese, Japanese): this many of their characters.
SENTENCE_CJK_CHARS = 8
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


_SENTENCE_END = ("。", ".", "!", "?", "！", "？", "ค่ะ", "ครับ", "คะ")


def reads_as_sentence(value: str) -> bool:
    """Prose rather than one value: several words, a long text, a run of CJK characters,
    or a short text that ends like a sentence."""
    cjk = len(_CJK.findall(value))
    return (
        len(value.split()) >= SENTENCE_WORDS
        or len(value) >= SENTENCE_CHARS
        or cjk >= SENTENCE_CJK_CHARS
        or (value.endswith(_SENTENCE_END) and (cjk >= 3 or len(value.split()) >= 2))
    )


@dataclass(frozen=True)
class DatasetContext:
    """The dataset a column belongs to: its name and every column's name."""

    name: str = ""
    column_names: tuple[str, ...] = ()

    @cached_property
    def tokens(self) -> frozenset[str]:
        """Every name token of the dataset and its columns (``pet_species`` → pet, species)."""
        found: set[str] = set()
        for name in (self.name.rsplit("/", 1)[-1], *self.column_names):
            found.update(name_tokens(name))
        return frozenset(found)


@dataclass(frozen=True)
class TypeTally:
    """What the recognizers found for one type over the column's values."""

    evidence: int = 0  # values (counted with repeats) with a match that is evidence alone
    shape: int = 0  # values with any match of the type, evidence or shape
    whole: int = 0  # values whose match covers (nearly) the whole value
    mean_score: float = 0.0  # mean evidence score
    distinct_evidence: int = 0  # different matched strings among the evidence


@dataclass(frozen=True)
class ColumnView:
    """One column as the rules see it (values live only in memory, never in a result)."""

    name: str
    kind: ValueKind
    counts: Counter[object]
    non_empty: int
    priors: frozenset[PiiType]
    tallies: Mapping[str, TypeTally]
    context: DatasetContext = field(default_factory=DatasetContext)
    binary: tuple[bytes, ...] = ()
    today: date = field(default_factory=date.today)

    @property
    def distinct(self) -> int:
        return len(self.counts)

    @cached_property
    def texts(self) -> tuple[tuple[str, int], ...]:
        """Distinct string values with their counts."""
        return tuple((v, n) for v, n in self.counts.items() if isinstance(v, str))

    @cached_property
    def sentence_share(self) -> float:
        """Share of the non-empty values that read as sentences rather than one value."""
        if not self.non_empty:
            return 0.0
        return sum(n for v, n in self.texts if reads_as_sentence(v)) / self.non_empty

    def tally(self, pii_type: PiiType) -> TypeTally:
        return self.tallies.get(pii_type.value, TypeTally())


@dataclass(frozen=True)
class Verdict:
    """A rule's answer about one type: add it (with its match) or drop it, and why."""

    type: PiiType
    reason: str
    match: PiiMatch | None = None  # None: drop the type

    @property
    def drops(self) -> bool:
        return self.match is None
