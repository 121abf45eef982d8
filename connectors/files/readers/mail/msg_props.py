"""MAPI properties of an Outlook message (``.msg``, [MS-OXMSG]) read from its Compound File.

A ``.msg`` is a Compound File (read with olefile, always from memory). Each
storage (the message, ``__recip_version1.0_#N`` recipients,
``__attach_version1.0_#N`` attachments, an embedded message) holds a variable
length property ``PPPP`` of type ``TTTT`` in a stream ``__substg1.0_PPPPTTTT``
(type ``001F`` UTF-16LE text, ``001E`` 8-bit text in the message's code page,
``0102`` binary) and its fixed-length properties (``PT_LONG``, ``PT_SYSTIME``
…) as 16-byte entries of ``__properties_version1.0`` after a header of 32
bytes (the top message), 24 (an embedded one) or 8 (a recipient, an attachment).
"""

from __future__ import annotations

import codecs
import io
import struct
from datetime import UTC, datetime, timedelta

import olefile

from connectors.files.readers.mail.mail_text import decode_text

PT_LONG = 0x0003
PT_SYSTIME = 0x0040
PR_MESSAGE_CODEPAGE = 0x3FFD
PR_INTERNET_CPID = 0x3FDE
TOP_HEADER, EMBEDDED_HEADER, CHILD_HEADER = 32, 24, 8
_PROPERTIES = "__properties_version1.0"
_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_CODE_PAGES = {
    65001: "utf-8",
    1200: "utf-16-le",
    1201: "utf-16-be",
    20127: "ascii",
    28591: "latin-1",
}

Path = tuple[str, ...]


def code_page(number: int | None) -> str | None:
    """Python's codec for a Windows code page number (874 → cp874), or None."""
    if number is None or number <= 0:
        return None
    name = _CODE_PAGES.get(number) or (
        f"iso8859-{number - 28590}" if 28592 <= number <= 28606 else ""
    )
    try:
        return codecs.lookup(name or f"cp{number}").name
    except LookupError:
        return None


class Tree:
    """The storages and streams of one Compound File, opened from memory."""

    def __init__(self, data: bytes) -> None:
        self.ole = olefile.OleFileIO(io.BytesIO(data))  # bytes are never taken for a path
        listed = self.ole.listdir(streams=True, storages=True)
        self.paths: dict[Path, Path] = {tuple(p.lower() for p in e): tuple(e) for e in listed}

    def close(self) -> None:
        self.ole.close()

    def children(self, path: Path, prefix: str) -> list[Path]:
        """The entries right under ``path`` whose name starts with ``prefix``, in name order."""
        depth, lower = len(path), tuple(p.lower() for p in path)
        found = [
            real
            for key, real in self.paths.items()
            if len(key) == depth + 1 and key[:depth] == lower and key[-1].startswith(prefix.lower())
        ]
        return sorted(found, key=lambda p: p[-1].lower())

    def exists(self, path: Path) -> bool:
        return tuple(p.lower() for p in path) in self.paths

    def is_storage(self, path: Path) -> bool:
        return self.exists(path) and self.ole.get_type("/".join(path)) == olefile.STGTY_STORAGE

    def size(self, path: Path) -> int:
        return int(self.ole.get_size("/".join(path)))

    def read(self, path: Path, limit: int) -> bytes:
        with self.ole.openstream("/".join(path)) as stream:
            data: bytes = stream.read(limit)
        return data


class Storage:
    """The properties of one storage (a message, a recipient or an attachment)."""

    def __init__(self, tree: Tree, path: Path, header: int, codec: str | None = None) -> None:
        self.tree, self.path = tree, path
        self.fixed = self._fixed(header)
        own = self.long(PR_MESSAGE_CODEPAGE) or self.long(PR_INTERNET_CPID)
        self.codec = code_page(own) or codec  # 8-bit strings: the message's code page
        self.notes: list[str] = []

    def _fixed(self, header: int) -> dict[int, tuple[int, bytes]]:
        stream = (*self.path, _PROPERTIES)
        if not self.tree.exists(stream):
            return {}
        data = self.tree.read(stream, 1 << 20)
        found: dict[int, tuple[int, bytes]] = {}
        for offset in range(header, len(data) - 15, 16):
            kind, prop, _flags, value = struct.unpack_from("<HHI8s", data, offset)
            found.setdefault(prop, (kind, value))
        return found

    def long(self, prop: int) -> int | None:
        entry = self.fixed.get(prop)
        if entry is None or entry[0] != PT_LONG:
            return None
        return int(struct.unpack("<i", entry[1][:4])[0])

    def time(self, prop: int) -> datetime | None:
        entry = self.fixed.get(prop)
        if entry is None or entry[0] != PT_SYSTIME:
            return None
        ticks = struct.unpack("<Q", entry[1])[0]
        try:
            return _EPOCH + timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    def stream(self, prop: int, kind: int) -> Path:
        return (*self.path, f"__substg1.0_{prop:04X}{kind:04X}")

    def binary(self, prop: int, limit: int) -> bytes | None:
        path = self.stream(prop, 0x0102)
        return self.tree.read(path, limit) if self.tree.exists(path) else None

    def string(self, prop: int, limit: int = 1 << 20) -> str:
        """A text property, UTF-16 or 8-bit ("" when absent)."""
        wide = self.stream(prop, 0x001F)
        if self.tree.exists(wide):
            data = self.tree.read(wide, limit)
            return data[: len(data) // 2 * 2].decode("utf-16-le", errors="replace").rstrip("\x00")
        narrow = self.stream(prop, 0x001E)
        if self.tree.exists(narrow):
            text, note = decode_text(self.tree.read(narrow, limit).rstrip(b"\x00"), self.codec)
            if note:
                self.notes.append(note)
            return text
        return ""
