"""File-share connector for local or mounted folders.

Dataset names are paths relative to the source root, ``/`` separated.
Tabular files (CSV, TSV) have their header cells as columns; text files
(TXT, LOG, MD, JSON, NDJSON) have one free-text column, ``content``, whose
values are the file's non-empty lines. Symlinks that leave the root are never
followed, and at most ``max_read_bytes`` of a file are read.
"""

from __future__ import annotations

import csv
import fnmatch
import io
import os
import random
from collections.abc import Sequence
from pathlib import Path

from connectors.errors import DatasetError, SourceError
from connectors.model import ColumnInfo, ColumnSample, DatasetInfo, DatasetSample, ValueKind

TABULAR_SUFFIXES = {".csv": ",", ".tsv": "\t"}
TEXT_SUFFIXES = frozenset({".txt", ".log", ".md", ".json", ".ndjson", ".jsonl"})
ENCODINGS = ("utf-8-sig", "utf-16", "cp874")
CONTENT = "content"


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

    def _choose(self, items: list, rows: int) -> list:
        if len(items) <= rows:
            return items
        picked = sorted(self._random.sample(range(len(items)), rows))
        return [items[i] for i in picked]


def _column_sample(column: ColumnInfo, values: Sequence[str | None]) -> ColumnSample:
    present = tuple(v for v in values if v not in (None, ""))
    return ColumnSample(column, present, len(values) - len(present))


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
