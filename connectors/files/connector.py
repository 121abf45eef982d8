"""File-share connector: a local folder or any :class:`~connectors.files.share_fs.ShareFS`.

Dataset names are paths relative to the share root, ``/`` separated (SPEC §4).
A workbook's sheets are ``path#Sheet``; a ZIP's members are
``archive.zip/member/path`` (and ``archive.zip/book.xlsx#Sheet``). Tables (CSV,
TSV, sheets) have their header cells as columns; documents (TXT, LOG, MD,
JSON, NDJSON, DOCX, PDF; pictures and scans read by OCR on first use, never
while listing) have one free-text column, ``content``: their non-empty lines.
Formats are read by :mod:`connectors.files.readers`.

Files that are listed but not scanned are in ``skipped`` as (name, reason):
unsupported formats, encrypted PDFs, pictures when OCR is off, refused ZIP members, files
too large for a format that cannot be read in part, and files whose path is
not valid UTF-8 (shown with ``\\xNN`` escapes: such a name cannot be stored
in a report, a hash or the state store). A file larger than
``max_read_bytes`` in a line format (CSV, text, JSON) is sampled: its first
``max_read_bytes`` are read, its row count is then inexact, and ``notes``
holds (name, note). A giant cell is cut, not its row: a line longer than
1 MiB has its cells cut to 64 KiB (:mod:`connectors.files.readers.long_lines`), and
a giant line that would eat the read budget is read past (up to
``max_scan_bytes``) so the rows after it are read too. :meth:`truncated`
lists every cut of one dataset (file read in part, cells cut, rows beyond
the row limit), so nothing is left out silently. Globs in ``include`` /
``exclude`` match file paths; ``exclude`` also matches sheet and member names.
The parsed content of the most recently read file is cached (one file), keyed
by its size and mtime.

The capability protocols of :mod:`connectors.base` that work over the rows
read (dates, groups, lookups, privileges) are in
:class:`~connectors.files.capabilities.FileCapabilities`; this class adds what
only files have: ``skipped``, :meth:`truncated` and the file behind a dataset
(``fs`` and :meth:`file_of`, for the incremental cache).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from connectors.base import FileBacked, SkipReporter, TruncationReporter
from connectors.errors import DatasetError
from connectors.files.budgeted_reads import Budgets, read_line_file, read_whole_file
from connectors.files.capabilities import CONTENT, FileCapabilities
from connectors.files.local_fs import LocalFS
from connectors.files.readers import registry
from connectors.files.readers.content import (
    FileContent,
    LazyText,
    ReadLimits,
    Skipped,
    Table,
    Text,
    cut_notes,
    parts,
    resolved,
)
from connectors.files.readers.ocr.engine import refusal
from connectors.files.readers.ocr.settings import IMAGE_SUFFIXES, OcrBudget, OcrSettings
from connectors.files.share_fs import SessionShare, ShareFS
from connectors.files.tables import (
    cell_at,
    column_sample,
    file_candidates,
    glob_match,
    parse_date,
)
from connectors.model import ColumnInfo, DatasetInfo, DatasetSample, ValueKind

__all__ = ["CONTENT", "FilesConnector", "parse_date"]
T = TypeVar("T")
SHEET_FORMATS = (".xlsx", ".xlsm", ".xls", ".ods")


def is_unicode(name: str) -> bool:
    """Whether ``name`` is valid Unicode text (a local name whose bytes were not UTF-8
    holds lone surrogates, which no report, hash or database can store)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_name(name: str) -> str:
    """``name`` with the bytes that were not UTF-8 shown as ``\\xNN`` escapes."""
    raw = name.encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "backslashreplace")


class FilesConnector(FileCapabilities, SkipReporter, TruncationReporter, FileBacked):
    """Lists and samples the supported files below one share root."""

    def __init__(
        self,
        name: str,
        root: Path | None = None,
        include: Sequence[str] = ("**/*",),
        exclude: Sequence[str] = (),
        max_read_bytes: int = 16 * 1024 * 1024,
        seed: int | None = None,
        fs: ShareFS | None = None,
        max_scan_bytes: int = 64 * 1024 * 1024,
        max_stream_bytes: int = 256 * 1024 * 1024,
        ocr: OcrSettings | None = None,
        public_groups: Sequence[str] = (),
    ) -> None:
        if fs is None:
            if root is None:
                raise ValueError("FilesConnector needs a root folder or a ShareFS")
            fs = LocalFS(Path(root))
        self.name = name
        self.fs = fs
        self.root = Path(root) if root is not None else None
        self.include = tuple(include) or ("**/*",)
        self.exclude = tuple(exclude)
        self.max_read_bytes = max_read_bytes
        self.max_scan_bytes = max_scan_bytes
        self.max_stream_bytes = max_stream_bytes  # XLSX above max_read_bytes: streamed up to this
        self.ocr = ocr if ocr is not None else OcrSettings()
        self.public_groups = tuple(public_groups)  # groups (names or SIDs) counted as everyone
        budget = OcrBudget(self.ocr.max_pages_per_scan)  # pages OCR'd by this connector
        self.limits = ReadLimits(max_bytes=max_read_bytes, ocr=self.ocr, ocr_budget=budget)
        self.skipped: list[tuple[str, str]] = []
        self.notes: list[tuple[str, str]] = []
        self._random = random.Random(seed)
        self._files: dict[str, str] = {}  # dataset name → file path, from the last listing
        self._cache: tuple[tuple[str, int, float], FileContent | Skipped, bool] | None = None

    def open(self) -> None:
        self.fs.check()

    def close(self) -> None:
        self._cache = None
        if isinstance(self.fs, SessionShare):  # an SMB session; a local folder has none
            self.fs.close()

    def list_datasets(self) -> list[str]:
        self.skipped, self.notes, self._files = [], [], {}
        for st in self.fs.walk():
            if not is_unicode(st.path):
                self.skipped.append((printable_name(st.path), "file name is not valid UTF-8"))
                continue
            if not self._selected(st.path):
                continue
            if not registry.supported(st.path):
                ext = registry.suffix(st.path)
                self.skipped.append((st.path, f"unsupported format {ext or '(no extension)'}"))
            elif registry.suffix(st.path) in IMAGE_SUFFIXES and refusal(self.limits.ocr):
                self.skipped.append((st.path, refusal(self.limits.ocr)))  # OCR off or missing
            elif registry.suffix(st.path) not in registry.EXPANDED:
                self._files[st.path] = st.path
            else:
                self._expand(st.path)
        return sorted(self._files)

    def _expand(self, path: str) -> None:
        """List the sheets / members of ``path`` (read now: its names depend on it)."""
        try:
            content = self._load(path)
        except DatasetError as exc:
            self.skipped.append((path, str(exc)))
            return
        if isinstance(content, Skipped):
            self.skipped.append((path, content.reason))
            return
        for part in parts(content):
            name = path + part.name_suffix
            if isinstance(part, Skipped):
                self.skipped.append((name, part.reason))
            elif not self._excluded(name):
                self._files[name] = path
                if part.note and name != path:  # a message's own text: its part holds it
                    self._note(name, part.note)

    def _selected(self, relative: str) -> bool:
        return any(glob_match(relative, g) for g in self.include) and not self._excluded(relative)

    def _excluded(self, name: str) -> bool:
        return any(glob_match(name, g) for g in self.exclude)

    def _note(self, name: str, note: str) -> None:
        if (name, note) not in self.notes:
            self.notes.append((name, note))

    def file_of(self, name: str) -> str:
        """The share file that holds dataset ``name``."""
        if name in self._files:
            return self._files[name]
        for candidate in file_candidates(name):
            try:
                self.fs.stat(candidate)
            except DatasetError:
                continue
            return candidate
        raise DatasetError(f"{name} not found")

    def _load(self, path: str) -> FileContent | Skipped:
        """The parsed content of file ``path`` (cached for the last file read)."""
        st = self.fs.stat(path)
        key = (path, st.size, st.mtime)
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        self._cache = None
        budgets = Budgets(self.max_read_bytes, self.max_scan_bytes, self.max_stream_bytes)
        if registry.can_sample(path):
            read = read_line_file(self.fs, path, st.size, budgets)
            content = registry.read_content(path, read.data, self.limits)
            sampled, notes = read.sampled, read.notes
        else:
            content, notes = read_whole_file(self.fs, path, st.size, budgets, self.limits)
            sampled = False
        for note in notes:
            self._note(path, note)
        self._cache = (key, content, sampled)
        return content

    def _part(self, name: str) -> tuple[Table | Text, str, bool]:
        """The table or text of dataset ``name``, its file, and whether its file was sampled."""
        path = self.file_of(name)
        content = self._load(path)
        sampled = self._cache is not None and self._cache[2]
        if isinstance(content, Skipped):
            raise DatasetError(f"{name}: {content.reason}")
        suffix = name[len(path) :]
        for part in parts(content):
            if part.name_suffix == suffix:
                if isinstance(part, LazyText):  # read now (OCR); what it read is cached instead
                    part, content = resolved(content, part)
                    self._cache = (self._cache[0], content, sampled) if self._cache else None
                if isinstance(part, Skipped):
                    raise DatasetError(f"{name}: {part.reason}")
                return part, path, sampled
        raise DatasetError(f"{name} not found in {path}")

    def truncated(self, name: str) -> tuple[str, ...]:
        """What a read budget cut from dataset ``name`` (its file read in part, giant cells
        cut, rows beyond the row limit left out), one reason each; () when read whole."""
        part, path, _ = self._part(name)
        found = [
            cut for file, note in self.notes if file in (path, name) for cut in cut_notes(note)
        ]
        found += cut_notes(part.note)
        return tuple(dict.fromkeys(found))

    def describe(self, name: str) -> DatasetInfo:
        part, path, sampled = self._part(name)
        if isinstance(part, Table):
            member = (path + part.name_suffix).rsplit("#", 1)[0]
            kind = "sheet" if "#" in part.name_suffix and member.endswith(SHEET_FORMATS) else "file"
            columns = tuple(ColumnInfo(h, "text", ValueKind.TEXT) for h in part.header)
            exact = not sampled and len(part.rows) < self.limits.max_rows
            return DatasetInfo(self.name, name, kind, columns, len(part.rows), exact)
        column = ColumnInfo(CONTENT, "text", ValueKind.TEXT, free_text=True)
        exact = not sampled and len(part.lines) < self.limits.max_rows
        return DatasetInfo(self.name, name, "file", (column,), len(part.lines), exact)

    def sample(self, info: DatasetInfo, rows: int) -> DatasetSample:
        part, _, _ = self._part(info.name)
        if isinstance(part, Table):
            chosen = self._choose(list(part.rows), rows)
            index = {h: i for i, h in enumerate(part.header)}
            columns = tuple(
                column_sample(c, [cell_at(r, index.get(c.name)) for r in chosen])
                for c in info.columns
            )
            method = "full" if len(chosen) == len(part.rows) else "random_rows"
            return DatasetSample(info, len(chosen), method, columns)
        lines = self._choose(list(part.lines), rows)
        method = "full" if len(lines) == len(part.lines) else "random_lines"
        return DatasetSample(info, len(lines), method, (column_sample(info.columns[0], lines),))

    def _choose(self, items: list[T], rows: int) -> list[T]:
        if len(items) <= rows:
            return items
        picked = sorted(self._random.sample(range(len(items)), rows))
        return [items[i] for i in picked]
