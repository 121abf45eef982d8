"""The shared machinery of the Section 26 recognizers: lexicon spans and per-kind context.

A :class:`SensitiveRecognizer` yields

* a whole cell value that is one of the type's ``values`` (``พุทธ``, ``O+``,
  ``Diabetes``) or a list of them (``DM, HT``): :data:`SHAPE` — it counts
  only beside a column name or a cue word;
* a ``term`` anywhere in text (``เบาหวาน``, ``Hmong``): :data:`SHAPE`,
  promoted to evidence by a ``cue`` in the window (``ผู้ป่วย``, ``ชาว``) or by
  a column word of :mod:`scanners.classification.sensitive_columns`;
* a ``phrase`` anywhere in text (``นับถือศาสนา``, ``ประวัติอาชญากรรม``): :data:`EVIDENCE`;
* whatever the subclass adds in :meth:`find_more` (labelled values, codes).

Matches inside an ``exclude`` phrase (``คริสต์มาส``, ``ห้องน้ำคนพิการ``) are
dropped. Each span has a *kind* (:meth:`kind_of`); a kind listed in the
lexicon's ``kinds`` is promoted only by its own cue words, so a blood group
``A`` needs ``blood``/``หมู่เลือด``, not any health word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import ClassVar

from pythainlp.tokenize import word_tokenize

from scanners.classification.sensitive_columns import SENSITIVE_COLUMN_WORDS
from scanners.recognizers.base import ScannerRecognizer, Span
from scanners.recognizers.sensitive.lexicon import cue_pattern, lexicon
from scanners.recognizers.sensitive.scan import EXCLUDE, PHRASE, Hit, hits_by_type, scan

#: A category value or term: evidence only with a column name or cue word.
SHAPE = 0.3
#: A phrase that states the fact about a person.
EVIDENCE = 0.7
#: A labelled statement (``กรุ๊ปเลือด O``, ``ศาสนา: อิสลาม``).
STRONG = 0.85


def context_words(entity: str) -> tuple[str, ...]:
    """Cue words and column words of ``entity`` (the recognizer's ``CONTEXT``)."""
    return (*lexicon(entity).cues, *SENSITIVE_COLUMN_WORDS.get(entity, ()))


@lru_cache(maxsize=512)
def thai_token_starts(text: str) -> frozenset[int]:
    """Offsets where a PyThaiNLP ``newmm`` token starts (cached per text)."""
    starts, offset = set(), 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        starts.add(offset)
        offset += len(token)
    starts.add(offset)
    return frozenset(starts)


def thai_token_after(text: str, start: int) -> str:
    """The ``newmm`` token that starts at ``start`` (empty when none does)."""
    starts = thai_token_starts(text)
    if start not in starts:
        return ""
    ends = [s for s in starts if s > start]
    return text[start : min(ends)] if ends else ""


def _inside(hit: Hit, other: Hit) -> bool:
    """True when ``hit`` lies within the longer ``other``."""
    return (
        other.start <= hit.start
        and hit.end <= other.end
        and other != hit
        and (other.end - other.start > hit.end - hit.start)
    )


class SensitiveRecognizer(ScannerRecognizer):
    """Lexicon-driven recognizer for one Section 26 type (see the module docstring)."""

    ENTITY: ClassVar[str]
    REQUIRES: ClassVar[str] = "letter"  # every lexicon term has letters (of any script)
    WINDOW_BEFORE: ClassVar[int] = 32
    WINDOW_AFTER: ClassVar[int] = 16

    def __init__(self, supported_language: str = "th") -> None:
        super().__init__(supported_language=supported_language)
        lex = lexicon(self.ENTITY)
        self._negative_re = cue_pattern((*self.NEGATIVE_CONTEXT, *lex.negative))
        columns = SENSITIVE_COLUMN_WORDS.get(self.ENTITY, ())
        self._cues: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
            "": (cue_pattern(lex.cues), cue_pattern((*lex.cues, *columns)))
        }
        for kind, words in lex.kinds.items():
            self._cues[kind] = (cue_pattern(words), cue_pattern(words))

    # -- spans ---------------------------------------------------------------

    def find(self, text: str) -> Iterator[Span]:
        yield from self.find_more(text)
        mine = hits_by_type(text).get(self.ENTITY)
        if mine is None:
            return  # most values hold no word of this type's lexicon (the grouping is cached)
        whole, hits = mine
        for hit in whole:
            yield Span(hit.start, hit.end, SHAPE)
        excluded = [(h.start, h.end) for h in hits if h.role == EXCLUDE]
        kept = [
            h
            for h in hits
            if h.role != EXCLUDE and not any(s < h.end and h.start < e for s, e in excluded)
        ]
        for hit in kept:
            if hit.role != PHRASE and any(_inside(hit, other) for other in kept):
                continue  # "พุทธ" inside the term "ศาสนาพุทธ" is not a second match
            yield Span(hit.start, hit.end, EVIDENCE if hit.role == PHRASE else SHAPE)

    def find_more(self, text: str) -> Iterable[Span]:
        """Type-specific spans (labelled values, codes); none by default."""
        return ()

    def _excluded(self, text: str) -> list[tuple[int, int]]:
        """Spans of this type's ``exclude`` phrases in ``text``."""
        return [
            (h.start, h.end) for h in scan(text) if h.entity == self.ENTITY and h.role == EXCLUDE
        ]

    # -- context -------------------------------------------------------------

    def kind_of(self, matched: str) -> str:
        """The kind of a matched span, for choosing its cue words ("" = the type's cues)."""
        return ""

    def has_context(self, text: str, start: int, end: int, columns: str = "") -> bool:
        kind = self.kind_of(text[start:end])
        window_re, column_re = self._cues.get(kind) or self._cues[""]
        window = text[max(0, start - self.WINDOW_BEFORE) : start].lower()
        window += " \x00 " + text[end : end + self.WINDOW_AFTER].lower()
        if columns:
            columns = f"{columns} {columns.replace(' ', '')}"
        if self._negative_re is not None:
            window = self._negative_re.sub(" ", window)
            columns = self._negative_re.sub(" ", columns)
        if window_re is not None and window_re.search(window):
            return True
        return bool(columns) and column_re is not None and column_re.search(columns) is not None
