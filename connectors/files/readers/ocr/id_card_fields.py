"""The fields of a Thai ID card (names, birth date, religion, address) from its OCR lines.

Each field is read from a line its label was found on (best match first,
the next when the value does not parse; see
:mod:`connectors.files.readers.ocr.id_card_layout`), with fallbacks for a
label OCR lost: an English title (``Mr.``, ``Miss`` …) anywhere, a religion
word standing alone on a short line, lines rich in address markers
(:mod:`.id_card_address`). The two languages check each other: the Thai
title is taken from the English one when OCR garbled it (``Mr.`` → นาย,
``Miss`` → นางสาว, or เด็กหญิง under 15), the birth date from whichever form
parses (:mod:`.id_card_dates`). A religion Tesseract read with Latin
look-alikes (``wns`` for พุทธ) is recognised. Values are only reshaped,
never invented: a field not read is None.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from connectors.files.readers.ocr import id_card_dates as dates
from connectors.files.readers.ocr.id_card_address import read_address
from connectors.files.readers.ocr.id_card_layout import Hits, skeleton

T = TypeVar("T")
EN_TITLES = {"mr": "Mr.", "mrs": "Mrs.", "miss": "Miss", "ms": "Ms.", "master": "Master"}
TH_FOR_EN = {"Mr.": "นาย", "Mrs.": "นาง", "Miss": "นางสาว", "Ms.": "นางสาว", "Master": "เด็กชาย"}
COMPATIBLE = {
    "Mr.": ("นาย",),
    "Mrs.": ("นาง",),
    "Miss": ("นางสาว", "น.ส.", "เด็กหญิง", "ด.ญ."),
    "Ms.": ("นางสาว", "น.ส.", "นาง"),
    "Master": ("เด็กชาย", "ด.ช."),
}
TH_TITLES = ("เด็กชาย", "เด็กหญิง", "นางสาว", "น.ส.", "ด.ช.", "ด.ญ.", "นาง", "นาย")
RELIGIONS = ("พุทธ", "อิสลาม", "คริสต์", "ฮินดู", "ซิกข์")
#: Latin letters Tesseract puts for bold Thai ones (``ศาสนา wns`` is ศาสนา พุทธ).
LATIN_FOR_THAI = str.maketrans({"w": "พ", "W": "พ", "n": "ท", "s": "ธ"})
_EN_NAME = re.compile(r"\b(Mrs|Mr|Miss|Ms|Master)\b\s*[.,]?\s*(\S*)")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_THAI_WORD = re.compile(r"[\u0e01-\u0e4e]+")


@dataclass(frozen=True)
class CardFields:
    """What was read off the card; None where a field could not be read."""

    name_th: str | None = None  # "นาย สมชาย ใจดี"
    name_en: str | None = None  # "Mr. Somchai"
    last_name_en: str | None = None  # "Jaidee"
    birth: dt.date | None = None
    religion: str | None = None
    address: str | None = None
    used: frozenset[int] = frozenset()  # lines the fields came from


def read_fields(lines: Sequence[str], found: Hits, page: int | None = None) -> CardFields:
    """Every field the lines allow (``found``: where each label was read; the first
    ``page`` lines are the page OCR, the rest a second look's English words)."""
    used: set[int] = set()
    page = len(lines) if page is None else page

    def first(key: str, parse: Callable[[str], T | None]) -> T | None:
        for hit in found.get(key, ()):
            value = parse(lines[hit.line][hit.end :].strip(" :.;,-|"))
            if value is not None:
                used.add(hit.line)
                return value
        return None

    title_en, given_en = _english_name(lines, found, used)
    last = first("last_en", lambda v: next(iter(_LATIN_WORD.findall(v)), None))
    births = _births(lines, found, page)
    birth = dates.vote([parts for _, parts in births])
    if birth is not None:
        used.update(line for line, _ in births)
    name_th = first("name_th", lambda v: _thai_name(v, title_en, birth))
    if name_th is None:
        name_th = _titled_line(lines[:page], used, lambda v: _thai_name(v, title_en, birth))
    religion = first("religion", lambda v: _religion(v, 1)) or _standing_religion(lines, used)
    return CardFields(
        name_th=name_th,
        name_en=f"{title_en} {given_en}" if title_en and given_en else None,
        last_name_en=last.title() if last else None,
        birth=birth,
        religion=religion,
        address=read_address(lines, found, used, page),
        used=frozenset(used),
    )


def _births(lines: Sequence[str], found: Hits, page: int) -> list[tuple[int, dates.Parts]]:
    """Every reading of the birth date (its line, its parts), most trusted first: the
    page's English, the page's Thai, the second look's, then whole dates on other lines
    whose day and year agree with a labelled reading (their label lost)."""
    readings: list[tuple[int, int, dates.Parts]] = []
    for rank, key, parse in ((0, "birth_en", dates.english_date), (1, "birth_th", dates.thai_date)):
        for hit in found.get(key, ()):
            if (parts := parse(lines[hit.line][hit.end :])) is not None:
                readings.append((rank + 2 * (hit.line >= page), hit.line, parts))
    labelled = {line for _, line, _ in readings}
    days = {p[0] for _, _, p in readings if p[0] is not None}
    years = {p[2] for _, _, p in readings if p[2] is not None}
    for row, line in enumerate(lines):  # a date whose label OCR lost: day and year agree
        if row not in labelled:
            for parts in dates.anywhere(line):
                if parts[0] in days and parts[2] in years:
                    readings.append((4, row, parts))
    return [(line, parts) for _, line, parts in sorted(readings, key=lambda r: r[0])]


def _english_name(
    lines: Sequence[str], found: Hits, used: set[int]
) -> tuple[str | None, str | None]:
    """(title, given name) of the English name, preferring the ``Name`` label's lines."""
    labelled = [hit.line for hit in found.get("name_en", ())]
    surname = {hit.line for hit in found.get("last_en", ())}
    rows = labelled + [i for i in range(len(lines)) if i not in labelled and i not in surname]
    title = None
    for row in rows:
        match = _EN_NAME.search(lines[row])
        if match:
            used.add(row)
            title = title or EN_TITLES[match.group(1).lower()]
            given = match.group(2).strip(".,")
            if _LATIN_WORD.fullmatch(given) and given[0].isupper():
                return EN_TITLES[match.group(1).lower()], given.title()
    return title, None


def _thai_name(text: str, title_en: str | None, birth: dt.date | None) -> str | None:
    """``title first last`` from the value after ชื่อตัวและชื่อสกุล; the title checked
    against the English one (``Mr.`` → นาย …) and taken from it when they disagree."""
    words = text.split()
    while words and not _THAI_WORD.search(words[0]):
        words.pop(0)  # the tail of a garbled label, a Latin misreading of the title
    if not words:
        return None
    title, rest = _thai_title(words[0])
    if title is not None:
        words[0] = rest
    if title_en and title not in COMPATIBLE[title_en]:
        title = TH_FOR_EN[title_en]
        if title == "นางสาว" and birth and _age(birth) < 15:
            title = "เด็กหญิง"
    names = [w for w in (_thai_only(w) for w in words) if len(skeleton(w)[0]) >= 2]
    if title is None or not names:
        return None
    return " ".join([title, *names[:2]])


def _titled_line(
    lines: Sequence[str], used: set[int], parse: Callable[[str], str | None]
) -> str | None:
    """The Thai name on the first line holding a Thai title word (its label lost)."""
    for index, line in enumerate(lines):
        words = line.split()
        at = next((i for i, w in enumerate(words) if w in TH_TITLES), None)
        if index not in used and at is not None and (name := parse(" ".join(words[at:]))):
            used.add(index)
            return name
    return None


def _title_key(word: str) -> str:
    return skeleton(word.replace(".", "").replace(",", ""))[0]


_TITLE_KEYS = {_title_key(title): title for title in TH_TITLES}


def _thai_title(word: str) -> tuple[str | None, str]:
    """The Thai title ``word`` starts with, and the rest of the word.

    Compared without dots and vowel marks (``น.สี.`` and ``นุสู`` are น.ส.); one
    edit is forgiven when only one title is that close (``บาง`` is นาง)."""
    key = _title_key(word)
    if key in _TITLE_KEYS:
        return _TITLE_KEYS[key], ""
    for title in TH_TITLES:
        if word.startswith(title) and len(word) > len(title) + 1:
            return title, word[len(title) :]
    costs = sorted((dates.distance(key, known), title) for known, title in _TITLE_KEYS.items())
    if len(key) >= 3 and costs[0][0] <= 1 and costs[1][0] > 1:
        return costs[0][1], ""
    return None, word


def _age(birth: dt.date) -> int:
    today = dt.date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _thai_only(word: str) -> str:
    return "".join(_THAI_WORD.findall(word))


def _religion(text: str, errors: int) -> str | None:
    """The religion a word of ``text`` names; after the label (``errors`` allowed), a word
    of Latin look-alikes only (``wns``) is read as the Thai letters they stand for."""
    for word in text.split():
        if errors:
            word = word.translate(LATIN_FOR_THAI)
        if _LATIN_WORD.search(word):
            continue
        letters, _ = skeleton(_thai_only(word))
        for religion in RELIGIONS:
            target, _ = skeleton(religion)
            if letters == target or (
                errors and len(letters) >= 3 and dates.distance(letters, target) <= errors
            ):
                return religion
    return None


def _standing_religion(lines: Sequence[str], used: set[int]) -> str | None:
    """A religion word alone on a short line (its ศาสนา label lost), read exactly."""
    for index, line in enumerate(lines):
        if len(line) <= 24 and index not in used and (found := _religion(line, 0)):
            used.add(index)
            return found
    return None
