"""Which reader reads which file, by suffix, and every failure as a one-line reason.

:func:`read_content` never raises for a bad file: an unknown suffix, a
reader's refusal (:class:`SkipFile`) or any exception a reader raises on
malformed input become a :class:`Skipped` whose reason names the format and
the exception type only, never the file's content.
"""

from __future__ import annotations

import importlib
import posixpath
from collections.abc import Callable
from typing import BinaryIO

from connectors.errors import DatasetError
from connectors.files.readers.content import FileContent, ReadLimits, SkipFile, Skipped

Reader = Callable[[str, bytes, ReadLimits], FileContent]


def _lazy(module: str, function: str) -> Reader:
    """A reader imported on first use, so a missing optional library only skips its format."""

    def read(name: str, data: bytes, limits: ReadLimits) -> FileContent:
        found = importlib.import_module(f"connectors.files.readers.{module}")
        reader: Reader = getattr(found, function)
        return reader(name, data, limits)

    return read


_csv = _lazy("csv_reader", "read_csv")
_text = _lazy("text_reader", "read_text")
_xlsx = _lazy("xlsx_reader", "read_xlsx")
_docx = _lazy("docx_reader", "read_docx")
_pdf = _lazy("pdf_reader", "read_pdf")
_zip = _lazy("zip_reader", "read_zip")
# Images and scans (OCR)
_image = _lazy("ocr.image_reader", "read_image")
# Legacy and other office formats
_xls = _lazy("office.xls_reader", "read_xls")
_doc = _lazy("office.doc_reader", "read_doc")
_ppt = _lazy("office.ppt_reader", "read_ppt")
_pptx = _lazy("office.pptx_reader", "read_pptx")
_odt = _lazy("office.odf_reader", "read_odt")
_ods = _lazy("office.odf_reader", "read_ods")
_rtf = _lazy("office.rtf_reader", "read_rtf")
# Mail (body + attachments) and other archives
_eml = _lazy("mail.eml_reader", "read_eml")
_msg = _lazy("mail.msg_reader", "read_msg")
_tar = _lazy("archives.tar_reader", "read_tar")
_7z = _lazy("archives.sevenzip_reader", "read_7z")


#: Formats read in part when a file is larger than the read budget (cut at a line end).
LINE_FORMATS: dict[str, Reader] = {
    ".csv": _csv,
    ".tsv": _csv,
    ".txt": _text,
    ".log": _text,
    ".md": _text,
    ".json": _text,
    ".ndjson": _text,
    ".jsonl": _text,
}
#: Formats that must be read whole (a ZIP container, a PDF's cross-reference table).
WHOLE_FORMATS: dict[str, Reader] = {
    ".xlsx": _xlsx,
    ".xlsm": _xlsx,
    ".docx": _docx,
    ".pdf": _pdf,
    ".zip": _zip,
    # images (OCR)
    ".jpg": _image,
    ".jpeg": _image,
    ".png": _image,
    ".tif": _image,
    ".tiff": _image,
    ".bmp": _image,
    ".gif": _image,
    ".webp": _image,
    ".heic": _image,
    ".heif": _image,
    # office
    ".xls": _xls,
    ".doc": _doc,
    ".ppt": _ppt,
    ".pptx": _pptx,
    ".odt": _odt,
    ".ods": _ods,
    ".rtf": _rtf,
    # mail and archives
    ".eml": _eml,
    ".msg": _msg,
    ".tar": _tar,
    ".tgz": _tar,
    ".tar.gz": _tar,
    ".7z": _7z,
}
READERS = {**LINE_FORMATS, **WHOLE_FORMATS}
#: Formats read from a file handle when larger than the read budget (up to the streaming one).
STREAM_FORMATS = frozenset({".xlsx", ".xlsm"})
#: Formats whose dataset names or skip verdicts depend on their content.
EXPANDED = frozenset(
    {
        ".xlsx",
        ".xlsm",
        ".zip",
        ".pdf",
        ".xls",
        ".ods",
        ".eml",
        ".msg",
        ".tar",
        ".tgz",
        ".tar.gz",
        ".7z",
    }
)


def suffix(name: str) -> str:
    """The lower-cased extension of the last path component (``""`` when none);
    ``.tar.gz`` counts as one extension."""
    base = name.rsplit("/", 1)[-1].lower()
    if base.endswith(".tar.gz") and len(base) > len(".tar.gz"):
        return ".tar.gz"
    return posixpath.splitext(base)[1]


def supported(name: str) -> bool:
    """Whether ``name``'s format has a reader."""
    return suffix(name) in READERS


def can_sample(name: str) -> bool:
    """Whether the first part of a file in ``name``'s format can be read on its own."""
    return suffix(name) in LINE_FORMATS


def can_stream(name: str) -> bool:
    """Whether a file in ``name``'s format too large to read whole can be read from a handle."""
    return suffix(name) in STREAM_FORMATS


def read_stream(name: str, handle: BinaryIO, limits: ReadLimits) -> FileContent | Skipped:
    """Like :func:`read_content`, from a seekable handle (formats of :data:`STREAM_FORMATS`)."""
    found = importlib.import_module("connectors.files.readers.xlsx_reader")  # lazy: no cycle
    return _guarded(suffix(name), lambda: found.read_xlsx_stream(name, handle, limits))


def read_content(name: str, data: bytes, limits: ReadLimits) -> FileContent | Skipped:
    """The tables or text of ``data`` (the bytes of file ``name``), or why it is skipped."""
    ext = suffix(name)
    reader = READERS.get(ext)
    if reader is None:
        return Skipped(f"unsupported format {ext}" if ext else "unsupported format (no extension)")
    return _guarded(ext, lambda: reader(name, data, limits))


def _guarded(ext: str, read: Callable[[], FileContent]) -> FileContent | Skipped:
    """``read()``, its refusal or failure turned into a one-line :class:`Skipped`."""
    try:
        return read()
    except SkipFile as exc:
        return Skipped(exc.reason)
    except DatasetError:
        raise
    except RecursionError:
        return Skipped(f"unreadable {ext[1:].upper()} file (nested too deeply)")
    except Exception as exc:  # malformed input surfaces as any exception type
        return Skipped(f"unreadable {ext[1:].upper()} file ({type(exc).__name__})")
