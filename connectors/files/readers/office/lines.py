"""Lines of a document's text, cleaned and counted against ``limits.max_rows``.

Paragraph, line, cell, row, page and column marks of the legacy formats
(CR, vertical tab, BEL, form feed, U+000E, U+2028, U+2029) end a line;
other control characters are removed (tabs kept), a non-breaking space is a
space, a soft hyphen is removed and Word's non-breaking hyphen (U+001E) is
a hyphen. Lines are stripped and empty ones dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from connectors.files.readers.content import ReadLimits, Text, rows_note

_BREAKS = "\r\x0b\x07\x0c\x0e\u2028\u2029"
_TABLE: dict[int, str | None] = {
    **{c: None for c in range(0x20) if c not in (0x09, 0x0A)},
    **{ord(c): "\n" for c in _BREAKS},
    0x1E: "-",
    0xA0: " ",
    0xAD: None,
}
_CLEAN = str.maketrans(_TABLE)


class Lines:
    """Collects the non-empty lines of texts, one more than the limit at most."""

    def __init__(self, limits: ReadLimits, drop: frozenset[str] = frozenset()) -> None:
        self.limits = limits
        self.drop = drop  # whole lines that mean nothing (a field's placeholder)
        self.found: list[str] = []

    @property
    def full(self) -> bool:
        """Whether more lines than ``limits.max_rows`` were found (stop reading)."""
        return len(self.found) > self.limits.max_rows

    def add(self, text: str) -> None:
        """The lines of ``text``, up to the limit."""
        for line in text.translate(_CLEAN).split("\n"):
            line = line.strip()
            if line and line not in self.drop:
                self.found.append(line)
                if self.full:
                    return

    def extend(self, texts: Iterable[str]) -> None:
        """The lines of every text, stopping at the limit."""
        for text in texts:
            self.add(text)
            if self.full:
                return

    def finish(self, *notes: str) -> Text:
        """The lines kept, noted when the limit cut them."""
        kept = tuple(self.found[: self.limits.max_rows])
        cut = rows_note(len(kept), self.limits, self.full)
        return Text(kept, "", "; ".join(n for n in (cut, *notes) if n))
