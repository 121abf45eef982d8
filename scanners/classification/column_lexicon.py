"""The machinery of column-name lexicons: reading a column name and matching it with words.

A lexicon (:class:`NameLexicon`) has three tables of words that name a
type: compacted names that name it outright, tokens that name it wherever
they stand, and Thai phrases that name it anywhere in the name. Names are
split on case changes, underscores, spaces, dashes and digits
(:func:`name_tokens`), then matched as whole tokens, runs of adjacent
tokens or the compacted name, so ``BirthDate``, ``birth_date`` and
``DATE_OF_BIRTH`` all match ``birthdate``, while ``invoice_date`` does not.

Two lexicons use it: ordinary personal data
(:mod:`scanners.classification.column_names`) and Section 26 sensitive data
(:mod:`scanners.classification.sensitive_columns`).

>>> name_tokens("custBirthDate_2")
['cust', 'birth', 'date', '2']
>>> lexicon = NameLexicon(exact={}, tokens={"birthdate": PiiType.DATE_OF_BIRTH}, thai={})
>>> lexicon.priors("cust_birth_date")
(NamePrior(type=<PiiType.DATE_OF_BIRTH: 'DATE_OF_BIRTH'>, matched='birthdate'),)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from scanners.pii_types import PiiType

_SPLIT = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+|[^\W\d_A-Za-z]+")
#: Separators dropped before Thai phrases are looked for: ``วัน/เดือน/ปีเกิด``, ``ว.ด.ป. เกิด``.
_THAI_SEPARATORS = re.compile(r"[\s/.\-_]+")


def register_words(table: dict[str, PiiType], pii_type: PiiType, words: str) -> None:
    """Add every whitespace-separated word of ``words`` to ``table`` as ``pii_type``."""
    for word in words.split():
        table[word] = pii_type


def name_tokens(name: str) -> list[str]:
    """``"BirthDate"`` → ``["birth", "date"]``; Thai runs stay whole."""
    return [token.lower() for token in _SPLIT.findall(name)]


def _compounds(tokens: list[str]) -> list[str]:
    """Runs of two or more adjacent tokens, compacted: ``cust_first_name`` → ``firstname`` …"""
    return [
        "".join(tokens[start:end])
        for start in range(len(tokens))
        for end in range(start + 2, len(tokens) + 1)
        if end - start < len(tokens)
    ]


@dataclass(frozen=True)
class NamePrior:
    """The type a column name points to, and the words that matched."""

    type: PiiType
    matched: str


@dataclass(frozen=True)
class NameLexicon:
    """Words that name types, and how to read a column name with them.

    ``exact`` holds compacted names, ``tokens`` words that count wherever they
    stand, ``thai`` phrases that count as substrings; ``not_pii`` compacted
    names that look like a prior but are not, and ``thai_traps`` longer Thai
    phrases that contain a phrase but mean something else (per type).
    """

    exact: Mapping[str, PiiType]
    tokens: Mapping[str, PiiType]
    thai: Mapping[str, PiiType]
    not_pii: frozenset[str] = frozenset()
    thai_traps: Mapping[PiiType, tuple[str, ...]] = field(default_factory=dict)

    def priors(self, name: str) -> tuple[NamePrior, ...]:
        """Every type the column name points to (usually none or one)."""
        tokens = name_tokens(name)
        compact = "".join(tokens)
        compounds = _compounds(tokens)
        if compact in self.not_pii or any(c in self.not_pii for c in compounds):
            return ()
        found: dict[PiiType, str] = {}
        whole = self.exact.get(compact) or self.tokens.get(compact)
        if whole is not None:
            found[whole] = compact
        for compound in compounds:
            pii_type = self.exact.get(compound) or self.tokens.get(compound)
            if pii_type is not None and pii_type not in found:
                found[pii_type] = compound
        for token in tokens:
            if token in self.tokens and self.tokens[token] not in found:
                found[self.tokens[token]] = token
        lowered = _THAI_SEPARATORS.sub("", name.lower())  # "ว/ด/ป เกิด" → "วดปเกิด"
        for phrase, pii_type in self.thai.items():
            if phrase in lowered and pii_type not in found:
                if any(trap in lowered for trap in self.thai_traps.get(pii_type, ())):
                    continue
                found[pii_type] = phrase
        return tuple(NamePrior(t, m) for t, m in found.items())

    def words_by_type(self) -> dict[str, tuple[str, ...]]:
        """PiiType value → every word for that type (exact names, tokens, Thai phrases)."""
        grouped: dict[str, list[str]] = {t.value: [] for t in PiiType}
        for table in (self.exact, self.tokens, self.thai):
            for word, pii_type in table.items():
                grouped[pii_type.value].append(word)
        return {key: tuple(dict.fromkeys(words)) for key, words in grouped.items() if words}
