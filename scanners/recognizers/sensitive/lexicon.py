"""Section 26 lexicons: ``scanners/data/sensitive_lexicon.json``, read once per process.

Each type lists ``values`` (whole cell values, a shape), ``terms`` (anywhere
in text, a shape), ``phrases`` (anywhere in text, evidence), ``cues`` (words
near a term that make it a statement about a person), ``negative`` (blanked
before cues are looked for), ``exclude`` (longer words that contain a term
but mean something else) and ``kinds`` (cue lists for a recognizer's own
shapes, such as blood groups or ICD-10 codes). :func:`cue_pattern` compiles
cue words the same way for every recognizer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SPACES = re.compile(r"\s+")
#: Latin words up to this length must end at a word boundary (``dx`` not in ``dxf``).
SHORT_WORD = 4


@dataclass(frozen=True)
class TypeLexicon:
    """The word lists of one Section 26 type (lower case)."""

    values: frozenset[str]
    terms: tuple[str, ...]
    phrases: tuple[str, ...]
    cues: tuple[str, ...]
    negative: tuple[str, ...]
    exclude: tuple[str, ...]
    kinds: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@cache
def _raw() -> dict[str, dict[str, object]]:
    data = resources.files("scanners").joinpath("data", "sensitive_lexicon.json")
    raw = json.loads(data.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError("sensitive_lexicon.json must hold one object of types")
    return raw


def _words(items: object) -> tuple[str, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(dict.fromkeys(normalise_value(str(item)) for item in items if item))


#: The Section 26 types, in the order of the lexicon file.
ENTITIES: tuple[str, ...] = (
    "HEALTH",
    "RELIGION",
    "ETHNICITY",
    "POLITICAL_OPINION",
    "SEXUAL_ORIENTATION",
    "CRIMINAL_RECORD",
    "DISABILITY",
    "TRADE_UNION",
    "GENETIC",
    "BIOMETRIC",
)


@cache
def lexicon(entity: str) -> TypeLexicon:
    """The lexicon of one entity (``"HEALTH"``, ``"RELIGION"`` …)."""
    entry = _raw()[entity]
    kinds = entry.get("kinds") or {}
    assert isinstance(kinds, dict)
    return TypeLexicon(
        values=frozenset(_words(entry.get("values"))),
        terms=_words(entry.get("terms")),
        phrases=_words(entry.get("phrases")),
        cues=_words(entry.get("cues")),
        negative=_words(entry.get("negative")),
        exclude=_words(entry.get("exclude")),
        kinds={name: _words(spec.get("cues")) for name, spec in kinds.items()},
    )


def normalise_value(text: str) -> str:
    """Lower case, single spaces, no surrounding spaces or trailing full stop."""
    return _SPACES.sub(" ", text.strip().lower()).rstrip(".").strip()


def _escaped(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"[\s_\-]*")


def cue_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Match context words: Thai anywhere, Latin at a word start (short ones whole).

    Used on lower-cased windows and column names; ``diagnos`` matches
    ``diagnosis`` and ``diagnosed``, ``dx`` matches ``dx`` and ``dx0`` but not ``dxf``.
    """
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        if _THAI.search(word):
            parts.append(_escaped(word))
        elif len(word) <= SHORT_WORD:
            parts.append(rf"(?<![a-z0-9]){_escaped(word)}(?![a-z])")
        else:
            parts.append(rf"(?<![a-z0-9]){_escaped(word)}")
    return re.compile("|".join(parts)) if parts else None
