"""A local or mounted folder as a :class:`~connectors.files.share_fs.ShareFS`.

Walks with :func:`os.walk` without following directory links. A symlink to a
regular file inside the root is listed under its own name; one whose target
leaves the root (or is not a regular file: a FIFO, a device) is not listed
and cannot be read. Reads open the resolved path non-blocking and check that
it is a regular file, so a FIFO swapped in after listing cannot hang a scan.
Error messages name the file and the OS reason, never its content.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from connectors.errors import DatasetError, SourceError
from connectors.files.share_fs import FileStat

CHUNK = 1024 * 1024


class LocalFS:
    """Read-only access to the regular files below ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).absolute()
        self.label = str(self.root)

    def check(self) -> None:
        if not self.root.is_dir():
            raise SourceError(f"folder {self.label} not found or not a directory")
        if not os.access(self.root, os.R_OK | os.X_OK):
            raise SourceError(f"folder {self.label} is not readable")

    def walk(self) -> Iterator[FileStat]:
        root = self.root.resolve()
        found: list[FileStat] = []
        for directory, subdirs, files in os.walk(root, followlinks=False):
            subdirs.sort()
            for filename in files:
                relative = Path(directory, filename).relative_to(root).as_posix()
                try:
                    found.append(self.stat(relative))
                except DatasetError:
                    continue  # a link leaving the root, a FIFO, or gone since listed
        return iter(sorted(found, key=lambda s: s.path))

    def local_path(self, path: str) -> Path:
        """The real path of ``path``; DatasetError when it leaves the root or is malformed."""
        parts = path.split("/")
        if not path or path.startswith("/") or ".." in parts or "\0" in path:
            raise DatasetError(f"{path} is not a path inside the share")
        root = self.root.resolve()
        real = Path(os.path.realpath(root / posixpath.normpath(path)))
        if real != root and root not in real.parents:
            raise DatasetError(f"{path} resolves outside the share")
        return real

    def stat(self, path: str) -> FileStat:
        real = self.local_path(path)
        try:
            st = real.stat()
        except FileNotFoundError:
            raise DatasetError(f"{path} disappeared") from None
        except OSError as exc:
            raise DatasetError(f"{path} is not readable ({exc.strerror})") from None
        if not stat.S_ISREG(st.st_mode):
            raise DatasetError(f"{path} is not a regular file")
        return FileStat(path, st.st_size, st.st_mtime, st.st_mode, st.st_uid, st.st_gid)

    def _open_regular(self, path: str) -> int:
        """A descriptor on regular file ``path`` (opened non-blocking: a FIFO cannot hang)."""
        real = self.local_path(path)
        try:
            fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise DatasetError(f"{path} disappeared") from None
        except OSError as exc:
            raise DatasetError(f"{path} is not readable ({exc.strerror})") from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise DatasetError(f"{path} is not a regular file")
        return fd

    def open_binary(self, path: str) -> BinaryIO:
        return os.fdopen(self._open_regular(path), "rb")

    def read(self, path: str, limit: int) -> bytes:
        fd = self._open_regular(path)
        try:
            chunks: list[bytes] = []
            left = limit
            while left > 0:
                chunk = os.read(fd, min(CHUNK, left))
                if not chunk:
                    break
                chunks.append(chunk)
                left -= len(chunk)
            return b"".join(chunks)
        except OSError as exc:
            raise DatasetError(f"{path} is not readable ({exc.strerror})") from None
        finally:
            os.close(fd)
