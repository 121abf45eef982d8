"""Giant lines of a line-format file (CSV, TSV, text, JSON) cut, so a giant cell costs only itself.

A line longer than ``max_line`` bytes has each of its cells longer than
``max_cell`` bytes cut to its first ``max_cell`` bytes; quotes, delimiters
(any of ``,`` ``;`` tab ``|``) and line ends are kept, so the row keeps its
other cells and the rows after it are read as before. A quoted cell keeps
its closing quote and never ends inside a doubled ``""``. A line still longer
than ``max_line`` (a million short cells) is cut at ``max_line``, with a quote
added when the cut falls inside a quoted cell. Cuts never split a UTF-8
character. UTF-16 text (with a BOM) is cut as text and written back as
UTF-16. :class:`Capped` counts what was cut, so the dataset can say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import AnyStr, Generic

MIB = 1024 * 1024
#: Lines longer than this are looked at cell by cell.
MAX_LINE_BYTES = MIB
#: Cells of such lines are cut to this many bytes (analysis reads far fewer).
MAX_CELL_BYTES = 64 * 1024
_STRUCTURE = '"\n\r,;\t|'


@dataclass(frozen=True)
class Capped:
    """The data with its giant lines cut, and how many cells and lines were cut."""

    data: bytes
    cells_cut: int = 0
    lines_cut: int = 0
    max_line: int = MAX_LINE_BYTES
    max_cell: int = MAX_CELL_BYTES

    @property
    def notes(self) -> tuple[str, ...]:
        """One note per kind of cut (none when nothing was cut)."""
        notes = []
        if self.cells_cut:
            notes.append(
                f"{self.cells_cut} cell(s) longer than {self.max_cell} bytes cut to their "
                f"first {self.max_cell} bytes"
            )
        if self.lines_cut:
            notes.append(
                f"{self.lines_cut} line(s) still longer than {self.max_line} bytes cut to "
                f"their first {self.max_line} bytes"
            )
        return tuple(notes)


@dataclass(frozen=True)
class _Patterns(Generic[AnyStr]):
    long_line: re.Pattern[AnyStr]
    quoted: re.Pattern[AnyStr]
    unquoted: re.Pattern[AnyStr]


def _sources(max_line: int, max_cell: int) -> tuple[str, str, str]:
    """The giant line, a quoted cell, and a giant unquoted cell, as regular expressions."""
    structure = re.escape(_STRUCTURE)
    return (
        rf"(?m)^[^\n]{{{max_line + 1},}}",
        r'"[^"]*(?:""[^"]*)*"',
        rf"(?<![^{structure}])[^{structure}]{{{max_cell + 1},}}",
    )


@lru_cache(maxsize=8)
def _text_patterns(max_line: int, max_cell: int) -> _Patterns[str]:
    long_line, quoted, unquoted = _sources(max_line, max_cell)
    return _Patterns(re.compile(long_line), re.compile(quoted), re.compile(unquoted))


@lru_cache(maxsize=8)
def _byte_patterns(max_line: int, max_cell: int) -> _Patterns[bytes]:
    long_line, quoted, unquoted = (s.encode("ascii") for s in _sources(max_line, max_cell))
    return _Patterns(re.compile(long_line), re.compile(quoted), re.compile(unquoted))


def _prefix(text: AnyStr, size: int) -> AnyStr:
    """The first ``size`` units of ``text``, never ending inside a UTF-8 character."""
    cut = text[:size]
    if isinstance(cut, bytes) and len(text) > size:
        end = len(cut)
        while end > 0 and end > len(cut) - 4 and 0x80 <= cut[end - 1] < 0xC0:
            end -= 1
        if end > 0 and cut[end - 1] >= 0xC0:  # the lead byte of the character cut in two
            end -= 1
        cut = cut[:end]
    return cut


class _LineCutter(Generic[AnyStr]):
    """Cuts the giant cells of one line, counting them."""

    def __init__(
        self, patterns: _Patterns[AnyStr], max_line: int, max_cell: int, quote: AnyStr
    ) -> None:
        self.patterns: _Patterns[AnyStr] = patterns
        self.max_line = max_line
        self.max_cell = max_cell
        self.quote: AnyStr = quote
        self.cells = 0
        self.lines = 0

    def line(self, match: re.Match[AnyStr]) -> AnyStr:
        line = self.patterns.quoted.sub(self._quoted, match.group(0))
        line = self.patterns.unquoted.sub(self._unquoted, line)
        if len(line) <= self.max_line:
            return line
        self.lines += 1
        kept = _prefix(line, self.max_line)
        if kept.count(self.quote) % 2:  # cut inside a quoted cell: close it
            kept += self.quote
        return kept

    def _quoted(self, match: re.Match[AnyStr]) -> AnyStr:
        cell = match.group(0)
        if len(cell) <= self.max_cell + 2:
            return cell
        self.cells += 1
        content = _prefix(cell[1:-1], self.max_cell)
        trailing = len(content) - len(content.rstrip(self.quote))
        if trailing % 2:  # do not end inside a doubled quote
            content = content[:-1]
        return self.quote + content + self.quote

    def _unquoted(self, match: re.Match[AnyStr]) -> AnyStr:
        self.cells += 1
        return _prefix(match.group(0), self.max_cell)


def _cap(text: AnyStr, max_line: int, max_cell: int) -> tuple[AnyStr, int, int]:
    if isinstance(text, bytes):
        return _cap_with(text, _byte_patterns(max_line, max_cell), max_line, max_cell, b'"')
    return _cap_with(text, _text_patterns(max_line, max_cell), max_line, max_cell, '"')


def _cap_with(
    text: AnyStr, patterns: _Patterns[AnyStr], max_line: int, max_cell: int, quote: AnyStr
) -> tuple[AnyStr, int, int]:
    if patterns.long_line.search(text) is None:
        return text, 0, 0
    cutter = _LineCutter(patterns, max_line, max_cell, quote)
    capped = patterns.long_line.sub(cutter.line, text)
    return capped, cutter.cells, cutter.lines


def cap_long_lines(
    data: bytes, max_line: int = MAX_LINE_BYTES, max_cell: int = MAX_CELL_BYTES
) -> Capped:
    """``data`` (the bytes of a line-format file) with its giant lines' cells cut."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        # A UTF-16 code unit is two bytes: the budgets count characters as two bytes.
        capped, cells, lines = _cap(text, max_line // 2, max_cell // 2)
        if not cells and not lines:
            return Capped(data, max_line=max_line, max_cell=max_cell)
        return Capped(capped.encode("utf-16"), cells, lines, max_line, max_cell)
    capped_bytes, cells, lines = _cap(data, max_line, max_cell)
    return Capped(capped_bytes, cells, lines, max_line, max_cell)


def partial_tail(data: bytes) -> int:
    """How many bytes follow the last line end of ``data`` (the line a byte budget cut)."""
    end = data.rfind(b"\n")
    return len(data) - end - 1
