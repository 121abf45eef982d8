"""Tar archives (``.tar``, ``.tgz``, ``.tar.gz``): members read from memory, in one pass.

The archive is read as a stream (tarfile's ``r|`` mode) from the bytes in
memory, decompressed on the way (gzip, bzip2 or xz, told by their magic
bytes), never extracted to disk. Members become datasets ``archive.tar/member/path``
under the budgets of :mod:`connectors.files.readers.archives.members`.
Refused (listed as skipped): symlinks, hardlinks, character and block
devices, FIFOs, and the paths refused for every archive (absolute, ``..``).
The decompressed stream is bounded: once it exceeds what is left of the
archive budget (``max_zip_total``, plus room for the headers), or a
compressed stream inflates more than ``max_zip_ratio`` times (beyond 1 MiB),
reading stops there and the rest is listed as one skipped entry.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zlib
from collections.abc import Callable, Iterator

from connectors.files.readers.archives.members import (
    RATIO_FLOOR,
    Member,
    Walk,
    decode_name,
    read_members,
    start,
    total_reason,
)
from connectors.files.readers.content import Part, ReadLimits, SkipFile

HEADER_ROOM = 1024  # bytes of headers and padding allowed per member beyond the budget
_OPEN_ERRORS = (tarfile.TarError, EOFError, OSError, ValueError, zlib.error, lzma.LZMAError)
_GZIP, _BZIP2, _XZ = b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00"


class _Bounded(io.RawIOBase):
    """A read-only stream that stops (raises :class:`SkipFile`) past a byte limit, or past a
    compression ratio when it decompresses."""

    def __init__(
        self, inner: io.BufferedIOBase, limit: int, packed: int | None, limits: ReadLimits
    ):
        super().__init__()
        self.inner, self.limit, self.packed = inner, limit, packed
        self.ratio, self.reason = limits.max_zip_ratio, total_reason(limits)
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.inner.read(min(len(buffer), 64 * 1024))
        self.count += len(data)
        if self.count > self.limit:
            raise SkipFile(self.reason)
        if self.packed is not None and self.count > RATIO_FLOOR + self.ratio * self.packed:
            raise SkipFile(f"compression ratio above {self.ratio} (tar bomb?)")
        buffer[: len(data)] = data
        return len(data)


def _decompressed(data: bytes) -> io.BufferedIOBase:
    """``data`` decompressed on the fly when it is gzip, bzip2 or xz; as it is otherwise."""
    raw = io.BytesIO(data)
    if data.startswith(_GZIP):
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if data.startswith(_BZIP2):
        return bz2.BZ2File(raw, mode="rb")
    if data.startswith(_XZ):
        return lzma.LZMAFile(raw, mode="rb")
    return raw


def read_tar(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """Every member's tables and texts (and skipped members), suffixed ``/member/path``."""
    return tuple(expand_tar(data, "", start(limits)))


def expand_tar(data: bytes, prefix: str, walk: Walk) -> list[Part]:
    """The parts of a tar (compressed or not) read at ``prefix``; the decompressed stream
    is bounded by what is left of the budget."""
    limits = walk.limits
    room = HEADER_ROOM * (limits.max_zip_members + 1)
    with _decompressed(data) as inner:
        packed = None if isinstance(inner, io.BytesIO) else len(data)
        stream = io.BufferedReader(
            _Bounded(inner, max(walk.budget.total, 0) + room, packed, limits)
        )
        try:
            with tarfile.open(
                fileobj=stream, mode="r|", encoding="utf-8", errors="surrogateescape"
            ) as archive:
                return read_members(_members(archive), prefix, walk, _broken)
        except _OPEN_ERRORS as exc:  # read_members keeps its own errors: this is open's
            raise SkipFile(f"not a tar archive or corrupt ({type(exc).__name__})") from None


def _broken(exc: Exception) -> str:
    return f"corrupt or truncated tar, rest not read ({type(exc).__name__})"


def _members(archive: tarfile.TarFile) -> Iterator[Member]:
    """The archive's members, one header at a time."""
    while (info := archive.next()) is not None:
        if info.isdir():
            continue
        yield Member(_name(info), max(info.size, 0), _loader(archive, info), None, _refusal(info))


def _loader(archive: tarfile.TarFile, info: tarfile.TarInfo) -> Callable[[int], bytes]:
    def load(size: int) -> bytes:
        handle = archive.extractfile(info)
        return handle.read(size) if handle is not None else b""

    return load


def _name(info: tarfile.TarInfo) -> str:
    return decode_name(info.name.encode("utf-8", errors="surrogateescape"))


def _refusal(info: tarfile.TarInfo) -> str:
    if info.issym():
        return "symlink member"
    if info.islnk():
        return "hardlink member"
    if info.ischr() or info.isblk():
        return "device member"
    if info.isfifo():
        return "FIFO member"
    if not info.isreg():
        return "special member (not a regular file)"
    return ""
