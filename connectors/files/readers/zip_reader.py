"""ZIP archives: every member is read by its own format's reader, archives inside too.

Members become datasets named ``archive.zip/member/path`` (a workbook member's
sheets ``archive.zip/book.xlsx#Sheet``). Refused members (listed as skipped,
never read): paths with ``..``, absolute paths or drive letters, symlinks,
encrypted members, members beyond ``max_zip_members``, members whose
uncompressed size (above 1 MiB) is more than ``max_zip_ratio`` times their
compressed size (a zip bomb), members once ``max_zip_total`` uncompressed
bytes were read, and archives nested deeper than ``max_zip_depth``. A member
larger than ``max_bytes`` is sampled (its first ``max_bytes``) when its
format can be read in part, and skipped otherwise. Member names not flagged
UTF-8 are decoded as UTF-8, then cp874 (Thai Windows), then cp437.
"""

from __future__ import annotations

import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, replace

from connectors.files.readers.content import (
    MIB,
    Part,
    ReadLimits,
    SkipFile,
    Skipped,
    parts,
    trim_partial_line,
)
from connectors.files.readers.csv_reader import reads_as_thai
from connectors.files.readers.long_lines import cap_long_lines

RATIO_FLOOR = 1 * MIB  # members smaller than this are never a bomb, whatever their ratio
_DRIVE = re.compile(r"^[A-Za-z]:")
_MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError)


@dataclass
class _Budget:
    members: int
    total: int


def guard_archive(data: bytes, limits: ReadLimits) -> None:
    """Refuse an Office file (a ZIP) whose parts would decompress to a bomb."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile:
        raise SkipFile("corrupt or truncated file (not a valid ZIP container)") from None
    if sum(i.file_size for i in infos) > 4 * limits.max_zip_total:
        raise SkipFile(f"uncompressed size above {4 * limits.max_zip_total // MIB} MiB")
    if any(_bomb(i, limits) for i in infos):
        raise SkipFile(f"compression ratio above {limits.max_zip_ratio} (zip bomb?)")


def read_zip(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """Every member's tables and texts (and skipped members), suffixed ``/member/path``."""
    budget = _Budget(limits.max_zip_members, limits.max_zip_total)
    return tuple(_archive(data, limits, 1, budget, ""))


def _archive(
    data: bytes, limits: ReadLimits, depth: int, budget: _Budget, prefix: str
) -> list[Part]:
    found: list[Part] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [i for i in archive.infolist() if not i.is_dir()]
        for index, info in enumerate(members):
            member = member_name(info)
            suffix = f"{prefix}/{member}"
            if budget.members <= 0:
                left = len(members) - index
                reason = f"member limit ({limits.max_zip_members}) reached, {left} not read"
                found.append(Skipped(reason, suffix))
                break
            budget.members -= 1
            reason = _refusal(info, member, limits, budget)
            if reason:
                found.append(Skipped(reason, suffix))
                continue
            try:
                found.extend(_member(archive, info, member, suffix, limits, depth, budget))
            except _MEMBER_ERRORS as exc:
                reason = f"corrupt or unsupported member ({type(exc).__name__})"
                found.append(Skipped(reason, suffix))
    return found


def _member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    member: str,
    suffix: str,
    limits: ReadLimits,
    depth: int,
    budget: _Budget,
) -> list[Part]:
    from connectors.files.readers import registry  # the registry imports this module

    lower = member.lower()
    sampled = info.file_size > limits.max_bytes
    if lower.endswith(".zip") and depth >= limits.max_zip_depth:
        return [Skipped(f"ZIP nested deeper than {limits.max_zip_depth} levels", suffix)]
    if sampled and not registry.can_sample(member):
        return [Skipped(f"member larger than the read budget ({limits.max_bytes} bytes)", suffix)]
    with archive.open(info) as handle:
        data = handle.read(min(info.file_size, limits.max_bytes))
    budget.total -= len(data)
    if lower.endswith(".zip"):
        try:
            return _archive(data, limits, depth + 1, budget, suffix)
        except zipfile.BadZipFile:
            return [Skipped("corrupt ZIP", suffix)]
    if sampled:
        data = trim_partial_line(data)
    read = len(data)
    cuts: tuple[str, ...] = ()
    if registry.can_sample(member):  # a giant cell costs itself, not its row
        capped = cap_long_lines(data)
        data, cuts = capped.data, capped.notes
    content = registry.read_content(member, data, limits)
    if isinstance(content, Skipped):
        return [replace(content, name_suffix=suffix + content.name_suffix)]
    first = f"first {read} of {info.file_size} bytes read" if sampled else ""
    note = "; ".join(n for n in (first, *cuts) if n)
    return [_renamed(part, suffix, note) for part in parts(content)]


def _renamed(part: Part, suffix: str, note: str) -> Part:
    if isinstance(part, Skipped):
        return replace(part, name_suffix=suffix + part.name_suffix)
    joined = "; ".join(n for n in (note, part.note) if n)
    return replace(part, name_suffix=suffix + part.name_suffix, note=joined)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's path, ``/`` separated, its name decoded as its maker most likely meant."""
    name = info.filename
    if not info.flag_bits & 0x800:
        raw = name.encode("cp437", errors="replace")
        try:
            name = raw.decode("utf-8")
        except UnicodeDecodeError:
            thai = raw.decode("cp874", errors="replace")
            name = thai if reads_as_thai(thai) else name
    return name.replace("\\", "/")


def _bomb(info: zipfile.ZipInfo, limits: ReadLimits) -> bool:
    if info.file_size <= RATIO_FLOOR:
        return False
    return info.compress_size == 0 or info.file_size > limits.max_zip_ratio * info.compress_size


def _refusal(info: zipfile.ZipInfo, member: str, limits: ReadLimits, budget: _Budget) -> str:
    """Why ``info`` is not read, or ""."""
    if member.startswith("/") or _DRIVE.match(member) or ".." in member.split("/"):
        return "unsafe member path (absolute or leaving the archive)"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "symlink member"
    if info.flag_bits & 0x1:
        return "encrypted ZIP member"
    if _bomb(info, limits):
        return f"compression ratio above {limits.max_zip_ratio} (zip bomb?)"
    if budget.total <= 0 or min(info.file_size, limits.max_bytes) > budget.total:
        return f"archive read limit ({limits.max_zip_total // MIB} MiB uncompressed) reached"
    return ""
