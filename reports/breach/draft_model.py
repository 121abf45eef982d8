"""The shape of a draft, laid out alike in HTML and in Word: a title, sections, blanks to fill.

A draft is plain text in a fixed structure (:class:`Draft` → :class:`Section`
→ paragraphs, label/value fields, bullet items, a table), so the HTML page and
the DOCX file carry the same words and facts. Where the tool cannot know
something (the measures taken, who signs), the text holds a blank written
``[… what to fill …]``; :func:`segments` finds them so each renderer can mark
them (highlighted in both) for the officer who completes the draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A blank for an officer to fill: ``[…]`` or ``[… hint …]``.
BLANK = re.compile(r"\[…[^\[\]]*\]")


def blank(hint: str = "") -> str:
    """``[… hint …]`` (``[…]`` without a hint)."""
    return f"[… {hint} …]" if hint else "[…]"


def segments(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(part, is_blank)`` pieces, in order, none empty."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in BLANK.finditer(text):
        if match.start() > position:
            parts.append((text[position : match.start()], False))
        parts.append((match.group(), True))
        position = match.end()
    if position < len(text):
        parts.append((text[position:], False))
    return parts


@dataclass(frozen=True)
class Table:
    """A table with a header row."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Section:
    """One heading and what follows it, in this order: paragraphs, fields, items, table, notes."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # (label, value)
    items: tuple[str, ...] = ()  # bullet points
    table: Table | None = None
    notes: tuple[str, ...] = ()  # small print under the table


@dataclass(frozen=True)
class Draft:
    """A whole draft in one language.

    ``status`` is ``"info"`` (nothing pressing), ``"due"`` (a notice is due
    before the deadline) or ``"overdue"``; it colours the banner.
    """

    name: str  # "office-notice", "subjects-notice", "internal-record"
    language: str
    title: str
    subtitle: str
    banner: str
    status: str
    opening: tuple[str, ...]
    sections: tuple[Section, ...]
    closing: tuple[str, ...]
    footer: str
