"""File-share connector: a local folder or any :class:`~connectors.share_fs.ShareFS`.

Dataset names are paths relative to the share root, ``/`` separated (SPEC §4).
A workbook's sheets are ``path#Sheet``; a ZIP's members are
``archive.zip/member/path`` (and ``archive.zip/book.xlsx#Sheet``). Tables (CSV,
TSV, sheets) have their header cells as columns; documents (TXT, LOG, MD,
JSON, NDJSON, DOCX, PDF) have one free-text column, ``content``, whose values
are their non-empty lines. Formats are read by :mod:`connectors.readers`.

Files that are listed but not scanned are in ``skipped`` as (name, reason):
unsupported formats, encrypted or scanned PDFs, refused ZIP members, files
too large for a format that cannot be read in part, and files whose path is
not valid UTF-8 (shown with ``\\xNN`` escapes: such a name cannot be stored
in a report, a hash or the state store). A file larger than
``max_read_bytes`` in a line format (CSV, text, JSON) is sampled: its first
``max_read_bytes`` are read, its row count is then inexact, and ``notes``
holds (name, note). A giant cell is cut, not its row: a line longer than
1 MiB has its cells cut to 64 KiB (:mod:`connectors.readers.long_lines`), and
a giant line that would eat the read budget is read past (up to
``max_scan_bytes``) so the rows after it are read too. :meth:`truncated`
lists every cut of one dataset (file read in part, cells cut, rows beyond
the row limit), so nothing is left out silently. Globs in ``include`` /
``exclude`` match file paths; ``exclude`` also matches sheet and member names.
The parsed content of the most recently read file is cached (one file), keyed
by its size and mtime.

The capability protocols of :mod:`connectors.base` work over the rows read:
``count_before`` parses a column's cells as dates (see
:func:`connectors.file_tables.parse_date`), ``modified_before`` looks at the
file's modification time, and ``group_stats``, ``present_values``,
``count_values``, ``matching_values`` (see :mod:`connectors.value_forms`) and
``column_values`` read the cells themselves. Empty cells
are NULL. Files have no remediation SQL: the runner describes the fix in words.
Privileges come from POSIX mode bits and ACLs, on a local share only.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from connectors import file_permissions, value_forms
from connectors.errors import DatasetError
from connectors.file_tables import (
    cell_at,
    column_sample,
    file_candidates,
    glob_match,
    parse_date,
    trimmed,
)
from connectors.local_fs import LocalFS
from connectors.model import (
    NATIVE_CE,
    ClockLayout,
    ColumnInfo,
    DatasetInfo,
    DatasetSample,
    GroupStats,
    HeldPrivilege,
    Principal,
    ValueKind,
    ValueSearch,
)
from connectors.readers import registry
from connectors.readers.content import (
    FileContent,
    ReadLimits,
    Skipped,
    Table,
    Text,
    cut_notes,
    parts,
    trim_partial_line,
)
from connectors.readers.long_lines import MAX_LINE_BYTES, cap_long_lines, partial_tail
from connectors.share_fs import ShareFS

__all__ = ["CONTENT", "FilesConnector", "parse_date"]
CONTENT = "content"
SHEET_FORMATS = (".xlsx", ".xlsm")


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


class FilesConnector:
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
        self.limits = ReadLimits(max_bytes=max_read_bytes)
        self.skipped: list[tuple[str, str]] = []
        self.notes: list[tuple[str, str]] = []
        self._random = random.Random(seed)
        self._files: dict[str, str] = {}  # dataset name → file path, from the last listing
        self._cache: tuple[tuple[str, int, float], FileContent | Skipped, bool] | None = None

    def open(self) -> None:
        self.fs.check()

    def close(self) -> None:
        self._cache = None
        close = getattr(self.fs, "close", None)  # an SMB session; a local folder has none
        if callable(close):
            close()

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
                if part.note:
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
        sampled = st.size > self.max_read_bytes
        content: FileContent | Skipped
        if not registry.can_sample(path):
            if sampled:
                budget = self.max_read_bytes
                content = Skipped(f"larger than the read budget ({st.size} > {budget} bytes)")
            else:
                data = self.fs.read(path, self.max_read_bytes)
                content = registry.read_content(path, data, self.limits)
        else:
            data, sampled = self._read_lines(path, st.size)
            content = registry.read_content(path, data, self.limits)
        self._cache = (key, content, sampled)
        return content

    def _read_lines(self, path: str, size: int) -> tuple[bytes, bool]:
        """A line-format file's bytes, giant cells cut, at most ``max_read_bytes``; and
        whether the file was read in part. A giant line that would eat the budget is read
        past (up to ``max_scan_bytes``), so the rows after it are read too."""
        data = self.fs.read(path, self.max_read_bytes)
        if size > len(data) and partial_tail(data) > MAX_LINE_BYTES:
            data = self.fs.read(path, max(self.max_scan_bytes, self.max_read_bytes))
        sampled = size > len(data)
        if sampled:
            data = trim_partial_line(data)
        capped = cap_long_lines(data)
        for note in capped.notes:
            self._note(path, note)
        data = capped.data
        if len(data) > self.max_read_bytes:  # the rest of what was read is left out
            data = trim_partial_line(data[: self.max_read_bytes])
            sampled = True
        if sampled:
            self._note(
                path,
                f"sampled: first {len(data)} of {size} bytes read, the rest left out "
                f"(read budget {self.max_read_bytes} bytes)",
            )
        return data, sampled

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
                if isinstance(part, Skipped):
                    raise DatasetError(f"{name}: {part.reason}")
                return part, path, sampled
        raise DatasetError(f"{name} not found in {path}")

    def truncated(self, name: str) -> tuple[str, ...]:
        """What a read budget cut from dataset ``name`` (its file read in part, giant cells
        cut, rows beyond the row limit left out), one reason each; () when read whole."""
        part, path, _ = self._part(name)
        found = [note for file, note in self.notes if file in (path, name)]
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

    # -- capabilities (connectors.base) -------------------------------------

    def _cells(self, name: str, columns: Sequence[str]) -> list[tuple[str | None, ...]]:
        """The trimmed cells of ``columns`` in every row; empty or missing cells are None."""
        part, _, _ = self._part(name)
        if isinstance(part, Table):
            header, rows = part.header, part.rows
        else:
            header, rows = (CONTENT,), tuple((line,) for line in part.lines)
        if not columns:
            raise DatasetError(f"{name}: no columns given")
        for column in columns:
            if column not in header:
                raise DatasetError(f"{name}: no column {column!r}")
        indexes = [header.index(c) for c in columns]
        return [tuple(trimmed(cell_at(row, i)) for i in indexes) for row in rows]

    def count_before(
        self, name: str, column: str, cutoff: date, layout: ClockLayout = NATIVE_CE
    ) -> int:
        """Rows whose ``column`` holds an ISO or ``dd/mm/yyyy`` date (either era) earlier
        than ``cutoff``; the layout does not matter to a file (unparseable: never).
        The agent reads clocks in every Thai form through ``clock_value_counts``."""
        dates = (parse_date(cell) for (cell,) in self._cells(name, [column]) if cell)
        return sum(1 for d in dates if d is not None and d < cutoff)

    def clock_storage(self, name: str, column: str) -> str:
        """A file's cells are text."""
        self._cells(name, [column])  # DatasetError when the column does not exist
        return "text"

    def native_clock_eras(self, name: str, column: str) -> tuple[int, int]:
        """A file has no DATE storage: no native clock."""
        raise DatasetError(f"{name}: {column!r} is text, not a DATE column")

    def clock_value_counts(self, name: str, column: str) -> Iterator[tuple[object, int]]:
        """``(cell, rows)`` for each distinct non-empty cell of ``column``."""
        counts = Counter(cell for (cell,) in self._cells(name, [column]) if cell)
        yield from counts.items()

    def modified_before(self, name: str, cutoff: date) -> bool:
        """Whether the file (the archive, for a member) was last modified before ``cutoff``."""
        return date.fromtimestamp(self.fs.stat(self.file_of(name)).mtime) < cutoff

    def group_stats(self, name: str, columns: Sequence[str], k_min: int) -> GroupStats:
        """Sizes of the groups of rows sharing one combination of ``columns``."""
        sizes = Counter(self._cells(name, columns)).values()
        small = [n for n in sizes if n < k_min]
        return GroupStats(len(sizes), min(sizes, default=None), sum(small), len(small))

    def present_values(
        self, name: str, column: str, candidates: Sequence[str], fold_case: bool = False
    ) -> set[str]:
        """Which of ``candidates`` occur in ``column`` (cells compared trimmed)."""
        if not candidates:
            return set()
        fold = str.lower if fold_case else str
        cells = {fold(cell) for (cell,) in self._cells(name, [column]) if cell is not None}
        return {str(c) for c in candidates if fold(str(c)) in cells}

    def count_values(
        self, name: str, column: str, candidates: Sequence[str], fold_case: bool = False
    ) -> int:
        """Rows whose ``column`` equals one of ``candidates``."""
        if not candidates:
            return 0
        fold = str.lower if fold_case else str
        wanted = {fold(str(c)) for c in candidates}
        cells = self._cells(name, [column])
        return sum(1 for (cell,) in cells if cell is not None and fold(cell) in wanted)

    def matching_values(self, name: str, column: str, search: ValueSearch) -> dict[object, int]:
        """The distinct trimmed cells of ``column`` matching ``search``, with their counts."""
        return value_forms.match_cells(self.column_values(name, column), search)

    def column_values(self, name: str, column: str) -> Iterator[object]:
        """Every non-empty cell of ``column``."""
        return iter([cell for (cell,) in self._cells(name, [column]) if cell is not None])

    def principals(self) -> list[Principal]:
        """Owners, groups and ACL-named principals of the selected files, plus ``everyone``
        (a local share only; [] for a share without POSIX permissions)."""
        if not isinstance(self.fs, LocalFS):
            return []
        paths = [self.fs.root / st.path for st in self.fs.walk() if self._selected(st.path)]
        return file_permissions.principals(paths, self.fs.root.resolve())

    def held_privileges(self, datasets: Sequence[str]) -> list[HeldPrivilege]:
        """READ / WRITE on each file from its mode bits and ACL (see
        :mod:`connectors.file_permissions`); sheets and members get their file's rights.
        Names outside the share or of vanished files are skipped; [] on a non-local share."""
        if not isinstance(self.fs, LocalFS):
            return []
        files: dict[str, Path] = {}
        for name in datasets:
            try:
                files[name] = self.fs.local_path(self.file_of(name))
            except DatasetError:
                continue
        return file_permissions.held_privileges(
            files, self.fs.root.resolve(), file_permissions.FILE_READ, file_permissions.FILE_WRITE
        )

    def _choose(self, items: list, rows: int) -> list:
        if len(items) <= rows:
            return items
        picked = sorted(self._random.sample(range(len(items)), rows))
        return [items[i] for i in picked]
