"""Read-only access to a folder on an SMB (Windows / Samba) share, as a :class:`ShareFS`.

``SmbFS("smb://host[:port]/share/optional/sub/path", username, password)``
talks SMB 2/3 through ``smbprotocol``'s high-level :mod:`smbclient` API with
its own connection cache, so two instances never share a session; ``close()``
(or leaving a ``with`` block) logs off and disconnects.

Reparse points (Windows symlinks and junctions) are never opened or followed.
Samba resolves Unix symlinks on the server and hides those leaving the share
(``wide links = no``, its default); links inside the share are listed once,
because files and folders already seen (same server file id) are skipped.

:meth:`SmbFS.security` reads a file's or folder's Windows security descriptor
(:mod:`connectors.files.smb_security`); :meth:`SmbFS.open_binary` gives a
seekable handle for streaming readers.

The URL is read by :func:`connectors.files.smb_url.parse_smb_url`. Messages
name the share by :attr:`SmbFS.label`, the URL without any password, and never
contain the password.
"""

from __future__ import annotations

import contextlib
import io
import stat as stat_mode
import weakref
from collections.abc import Iterator
from types import TracebackType
from typing import Any, BinaryIO

import smbclient
from smbprotocol.exceptions import SMBConnectionClosed, SMBOSError, SMBResponseException
from smbprotocol.file_info import FileAttributes
from smbprotocol.header import NtStatus
from smbprotocol.open import CreateOptions

from connectors.errors import DatasetError, SourceError
from connectors.files.share_fs import FileStat
from connectors.files.smb_security import (
    Descriptor,
    DescriptorError,
    parse_descriptor,
    query_descriptor,
)
from connectors.files.smb_url import parse_smb_url

MAX_DEPTH = 64  # folders nested deeper than this are not listed
_REPARSE = FileAttributes.FILE_ATTRIBUTE_REPARSE_POINT
_DIRECTORY = FileAttributes.FILE_ATTRIBUTE_DIRECTORY

_STATUS_REASONS = {
    NtStatus.STATUS_LOGON_FAILURE: "logon failure (wrong user name or password)",
    0xC0000072: "logon failure (account disabled)",
    0xC000006E: "logon failure (account restriction)",
    NtStatus.STATUS_PASSWORD_EXPIRED: "logon failure (password expired)",
    NtStatus.STATUS_BAD_NETWORK_NAME: "share not found",
    NtStatus.STATUS_ACCESS_DENIED: "access denied",
    NtStatus.STATUS_OBJECT_NAME_NOT_FOUND: "not found",
    NtStatus.STATUS_OBJECT_PATH_NOT_FOUND: "not found",
    NtStatus.STATUS_NOT_FOUND: "not found",
    NtStatus.STATUS_NOT_A_DIRECTORY: "not a folder",
    NtStatus.STATUS_FILE_IS_A_DIRECTORY: "is a folder",
    NtStatus.STATUS_SHARING_VIOLATION: "locked by another program",
    NtStatus.STATUS_STOPPED_ON_SYMLINK: "is a link",
}


def _reason(exc: BaseException) -> str:
    """A short, password-free phrase for an smbprotocol / socket failure."""
    status = getattr(exc, "ntstatus", None) if isinstance(exc, SMBOSError) else None
    if isinstance(exc, SMBResponseException):
        status = exc.status
    if status is not None:
        return _STATUS_REASONS.get(status, f"server answered NTSTATUS 0x{status:08x}")
    if isinstance(exc, SMBConnectionClosed):
        return "connection lost"
    cause = exc.__cause__ if isinstance(exc, ValueError) and exc.__cause__ else exc
    if isinstance(cause, TimeoutError):
        return "unreachable (timed out)"
    if isinstance(cause, OSError):
        return f"unreachable ({cause.strerror or type(cause).__name__})"
    name = type(exc).__name__
    if "auth" in name.lower() or type(exc).__module__.startswith("spnego"):
        return f"logon failure ({name})"
    return f"unexpected error ({name})"


class SmbFS:
    """The files below ``smb://host[:port]/share[/sub/path]``, read-only."""

    def __init__(
        self,
        url: str,
        username: str | None,
        password: str | None,
        connect_timeout_s: float = 10,
    ) -> None:
        where = parse_smb_url(url)
        self.label, self.host, self.port = where.label, where.host, where.port
        self.share = where.share
        self.root = where.root  # the sub-path inside the share, "" for the share itself
        self.username = username if username is not None else where.username
        if password is None:
            password = where.password
        self._cache: dict[str, object] = {}
        self._kwargs: dict[str, object] = {
            "username": self.username,
            "password": password,
            "port": self.port,
            "connection_timeout": connect_timeout_s,
            "connection_cache": self._cache,
        }
        self.skipped: list[str] = []  # folders below the root that could not be listed
        self._descriptors: dict[str, Descriptor] = {}  # path → descriptor, until walk / close
        # Sessions left open are logged off when the object is collected or Python exits.
        reset = smbclient.reset_connection_cache
        weakref.finalize(self, reset, fail_on_error=False, connection_cache=self._cache)

    def __repr__(self) -> str:
        return f"SmbFS({self.label!r})"

    # -- paths ----------------------------------------------------------

    def _unc(self, rel: str = "") -> str:
        parts = [self.share, *self.root.split("/"), *rel.split("/")]
        return "\\\\" + self.host + "".join("\\" + p for p in parts if p)

    def _relative(self, path: str) -> str:
        parts = [p for p in path.replace("\\", "/").split("/") if p not in ("", ".")]
        if not parts or ".." in parts or any("\0" in p for p in parts):
            raise DatasetError(f"{self.label}: invalid file path {path!r}")
        return "/".join(parts)

    # -- session --------------------------------------------------------

    def _connect(self) -> None:
        smbclient.register_session(self.host, **self._kwargs)

    def close(self) -> None:
        """Log off and disconnect; the object reconnects if used again."""
        self._descriptors = {}
        smbclient.reset_connection_cache(fail_on_error=False, connection_cache=self._cache)

    def __enter__(self) -> SmbFS:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- ShareFS --------------------------------------------------------

    def check(self) -> None:
        """Raise SourceError when the host, the logon, the share or the folder fails."""
        self._check()

    def _check(self) -> int:
        """Like :meth:`check`; returns the root folder's file id (0 when unknown)."""
        where = f"{self.host}:{self.port}"
        try:
            self._connect()
        except Exception as exc:
            raise SourceError(f"{self.label}: cannot connect to {where}: {_reason(exc)}") from None
        try:
            info = smbclient.stat(self._unc(), follow_symlinks=False, **self._kwargs)
        except Exception as exc:
            reason = _reason(exc)
            if self.root and reason in ("not found", "not a folder"):
                reason = f"folder {self.root!r} {reason} in share {self.share!r}"
            elif reason in ("share not found", "not found"):  # DFS-capable servers say the latter
                reason = f"share {self.share!r} not found on {self.host}"
            raise SourceError(f"{self.label}: {reason}") from None
        if not stat_mode.S_ISDIR(info.st_mode) or info.st_file_attributes & _REPARSE:
            raise SourceError(f"{self.label}: not a folder")
        return int(info.st_ino or 0)

    def walk(self) -> Iterator[FileStat]:
        """Regular files below the root in path order; reparse points are skipped."""
        root_id = self._check()
        self.skipped, self._descriptors = [], {}
        yield from self._walk("", {root_id} if root_id else set(), set(), 0)

    def _walk(
        self, rel: str, seen_dirs: set[int], seen_files: set[int], depth: int
    ) -> Iterator[FileStat]:
        try:
            with smbclient.scandir(self._unc(rel), **self._kwargs) as listing:
                entries = [(entry.name, entry.smb_info) for entry in listing]
        except (SMBOSError, SMBResponseException) as exc:
            if not rel:
                raise SourceError(f"{self.label}: cannot list the folder: {_reason(exc)}") from None
            self.skipped.append(rel)  # vanished or denied: the rest of the share still counts
            return
        except Exception as exc:
            where = rel or "/"
            raise SourceError(f"{self.label}: listing {where} failed: {_reason(exc)}") from None

        def key(item: tuple[str, object]) -> str:
            # "name/" for folders makes the depth-first walk yield paths in sorted order.
            return item[0] + "/" if item[1].file_attributes & _DIRECTORY else item[0]  # type: ignore[attr-defined]

        for name, info in sorted(entries, key=key):
            if info.file_attributes & _REPARSE:
                continue
            path = f"{rel}/{name}" if rel else name
            if info.file_attributes & _DIRECTORY:
                if info.file_id in seen_dirs or depth >= MAX_DEPTH:
                    continue
                if info.file_id:
                    seen_dirs.add(info.file_id)
                yield from self._walk(path, seen_dirs, seen_files, depth + 1)
                continue
            if info.file_id:
                if info.file_id in seen_files:
                    continue
                seen_files.add(info.file_id)
            yield FileStat(path=path, size=info.end_of_file, mtime=info.last_write_time.timestamp())

    def stat(self, path: str) -> FileStat:
        rel = self._relative(path)
        try:
            info = smbclient.stat(self._unc(rel), follow_symlinks=False, **self._kwargs)
        except Exception as exc:
            raise DatasetError(f"{self.label}: {rel}: {_reason(exc)}") from None
        if info.st_file_attributes & _REPARSE:
            raise DatasetError(f"{self.label}: {rel}: is a link")
        if not stat_mode.S_ISREG(info.st_mode):
            raise DatasetError(f"{self.label}: {rel}: not a regular file")
        return FileStat(path=rel, size=info.st_size, mtime=info.st_mtime)

    def read(self, path: str, limit: int) -> bytes:
        rel = self._relative(path)
        if limit <= 0:
            return b""
        chunks: list[bytes] = []
        remaining = limit
        try:
            with self._open(rel) as handle:
                while remaining > 0:
                    chunk = handle.read(min(remaining, 1 << 20))
                    if not chunk:
                        break
                    chunks.append(chunk)
                    remaining -= len(chunk)
        except Exception as exc:
            raise DatasetError(f"{self.label}: {rel}: cannot read: {_reason(exc)}") from None
        return b"".join(chunks)

    def _open(self, rel: str) -> Any:
        """The unbuffered read-only handle of ``rel``; a reparse point is never followed."""
        return smbclient.open_file(
            self._unc(rel),
            mode="rb",
            buffering=0,
            share_access="rwd",
            create_options=CreateOptions.FILE_OPEN_REPARSE_POINT,
            **self._kwargs,
        )

    def open_binary(self, path: str) -> BinaryIO:
        """A seekable, read-only binary handle on file ``path`` (close it); failures to open,
        read or seek raise DatasetError, as :meth:`read` does."""
        rel = self._relative(path)
        try:
            raw = self._open(rel)
        except Exception as exc:
            raise DatasetError(f"{self.label}: {rel}: cannot read: {_reason(exc)}") from None
        return io.BufferedReader(_Reader(raw, f"{self.label}: {rel}"), buffer_size=1 << 20)

    def security(self, path: str) -> Descriptor:
        """Owner, group and DACL of file or folder ``path`` ("" is the root folder), cached
        until the next walk; DatasetError when the server refuses or sends garbage."""
        rel = self._relative(path) if path else ""
        if rel not in self._descriptors:
            try:
                data = query_descriptor(self._unc(rel), self._kwargs)
                self._descriptors[rel] = parse_descriptor(data)
            except Exception as exc:
                bad = isinstance(exc, DescriptorError)
                reason = str(exc) if bad else f"cannot read permissions: {_reason(exc)}"
                raise DatasetError(f"{self.label}: {rel or '/'}: {reason}") from None
        return self._descriptors[rel]


class _Reader(io.RawIOBase):
    """An open SMB file whose read and seek failures become DatasetError."""

    def __init__(self, raw: Any, where: str) -> None:
        super().__init__()
        self._raw, self._where = raw, where

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            return int(self._raw.readinto(buffer))
        except Exception as exc:
            raise DatasetError(f"{self._where}: cannot read: {_reason(exc)}") from None

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        try:
            return int(self._raw.seek(offset, whence))
        except Exception as exc:
            raise DatasetError(f"{self._where}: cannot seek: {_reason(exc)}") from None

    def close(self) -> None:
        if not self.closed:
            with contextlib.suppress(Exception):  # a lost connection drops the handle itself
                self._raw.close()
            super().close()
