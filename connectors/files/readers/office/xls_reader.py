"""Excel 97–2003 workbooks (.xls, BIFF): every worksheet, hidden ones included, is a table.

Read with xlrd, like :mod:`~connectors.files.readers.xlsx_reader` reads
XLSX: the first non-empty row of a sheet is its header unless it holds
values (see :func:`~connectors.files.readers.content.is_data_row`); date
cells become ISO strings through the workbook's date mode (1900 or 1904);
whole numbers lose their ``.0``; an empty sheet is skipped. Formulas give
the value Excel last saved. Rows are kept ragged, so a stray cell far to the
right does not pad every row. A password-protected workbook (a FILEPASS
record), an encrypted XLSX, and a file that is not a BIFF workbook (a ZIP,
a Word document, text) are skipped with a one-line reason; xlrd's own
messages, which may quote the file's bytes, are never passed on.
"""

from __future__ import annotations

import io

import xlrd
from xlrd.biffh import XLRDError

from connectors.files.readers.content import Part, ReadLimits, SkipFile, Skipped
from connectors.files.readers.office.ole import open_stream
from connectors.files.readers.office.sheet_rows import sheet_table
from connectors.files.readers.office.sniff import OLE_MAGIC, error_name, not_a, what_is
from connectors.files.readers.xlsx_reader import cell_text

KIND = "Excel 97-2003 workbook"
#: The BOF record of a BIFF2, BIFF3 or BIFF4 workbook written without an OLE container.
_RAW_BIFF = (b"\x09\x00", b"\x09\x02", b"\x09\x04")


def _value(cell: xlrd.sheet.Cell, datemode: int) -> str | None:
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return cell_text(xlrd.xldate.xldate_as_datetime(value, datemode))
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell_text(value)  # a date format on a number that is no date
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        error: str | None = xlrd.error_text_from_code.get(value)
        return error
    return cell_text(value)


def _open(data: bytes) -> xlrd.book.Book:
    if data.startswith(OLE_MAGIC):
        ole, _stream = open_stream(data, KIND, ("Workbook", "Book"))
        ole.close()
    elif not data.startswith(_RAW_BIFF):
        raise SkipFile(f"{not_a(KIND)}: {what_is(data)}")
    try:
        return xlrd.open_workbook(
            file_contents=data,
            logfile=io.StringIO(),  # warnings may quote cell text: kept, never shown
            on_demand=True,
            ragged_rows=True,
        )
    except XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise SkipFile("encrypted (password-protected) workbook") from None
        raise SkipFile(f"corrupt or unsupported {KIND} (XLRDError)") from None
    except Exception as exc:  # xlrd meets malformed records with any exception type
        raise SkipFile(f"corrupt or truncated {KIND} ({error_name(exc)})") from None


def read_xls(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """One table per worksheet, suffixed ``#SheetName``."""
    book = _open(data)
    try:
        parts: list[Part] = []
        for index, title in enumerate(book.sheet_names()):
            try:
                sheet = book.sheet_by_index(index)
            except Exception as exc:  # a malformed sheet: the others are still read
                parts.append(Skipped(f"corrupt sheet ({error_name(exc)})", f"#{title}"))
                continue
            rows = ([_value(c, book.datemode) for c in sheet.row(r)] for r in range(sheet.nrows))
            parts.append(sheet_table(f"#{title}", rows, limits))
            book.unload_sheet(index)
        return tuple(parts)
    finally:
        book.release_resources()
