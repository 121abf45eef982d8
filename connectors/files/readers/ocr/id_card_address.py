"""The address of a Thai ID card from its OCR lines: the ที่อยู่ value, tidied.

The card prints ``ที่อยู่ 99/9 หมู่ที่ 4 ต.บางพูด`` and often a second line
``อ.ปากเกร็ด จ.นนทบุรี``; OCR may move that line elsewhere, lose the label,
drop a dot (``ถ ร่มโพธิ์``, ``จ,กระบี่``) or add stray marks at the ends.
:func:`read_address` takes the label's value, the lines after it that carry
address markers (ต. อ. จ. แขวง เขต หมู่ …), and any other line rich in markers,
puts the part that starts with a house number first, and tidies the words.
The province after ``จ.`` (or Bangkok's name) is snapped to PyThaiNLP's list
of the 77 provinces when exactly one is closest and within two edits in five
(compared without vowel and tone marks, which OCR misreads most).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from pythainlp.corpus import provinces

from connectors.files.readers.ocr.id_card_dates import distance
from connectors.files.readers.ocr.id_card_layout import Hits, skeleton

MARKERS = re.compile(r"หมู่|ต\.|อ\.|จ\.|ตำบล|อำเภอ|จังหวัด|แขวง|เขต|กรุงเทพ|ถ\.|ซ\.|ถนน|ซอย")
YEAR = re.compile(r"\b(?:24|25)\d\d\b|\b(?:19|20)\d\d\b")
DATE_LABELS = ("issue_th", "issue_en", "expiry_th", "expiry_en")
MAX_PARTS = 3
_HOUSE = re.compile(r"\d{1,4}(?:/\d{1,4})?(?:\s|$)")
_VILLAGE = re.compile(r"หมู่ที(?!่)|หมูที่|หมุ่ที่")
_LOST_DOT = re.compile(r"(?<![\u0e01-\u0e4e])([ตอจถซ])[\s,]+(?=[\u0e01-\u0e4e]{2})")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'\-]*")


def read_address(lines: Sequence[str], found: Hits, used: set[int], page: int) -> str | None:
    """The address, or None; the lines it came from are added to ``used``. Lines from
    ``page`` on are a second look's: used only when the page's lines give no label."""
    stop = {hit.line for key in DATE_LABELS for hit in found.get(key, ())} | used
    parts: dict[int, str] = {}
    side = range(page)
    for hit in found.get("address", ())[:1]:
        side = range(page) if hit.line < page else range(page, len(lines))
        parts[hit.line] = lines[hit.line][hit.end :]
        for row in range(hit.line + 1, min(hit.line + 3, side.stop)):
            if row in stop or YEAR.search(lines[row]) or not MARKERS.search(lines[row]):
                break
            parts[row] = lines[row]
    for row in side:
        line = lines[row]
        if row in parts or row in stop or YEAR.search(line) or len(parts) >= MAX_PARTS:
            continue
        markers = len(MARKERS.findall(line))
        if markers >= 2 or (markers and _HOUSE.match(tidy(line))):
            parts[row] = line
    tidied = {row: tidy(text) for row, text in parts.items()}
    order = sorted((not _HOUSE.match(text), row) for row, text in tidied.items() if text)
    address = " ".join(tidied[row] for _, row in order)
    if not MARKERS.search(address):
        return None
    used.update(parts)
    return address


def tidy(text: str) -> str:
    """Restore lost dots, drop stray Latin words and lone marks, snap the province."""
    text = _LOST_DOT.sub(r"\1.", text.replace("|", " "))
    words = [w for w in text.split() if not _LATIN.fullmatch(w.strip(".,:;'\""))]
    words = [w for w in words if _meaningful(w)]
    while words and not any(c.isdigit() for c in words[0]) and len(words[0]) <= 2:
        words.pop(0)
    return _VILLAGE.sub("หมู่ที่", " ".join(province(w) for w in words))


def _meaningful(word: str) -> bool:
    """A word with a digit or two Thai letters (a lone ``ล`` or ``ฉู้`` is a stray mark)."""
    letters, _ = skeleton(re.sub(r"[^\u0e01-\u0e4e]", "", word))
    return any(c.isdigit() for c in word) or len(letters) >= 2 or bool(MARKERS.fullmatch(word))


def province(word: str) -> str:
    """``จ.นครศรีธรรมราชี`` → ``จ.นครศรีธรรมราช`` when one province is that close."""
    word = word.replace("จ,", "จ.")
    prefix = "จ." if word.startswith("จ.") else ""
    name = word[len(prefix) :]
    if (not prefix and not name.startswith("กรุงเทพ")) or not name or name in _provinces():
        return word
    letters = skeleton(name)[0]
    most = max(1, len(letters) * 2 // 5)
    costs = sorted((distance(letters, skeleton(known)[0]), known) for known in _provinces())
    if costs and costs[0][0] <= most and (len(costs) == 1 or costs[1][0] > costs[0][0]):
        return prefix + costs[0][1]
    return word


@cache
def _provinces() -> frozenset[str]:
    names = provinces()
    return frozenset(names) if isinstance(names, (set, frozenset)) else frozenset()
