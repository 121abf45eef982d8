"""What saved e-mail (.eml) and Outlook messages (.msg) share: their lines and attachment names.

A message is one :class:`Text` (suffix ``""`` at the top, ``/fwd.eml`` for a
message attached to it) whose lines are ``From: …``, ``To: …``, ``Cc: …``,
``Subject: …`` and ``Date: …`` (those present, whitespace collapsed), then the
body's non-empty lines, at most ``max_rows``. Text is decoded by its declared
charset; one that is unknown or does not fit the bytes is replaced by a guess
(UTF-8, else TIS-620 / cp874 when it reads as Thai, else latin-1), and noted.
``windows-874`` and ``x-windows-874``, the labels Thai Windows mailers write,
are registered as names of Python's cp874 codec, so the stdlib ``email``
package decodes them too.

Attachments are members named after their file name, made safe (no ``/`` or
``\\``, no control characters, no drive letter, never ``.`` or ``..``, at most 200 characters,
the extension kept), numbered ``name (2).ext`` when repeated; one without a
name is ``attachment-N.<ext>``, its extension from its content type.
"""

from __future__ import annotations

import codecs
import mimetypes
import re
from collections.abc import Iterable, Sequence

from connectors.files.readers import registry
from connectors.files.readers.content import ReadLimits, Text, rows_note
from connectors.files.readers.csv_reader import decode

HEADERS = ("From", "To", "Cc", "Subject", "Date")
MAX_NAME = 200
GUESSED_NOTE = "text not in its declared charset: decoded by a guess"
_THAI_WINDOWS = frozenset({"windows_874", "x_windows_874", "ms874", "windows874"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^([A-Za-z]):")
_BUILTIN_TYPES = mimetypes.MimeTypes()  # the stdlib's own table, not the host's mime.types
_EXTENSIONS = {
    "application/gzip": ".gz",
    "application/json": ".json",
    "application/msword": ".doc",
    "application/pdf": ".pdf",
    "application/rtf": ".rtf",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.ms-outlook": ".msg",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/x-7z-compressed": ".7z",
    "application/x-tar": ".tar",
    "application/zip": ".zip",
    "image/heic": ".heic",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "message/rfc822": ".eml",
    "text/csv": ".csv",
    "text/plain": ".txt",
}


def _thai_windows(name: str) -> codecs.CodecInfo | None:
    return codecs.lookup("cp874") if name in _THAI_WINDOWS else None


codecs.register(_thai_windows)


def codec(charset: str | None) -> str | None:
    """Python's codec for a declared charset, or None when unknown."""
    if not charset or not charset.strip():
        return None
    try:
        return codecs.lookup(charset.strip()).name
    except (LookupError, ValueError):
        return None


def decode_text(data: bytes, charset: str | None) -> tuple[str, str]:
    """``data`` as text by its declared ``charset``, else by a guess; and a note ("" when the
    charset fitted, or none was declared and UTF-8 or Thai fitted)."""
    found = codec(charset)
    if found:
        try:
            return data.decode(found), ""
        except UnicodeDecodeError:
            pass
    text, note = decode(data)
    return text, (GUESSED_NOTE if charset else note)


def text_lines(text: str) -> list[str]:
    """The non-empty lines of ``text``, trimmed."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def message_text(
    headers: Sequence[tuple[str, str]],
    body: Iterable[str],
    suffix: str,
    limits: ReadLimits,
    notes: Sequence[str] = (),
) -> Text:
    """The lines of a message: its headers as ``Name: value``, then its body."""
    lines = [f"{name}: {flat}" for name, value in headers if (flat := " ".join(value.split()))]
    for line in body:
        lines.append(line)
        if len(lines) > limits.max_rows:
            break
    more = len(lines) > limits.max_rows
    kept = tuple(lines[: limits.max_rows])
    note = "; ".join(dict.fromkeys(n for n in (*notes, rows_note(len(kept), limits, more)) if n))
    return Text(kept, suffix, note)


def extension(content_type: str) -> str:
    """The file extension of a MIME content type (``.bin`` when unknown)."""
    known = _EXTENSIONS.get(content_type.lower())
    return known or _BUILTIN_TYPES.guess_extension(content_type.lower(), strict=False) or ".bin"


def safe_name(name: str | None) -> str:
    """``name`` as one safe path component ("" when nothing is left of it)."""
    if not name:
        return ""
    flat = _CONTROL.sub("", name).replace("/", "_").replace("\\", "_").strip()
    flat = _DRIVE.sub(r"\1_", flat)  # "C:x" would read as a Windows drive
    if flat in (".", ".."):
        return "_"
    if len(flat) > MAX_NAME:
        ext = registry.suffix(flat)
        ext = ext if len(ext) <= 16 else ""
        flat = flat[: MAX_NAME - len(ext)] + ext
    return flat


class AttachmentNames:
    """Safe and unique member names for the attachments of one message."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.count = 0

    def name(self, filename: str | None, content_type: str, required: str = "") -> str:
        """The member name of the next attachment; ``required`` is an extension it must
        end with (an attached message is ``.eml`` or ``.msg`` whatever its name)."""
        self.count += 1
        base = safe_name(filename) or f"attachment-{self.count}{extension(content_type)}"
        if required and registry.suffix(base) != required:
            base += required
        cut = len(base) - len(registry.suffix(base))
        name, number = base, 1
        while name in self.used:
            number += 1
            name = f"{base[:cut]} ({number}){base[cut:]}"
        self.used.add(name)
        return name
