"""ZIP archives: every member is read by its own format's reader, archives inside too.

Members become datasets named ``archive.zip/member/path`` (a workbook member's
sheets ``archive.zip/book.xlsx#Sheet``); the budgets, refusals and nesting are
those of :mod:`connectors.files.readers.archives.members`, shared with tar, 7z
and mail attachments. Refused here (listed as skipped, never read): symlinks
and encrypted members; a member whose uncompressed size (above 1 MiB) is more
than ``max_zip_ratio`` times its compressed size is a zip bomb. Member names
not flagged UTF-8 are decoded as UTF-8, then cp874 (Thai Windows), then cp437.
:func:`guard_archive` refuses an Office file (a ZIP) that would inflate to a bomb.
"""

from __future__ import annotations

import io
import stat
import zipfile
from typing import BinaryIO

from connectors.files.readers.archives.members import (
    Member,
    Walk,
    decode_name,
    is_bomb,
    read_members,
    start,
)
from connectors.files.readers.content import MIB, Part, ReadLimits, SkipFile


def guard_archive(data: bytes | BinaryIO, limits: ReadLimits) -> None:
    """Refuse an Office file (a ZIP, as bytes or a seekable handle) whose parts would
    decompress to a bomb."""
    source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise SkipFile("corrupt or truncated file (not a valid ZIP container)") from None
    if sum(i.file_size for i in infos) > 4 * limits.max_zip_total:
        raise SkipFile(f"uncompressed size above {4 * limits.max_zip_total // MIB} MiB")
    if any(is_bomb(i.file_size, i.compress_size, limits) for i in infos):
        raise SkipFile(f"compression ratio above {limits.max_zip_ratio} (zip bomb?)")


def read_zip(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """Every member's tables and texts (and skipped members), suffixed ``/member/path``."""
    return tuple(expand_zip(data, "", start(limits)))


def expand_zip(data: bytes, prefix: str, walk: Walk) -> list[Part]:
    """The parts of a ZIP read at ``prefix`` (``""`` at the top, ``/a.zip`` inside one)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [_member(archive, i) for i in archive.infolist() if not i.is_dir()]
        return read_members(members, prefix, walk)


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Member:
    def load(size: int) -> bytes:
        with archive.open(info) as handle:
            return handle.read(size)

    refusal = ""
    if stat.S_ISLNK(info.external_attr >> 16):
        refusal = "symlink member"
    elif info.flag_bits & 0x1:
        refusal = "encrypted ZIP member"
    return Member(member_name(info), info.file_size, load, info.compress_size, refusal)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's path, ``/`` separated, its name decoded as its maker most likely meant."""
    if info.flag_bits & 0x800:
        return info.filename.replace("\\", "/")
    return decode_name(info.filename.encode("cp437", errors="replace"))
