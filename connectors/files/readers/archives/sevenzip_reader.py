"""7z archives: listed with their sizes, budgets checked before anything is decompressed.

py7zr reads the archive from memory. An archive with encrypted content or an
encrypted header is refused ("encrypted 7z"). Before decompressing, every
member is judged from the listing by the budgets of
:mod:`connectors.files.readers.archives.members` (count, total, depth,
``max_bytes``); a compressed block (a solid block holds many members) whose
unpacked size (above 1 MiB) is more than ``max_zip_ratio`` times its packed
size is a bomb and none of its members is read; and since reaching a member
of a solid block means decompressing the members before it, the members
whose block would make the pass decompress more than four times
``max_zip_total`` are refused. The accepted members are then decompressed in
one pass into bounded in-memory writers (py7zr's ``WriterFactory``, each
keeping at most ``max_bytes``), with py7zr's own ``max_extract_size`` set to
what the plan needs; nothing is extracted to disk. Members become datasets
``archive.7z/member/path``.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace

import py7zr
from py7zr.exceptions import PasswordRequired
from py7zr.helpers import get_sanitized_output_path
from py7zr.io import Py7zIO, WriterFactory
from py7zr.py7zr import ArchiveFile

from connectors.files.readers.archives.members import (
    RATIO_FLOOR,
    Member,
    Walk,
    admitted,
    read_members,
    start,
)
from connectors.files.readers.content import MIB, Part, ReadLimits, SkipFile


class _Capped(Py7zIO):
    """An in-memory writer that keeps the first ``limit`` bytes and drops the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()

    def write(self, s: bytes | bytearray) -> int:
        room = self.limit - len(self.data)
        if room > 0:
            self.data += s[:room]
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return len(self.data)


class _Writers(WriterFactory):
    """One capped writer per accepted member name; anything else is written nowhere."""

    def __init__(self, limits: dict[str, int]) -> None:
        self.limits = limits
        self.products: dict[str, _Capped] = {}

    def create(self, filename: str) -> Py7zIO:
        product = _Capped(self.limits.get(filename, 0))
        self.products.setdefault(filename, product)
        return product


def read_7z(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """Every member's tables and texts (and skipped members), suffixed ``/member/path``."""
    return tuple(expand_7z(data, "", start(limits)))


def expand_7z(data: bytes, prefix: str, walk: Walk) -> list[Part]:
    """The parts of a 7z read at ``prefix``."""
    try:
        archive = py7zr.SevenZipFile(io.BytesIO(data), mode="r")
    except PasswordRequired:
        raise SkipFile("encrypted 7z") from None
    with archive:
        if archive.needs_password():
            raise SkipFile("encrypted 7z")
        files = [f for f in archive.files if not f.is_directory]
        members = _listed(archive, files, walk.limits)
        plan, need = _affordable(files, admitted(members, walk), walk.limits)
        too_big = (
            f"solid block too large to read (above {4 * walk.limits.max_zip_total // MIB} MiB)"
        )
        members = [
            replace(m, refusal=m.refusal or too_big) if ok is False else m
            for m, ok in zip(members, plan, strict=True)
        ]
        read = _decompress(archive, files, plan, need, walk.limits)
        members = [replace(m, load=_loader(d)) for m, d in zip(members, read, strict=True)]
        return read_members(members, prefix, walk)


def _listed(
    archive: py7zr.SevenZipFile, files: list[ArchiveFile], limits: ReadLimits
) -> list[Member]:
    """The members as the listing tells them; bombs, links and repeated names refused (py7zr
    picks members by name: a repeated one cannot be read alone)."""
    bombs = _bomb_folders(archive, limits)
    names = Counter(f.filename for f in files)
    members = []
    for f in files:
        refusal = ""
        if f.is_symlink or f.is_junction:
            refusal = "symlink member"
        elif not f.emptystream and id(f.folder) in bombs:
            refusal = f"compression ratio above {limits.max_zip_ratio} (7z bomb?)"
        elif names[f.filename] > 1:
            refusal = "duplicate member name"
        path = f.filename.replace("\\", "/")
        members.append(Member(path, max(int(f.uncompressed or 0), 0), refusal=refusal))
    return members


def _bomb_folders(archive: py7zr.SevenZipFile, limits: ReadLimits) -> set[int]:
    """The ids of the compressed blocks whose unpacked size is a decompression bomb."""
    streams = archive.header.main_streams if archive.header is not None else None
    if streams is None:
        return set()
    packsizes = list(streams.packinfo.packsizes)
    bombs, index = set(), 0
    for folder in streams.unpackinfo.folders:
        count = max(len(folder.packed_indices), 1)
        packed = sum(packsizes[index : index + count])
        index += count
        unpacked = int(folder.get_unpack_size())
        if unpacked > RATIO_FLOOR and (packed <= 0 or unpacked > limits.max_zip_ratio * packed):
            bombs.add(id(folder))
    return bombs


def _affordable(
    files: list[ArchiveFile], plan: list[bool], limits: ReadLimits
) -> tuple[list[bool | None], int]:
    """``plan`` with the members dropped (False) whose block would make the pass decompress
    more than ``4 * max_zip_total`` (None: refused by the budgets anyway), and the bytes the
    pass decompresses (a block up to its last member read)."""
    bound = 4 * limits.max_zip_total
    ends = _ends(files)
    spent: dict[int, int] = {}  # block → bytes decompressed up to its last member read
    result: list[bool | None] = []
    for f, wanted in zip(files, plan, strict=True):
        if not wanted or f.emptystream:
            result.append(True if wanted else None)
            continue
        block = id(f.folder)
        cost = max(ends[f.id] - spent.get(block, 0), 0)
        if sum(spent.values()) + cost > bound:
            result.append(False)
            continue
        spent[block] = max(ends[f.id], spent.get(block, 0))
        result.append(True)
    return result, sum(spent.values())


def _ends(files: list[ArchiveFile]) -> dict[int, int]:
    """Member id → the bytes of its block decompressed once it is (one pass per block)."""
    ends: dict[int, int] = {}
    done: set[int] = set()
    for member in files:
        if member.emptystream or id(member.folder) in done:
            continue
        done.add(id(member.folder))
        offset = 0
        block: Iterable[ArchiveFile] = member.folder.files or ()
        for f in block:
            offset += max(int(f.uncompressed or 0), 0)
            ends[f.id] = offset
    return ends


def _decompress(
    archive: py7zr.SevenZipFile,
    files: list[ArchiveFile],
    plan: list[bool | None],
    need: int,
    limits: ReadLimits,
) -> list[bytes | SkipFile]:
    """The first ``max_bytes`` of every member the plan reads, decompressed in one pass
    (b"" for the others; the error for all when the pass fails)."""
    keys = [_key(f) if ok else "" for f, ok in zip(files, plan, strict=True)]
    wanted = {
        k: min(f.uncompressed, limits.max_bytes) for f, k in zip(files, keys, strict=True) if k
    }
    if not wanted:
        return [b""] * len(files)
    archive.max_extract_size = need
    writers = _Writers(wanted)
    targets = sorted({f.filename for f, k in zip(files, keys, strict=True) if k})
    try:
        archive.extract(targets=targets, factory=writers)
    except Exception as exc:  # corrupt data surfaces as any exception type
        return [SkipFile(f"corrupt or unsupported member ({type(exc).__name__})")] * len(files)
    read = {name: bytes(w.data) for name, w in writers.products.items()}
    return [read.get(k, b"") if k else b"" for k in keys]


def _key(member: ArchiveFile) -> str:
    """The name py7zr gives ``member``'s writer."""
    return get_sanitized_output_path(member.filename, None).as_posix()


def _loader(data: bytes | SkipFile) -> Callable[[int], bytes]:
    def load(size: int) -> bytes:
        if isinstance(data, SkipFile):
            raise SkipFile(data.reason)
        return data[:size]

    return load
