"""Whether OCR lines are a Thai national ID card, from its printed labels read fuzzily.

The front of the card carries fixed bilingual labels (บัตรประจำตัวประชาชน /
Thai National ID Card, เลขประจำตัวประชาชน / Identification Number,
ชื่อตัวและชื่อสกุล, Last name, เกิดวันที่ / Date of Birth, ศาสนา, ที่อยู่,
วันออกบัตร / Date of Issue, วันบัตรหมดอายุ / Date of Expiry). OCR garbles them,
so each is looked for with an approximate substring search (Sellers'
edit distance) over a skeleton of the line: no spaces, lower case, and no
Thai vowel marks above or below the line or tone marks, which Tesseract
misreads most. :func:`is_card` weighs the labels found: wording only a card
uses counts 2, labels a form may also print count 1; a card needs a weight
of :data:`CARD_WEIGHT` from two labels or more, one of them card-only, so a
form that mentions บัตรประชาชน or asks for a เลขประจำตัวประชาชน is not one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

CARD_WEIGHT = 4
MAX_LINES = 80  # lines looked at (a card holds about 25)
MAX_LINE = 160  # characters of a line looked at
_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_DOT = re.compile(r"(?<=[\u0e01-\u0e4e]) ?\. ?(?=[\u0e01-\u0e4e])|(?<=[\u0e01-\u0e4e]) \.")
_FIXES = (("\u0e4d\u0e32", "\u0e33"), ("\u0e40\u0e40", "\u0e41"))


@dataclass(frozen=True)
class Label:
    """A printed label: its key, its text, its weight as a card cue, the edits it tolerates."""

    key: str
    text: str
    weight: int
    errors: int
    at_start: bool = False  # must begin the line (short labels)


LABELS = (
    Label("title_th", "บัตรประจำตัวประชาชน", 1, 5),
    Label("title_en", "Thai National ID Card", 2, 5),
    Label("id_th", "เลขประจำตัวประชาชน", 1, 5),
    Label("id_en", "Identification Number", 2, 6),
    Label("name_th", "ชื่อตัวและชื่อสกุล", 2, 4),
    Label("last_en", "Last name", 1, 2),
    Label("name_en", "Name", 0, 1, True),
    Label("birth_th", "เกิดวันที่", 1, 2),
    Label("birth_en", "Date of Birth", 1, 3),
    Label("religion", "ศาสนา", 1, 1, True),
    Label("address", "ที่อยู่", 1, 1, True),
    Label("issue_th", "วันออกบัตร", 2, 2),
    Label("issue_en", "Date of Issue", 1, 3),
    Label("expiry_th", "วันบัตรหมดอายุ", 2, 3),
    Label("expiry_en", "Date of Expiry", 1, 3),
)
BY_KEY = {label.key: label for label in LABELS}


@dataclass(frozen=True)
class Found:
    """Where a label was found: the line, its edit distance, where its value starts."""

    line: int
    cost: int
    end: int  # index in the line just past the label


def normalise(line: str) -> str:
    """NFC, Thai vowels Tesseract splits joined back, spaces collapsed, and no space
    around the dot of a Thai abbreviation (``ต . บางพูด`` → ``ต.บางพูด``)."""
    line = unicodedata.normalize("NFC", line)
    for wrong, right in _FIXES:
        line = line.replace(wrong, right)
    return _THAI_DOT.sub(".", " ".join(line.split()))


def skeleton(text: str) -> tuple[str, list[int]]:
    """``text`` without spaces or Thai marks, lower-cased; and each kept character's index."""
    kept, where = [], []
    for index, char in enumerate(text):
        if char.isspace() or _THAI_MARKS.match(char):
            continue
        kept.append(char.lower())
        where.append(index)
    return "".join(kept), where


def search(pattern: str, text: str) -> tuple[int, int, int]:
    """Sellers' approximate substring search: (edit distance, start, end) of the best match."""
    size = len(pattern)
    previous, previous_start = list(range(size + 1)), [0] * (size + 1)
    best = (size, 0, 0)
    for column, char in enumerate(text, start=1):
        current, current_start = [0] * (size + 1), [column] * (size + 1)
        for row in range(1, size + 1):
            cost, start = previous[row - 1] + (pattern[row - 1] != char), previous_start[row - 1]
            if previous[row] + 1 < cost:
                cost, start = previous[row] + 1, previous_start[row]
            if current[row - 1] + 1 < cost:
                cost, start = current[row - 1] + 1, current_start[row - 1]
            current[row], current_start[row] = cost, start
        if current[size] < best[0]:
            best = (current[size], current_start[size], column)
        previous, previous_start = current, current_start
    return best


def find_label(label: Label, line: str) -> tuple[int, int, int] | None:
    """(edit distance, start, end) of ``label`` in ``line`` (``end``: where its value
    starts), or None when absent."""
    pattern, _ = skeleton(label.text)
    text, where = skeleton(line[:MAX_LINE])
    if len(text) < len(pattern) - label.errors:
        return None
    if len(set(pattern) - set(text)) > label.errors:
        return None  # quick refusal: more letters missing than edits allowed
    cost, start, end = search(pattern, text)
    if cost > label.errors or end == 0 or (label.at_start and start > 1):
        return None
    if label.at_start and end < len(where) and label.key == "name_en":
        following = line[where[end - 1] + 1 : where[end - 1] + 2]
        if following and not following.isspace():
            return None  # "Name" must be a word of its own ("Names…" is not the label)
    after = where[end - 1] + 1
    while after < len(line) and _THAI_MARKS.match(line[after]):
        after += 1  # the marks over or under the label's last letter belong to it
    return cost, where[start], after


Hits = dict[str, tuple[Found, ...]]


def locate(lines: Sequence[str], page: int | None = None) -> Hits:
    """Where each label was found: every line it is on, best first — the first ``page``
    lines (the page OCR) before the rest (a second look), then fewest edits, then first."""
    page = len(lines) if page is None else page
    found: dict[str, list[Found]] = {}
    rows = [*range(min(page, MAX_LINES)), *range(page, min(len(lines), page + MAX_LINES))]
    for index in rows:
        for key, cost, end in _labels_of(lines[index]):
            found.setdefault(key, []).append(Found(index, cost, end))
    return {
        key: tuple(sorted(hits, key=lambda f: (f.line >= page, f.cost, f.line)))
        for key, hits in found.items()
    }


def _labels_of(line: str) -> list[tuple[str, int, int]]:
    """The labels on one line, (key, cost, end); where two overlap (บัตรประจำตัวประชาชน
    is three edits from เลขประจำตัวประชาชน) only the closer one counts."""
    hits = []
    for label in LABELS:
        hit = find_label(label, line)
        if hit is not None:
            hits.append((hit[0] / len(label.text), label.key, hit))
    kept: list[tuple[str, int, int]] = []
    spans: list[tuple[int, int]] = []
    for _, key, (cost, start, end) in sorted(hits):
        if all(end <= left or start >= right for left, right in spans):
            kept.append((key, cost, end))
            spans.append((start, end))
    return kept


def is_card(found: Hits) -> bool:
    """Whether the labels found make the page a card (see the module docstring)."""
    weights = [BY_KEY[key].weight for key in found if BY_KEY[key].weight]
    return len(weights) >= 2 and sum(weights) >= CARD_WEIGHT and max(weights) >= 2
