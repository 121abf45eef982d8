"""The small capability interface every connector offers the runner.

A connector is opened once per scan, lists its datasets (names already
filtered by the source's include/exclude globs), describes one dataset and
samples it. Failures of the whole source raise :class:`SourceError`; a
failure of one dataset raises :class:`DatasetError` and the scan goes on.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from connectors.model import DatasetInfo, DatasetSample


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
