"""Rich Text Format documents (.rtf): the text, as lines, decoded by striprtf.

striprtf decodes ``\\uN`` escapes and ``\\'xx`` bytes in the document's code
page (``\\ansicpg874`` for Thai) or in the code page of the current font's
``\\fcharset`` (222 is Thai). Its regular expressions turn quadratic, and
its group stack unbounded, on hostile input (measured: 35 s for 420 KB of
open field groups, over 3 minutes for 300 KB of font-table words), so the
RTF is first rewritten in one linear pass that striprtf then reads in
linear time:

* groups nested deeper than :data:`MAX_DEPTH` refuse the file;
* each group starts a new line of RTF (line breaks are not text in RTF), so
  no regular expression sees two groups on one line;
* the font table is rebuilt from each font's number and ``\\fcharset``
  (the rest is not needed);
* pictures, embedded objects' data and other binary destinations are
  dropped before striprtf walks them character by character, ``\\binN``
  data included;
* ``\\cell`` ends a line (a table cell per line, as for .doc and .docx),
  and an out-of-range ``\\uN`` becomes U+FFFD.

Hidden destinations (comments' metadata, field codes, headers and footers,
document properties) are not read: striprtf drops them; a field's result
(a hyperlink's shown text) is kept. Non-RTF data is refused.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from functools import lru_cache

from striprtf.striprtf import rtf_to_text

from connectors.files.readers.content import ReadLimits, SkipFile, Text
from connectors.files.readers.office.lines import Lines
from connectors.files.readers.office.sniff import what_is

MAX_DEPTH = 512
MAX_FONTS = 4096
_FONT_HEAD = 4096  # characters of a font entry looked at
_TOKEN = re.compile(r"\\[\\{}]|\\bin(\d{0,10}) ?|\{(?:\s*\\\*)?\s*(?:\\([a-zA-Z]{1,32}))?|\}")
_DROPPED = frozenset(
    {"pict", "shppict", "nonshppict", "objdata", "datastore", "themedata"}
    | {"colorschememapping", "blipuid", "fontemb", "fontfile", "xmlnstbl"}
)
_FIX = re.compile(r"(\\[\\{}])|\\(?:nest)?cell(?![a-zA-Z])|\\u(-?\d{5,10})")
_FONT_NUMBER = re.compile(r"\\f(\d{1,6})")
_CHARSET = re.compile(r"\\fcharset(\d{1,3})")
_CODEPAGE = re.compile(rb"\\ansicpg(\d{1,5})")


@dataclass
class _FontTable:
    depth: int
    start: int
    entry: int = -1
    entries: list[tuple[int, int]] = field(default_factory=list)

    def render(self, text: str, end: int) -> str:
        """The table rebuilt as ``{\\fN\\fcharsetC f;}`` entries, one a line."""
        spans = self.entries or [(self.start, end)]
        parts = []
        for start, stop in spans[:MAX_FONTS]:
            head = text[start : min(stop, start + _FONT_HEAD)]
            pieces = head.split(";") if not self.entries else [head]
            for piece in pieces:
                number, charset = _FONT_NUMBER.search(piece), _CHARSET.search(piece)
                if number and charset:
                    parts.append(f"\n{{\\f{number.group(1)}\\fcharset{charset.group(1)} f;}}")
        return "\n{\\fonttbl" + "".join(parts) + "}"


def prepare(text: str) -> str:
    """``text`` (RTF) rewritten so striprtf reads it in linear time; see the module docstring."""
    out: list[str] = []
    copied = at = depth = 0
    dropping = 0  # depth of the dropped group being skipped, 0 when none
    table: _FontTable | None = None
    while match := _TOKEN.search(text, at):
        token, at = match.group(0), match.end()
        if token.startswith("\\bin"):
            if not dropping and table is None:
                out.append(text[copied : match.start()])
            at = copied = min(len(text), at + int(match.group(1) or 0))
        elif token[0] == "{":
            depth += 1
            if depth > MAX_DEPTH:
                raise SkipFile(f"RTF groups nested deeper than {MAX_DEPTH} levels")
            if table is not None:
                if depth == table.depth + 1:
                    table.entry = match.start()
            elif not dropping:
                out.append(text[copied : match.start()])
                word = match.group(2)
                if word in _DROPPED:
                    dropping = depth
                elif word == "fonttbl":
                    table = _FontTable(depth, match.start())
                else:
                    out.append("\n")
                    copied = match.start()
        elif token == "}":
            if table is not None:
                if depth == table.depth + 1 and table.entry >= 0:
                    table.entries.append((table.entry, at))
                elif depth == table.depth:
                    out.append(table.render(text, at))
                    table, copied = None, at
            elif dropping and depth == dropping:
                dropping, copied = 0, at
            depth = max(depth - 1, 0)
    if not dropping and table is None:
        out.append(text[copied:])
    return _FIX.sub(_fixed, "".join(out))


def _fixed(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    if match.group(2) is None:
        return "\\par "
    value = int(match.group(2))
    return match.group(0) if -0x10000 <= value <= 0x10FFFF else "\\u65533"


@lru_cache(maxsize=32)
def _single_byte(codec: str) -> bool:
    try:
        return len(bytes(range(0x80, 0x100)).decode(codec, errors="replace")) == 0x80
    except LookupError:
        return False


def decode(data: bytes) -> str:
    """RTF bytes as text: raw 8-bit bytes (RTF should escape them) in the declared code page."""
    if data.isascii():
        return data.decode("ascii")
    found = _CODEPAGE.search(data[:4096])
    codec = f"cp{int(found.group(1))}" if found else "cp1252"
    try:
        codecs.lookup(codec)
    except LookupError:
        codec = "cp1252"
    return data.decode(codec if _single_byte(codec) else "latin-1", errors="replace")


def read_rtf(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The document's non-empty lines, at most ``limits.max_rows``."""
    data = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")  # a byte order mark
    if not data.startswith(b"{\\rtf"):
        raise SkipFile(f"not an RTF document: {what_is(data)}")
    text = rtf_to_text(prepare(decode(data)), errors="replace")  # type: ignore[no-untyped-call]
    lines = Lines(limits)
    lines.add(text.encode("utf-16", "surrogatepass").decode("utf-16", "replace"))  # \u pairs
    return lines.finish()
