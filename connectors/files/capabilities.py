"""What the file-share connector computes over the rows it read, beyond sampling.

:class:`FileCapabilities` gives :class:`~connectors.files.connector.FilesConnector`
the capability protocols of :mod:`connectors.base`, worked out in Python over
the cells of a dataset (a file holds no index and runs no query):

- :class:`~connectors.base.RowCounter` — ``count_before`` parses a column's
  cells as dates (see :func:`connectors.files.tables.parse_date`);
- :class:`~connectors.base.ClockReader` — a file's cells are text: its clocks
  are read from ``clock_value_counts``, and it has no native DATE clock;
- :class:`~connectors.base.ModificationDater` — ``modified_before`` looks at
  the file's modification time;
- :class:`~connectors.base.GroupCounter` — ``group_stats`` counts the rows
  sharing each combination of cells;
- :class:`~connectors.base.RowStreamer` — ``count_rows``, ``stream_rows`` and
  ``group_counts`` for a disclosure extract, over the rows already read, in
  file order; refused (DatasetError) when a read budget cut the dataset, since
  an extract must hold every row as it is in the file;
- :class:`~connectors.base.SubjectFinder` — ``present_values``,
  ``count_values``, ``matching_values`` (see :mod:`connectors.sql.value_forms`)
  and ``column_values`` read the cells themselves;
- :class:`~connectors.base.GrantReader` — privileges from POSIX mode bits and
  ACLs on a local share (:mod:`connectors.files.permissions`), from Windows
  security descriptors on an SMB share (:mod:`connectors.files.smb_sids`);
  groups listed in ``public_groups`` count as everyone.

Empty cells are NULL. Files have no remediation SQL: the runner describes the
fix in words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from connectors.base import (
    ClockReader,
    GrantReader,
    GroupCounter,
    ModificationDater,
    RowCounter,
    RowStreamer,
    SubjectFinder,
)
from connectors.errors import DatasetError
from connectors.files import permissions as file_permissions
from connectors.files.local_fs import LocalFS
from connectors.files.readers.content import Table, Text
from connectors.files.share_fs import ShareFS
from connectors.files.tables import cell_at, parse_date, trimmed
from connectors.model import (
    NATIVE_CE,
    ClockLayout,
    GroupStats,
    HeldPrivilege,
    Principal,
    ValueSearch,
)
from connectors.sql import value_forms

if TYPE_CHECKING:
    from connectors.files.smb_fs import SmbFS

#: The one column of a document (a text file, a PDF): its non-empty lines.
CONTENT = "content"


class FileCapabilities(
    RowCounter,
    ClockReader,
    ModificationDater,
    GroupCounter,
    SubjectFinder,
    GrantReader,
    RowStreamer,
):
    """Dates, groups, lookups and privileges over the cells of a file dataset."""

    if TYPE_CHECKING:  # provided by FilesConnector
        fs: ShareFS
        public_groups: tuple[str, ...]

        def file_of(self, name: str) -> str: ...

        def _part(self, name: str) -> tuple[Table | Text, str, bool]: ...

        def _selected(self, relative: str) -> bool: ...

        def truncated(self, name: str) -> tuple[str, ...]: ...

    def _cells(self, name: str, columns: Sequence[str]) -> Iterator[tuple[str | None, ...]]:
        """The trimmed cells of ``columns`` in every row, in file order; empty or missing
        cells are None. An unknown column raises at once; the rows are taken as iterated."""
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
        return (tuple(trimmed(cell_at(row, i)) for i in indexes) for row in rows)

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

    def count_rows(self, name: str) -> int:
        """The rows of a table, the non-empty lines of a document (read whole only)."""
        part = self._whole(name)
        return len(part.rows) if isinstance(part, Table) else len(part.lines)

    def stream_rows(self, name: str, columns: Sequence[str]) -> Iterator[tuple[object, ...]]:
        """Every row's trimmed cells of ``columns``, in file order (empty cells None)."""
        self._whole(name)
        return self._cells(name, columns)

    def group_counts(
        self, name: str, columns: Sequence[str]
    ) -> Iterator[tuple[tuple[object, ...], int]]:
        """``(cells, rows)`` for each distinct combination of ``columns`` (None a value)."""
        self._whole(name)
        return iter(Counter(self._cells(name, columns)).items())

    def _whole(self, name: str) -> Table | Text:
        """The table or text of ``name``; DatasetError when a read budget cut it (an
        extract or its row count would silently miss rows or hold cut cells)."""
        part, _, read_in_part = self._part(name)
        cuts = self.truncated(name) or (("file read in part",) if read_in_part else ())
        if cuts:
            raise DatasetError(f"{name}: not read whole, no complete extract: {cuts[0]}")
        return part

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
        return (cell for (cell,) in self._cells(name, [column]) if cell is not None)

    def principals(self) -> list[Principal]:
        """Owners, groups and ACL-named principals of the selected files (and, on an SMB
        share, of their folders), plus ``everyone`` on a local share; [] for a share
        without permissions, or an SMB share that let no descriptor be read."""
        if not isinstance(self.fs, LocalFS):
            return self._smb_principals(smb) if (smb := _smb(self.fs)) else []
        paths = [self.fs.root / st.path for st in self.fs.walk() if self._selected(st.path)]
        root = self.fs.root.resolve()
        return file_permissions.principals(paths, root, self.public_groups)

    def held_privileges(self, datasets: Sequence[str]) -> list[HeldPrivilege]:
        """READ / WRITE on each file from its mode bits and ACL (see
        :mod:`connectors.files.permissions`) or its SMB security descriptor (see
        :mod:`connectors.files.smb_security`); sheets and members get their file's rights.
        Names outside the share, of vanished files or of unreadable descriptors are skipped."""
        if not isinstance(self.fs, LocalFS):
            return self._smb_held(smb, datasets) if (smb := _smb(self.fs)) else []
        files: dict[str, Path] = {}
        for name in datasets:
            try:
                files[name] = self.fs.local_path(self.file_of(name))
            except DatasetError:
                continue
        return file_permissions.held_privileges(
            files,
            self.fs.root.resolve(),
            file_permissions.FILE_READ,
            file_permissions.FILE_WRITE,
            self.public_groups,
        )

    def _smb_principals(self, fs: SmbFS) -> list[Principal]:
        """Every SID in the descriptors of the selected files and of their folders."""
        objects: dict[str, None] = {"": None}  # the root folder
        for st in fs.walk():
            if self._selected(st.path):
                parts = st.path.split("/")
                objects.update(dict.fromkeys("/".join(parts[:i]) for i in range(1, len(parts))))
                objects[st.path] = None
        descriptors = []
        for path in objects:
            try:
                descriptors.append(fs.security(path))
            except DatasetError:
                continue  # denied READ_CONTROL, vanished, or garbage: its SIDs stay unknown
        from connectors.files.smb_sids import principals

        return principals(descriptors, self.public_groups)

    def _smb_held(self, fs: SmbFS, datasets: Sequence[str]) -> list[HeldPrivilege]:
        from connectors.files.smb_sids import held

        rows: list[HeldPrivilege] = []
        for name in datasets:
            try:
                descriptor = fs.security(self.file_of(name))
            except DatasetError:
                continue
            rows += held(name, descriptor, self.public_groups)
        return sorted(rows, key=lambda r: (r.dataset, r.principal, r.privilege, r.via))


def _smb(fs: ShareFS) -> SmbFS | None:
    """``fs`` when it is an SMB share (smbprotocol is imported for SMB shares only)."""
    from connectors.files.smb_fs import SmbFS

    return fs if isinstance(fs, SmbFS) else None
