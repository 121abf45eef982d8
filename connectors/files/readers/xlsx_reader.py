"""Excel workbooks (XLSX, XLSM): every worksheet, hidden ones included, is a table.

Read with openpyxl in read-only mode with cached values (``data_only``), so a
formula gives the value Excel last computed and nothing is evaluated. The
first non-empty row of a sheet is its header (unless it holds values, see
:func:`~connectors.files.readers.content.is_data_row`: then the columns are
``column_1`` …); dates become ISO strings (``2016-11-24``,
``2016-11-24 18:00:00``) and whole numbers lose their ``.0``. An empty
sheet is skipped. A password-protected workbook (an OLE container, not a
ZIP) is skipped as encrypted.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time

import openpyxl

from connectors.files.readers.content import (
    HEADERLESS_NOTE,
    Part,
    ReadLimits,
    SkipFile,
    Skipped,
    Table,
    is_data_row,
    rows_note,
    unique_header,
)
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
    if data.startswith(OLE_MAGIC):
        raise SkipFile("encrypted (password-protected) workbook or legacy .xls")
    guard_archive(data, limits)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return tuple(_sheet(sheet, limits) for sheet in book.worksheets)
    finally:
        book.close()


def _sheet(sheet: object, limits: ReadLimits) -> Part:
    suffix = f"#{sheet.title}"  # type: ignore[attr-defined]
    header: tuple[str, ...] | None = None
    width = 0
    rows: list[list[str | None]] = []
    more, note = False, ""
    for values in sheet.iter_rows(values_only=True):  # type: ignore[attr-defined]
        cells = [cell_text(v) for v in values]
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            continue
        if header is None:
            headerless = is_data_row(cells)
            header, width = tuple("" if headerless else c or "" for c in cells), len(cells)
            if not headerless:
                continue
            note = HEADERLESS_NOTE
        if len(rows) >= limits.max_rows:
            more = True
            break
        width = max(width, len(cells))
        rows.append(cells)
    if header is None:
        return Skipped("empty sheet", suffix)
    full = unique_header(header + ("",) * (width - len(header)))
    padded = tuple(tuple(r + [None] * (width - len(r))) for r in rows)
    notes = "; ".join(n for n in (note, rows_note(len(rows), limits, more)) if n)
    return Table(suffix, full, padded, notes)
