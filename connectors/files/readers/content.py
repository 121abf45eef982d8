"""What a reader returns: tables (CSV, sheets) or lines of text, and why a file was skipped.

A reader gets the bytes of one file and :class:`ReadLimits`, and returns a
:data:`FileContent`: one :class:`Text` (TXT, DOCX, PDF, JSON …) or
:class:`LazyText`, or a tuple of parts, each :class:`Table`, :class:`Text`,
:class:`LazyText` or :class:`Skipped`, whose
``name_suffix`` is appended to the file's name to give its dataset name
(``""`` for a CSV, ``"#Sheet"`` for a sheet, ``"/member/path"`` for a ZIP
member). A reader that will not read a file raises :class:`SkipFile`.
Messages never hold file content.

A :class:`LazyText` is text that costs real work to read (OCR of an image or
of a scanned PDF's pages): the reader checks what it cheaply can and leaves
the work to a loader, which the connector runs (:func:`resolve`) on first use
of that dataset's content, never while listing. It is renamed like any part
(``dataclasses.replace(part, name_suffix=..., note=...)``).

Column names end up in every report, so a first row that holds values (an
export written without a header: an e-mail address, a long number such as a
national ID or a phone) is not taken as the header: :func:`is_data_row`
tells, and the columns are then ``column_1``, ``column_2`` ….
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from connectors.files.readers.ocr.settings import OcrBudget, OcrSettings

MIB = 1024 * 1024
HEADERLESS_NOTE = "no header row (the first row holds values): columns named column_N"
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_LONG_NUMBER = re.compile(r"\d(?:[ \-/.]?\d){8,}")
_CUT_NOTE = re.compile(r"^(?:sampled: )?first \d+ (?:rows kept|of \d+ bytes read)|\bcut\b")
_DATE = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")


@dataclass(frozen=True)
class ReadLimits:
    """Safety limits on what is read from one file (and the archives inside it)."""

    max_bytes: int = 16 * MIB  # bytes read from one file or ZIP member
    max_rows: int = 100_000  # rows of a table / lines of a text kept
    max_zip_members: int = 1_000  # members read from one archive, nested ones included
    max_zip_depth: int = 2  # a ZIP in a ZIP is depth 2
    max_zip_total: int = 64 * MIB  # uncompressed bytes read from one archive
    max_zip_ratio: int = 100  # uncompressed / compressed size of one member
    ocr: OcrSettings = field(default_factory=OcrSettings)  # the source's OCR switches, bounds
    ocr_budget: OcrBudget = field(  # pages OCR'd so far in this scan (the connector's)
        default_factory=lambda: OcrBudget(OcrSettings().max_pages_per_scan), compare=False
    )


@dataclass(frozen=True)
class Table:
    """A header row and data rows; empty cells are None."""

    name_suffix: str
    header: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    note: str = ""  # e.g. "decoded as latin-1", "first 100000 rows kept"


@dataclass(frozen=True)
class Text:
    """The non-empty lines of a document (its one column, ``content``)."""

    lines: tuple[str, ...]
    name_suffix: str = ""
    note: str = ""


@dataclass(frozen=True)
class Skipped:
    """A file, sheet or archive member that is not scanned, and why (one line)."""

    reason: str
    name_suffix: str = ""


@dataclass(frozen=True)
class LazyText:
    """A :class:`Text` read on first use: ``load`` does the work (OCR), once, when the
    dataset's content is needed; it may raise :class:`SkipFile`."""

    load: Callable[[], Text] = field(repr=False, compare=False)
    name_suffix: str = ""
    note: str = ""


Part = Table | Text | LazyText | Skipped
FileContent = tuple[Part, ...] | Text | LazyText


class SkipFile(Exception):
    """Raised by a reader that will not read a file; ``reason`` is one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parts(content: FileContent) -> tuple[Part, ...]:
    """The parts of ``content`` (a lone Text or LazyText is one part)."""
    return (content,) if isinstance(content, Text | LazyText) else content


def resolve(part: LazyText) -> Text | Skipped:
    """The text ``part`` loads (its name and note kept, the loader's note added), or why
    it is skipped: a loader's refusal, or the type of any exception it raised."""
    try:
        text = part.load()
    except SkipFile as exc:
        return Skipped(exc.reason, part.name_suffix)
    except RecursionError:
        return Skipped("unreadable file (nested too deeply)", part.name_suffix)
    except Exception as exc:  # malformed input surfaces as any exception type
        return Skipped(f"unreadable file ({type(exc).__name__})", part.name_suffix)
    note = "; ".join(n for n in (part.note, text.note) if n)
    return Text(text.lines, part.name_suffix, note)


def resolved(content: FileContent, lazy: LazyText) -> tuple[Text | Skipped, tuple[Part, ...]]:
    """``lazy`` (a part of ``content``) read, and ``content``'s parts with it in its place."""
    part = resolve(lazy)
    return part, tuple(part if p is lazy else p for p in parts(content))


def unique_header(cells: Sequence[object]) -> tuple[str, ...]:
    """Header cells trimmed; empty ones named ``column_N``, repeats suffixed ``_2``, ``_3``.
    Linear: a run of 16,384 equal names (one repeated ODS cell) costs 16,384 steps."""
    used: set[str] = set()
    tried: dict[str, int] = {}  # the last suffix tried for each base
    header = []
    for index, cell in enumerate(cells):
        base = (str(cell).strip() if cell is not None else "") or f"column_{index + 1}"
        name, count = base, tried.get(base, 1)
        while name in used:
            count += 1
            name = f"{base}_{count}"
        tried[base] = count
        used.add(name)
        header.append(name)
    return tuple(header)


def is_data_row(cells: Sequence[object]) -> bool:
    """Whether a would-be header row holds personal values rather than column names:
    a cell with an e-mail address or a run of nine or more digits that is not a date."""
    for cell in cells:
        text = str(cell).strip() if cell is not None else ""
        if _EMAIL.search(text) or (_LONG_NUMBER.search(text) and not _DATE.match(text)):
            return True
    return False


def rows_note(kept: int, limits: ReadLimits, more: bool) -> str:
    """The note for a table or text cut at ``limits.max_rows``."""
    return f"first {kept} rows kept (limit {limits.max_rows})" if more else ""


def cut_notes(note: str) -> list[str]:
    """The parts of a reader's ``note`` that say a budget cut something (rows left out,
    a member read in part, cells cut), not merely how the file was read."""
    return [part for part in note.split("; ") if _CUT_NOTE.search(part)]


def trim_partial_line(data: bytes) -> bytes:
    """``data`` cut after its last complete line (for a file read up to a byte budget)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: a newline is two bytes
        newline = b"\n\x00" if data.startswith(b"\xff\xfe") else b"\x00\n"
        end = data.rfind(newline)
        while end > 0 and end % 2:
            end = data.rfind(newline, 0, end + 1)
        return data[: end + 2] if end > 0 else data[: len(data) // 2 * 2]
    end = data.rfind(b"\n")
    return data[: end + 1] if end >= 0 else data
