"""OLE2 compound files (the container of .doc, .xls and .ppt) opened with olefile, bounded.

:func:`open_stream` refuses, with a one-line reason, what is not the
expected legacy Office file: another format under the wrong extension (a
ZIP such as a DOCX named .doc, an RTF, a PDF, plain text), an OLE2 file of
another application (a workbook named .doc), an encrypted OOXML file (an
OLE2 container holding ``EncryptedPackage``) and a corrupt container. A
stream is read only when its declared size fits in the file, so a forged
size or a looping sector chain cannot make olefile read more than the file.
"""

from __future__ import annotations

import io

import olefile

from connectors.files.readers.content import SkipFile
from connectors.files.readers.office.sniff import OLE_MAGIC, not_a, ole_kind, what_is


def open_stream(data: bytes, kind: str, streams: tuple[str, ...]) -> tuple[olefile.OleFileIO, str]:
    """The open container and the first of ``streams`` it holds, or :class:`SkipFile`."""
    if not data.startswith(OLE_MAGIC):
        raise SkipFile(f"{not_a(kind)}: {what_is(data)}")
    try:  # BytesIO: olefile takes short bytes for a file name
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:  # any defect olefile treats as fatal
        raise SkipFile(f"corrupt or truncated OLE2 file ({type(exc).__name__})") from None
    if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
        ole.close()
        raise SkipFile("encrypted (password-protected) OOXML file")
    for stream in streams:
        if ole.exists(stream) and ole.get_type(stream) == olefile.STGTY_STREAM:
            return ole, stream
    found = ole_kind(ole)
    ole.close()
    raise SkipFile(f"{not_a(kind)}: {found}")


def read_stream(ole: olefile.OleFileIO, stream: str, limit: int) -> bytes:
    """The bytes of ``stream`` (empty when absent); refused when it claims more than ``limit``."""
    if not ole.exists(stream):
        return b""
    size = ole.get_size(stream)
    if size > limit:
        raise SkipFile("corrupt OLE2 file (a stream larger than the file)")
    try:
        with ole.openstream(stream) as handle:
            found: bytes = handle.read(size)
    except Exception as exc:
        raise SkipFile(f"corrupt or truncated OLE2 stream ({type(exc).__name__})") from None
    return found
