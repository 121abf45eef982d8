"""Excel workbooks (XLSX, XLSM): every worksheet, hidden ones included, is a table.

Read with openpyxl in read-only mode with cached values (``data_only``), so a
formula gives the value Excel last computed and nothing is evaluated. The
first non-empty row of a sheet is its header (unless it holds values, see
:func:`~connectors.files.readers.content.is_data_row`: then the columns are
``column_1`` …); dates become ISO strings (``2016-11-24``,
``2016-11-24 18:00:00``) and whole numbers lose their ``.0``. An empty
sheet is skipped. :func:`read_xlsx_stream` reads from a file handle instead of
bytes (the connector streams a workbook above the read budget, up to its
streaming budget). A password-protected workbook (an OLE container, not a
ZIP) is skipped as encrypted.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import BinaryIO

import openpyxl

from connectors.files.readers.content import (
    Part,
    ReadLimits,
    SkipFile,
)
from connectors.files.readers.office.sheet_rows import sheet_table
from connectors.files.readers.zip_reader import guard_archive

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def cell_text(value: object) -> str | None:
    """A cell value as text; None for an empty cell."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = str(value)
    return text if text.strip() else None


def read_xlsx(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """One table per worksheet, suffixed ``#SheetName``."""
    return read_xlsx_stream(name, io.BytesIO(data), limits)


def read_xlsx_stream(name: str, handle: BinaryIO, limits: ReadLimits) -> tuple[Part, ...]:
    """Like :func:`read_xlsx`, from a seekable handle: a workbook larger than the read
    budget is read sheet by sheet, row by row, never held whole in memory."""
    if handle.read(len(OLE_MAGIC)) == OLE_MAGIC:
        raise SkipFile("encrypted (password-protected) workbook or legacy .xls")
    handle.seek(0)
    guard_archive(handle, limits)
    handle.seek(0)
    book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    try:
        return tuple(_sheet(sheet, limits) for sheet in book.worksheets)
    finally:
        book.close()


def _sheet(sheet: object, limits: ReadLimits) -> Part:
    suffix = f"#{sheet.title}"  # type: ignore[attr-defined]
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    return sheet_table(suffix, ([cell_text(v) for v in values] for values in rows), limits)
