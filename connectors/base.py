"""The small capability interface every connector offers the runner.

A connector is opened once per scan, lists its datasets (names already
filtered by the source's include/exclude globs), describes one dataset and
samples it. Failures of the whole source raise :class:`SourceError`; a
failure of one dataset raises :class:`DatasetError` and the scan goes on.

Whatever else a connector can do is a capability protocol below, every one
``runtime_checkable``: the agent asks ``isinstance(connector, RowCounter)``
and so on, never whether an attribute happens to exist. The SQL connector
offers the counting, lookup, remediation and grant capabilities; the files
connector offers most of them too, plus what only files have (what it
skipped, what a read budget cut, the file behind a dataset, its
modification time).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Protocol, runtime_checkable

from connectors.files.share_fs import ShareFS
from connectors.model import (
    NATIVE_CE,
    ClockLayout,
    DatasetInfo,
    DatasetSample,
    GroupStats,
    HeldPrivilege,
    Principal,
    ValueSearch,
)


@runtime_checkable
class Connector(Protocol):
    """What the runner needs from any source."""

    name: str

    def open(self) -> None:
        """Connect (and test the connection); raise SourceError on failure."""

    def close(self) -> None:
        """Release connections; safe to call twice."""

    def list_datasets(self) -> list[str]:
        """Dataset names (SPEC §4) after include/exclude, sorted."""

    def describe(self, name: str) -> DatasetInfo:
        """Columns, kinds and a row count (estimate where exact is costly)."""

    def sample(self, info: DatasetInfo, rows: int) -> DatasetSample:
        """A random sample of at most ``rows`` rows, pivoted into columns."""


def glob_filter(names: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> list[str]:
    """Names matching any include glob (all when none) and no exclude glob, sorted."""
    included = [n for n in names if not include or any(fnmatch.fnmatchcase(n, g) for g in include)]
    return sorted(n for n in included if not any(fnmatch.fnmatchcase(n, g) for g in exclude))


@runtime_checkable
class RowCounter(Protocol):
    """Counts rows in the source itself (never by pulling rows)."""

    def count_before(
        self, name: str, column: str, cutoff: date, layout: ClockLayout = NATIVE_CE
    ) -> int:
        """Rows whose ``column``, read as ``layout`` says, is earlier than ``cutoff``
        (NULLs never count)."""


@runtime_checkable
class ClockReader(Protocol):
    """Reads a retention clock column the way its dates are actually stored (SPEC §4)."""

    def clock_storage(self, name: str, column: str) -> str:
        """``"native"`` (DATE/TIMESTAMP compared in the source), ``"number"`` or ``"text"``."""

    def native_clock_eras(self, name: str, column: str) -> tuple[int, int]:
        """Rows of a native clock with a common-era year, and with a B.E. year (> 2400)."""

    def clock_value_counts(self, name: str, column: str) -> Iterator[tuple[object, int]]:
        """``(value, rows)`` for each distinct non-NULL value, streamed."""


@runtime_checkable
class GroupCounter(Protocol):
    """k-anonymity facts computed with GROUP BY in the source."""

    def group_stats(self, name: str, columns: Sequence[str], k_min: int) -> GroupStats:
        """How small the groups sharing one combination of ``columns`` get."""


@runtime_checkable
class ValueStreamer(Protocol):
    """Streams every value of one column (hashed subjects, sampling an empty-looking clock)."""

    def column_values(self, name: str, column: str) -> Iterator[object]:
        """Every non-NULL value of ``column``, streamed."""


@runtime_checkable
class RowStreamer(Protocol):
    """Streams chosen columns of every row (a disclosure extract) and counts their groups."""

    def count_rows(self, name: str) -> int:
        """The exact number of rows (``COUNT(*)`` in the source)."""

    def stream_rows(self, name: str, columns: Sequence[str]) -> Iterator[tuple[object, ...]]:
        """Every row's ``columns``, in that order, streamed (server-side cursor: memory stays
        bounded whatever the row count); NULLs and empty cells are None."""

    def group_counts(
        self, name: str, columns: Sequence[str]
    ) -> Iterator[tuple[tuple[object, ...], int]]:
        """``(combination, rows)`` for each distinct combination of ``columns`` (NULL is a
        value), grouped in the source and streamed."""


@runtime_checkable
class SubjectFinder(ValueStreamer, Protocol):
    """Looks data subjects up, by index where the column is known (and streams a column)."""

    def present_values(
        self, name: str, column: str, candidates: Sequence[str], fold_case: bool = False
    ) -> set[str]:
        """Which of ``candidates`` occur in ``column`` (an indexed ``IN`` lookup).

        ``fold_case`` compares lower-cased text (e-mail addresses), which gives
        up the index for a scan inside the database — still no row leaves it.
        """

    def matching_values(self, name: str, column: str, search: ValueSearch) -> dict[object, int]:
        """The distinct values of ``column`` matching ``search`` in any of its written forms
        (compared after compacting, in the source where it can), with their row counts."""

    def count_values(
        self, name: str, column: str, candidates: Sequence[str], fold_case: bool = False
    ) -> int:
        """Rows whose ``column`` equals one of ``candidates`` (an indexed ``IN`` count)."""


@runtime_checkable
class RemediationWriter(Protocol):
    """Writes — never runs — the statement that would fix a finding, in the source's dialect."""

    def delete_sql(
        self, name: str, column: str, cutoff: date, layout: ClockLayout = NATIVE_CE
    ) -> str:
        """``DELETE`` of the rows whose ``column`` is earlier than ``cutoff``."""

    def anonymise_sql(
        self,
        name: str,
        columns: Sequence[str],
        clock_column: str,
        cutoff: date,
        layout: ClockLayout = NATIVE_CE,
    ) -> str:
        """``UPDATE`` that nulls ``columns`` in the rows whose clock is earlier than ``cutoff``."""


@runtime_checkable
class PrincipalLister(Protocol):
    """Names the principals (users, roles, groups) that exist on the source."""

    def principals(self) -> list[Principal]:
        """Every principal that exists on the source (PUBLIC / everyone included)."""


@runtime_checkable
class GrantReader(PrincipalLister, Protocol):
    """Who can do what on which dataset, as the source itself enforces it."""

    def held_privileges(self, datasets: Sequence[str]) -> list[HeldPrivilege]:
        """Effective privileges on ``datasets``: direct, through roles (inheritance rules of
        the source), through PUBLIC, by ownership and as superuser."""


@runtime_checkable
class SkipReporter(Protocol):
    """Lists what it found but does not scan (an unsupported format, an encrypted PDF)."""

    skipped: list[tuple[str, str]]  # (name, reason), from the last listing


@runtime_checkable
class TruncationReporter(Protocol):
    """Says what a read budget cut from a dataset (a file read in part, giant cells cut)."""

    def truncated(self, name: str) -> tuple[str, ...]:
        """One reason per cut from dataset ``name``; () when it was read whole."""


@runtime_checkable
class ModificationDater(Protocol):
    """Knows when a dataset last changed (a file's modification time)."""

    def modified_before(self, name: str, cutoff: date) -> bool:
        """Whether dataset ``name`` was last modified before ``cutoff``."""


@runtime_checkable
class ChangeTracker(Protocol):
    """Knows from its catalogue which datasets have not changed between two scans."""

    def change_keys(self) -> dict[str, str]:
        """Dataset name → an opaque key that moves whenever the dataset's schema or content
        may have; only for the datasets of the last listing the catalogue vouches for."""


@runtime_checkable
class FileBacked(Protocol):
    """Datasets that are files (or parts of files) on a share: the incremental cache keys."""

    fs: ShareFS

    def file_of(self, name: str) -> str:
        """The share file that holds dataset ``name``."""
