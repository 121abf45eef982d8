"""Word 97–2003 documents (.doc): the text of every story, as lines, read from the piece table.

No library is used because none fits: there is no maintained, Apache-2.0
compatible, pure-Python .doc text extractor (python-docx reads only DOCX;
textract and the like shell out to antiword or catdoc, external GPL binaries
that CI and users would have to install; antiword 0.37 does render the Thai
fixture correctly, so the reason is licence and deployment, not quality).
The format's text is simple to reach ([MS-DOC] 2.3 and 2.4.1), with olefile
for the container:

* the File Information Block (FIB) at the start of the ``WordDocument``
  stream gives ``fEncrypted``/``fObfuscated``, which table stream holds the
  piece table (``fWhichTblStm``: ``1Table`` or ``0Table``) and where
  (``fcClx``/``lcbClx``);
* the piece table (the ``Pcdt`` in the ``Clx``) maps character positions to
  pieces of the ``WordDocument`` stream: a compressed piece is cp1252 bytes
  at ``fc / 2``, any other piece is UTF-16LE at ``fc`` (Thai is always
  UTF-16).

Every story is read: the body, footnotes, headers and footers, comments,
endnotes and text boxes. Lines end at paragraph, cell, row, line, page and
column marks; a field's code (``HYPERLINK "mailto:…"``, ``PAGE``) is dropped
and its result kept; other control characters (pictures, note references)
are removed. An encrypted or XOR-obfuscated document, a Word 6/95 file and a
file that is not a Word 97–2003 document (a workbook, a ZIP, text) are
skipped with a one-line reason. An RTF file named ``.doc`` (Word and WordPad
both write them) is read as RTF.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

from connectors.files.readers.content import ReadLimits, SkipFile, Text
from connectors.files.readers.office.lines import Lines
from connectors.files.readers.office.ole import open_stream, read_stream
from connectors.files.readers.office.sniff import not_a

KIND = "Word 97-2003 document"
_WORD_IDENT = 0xA5EC
_FIRST_WORD97_NFIB = 0x00C0
_ENCRYPTED, _TABLE_1, _OBFUSCATED = 0x0100, 0x0200, 0x8000
_CLX_INDEX = 33  # fcClx is the 34th fc/lcb pair of FibRgFcLcb97
_FIELD = re.compile(r"([\x13\x14\x15])")


@dataclass(frozen=True)
class Fib:
    """What the reader needs from the File Information Block."""

    table_stream: str
    fc_clx: int
    lcb_clx: int


def parse_fib(word: bytes) -> Fib:
    """The FIB of a ``WordDocument`` stream, or :class:`SkipFile` (encrypted, old, corrupt)."""
    if len(word) < 0x22 or struct.unpack_from("<H", word, 0)[0] != _WORD_IDENT:
        raise SkipFile(f"{not_a(KIND)} (no Word file information block)")
    nfib, flags = struct.unpack_from("<H", word, 2)[0], struct.unpack_from("<H", word, 0x0A)[0]
    if flags & _ENCRYPTED:
        if flags & _OBFUSCATED:
            raise SkipFile("obfuscated (XOR-protected) Word document")
        raise SkipFile("encrypted (password-protected) Word document")
    if nfib < _FIRST_WORD97_NFIB:
        raise SkipFile("Word 6/95 or older document (not supported)")
    try:
        csw = struct.unpack_from("<H", word, 0x20)[0]
        at = 0x22 + 2 * csw
        cslw = struct.unpack_from("<H", word, at)[0]
        at += 2 + 4 * cslw
        count = struct.unpack_from("<H", word, at)[0]
        if count <= _CLX_INDEX:
            raise SkipFile(f"corrupt {KIND} (file information block cut short)")
        fc_clx, lcb_clx = struct.unpack_from("<II", word, at + 2 + 8 * _CLX_INDEX)
    except struct.error:
        raise SkipFile(f"corrupt {KIND} (file information block cut short)") from None
    return Fib("1Table" if flags & _TABLE_1 else "0Table", fc_clx, lcb_clx)


def pieces(clx: bytes) -> list[tuple[int, int, int, bool]]:
    """The piece table: (first character position, character count, stream offset, compressed)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting, skipped
        if at + 3 > len(clx):
            break
        at += 3 + struct.unpack_from("<H", clx, at + 1)[0]
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise SkipFile(f"corrupt {KIND} (no piece table)")
    size = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5 : at + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise SkipFile(f"corrupt {KIND} (empty piece table)")
    cps = struct.unpack_from(f"<{count + 1}I", plc, 0)
    found = []
    for index in range(count):
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        compressed = bool(fc & 0x40000000)
        fc &= 0x3FFFFFFF
        found.append((cps[index], cps[index + 1] - cps[index], fc, compressed))
    return found


def document_text(word: bytes, clx: bytes, budget: int) -> tuple[str, bool]:
    """The text of every piece in order (at most ``budget`` characters), and whether it was cut."""
    chunks: list[str] = []
    left = budget
    for _cp, count, fc, compressed in pieces(clx):
        if count <= 0:
            continue
        take = min(count, left)
        if compressed:
            chunks.append(word[fc // 2 : fc // 2 + take].decode("cp1252", errors="replace"))
        else:
            chunks.append(word[fc : fc + 2 * take].decode("utf-16-le", errors="replace"))
        left -= take
        if left <= 0:
            return "".join(chunks), True
    return "".join(chunks), False


def without_field_codes(text: str) -> str:
    """``text`` without its field codes (begin 0x13 … separator 0x14 … end 0x15), results kept."""
    kept: list[str] = []
    fields: list[bool] = []  # one per open field: True once past its separator
    in_code = 0
    for token in _FIELD.split(text):
        if token == "\x13":
            fields.append(False)
            in_code += 1
        elif token == "\x14":
            if fields and not fields[-1]:
                fields[-1] = True
                in_code -= 1
        elif token == "\x15":
            if fields and not fields.pop():
                in_code -= 1
        elif not in_code:
            kept.append(token)
    return "".join(kept)


def read_doc(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The document's non-empty lines, at most ``limits.max_rows``."""
    if data.startswith(b"{\\rtf"):
        from connectors.files.readers.office.rtf_reader import read_rtf

        return read_rtf(name, data, limits)
    ole, stream = open_stream(data, KIND, ("WordDocument",))
    with ole:
        word = read_stream(ole, stream, len(data))
        fib = parse_fib(word)
        table = read_stream(ole, fib.table_stream, len(data))
    if not table:
        raise SkipFile(f"corrupt {KIND} (no {fib.table_stream} stream)")
    clx = table[fib.fc_clx : fib.fc_clx + fib.lcb_clx]
    text, cut = document_text(word, clx, limits.max_bytes)
    lines = Lines(limits)
    lines.add(without_field_codes(text))
    return lines.finish(f"text cut after {limits.max_bytes} characters" if cut else "")
