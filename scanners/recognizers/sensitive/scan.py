"""One pass over a text for every Section 26 lexicon, shared by the ten recognizers.

Presidio calls each recognizer with the same (normalised) text, so the word
lists of all types are looked up together once per text and the result is
cached: a dictionary walk from every Thai character and every Latin word
start, trying only the literal lengths that begin with the next two
characters. Overlapping hits of different types are all kept (unlike one big
regular-expression alternation, which would keep only the leftmost-longest).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from scanners.recognizers.sensitive.lexicon import ENTITIES, lexicon, normalise_value

#: Roles of a literal: a shape term, an evidence phrase, or an exclusion.
TERM, PHRASE, EXCLUDE = "term", "phrase", "exclude"

_LIST_SEPARATORS = re.compile(r"\s*(?:[,;|/]|\s(?:และ|and|&)\s)\s*", re.IGNORECASE)
_MAYBE_LIST = re.compile(r"[,;|/&]|\s(?:และ|and)\s", re.IGNORECASE)
MAX_VALUE_CHARS = 80


@dataclass(frozen=True)
class Hit:
    """A lexicon literal found in a text."""

    start: int
    end: int
    entity: str
    role: str


@dataclass(frozen=True)
class _Index:
    literals: dict[str, tuple[tuple[str, str], ...]]
    lengths: dict[str, tuple[int, ...]]
    values: dict[str, tuple[str, ...]]


def _is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


@cache
def _index() -> _Index:
    literals: dict[str, list[tuple[str, str]]] = defaultdict(list)
    values: dict[str, list[str]] = defaultdict(list)
    for entity in ENTITIES:
        lex = lexicon(entity)
        for role, words in ((TERM, lex.terms), (PHRASE, lex.phrases), (EXCLUDE, lex.exclude)):
            for word in words:
                literals[unicodedata.normalize("NFC", word)].append((entity, role))
        for value in lex.values:
            values[unicodedata.normalize("NFC", value)].append(entity)
    lengths: dict[str, set[int]] = defaultdict(set)
    for word in literals:
        lengths[word[:2]].add(len(word))
    return _Index(
        literals={w: tuple(dict.fromkeys(r)) for w, r in literals.items()},
        lengths={p: tuple(sorted(n, reverse=True)) for p, n in lengths.items()},
        values={v: tuple(dict.fromkeys(e)) for v, e in values.items()},
    )


@lru_cache(maxsize=256)
def scan(text: str) -> tuple[Hit, ...]:
    """Every term, phrase and exclusion of every type in ``text`` (cached per text)."""
    index = _index()
    low = text.lower()
    if len(low) != len(text):  # a few characters grow when lower-cased ("İ")
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    hits: list[Hit] = []
    lengths_of = index.lengths.get
    literal = index.literals.get
    size = len(low)
    for i in range(size):
        lengths = lengths_of(low[i : i + 2])
        if lengths is None:
            continue
        thai = _is_thai(low[i])
        if not thai and i and _is_word_char(low[i - 1]):
            continue  # Latin literals start at a word start
        found: set[tuple[str, str]] = set()
        for length in lengths:
            if i + length > size:
                continue
            roles = literal(low[i : i + length])
            if roles is None:
                continue
            if not thai and i + length < size and _is_word_char(low[i + length]):
                continue
            for role in roles:
                if role not in found:  # the longest literal per type and role at one start
                    found.add(role)
                    hits.append(Hit(i, i + length, *role))
    return tuple(hits)


@lru_cache(maxsize=256)
def value_hits(text: str) -> tuple[Hit, ...]:
    """A whole value, or each item of a short list (``DM, HT``), found in ``values``."""
    if len(text) > MAX_VALUE_CHARS or not text.strip():
        return ()
    values = _index().values
    stripped = text.strip()
    offset = text.index(stripped[0])
    whole = values.get(normalise_value(stripped))
    if whole:
        return tuple(Hit(offset, offset + len(stripped), e, TERM) for e in whole)
    if not _MAYBE_LIST.search(stripped):
        return ()
    hits: list[Hit] = []
    position = 0
    for part in _LIST_SEPARATORS.split(stripped):
        index = stripped.find(part, position)
        position = index + len(part)
        for entity in values.get(normalise_value(part), ()) if part else ():
            hits.append(Hit(offset + index, offset + index + len(part), entity, TERM))
    return tuple(hits)


@lru_cache(maxsize=256)
def hits_by_type(text: str) -> dict[str, tuple[tuple[Hit, ...], tuple[Hit, ...]]]:
    """Per type: its whole-value hits and its term/phrase/exclusion hits (cached per text).

    Ten recognizers read the same text; grouping once lets each take its own
    hits with one look-up instead of filtering every type's hits.
    """
    grouped: dict[str, tuple[list[Hit], list[Hit]]] = {}
    for hit in value_hits(text):
        grouped.setdefault(hit.entity, ([], []))[0].append(hit)
    for hit in scan(text):
        grouped.setdefault(hit.entity, ([], []))[1].append(hit)
    return {entity: (tuple(whole), tuple(found)) for entity, (whole, found) in grouped.items()}
