"""One member dispatch for every container: ZIP, tar and 7z members, mail attachments.

A container reader lists its members as :class:`Member` values (a decoded path,
a declared size, how to load its first bytes, the container's own refusal such
as "symlink member") and hands them to :func:`read_members`, which applies the
budgets of :class:`ReadLimits` shared by the whole tree of nested containers
(:class:`Walk`): ``max_zip_members`` members in all, ``max_zip_total``
uncompressed bytes read in all, ``max_zip_depth`` levels of containers,
``max_zip_ratio`` for members larger than :data:`RATIO_FLOOR`, ``max_bytes``
per member (a line format is sampled, any other format skipped). A member
whose path is absolute, has a drive letter or a ``..`` step is refused.

A member is read by its own format's reader (:func:`registry.read_content`)
and becomes parts suffixed ``/member/path`` (a workbook's ``/book.xlsx#Sheet``);
a member that is itself a container (:data:`CONTAINERS`) is expanded in place,
one level deeper, under the same budgets. A member without bytes of its own (a
message embedded in an Outlook message) carries its own ``expand``. Reasons
name formats, counts and exception types only, never content.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from connectors.errors import DatasetError
from connectors.files.readers import registry
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
#: Container formats expanded in place (module under ``readers``, function).
CONTAINERS = {
    ".zip": ("zip_reader", "expand_zip"),
    ".tar": ("archives.tar_reader", "expand_tar"),
    ".tgz": ("archives.tar_reader", "expand_tar"),
    ".tar.gz": ("archives.tar_reader", "expand_tar"),
    ".7z": ("archives.sevenzip_reader", "expand_7z"),
    ".eml": ("mail.eml_reader", "expand_eml"),
    ".msg": ("mail.msg_reader", "expand_msg"),
}


@dataclass
class Budget:
    """What is left to read in one top-level container (shared by nested ones)."""

    members: int
    total: int


@dataclass(frozen=True)
class Walk:
    """The limits, the shared budget and the depth of the container being read (1 = top)."""

    limits: ReadLimits
    budget: Budget
    depth: int = 1

    def deeper(self) -> Walk:
        return replace(self, depth=self.depth + 1)


def start(limits: ReadLimits) -> Walk:
    """The walk of a top-level container: a fresh budget, depth 1."""
    return Walk(limits, Budget(limits.max_zip_members, limits.max_zip_total))


Expander = Callable[[bytes, str, Walk], list[Part]]


@dataclass(frozen=True)
class Member:
    """One member or attachment, before it is read."""

    path: str  # '/' separated, decoded
    size: int  # uncompressed bytes, as the container declares them
    load: Callable[[int], bytes] | None = None  # its first n bytes
    packed: int | None = None  # compressed bytes, when the container compresses each member
    refusal: str = ""  # why the container will not give it ("symlink member" …)
    expand: Callable[[str, Walk], list[Part]] | None = None  # a member read in place


def label(path: str) -> str:
    """The format of ``path`` for a reason: ``ZIP``, ``TAR.GZ``, ``EML`` …"""
    return registry.suffix(path)[1:].upper()


def is_bomb(size: int, packed: int | None, limits: ReadLimits) -> bool:
    """Whether a member of ``size`` bytes packed in ``packed`` bytes is a decompression bomb."""
    if packed is None or size <= RATIO_FLOOR:
        return False
    return packed <= 0 or size > limits.max_zip_ratio * packed


def total_reason(limits: ReadLimits) -> str:
    return f"archive read limit ({limits.max_zip_total // MIB} MiB uncompressed) reached"


def verdict(member: Member, walk: Walk) -> str:
    """Why ``member`` is not read under ``walk``'s budget (without reading it), or ""."""
    limits, budget, path = walk.limits, walk.budget, member.path
    if path.startswith("/") or _DRIVE.match(path) or ".." in path.split("/"):
        return "unsafe member path (absolute or leaving the archive)"
    if member.refusal:
        return member.refusal
    if is_bomb(member.size, member.packed, limits):
        return f"compression ratio above {limits.max_zip_ratio} (zip bomb?)"
    if budget.total <= 0 or min(member.size, limits.max_bytes) > budget.total:
        return total_reason(limits)
    nested = member.expand is not None or registry.suffix(path) in CONTAINERS
    if nested and walk.depth >= limits.max_zip_depth:
        return f"{label(path)} nested deeper than {limits.max_zip_depth} levels"
    if member.size > limits.max_bytes and not registry.can_sample(path):
        return f"member larger than the read budget ({limits.max_bytes} bytes)"
    return ""


def admitted(members: Iterable[Member], walk: Walk) -> list[bool]:
    """Which of ``members`` :func:`read_members` may load (a superset: a nested container
    may spend budget the plan does not foresee), for containers that must decompress
    all they read in one pass (7z)."""
    members_left, total_left = walk.budget.members, walk.budget.total
    plan: list[bool] = []
    for member in members:
        trial = Walk(walk.limits, Budget(members_left, total_left), walk.depth)
        ok = members_left > 0 and not verdict(member, trial)
        members_left -= 1
        if ok:
            total_left -= min(member.size, walk.limits.max_bytes)
        plan.append(ok)
    return plan


def read_members(
    members: Iterable[Member],
    prefix: str,
    walk: Walk,
    broken: Callable[[Exception], str] | None = None,
) -> list[Part]:
    """Every member's parts (suffixed ``prefix/member/path``) and refusals. An error of the
    listing itself (a truncated stream) ends the list with a Skipped named ``prefix``, its
    reason from ``broken``."""
    found: list[Part] = []
    iterator = iter(members)
    while True:
        try:
            member = next(iterator, None)
        except DatasetError:
            raise
        except SkipFile as exc:
            found.append(Skipped(exc.reason, prefix))
            break
        except Exception as exc:  # a malformed listing surfaces as any exception type
            reason = (
                broken(exc) if broken else f"corrupt or truncated archive ({type(exc).__name__})"
            )
            found.append(Skipped(reason, prefix))
            break
        if member is None:
            break
        suffix = f"{prefix}/{member.path}"
        if walk.budget.members <= 0:
            left = _count(iterator, 10 * walk.limits.max_zip_members)
            reason = f"member limit ({walk.limits.max_zip_members}) reached, {left} not read"
            found.append(Skipped(reason, suffix))
            break
        walk.budget.members -= 1
        reason = verdict(member, walk)
        if reason:
            found.append(Skipped(reason, suffix))
            continue
        try:
            found.extend(_read(member, suffix, walk))
        except DatasetError:
            raise
        except SkipFile as exc:
            found.append(Skipped(exc.reason, suffix))
        except Exception as exc:  # a corrupt member surfaces as any exception type
            reason = f"corrupt or unsupported member ({type(exc).__name__})"
            found.append(Skipped(reason, suffix))
    return found


def _count(iterator: Iterable[Member], cap: int) -> str:
    """How many members are left, this one included (as many as can be listed, at most
    ``cap`` more: a tar stream is listed by reading it)."""
    count = 1
    try:
        for _ in iterator:
            count += 1
            if count > cap:
                return f"over {cap}"
    except DatasetError:
        raise
    except Exception:  # a listing that breaks later is counted up to the break
        pass
    return str(count)


def _read(member: Member, suffix: str, walk: Walk) -> list[Part]:
    if member.expand is not None:
        return member.expand(suffix, walk.deeper())
    if member.load is None:
        return [Skipped("member without data", suffix)]
    limits = walk.limits
    sampled = member.size > limits.max_bytes
    data = member.load(min(member.size, limits.max_bytes))[: limits.max_bytes]
    walk.budget.total -= len(data)
    ext = registry.suffix(member.path)
    if ext in CONTAINERS:
        module, function = CONTAINERS[ext]
        found = importlib.import_module(f"connectors.files.readers.{module}")
        expand: Expander = getattr(found, function)
        return expand(data, suffix, walk.deeper())
    if sampled:
        data = trim_partial_line(data)
    read = len(data)
    cuts: tuple[str, ...] = ()
    if registry.can_sample(member.path):  # a giant cell costs itself, not its row
        capped = cap_long_lines(data)
        data, cuts = capped.data, capped.notes
    content = registry.read_content(member.path, data, limits)
    if isinstance(content, Skipped):
        return [replace(content, name_suffix=suffix + content.name_suffix)]
    first = f"first {read} of {member.size} bytes read" if sampled else ""
    note = "; ".join(n for n in (first, *cuts) if n)
    return [renamed(part, suffix, note) for part in parts(content)]


def renamed(part: Part, suffix: str, note: str = "") -> Part:
    """``part`` moved under ``suffix``, ``note`` put before its own."""
    if isinstance(part, Skipped):
        return replace(part, name_suffix=suffix + part.name_suffix)
    joined = "; ".join(n for n in (note, part.note) if n)
    return replace(part, name_suffix=suffix + part.name_suffix, note=joined)


def decode_name(raw: bytes) -> str:
    """A member name stored as bytes without a declared encoding: UTF-8, else cp874 (Thai
    Windows) when it reads as Thai, else cp437 (the ZIP default); ``\\`` becomes ``/``."""
    try:
        name = raw.decode("utf-8")
    except UnicodeDecodeError:
        thai = raw.decode("cp874", errors="replace")
        name = thai if reads_as_thai(thai) else raw.decode("cp437")
    return name.replace("\\", "/")
