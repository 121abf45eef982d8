"""Fill one worksheet the way every workbook of the reports looks: a bold, frozen, filtered
header row, guarded text, date formats and column widths fitted to Thai text.

Text cells go through :func:`reports.common.safe_cell` (formula injection) and
lose the control characters Excel rejects. Date-time cells are shown
``yyyy-mm-dd hh:mm``, dates ``yyyy-mm-dd``. A column is as wide as its widest
cell counted without Thai vowel and tone marks above and below the line
(category Mn, no width of their own), between 8 and 60 characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from reports.common import safe_cell

Cell = str | int | float | date | datetime | None

MIN_WIDTH = 8
MAX_WIDTH = 60
MOMENT_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"


def sheet_cell(value: Cell) -> Cell:
    """``value`` as a cell may hold it: text guarded and cleaned, the rest as it is."""
    if isinstance(value, str):
        return safe_cell(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def text_width(value: Cell) -> int:
    """Characters a cell shows on its widest line (Thai marks above/below take none)."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return len(MOMENT_FORMAT)
    return max(
        (
            sum(1 for ch in line if unicodedata.category(ch) != "Mn")
            for line in str(value).split("\n")
        ),
        default=0,
    )


def fill_sheet(sheet: Worksheet, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """Header (bold, frozen, filtered), rows with their formats, then column widths."""
    sheet.append(list(header))
    widths = [text_width(name) for name in header]
    for row in rows:
        cells = [sheet_cell(value) for value in row]
        sheet.append(cells)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, datetime):
                cell.number_format = MOMENT_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = DATE_FORMAT
        widths = [max(w, text_width(v)) for w, v in zip(widths, cells, strict=True)]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{sheet.max_row}"
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(max(width + 2, MIN_WIDTH), MAX_WIDTH)
