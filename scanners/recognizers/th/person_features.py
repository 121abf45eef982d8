"""Tokens and CRF features for the Thai PERSON model (training and inference share this).

``tokenize`` normalises text as the engine does (one code point for one,
so offsets hold) and segments it with PyThaiNLP's dictionary-based ``newmm``
(offline, bundled dictionary), keeps whitespace tokens (a space separates a
Thai given name from the surname) and splits a token that starts with a
name title (DOMAIN §1.17) from the rest when the token is not itself a
dictionary word (``นายสมชาย`` → ``นาย`` + ``สมชาย``; ``นายจ้าง`` stays).

``sentence_features`` turns a token sequence into one list of string
features per token: the token, its prefixes and suffixes, script class,
whether it is a title or an abbreviation, whether it is a dictionary word,
whether it starts or continues a span of tokens that spells a given or
family name from PyThaiNLP's bundled name lists, and the same kind of facts
about the neighbours two tokens either side. Changing anything here
changes the model's inputs: retrain (``scripts/train_th_person.py``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from pythainlp.corpus import (
    thai_family_names,
    thai_female_names,
    thai_male_names,
    thai_wikipedia_titles,
    thai_words,
)
from pythainlp.corpus.tnc import word_freqs
from pythainlp.tag import pos_tag
from pythainlp.tokenize import word_tokenize

from scanners.normalise import normalise_text
from scanners.recognizers.th.th_person import TITLES

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_ABBREVIATION = re.compile(r"^(?:[\u0e01-\u0e4e]{1,4}\.)+$")
_THAI_DIGITS = re.compile(r"^[\u0e50-\u0e59]+$")
_PIECES = re.compile(r"[^\W_]+|\s+|.", re.DOTALL)
#: Informal honorifics and kinship words used before names and nicknames in news text.
HONORIFICS = frozenset(
    """น้อง พี่ ป้า ลุง น้า อา ยาย ตา ปู่ ย่า เฮีย เจ๊ เสี่ย หมอ ครู บิ๊ก กัปตัน โค้ช สมเด็จ
    เจ้าฟ้า เจ้าหญิง เจ้าชาย พระบาทสมเด็จ พระเจ้า เจ้า หลวงพี่ หลวงตา มาดาม มิสเตอร์ เซอร์""".split()
)
#: Longest run of tokens looked at when matching a multi-token name.
_MAX_NAME_TOKENS = 6


class Token(NamedTuple):
    """One token: its text and code-point offsets into the segmented text."""

    text: str
    start: int
    end: int


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Titles, dictionary words and name lists, loaded once from bundled files."""
    titles = frozenset(TITLES) | {t.rstrip(".") for t in TITLES if len(t.rstrip(".")) > 1}
    return {
        "titles": frozenset(titles),
        "spelled_titles": frozenset(t for t in titles if "." not in t),
        "words": frozenset(thai_words()),
        "given": frozenset(thai_male_names()) | frozenset(thai_female_names()),
        "family": frozenset(thai_family_names()),
        "wiki": frozenset(thai_wikipedia_titles()),
        **_frequency_bands(),
    }


def _frequency_bands() -> dict[str, frozenset[str]]:
    """Words of the Thai National Corpus by frequency band (rare words are often names)."""
    bands: dict[str, set[str]] = {"fq3": set(), "fq2": set(), "fq1": set()}
    for word, count in word_freqs():
        band = "fq3" if count >= 1000 else "fq2" if count >= 50 else "fq1"
        bands[band].add(word)
    return {name: frozenset(words) for name, words in bands.items()}


def _since_title(words: list[str], lex: dict[str, frozenset[str]]) -> list[str]:
    """How far back the last title is: spaces crossed since it (0, 1, 2) or "none"."""
    marks: list[str] = []
    spaces, distance = -1, 0
    for word in words:
        distance += 1
        if spaces >= 0 and word.isspace():
            spaces += 1
        if spaces > 2 or distance > 10:
            spaces = -1
        marks.append(str(spaces) if spaces >= 0 else "none")
        if word in lex["titles"] or _ABBREVIATION.match(word):
            spaces, distance = 0, 0
    return marks


def _split_title(word: str, lex: dict[str, frozenset[str]]) -> list[str]:
    """``นายสมชาย`` → ``[นาย, สมชาย]``; ``(Mikael`` → ``[(, Mikael]``."""
    if not _THAI.search(word):
        return _PIECES.findall(word) if len(word) > 1 else [word]
    if word in lex["words"] or word in lex["titles"] or not _THAI.match(word):
        return [word]
    for length in range(min(len(word) - 2, 12), 0, -1):
        head = word[:length]
        if head in lex["spelled_titles"] or (head.endswith(".") and head in lex["titles"]):
            return [head, word[length:]]
    return [word]


def tokenize(text: str) -> list[Token]:
    """Segment ``text`` (normalised first: Thai digits, odd spaces); offsets index ``text``."""
    if not text:
        return []
    text = normalise_text(text)
    lex = lexicon()
    tokens: list[Token] = []
    position = 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        found = text.find(word, position)
        if found < 0:  # the segmenter altered the text; resynchronise on the next token
            continue
        position = found
        for piece in _split_title(word, lex):
            tokens.append(Token(piece, position, position + len(piece)))
            position += len(piece)
    return tokens


def script(word: str) -> str:
    """A coarse class: space, thai, thaidigit, digit, latin, abbr, punct or other."""
    if word.isspace():
        return "space"
    if _ABBREVIATION.match(word):
        return "abbr"
    if _THAI_DIGITS.match(word):
        return "thaidigit"
    if word.isdigit():
        return "digit"
    if _THAI.search(word):
        return "thai"
    if word.isascii() and word.isalpha():
        return "latin"
    if all(not c.isalnum() for c in word):
        return "punct"
    return "other"


def _name_marks(words: list[str], names: frozenset[str], spaces: bool = False) -> list[str]:
    """B/I marks for the longest run of tokens spelling a listed name (spaces left out)."""
    marks = [""] * len(words)
    index = 0
    while index < len(words):
        best = 0
        joined = ""
        for length in range(1, min(_MAX_NAME_TOKENS, len(words) - index) + 1):
            piece = words[index + length - 1]
            if piece.isspace():
                if spaces and length > 1:
                    continue
                break
            joined += piece
            if joined in names:
                best = length
        if best:
            marks[index] = "B"
            for inner in range(index + 1, index + best):
                marks[inner] = "I"
            index += best
        else:
            index += 1
    return marks


def _chunk_facts(words: list[str], lex: dict[str, frozenset[str]]) -> list[list[str]]:
    """Facts about each token's space-delimited chunk (Thai puts spaces between names)."""
    facts: list[list[str]] = [[] for _ in words]
    bounds: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        if words[index].isspace():
            index += 1
            continue
        end = index
        while end < len(words) and not words[end].isspace():
            end += 1
        bounds.append((index, end))
        index = end
    titled = [words[a] in lex["titles"] for a, _ in bounds]
    for number, (first, end) in enumerate(bounds):
        chunk = "".join(words[first:end])
        rest = "".join(words[first + 1 : end]) if titled[number] else chunk
        shared = [
            f"cl={min(len(chunk) // 3, 8)}",
            f"ct={int(titled[number])}",
            f"pct={int(number > 0 and titled[number - 1])}",
            f"cf={int(chunk in lex['family'])}",
            f"cg={int(rest in lex['given'])}",
            f"cd={int(chunk in lex['words'])}",
            f"cn={min(end - first, 5)}",
        ]
        for position in range(first, end):
            place = "only" if end - first == 1 else "first" if position == first else "mid"
            place = "last" if end - first > 1 and position == end - 1 else place
            facts[position] = [*shared, f"cp={place}"]
    return facts


def _token_facts(word: str, lex: dict[str, frozenset[str]]) -> dict[str, str]:
    """Facts about one token, used for itself and as a neighbour."""
    return {
        "w": word if len(word) <= 20 else word[:20],
        "s": script(word),
        "t": "1" if word in lex["titles"] else "h" if word in HONORIFICS else "0",
        "d": "1" if word in lex["words"] else "0",
        "n": str(min(len(word), 6)),
        "q": next((band for band in ("fq3", "fq2", "fq1") if word in lex[band]), "fq0"),
    }


def sentence_features(words: list[str]) -> list[list[str]]:
    """One list of ``name=value`` features per token, for python-crfsuite."""
    lex = lexicon()
    facts = [_token_facts(word, lex) for word in words]
    given = _name_marks(words, lex["given"])
    family = _name_marks(words, lex["family"])
    chunk = _chunk_facts(words, lex)
    wiki = _name_marks(words, lex["wiki"], spaces=True)
    since = _since_title(words, lex)
    tags = [tag for _, tag in pos_tag(words, engine="perceptron", corpus="orchid")]
    for index, tag in enumerate(tags):
        facts[index]["pos"] = tag
    features: list[list[str]] = []
    for index, word in enumerate(words):
        own = facts[index]
        row = ["bias", *(f"{key}={value}" for key, value in own.items())]
        if word[:1].isupper():
            row.append("cap")
        row += [f"lw={word.lower()}", f"g={given[index]}", f"f={family[index]}", *chunk[index]]
        row += [f"wk={wiki[index]}", f"st={since[index]}"]
        for size in (1, 2, 3):
            if len(word) >= size:
                row += [f"p{size}={word[:size]}", f"x{size}={word[-size:]}"]
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < len(words):
                near = facts[other]
                row += [f"{offset}:{key}={value}" for key, value in near.items()]
                row += [f"{offset}:g={given[other]}", f"{offset}:f={family[other]}"]
            else:
                row.append(f"{offset}:edge")
        if index > 0:
            row.append(f"-1w|w={facts[index - 1]['w']}|{own['w']}")
            row.append(f"-1s|s={facts[index - 1]['s']}|{own['s']}")
        if index + 1 < len(words):
            row.append(f"w|+1w={own['w']}|{facts[index + 1]['w']}")
        features.append(row)
    return features
