"""Features of a short string for the person-name likeness model.

Shared by ``scripts/train_name_model.py`` (training) and
``scanners.classification.name_likeness`` (inference), so both see exactly the same
features. A value is cut into tokens at white space and separators
(``, / ; ( ) …``); each token gives its lower-cased character n-grams
(1 to 4, with ``<``/``>`` word-boundary marks) and itself as a whole word
(``=word``). A few ``#`` features describe the value's shape: the case and
script pattern of its tokens (``Xx Xx``, ``XX/XX XX``, ``T T``), its token
count and length, and digits. Nothing here does I/O.
"""

from __future__ import annotations

import re
import unicodedata

#: Bumped whenever the features change; the artefact records the version it was trained with.
FEATURE_VERSION = 1
MAX_CHARS = 64
MAX_TOKENS = 8
MAX_NGRAM = 4

_TOKEN = re.compile(r"[^\s,/;:()\[\]{}\"|<>&+=*#@!?_]+|[,/;:&@+_]")
_SEPARATORS = frozenset(",/;:&@+_")
_DIGIT = re.compile(r"\d").search
_NGRAMS = range(1, MAX_NGRAM + 1)


def _script(ch: str) -> str:
    """One letter for the writing system of a character: Thai, CJK, kana, Hangul, other."""
    code = ord(ch)
    if 0x0E00 <= code <= 0x0E7F:
        return "T"
    if 0x3040 <= code <= 0x30FF:
        return "K"
    if 0x3400 <= code <= 0x9FFF:
        return "C"
    if 0xAC00 <= code <= 0xD7AF:
        return "H"
    return "O"


def token_shape(token: str) -> str:
    """Case pattern of a token: ``X``, ``X.``, ``Xx``, ``XX``, ``x``, ``xX``, ``9`` or a script."""
    if _DIGIT(token):
        return "9"
    if token.isupper():
        if len(token) == 1 or (len(token) == 2 and token[1] == "."):
            return "X." if "." in token else "X"
        return "XX"
    if token.islower():
        return "x"
    first = token[0]
    if first.isupper():
        return "Xx"
    if not first.isalpha() or first.lower() == first.upper():
        return _script(first if first.isalpha() else token[-1])
    return "xX"


def normalise(value: str) -> str:
    """NFKC, trimmed, white space collapsed, cut to ``MAX_CHARS``."""
    text = unicodedata.normalize("NFKC", value)
    return " ".join(text.split())[:MAX_CHARS]


def analyse(value: str) -> tuple[list[str], list[str]]:
    """The lower-cased word tokens of ``value`` and its shape features."""
    tokens = _TOKEN.findall(normalise(value))
    if not tokens:
        return [], []
    words: list[str] = []
    shapes: list[str] = []
    for token in tokens[:MAX_TOKENS]:
        if token in _SEPARATORS:
            shapes.append(token)
        else:
            words.append(token.lower())
            shapes.append(token_shape(token))
    if len(tokens) > MAX_TOKENS:
        shapes.append("…")
    out = ["#s" + " ".join(shapes), f"#n{min(len(words), 6)}"]
    out.append(f"#l{min(sum(map(len, tokens)) // 3, 12)}")
    if "9" in shapes:
        out.append("#d")
    return words, out


def token_features(word: str) -> list[str]:
    """Features of one lower-cased token: itself and its n-grams with boundary marks."""
    padded = "<" + word + ">"
    size = len(padded)
    return ["=" + word] + [padded[i : i + n] for n in _NGRAMS for i in range(size - n + 1)]


def features(value: str) -> list[str]:
    """The model's features of ``value`` (repeats count); empty for an empty value."""
    words, shape = analyse(value)
    out: list[str] = []
    for word in words:
        out += token_features(word)
    return out + shape
