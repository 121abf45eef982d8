"""File-share connector for local or mounted folders.

Dataset names are paths relative to the source root, ``/`` separated.
Tabular files (CSV, TSV) have their header cells as columns; text files
(TXT, LOG, MD, JSON, NDJSON) have one free-text column, ``content``, whose
values are the file's non-empty lines. Symlinks that leave the root are never
followed, and at most ``max_read_bytes`` of a file are read.

The capability protocols of :mod:`connectors.base` work over the rows read:
``count_before`` parses a column's cells as dates (ISO ``YYYY-MM-DD[ HH:MM:SS]``
or ``DD/MM/YYYY``, Buddhist-era years converted), ``modified_before`` looks at
the file's modification time, and ``group_stats``, ``present_values``,
``count_values`` and ``column_values`` read the cells themselves. Empty cells
are NULL. Files have no remediation SQL: the runner describes the fix in words.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import os
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from connectors import file_permissions
from connectors.errors import DatasetError, SourceError
from connectors.model import (
    ColumnInfo,
    ColumnSample,
    DatasetInfo,
    DatasetSample,
    GroupStats,
    HeldPrivilege,
    Principal,
    ValueKind,
)

TABULAR_SUFFIXES = {".csv": ",", ".tsv": "\t"}
TEXT_SUFFIXES = frozenset({".txt", ".log", ".md", ".json", ".ndjson", ".jsonl"})
ENCODINGS = ("utf-8-sig", "utf-16", "cp874")
CONTENT = "content"
#: Years from this one on are Buddhist era (B.E. = C.E. + 543).
BUDDHIST_ERA_FROM = 2400
_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})" + _TIME + r"(?:Z|[+-]\d{2}:?\d{2})?")
_DMY_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME)


class FilesConnector:
    """Lists and samples the supported files below one folder."""

    def __init__(
        self,
        name: str,
        root: Path,
        include: Sequence[str] = ("**/*",),
        exclude: Sequence[str] = (),
        max_read_bytes: int = 16 * 1024 * 1024,
        seed: int | None = None,
    ) -> None:
        self.name = name
        self.root = Path(root)
        self.include = tuple(include) or ("**/*",)
        self.exclude = tuple(exclude)
        self.max_read_bytes = max_read_bytes
        self._random = random.Random(seed)

    def open(self) -> None:
        if not self.root.is_dir():
            raise SourceError(f"folder {self.root} not found or not a directory")
        if not os.access(self.root, os.R_OK | os.X_OK):
            raise SourceError(f"folder {self.root} is not readable")

    def close(self) -> None:
        return None

    def list_datasets(self) -> list[str]:
        names = []
        root = self.root.resolve()
        for directory, subdirs, files in os.walk(root, followlinks=False):
            subdirs.sort()
            for filename in sorted(files):
                path = Path(directory, filename)
                if path.is_symlink() and not _inside(path.resolve(), root):
                    continue
                relative = path.relative_to(root).as_posix()
                if _supported(path) and self._selected(relative):
                    names.append(relative)
        return sorted(names)

    def _selected(self, relative: str) -> bool:
        def match(glob: str) -> bool:
            return fnmatch.fnmatchcase(relative, glob) or (
                glob.startswith("**/") and fnmatch.fnmatchcase(relative, glob[3:])
            )

        return any(match(g) for g in self.include) and not any(match(g) for g in self.exclude)

    def _path(self, name: str) -> Path:
        path = (self.root / name).resolve()
        if not _inside(path, self.root.resolve()):
            raise DatasetError(f"{name} resolves outside the share")
        return path

    def _text(self, name: str) -> str:
        path = self._path(name)
        try:
            with path.open("rb") as handle:
                raw = handle.read(self.max_read_bytes)
        except FileNotFoundError:
            raise DatasetError(f"{name} disappeared") from None
        except OSError as exc:
            raise DatasetError(f"cannot read {name}: {exc.strerror}") from None
        for encoding in ENCODINGS:
            try:
                if encoding == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    continue
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        return raw.decode("utf-8", errors="replace")

    def describe(self, name: str) -> DatasetInfo:
        text = self._text(name)
        suffix = Path(name).suffix.lower()
        if suffix in TABULAR_SUFFIXES:
            rows = list(csv.reader(io.StringIO(text), delimiter=TABULAR_SUFFIXES[suffix]))
            header = _unique_header(rows[0] if rows else [])
            columns = tuple(ColumnInfo(h, "text", ValueKind.TEXT) for h in header)
            return DatasetInfo(self.name, name, "file", columns, max(len(rows) - 1, 0), True)
        lines = [line for line in text.splitlines() if line.strip()]
        column = ColumnInfo(CONTENT, "text", ValueKind.TEXT, free_text=True)
        return DatasetInfo(self.name, name, "file", (column,), len(lines), True)

    def sample(self, info: DatasetInfo, rows: int) -> DatasetSample:
        text = self._text(info.name)
        suffix = Path(info.name).suffix.lower()
        if suffix in TABULAR_SUFFIXES:
            records = list(csv.reader(io.StringIO(text), delimiter=TABULAR_SUFFIXES[suffix]))[1:]
            chosen = self._choose(records, rows)
            columns = tuple(
                _column_sample(column, [r[i] if i < len(r) else None for r in chosen])
                for i, column in enumerate(info.columns)
            )
            method = "full" if len(chosen) == len(records) else "random_rows"
            return DatasetSample(info, len(chosen), method, columns)
        lines = [line for line in text.splitlines() if line.strip()]
        chosen_lines = self._choose(lines, rows)
        method = "full" if len(chosen_lines) == len(lines) else "random_lines"
        sample = _column_sample(info.columns[0], chosen_lines)
        return DatasetSample(info, len(chosen_lines), method, (sample,))

    # -- capabilities (connectors.base) -------------------------------------

    def _rows(self, name: str) -> tuple[list[str], list[list[str]]]:
        """The header and data rows of ``name`` (a text file is one ``content`` column)."""
        text = self._text(name)
        suffix = Path(name).suffix.lower()
        if suffix in TABULAR_SUFFIXES:
            rows = list(csv.reader(io.StringIO(text), delimiter=TABULAR_SUFFIXES[suffix]))
            return _unique_header(rows[0] if rows else []), rows[1:]
        return [CONTENT], [[line] for line in text.splitlines() if line.strip()]

    def _cells(self, name: str, columns: Sequence[str]) -> list[tuple[str | None, ...]]:
        """The cells of ``columns`` in every row; empty or missing cells are None."""
        header, rows = self._rows(name)
        if not columns:
            raise DatasetError(f"{name}: no columns given")
        for column in columns:
            if column not in header:
                raise DatasetError(f"{name}: no column {column!r}")
        indexes = [header.index(c) for c in columns]
        return [
            tuple((row[i].strip() or None) if i < len(row) else None for i in indexes)
            for row in rows
        ]

    def count_before(self, name: str, column: str, cutoff: date) -> int:
        """Rows whose ``column`` holds a date earlier than ``cutoff`` (unparseable: never)."""
        dates = (parse_date(cell) for (cell,) in self._cells(name, [column]) if cell)
        return sum(1 for d in dates if d is not None and d < cutoff)

    def modified_before(self, name: str, cutoff: date) -> bool:
        """Whether the file was last modified before ``cutoff`` (local time)."""
        try:
            modified = self._path(name).stat().st_mtime
        except FileNotFoundError:
            raise DatasetError(f"{name} disappeared") from None
        except OSError as exc:
            raise DatasetError(f"cannot read {name}: {exc.strerror}") from None
        return date.fromtimestamp(modified) < cutoff

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
        return sum(
            1
            for (cell,) in self._cells(name, [column])
            if cell is not None and fold(cell) in wanted
        )

    def column_values(self, name: str, column: str) -> Iterator[object]:
        """Every non-empty cell of ``column``."""
        return iter([cell for (cell,) in self._cells(name, [column]) if cell is not None])

    def principals(self) -> list[Principal]:
        """Owners, groups and ACL-named principals of the listed files, plus ``everyone``."""
        root = self.root.resolve()
        return file_permissions.principals((root / n for n in self.list_datasets()), root)

    def held_privileges(self, datasets: Sequence[str]) -> list[HeldPrivilege]:
        """READ / WRITE on each file from its mode bits and ACL (see
        :mod:`connectors.file_permissions`); ``path#Sheet`` gets its file's rights.
        Names outside the share or of vanished files are skipped."""
        files: dict[str, Path] = {}
        for name in datasets:
            try:
                files[name] = self._path(name.split("#", 1)[0])
            except DatasetError:
                continue
        return file_permissions.held_privileges(
            files, self.root.resolve(), file_permissions.FILE_READ, file_permissions.FILE_WRITE
        )

    def _choose(self, items: list, rows: int) -> list:
        if len(items) <= rows:
            return items
        picked = sorted(self._random.sample(range(len(items)), rows))
        return [items[i] for i in picked]


def _column_sample(column: ColumnInfo, values: Sequence[str | None]) -> ColumnSample:
    present = tuple(v for v in values if v not in (None, ""))
    return ColumnSample(column, present, len(values) - len(present))


def parse_date(cell: str) -> date | None:
    """A cell as a date: ``YYYY-MM-DD[ HH:MM:SS]`` or ``DD/MM/YYYY[ HH:MM]``, B.E. years
    (2400 and later) converted to C.E.; None when it is not a valid date."""
    text = cell.strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY_DATE.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    if year >= BUDDHIST_ERA_FROM:
        year -= 543
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _unique_header(cells: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    header = []
    for index, cell in enumerate(cells):
        name = cell.strip() or f"column_{index + 1}"
        seen[name] = seen.get(name, 0) + 1
        header.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return header


def _supported(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TABULAR_SUFFIXES or suffix in TEXT_SUFFIXES


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
