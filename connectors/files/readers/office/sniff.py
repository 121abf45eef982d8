"""What a file really is, for the one-line reason given when its extension lies.

A ``.doc`` may be a workbook, a DOCX, an RTF or text; ``.xlsx`` may be an
encrypted workbook (an OLE2 container). :func:`what_is` names the format
from the first bytes, an OLE2 container's streams or a ZIP's member names,
and never quotes the file's content.
"""

from __future__ import annotations

import io
import logging
import zipfile
import zlib

import olefile

logging.getLogger("olefile").setLevel(logging.CRITICAL)  # defect chatter is not ours

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Streams that tell which application wrote an OLE2 container.
OLE_MARKERS = (
    ("EncryptedPackage", "an encrypted (password-protected) OOXML file"),
    ("WordDocument", "a Word 97-2003 document"),
    ("Workbook", "an Excel 97-2003 workbook"),
    ("Book", "an Excel 97-2003 workbook"),
    ("PowerPoint Document", "a PowerPoint 97-2003 presentation"),
    ("__properties_version1.0", "an Outlook message"),
)
#: Member names that tell which application wrote a ZIP container.
ZIP_MARKERS = (
    ("word/document.xml", "a Word document (DOCX)"),
    ("xl/workbook.xml", "an Excel workbook (XLSX)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX)"),
    ("mimetype", "an OpenDocument file"),
)
#: What a damaged ZIP member raises when read (CRC, inflate, truncation, unknown method).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, UnicodeDecodeError)
_SIGNATURES = (
    (b"{\\rtf", "an RTF document"),
    (b"%PDF", "a PDF document"),
)


def ole_kind(ole: olefile.OleFileIO) -> str:
    """Which application wrote an open OLE2 container."""
    return next((d for marker, d in OLE_MARKERS if ole.exists(marker)), "another OLE2 file")


def zip_kind(names: list[str]) -> str:
    """Which application wrote a ZIP container with these member names."""
    found = set(names)
    return next((d for marker, d in ZIP_MARKERS if marker in found), "a ZIP archive")


def what_is(data: bytes) -> str:
    """A short description of ``data``'s format (never its content)."""
    if data.startswith(OLE_MAGIC):
        try:
            with olefile.OleFileIO(io.BytesIO(data)) as ole:
                return ole_kind(ole)
        except Exception:  # any defect olefile treats as fatal
            return "a corrupt OLE2 file"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return zip_kind(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "a corrupt ZIP archive"
    for signature, description in _SIGNATURES:
        if data.startswith(signature):
            return description
    if not data:
        return "an empty file"
    sample = data[:4096]
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 3:  # not merely a character cut at the sample's end
            return "unrecognised binary data"
    if sample.lstrip().startswith(b"<"):
        return "an HTML or XML document"
    return "plain text"


def error_name(exc: BaseException) -> str:
    """The exception's type name, ``zlib.error`` rather than a bare ``error``."""
    name = type(exc).__name__
    return f"{type(exc).__module__}.{name}" if name == "error" else name


def not_a(kind: str) -> str:
    """``"not a Word … document"``, ``"not an Excel … workbook"``."""
    return f"not {'an' if kind[:1] in 'AEIOU' else 'a'} {kind}"
