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
}
READERS = {**LINE_FORMATS, **WHOLE_FORMATS}
#: Formats whose dataset names or skip verdicts depend on their content.
EXPANDED = frozenset({".xlsx", ".xlsm", ".zip", ".pdf"})


def suffix(name: str) -> str:
    """The lower-cased extension of the last path component (``""`` when none)."""
    return posixpath.splitext(name.rsplit("/", 1)[-1])[1].lower()


def supported(name: str) -> bool:
    """Whether ``name``'s format has a reader."""
    return suffix(name) in READERS


def can_sample(name: str) -> bool:
    """Whether the first part of a file in ``name``'s format can be read on its own."""
    return suffix(name) in LINE_FORMATS


def read_content(name: str, data: bytes, limits: ReadLimits) -> FileContent | Skipped:
    """The tables or text of ``data`` (the bytes of file ``name``), or why it is skipped."""
    ext = suffix(name)
    reader = READERS.get(ext)
    if reader is None:
        return Skipped(f"unsupported format {ext}" if ext else "unsupported format (no extension)")
    try:
        return reader(name, data, limits)
    except SkipFile as exc:
        return Skipped(exc.reason)
    except DatasetError:
        raise
    except RecursionError:
        return Skipped(f"unreadable {ext[1:].upper()} file (nested too deeply)")
    except Exception as exc:  # malformed input surfaces as any exception type
        return Skipped(f"unreadable {ext[1:].upper()} file ({type(exc).__name__})")
