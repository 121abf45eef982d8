"""The filesystem a file-share connector reads through: a local folder or an SMB share.

Both give the same small interface, so listing, reading formats, sampling
and safety limits are written once in :mod:`connectors.files.connector`. Paths are
relative to the share root, ``/`` separated. A share that holds a session (SMB)
is also a :class:`SessionShare`, closed with its connector.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol, runtime_checkable


@dataclass(frozen=True)
class FileStat:
    """What a share says about one regular file."""

    path: str  # relative to the root, "/" separated
    size: int
    mtime: float  # POSIX timestamp
    mode: int | None = None  # POSIX mode bits where the share has them
    uid: int | None = None
    gid: int | None = None


@runtime_checkable
class ShareFS(Protocol):
    """Read-only access to the files below one root."""

    label: str  # how the root is shown in messages (a path, or smb://host/share/path)

    def check(self) -> None:
        """Raise SourceError when the root cannot be listed (missing, denied, unreachable)."""

    def walk(self) -> Iterator[FileStat]:
        """Every regular file below the root, sorted; links leaving the root are not followed."""

    def stat(self, path: str) -> FileStat:
        """One file's facts; DatasetError when it vanished or is not readable."""

    def read(self, path: str, limit: int) -> bytes:
        """At most ``limit`` bytes from the start of the file; DatasetError on failure."""

    def open_binary(self, path: str) -> BinaryIO:
        """A seekable read-only handle on the file (for formats read streaming: large XLSX);
        the caller closes it. DatasetError when it cannot be opened."""


@runtime_checkable
class SessionShare(Protocol):
    """A share reached through a session (SMB) that must be logged off; a folder has none."""

    def close(self) -> None:
        """Log off and disconnect; the share reconnects if used again."""
