"""PowerPoint 97–2003 presentations (.ppt): the text of every slide and note, as lines.

The ``PowerPoint Document`` stream of the OLE2 container is a tree of
records ([MS-PPT] 2.3.1: an 8-byte header giving version, type and length;
version 0xF marks a container). The whole tree is walked without recursion,
every record bounded by its parent, to a depth of :data:`MAX_DEPTH`; the text
is that of the ``TextCharsAtom`` (UTF-16LE, so Thai comes out right) and
``TextBytesAtom`` (8-bit) records, wherever they are: slide placeholders
(the document's slide lists), text boxes, table cells and groups (the
slides' drawings), and notes. Master slides are not read (their text is the
template's "Click to edit" prompts). A presentation saved fast (edited in
place) may still hold older copies of slide text, and those are read too.
Paragraphs and line breaks end lines; a line that is only the ``*`` that
stands for a slide-number or date field is dropped.

An encrypted presentation (its ``Current User`` atom carries the encrypted
token, or a ``CryptSession10Container`` is found) and a file that is not a
PowerPoint 97–2003 presentation are skipped with a one-line reason.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from connectors.files.readers.content import ReadLimits, SkipFile, Text
from connectors.files.readers.office.lines import Lines
from connectors.files.readers.office.ole import open_stream, read_stream

KIND = "PowerPoint 97-2003 presentation"
MAX_DEPTH = 32
_TEXT_CHARS, _TEXT_BYTES = 0x0FA0, 0x0FA8
_MAIN_MASTER = 0x03F8
_CRYPT_SESSION = 0x2F14
_ENCRYPTED_TOKEN = 0xF3D1C4DF
_FIELD_MARK = "*"  # stands for a slide number or date field


def texts(stream: bytes) -> Iterator[str]:
    """The text of every text atom in the record tree, in stream order."""
    ends = [len(stream)]  # where each open container ends
    at = 0
    while ends:
        if at + 8 > ends[-1]:
            at = ends.pop()  # the container's rest is too short for a record
            continue
        head, kind, size = struct.unpack_from("<HHI", stream, at)
        body = at + 8
        stop = min(body + size, ends[-1])
        if kind == _CRYPT_SESSION:
            raise SkipFile("encrypted (password-protected) PowerPoint presentation")
        if head & 0x0F == 0x0F and len(ends) <= MAX_DEPTH and kind != _MAIN_MASTER:
            ends.append(stop)
            at = body
            continue
        if kind == _TEXT_CHARS:
            yield stream[body:stop].decode("utf-16-le", errors="replace")
        elif kind == _TEXT_BYTES:
            yield stream[body:stop].decode("latin-1")
        at = stop


def read_ppt(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The presentation's non-empty lines, at most ``limits.max_rows``."""
    ole, stream = open_stream(data, KIND, ("PowerPoint Document",))
    with ole:
        current = read_stream(ole, "Current User", len(data))
        if len(current) >= 16 and struct.unpack_from("<I", current, 12)[0] == _ENCRYPTED_TOKEN:
            raise SkipFile("encrypted (password-protected) PowerPoint presentation")
        document = read_stream(ole, stream, len(data))
    lines = Lines(limits, drop=frozenset({_FIELD_MARK}))
    lines.extend(texts(document))
    return lines.finish()
