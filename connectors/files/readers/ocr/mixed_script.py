"""Latin read as Thai: lines of mixed script that Tesseract garbles, read again line by line.

Measured on Thai + English pages: with ``tha+eng`` Tesseract reads Thai well,
but now and then reads a Latin run inside a Thai line (an e-mail address after
อีเมล) with the Thai model, giving tokens such as ``รอทาอ๐ทล1.]ลใฝ่66@`` — the
address is lost to detection. Such a token switches back and forth between
Thai letters, Latin letters (or ``@``) and Thai digits (:func:`garbled`
counts the switches); genuine text switches at most once in a token
(``อีเมลsomchai@example.com``, ``พ.ศ.๒๕๖๗``; ``พ.ศ.2567`` has Latin digits,
which do not count). :func:`repair` reads each line with two switches or
more again, cropped from the page, with the languages in the other order
(``eng+tha``: Latin wins, Thai comes out one character at a time, which
:func:`join_thai` joins back), and keeps the new reading when it switches
less and holds no fewer Latin letters and digits (a reading that merely drops
the Latin is no repair). At most :data:`MAX_REPAIRS` lines of a page are read
again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence

from PIL import Image

MAX_REPAIRS = 8
MIN_SWITCHES = 2  # a line with this many script switches inside its tokens is read again
_THAI_GAP = re.compile(r"(?<=[\u0e01-\u0e5b]) (?=[\u0e01-\u0e5b])")

Box = tuple[int, int, int, int]  # left, top, width, height


def garbled(line: str) -> int:
    """How often the characters of ``line``'s tokens switch between Thai letters, Thai
    digits and Latin letters (or ``@``); other characters are passed over."""
    switches = 0
    for token in line.split():
        kinds = [kind for kind in map(_kind, token) if kind]
        switches += sum(1 for a, b in itertools.pairwise(kinds) if a != b)
    return switches


def _latin(line: str) -> int:
    """How many Latin letters, digits and ``@`` ``line`` holds."""
    return sum(1 for char in line if char.isascii() and (char.isalnum() or char == "@"))


def _kind(char: str) -> str:
    if "\u0e01" <= char <= "\u0e4e":
        return "thai"
    if "\u0e50" <= char <= "\u0e59":
        return "thai digit"
    return "latin" if char.isascii() and (char.isalpha() or char == "@") else ""


def join_thai(line: str) -> str:
    """``line`` without the spaces Tesseract puts between Thai characters."""
    return _THAI_GAP.sub("", line)


def line_boxes(rows: Sequence[Mapping[str, str]]) -> dict[str, Box]:
    """Each text line's box in Tesseract's TSV rows, keyed by its text without spaces."""
    boxes: dict[tuple[str, str, str], Box] = {}
    words: dict[tuple[str, str, str], list[str]] = {}
    for row in rows:
        key = (row.get("block_num", ""), row.get("par_num", ""), row.get("line_num", ""))
        if row.get("level") == "4":
            try:
                box = tuple(int(row[k]) for k in ("left", "top", "width", "height"))
            except (KeyError, ValueError):
                continue
            boxes[key] = (box[0], box[1], box[2], box[3])
        elif row.get("level") == "5":
            words.setdefault(key, []).append((row.get("text") or "").replace(" ", ""))
    return {"".join(words.get(key, ())): box for key, box in boxes.items()}


def repair(
    page: Image.Image,
    lines: Sequence[str],
    rows: Sequence[Mapping[str, str]],
    read_line: Callable[[Image.Image], str],
) -> list[str]:
    """``lines`` (raw OCR lines of ``page``) with garbled ones read again by ``read_line``."""
    boxes = line_boxes(rows)
    left = MAX_REPAIRS
    repaired = []
    for line in lines:
        box = boxes.get(line.replace(" ", ""))
        if left and box is not None and (before := garbled(line)) >= MIN_SWITCHES:
            left -= 1
            again = join_thai(" ".join(read_line(page.crop(_padded(box, page.size))).split()))
            if again and garbled(again) < before and _latin(again) >= _latin(line):
                line = again
        repaired.append(line)
    return repaired


def _padded(box: Box, size: tuple[int, int]) -> Box:
    """``box`` (left, top, width, height) grown by a third of its height, as a crop box."""
    left, top, width, height = box
    pad = max(4, height // 3)
    return (
        max(0, left - pad),
        max(0, top - pad),
        min(size[0], left + width + pad),
        min(size[1], top + height + pad),
    )
