"""Write a disclosure extract (SPEC §10) as CSV or XLSX, streaming: one row in memory at a time.

CSV is UTF-8 with a byte-order mark, so Excel opens Thai text correctly.
XLSX is written in openpyxl's write-only mode (rows go to disk as they come)
and holds at most :data:`XLSX_MAX_ROWS` data rows. In both, a text cell a
spreadsheet would run as a formula (``=``, ``@``, or ``+``/``-`` followed by
more than a number or a phone number) is prefixed with ``'``; numbers, dates
and phone numbers are written as they are.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from connectors.errors import ConfigError

#: Data rows an XLSX sheet holds below its header row.
XLSX_MAX_ROWS = 1_048_575
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_OR_PHONE = re.compile(r"[+-]?[0-9][0-9 ().\-]*")


def text_cell(value: object) -> str:
    """A cell as extract text: '' for None, ISO dates, the rest as ``str``, formulas guarded."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = value.hex() if isinstance(value, bytes) else str(value)
    return guarded(text)


def guarded(text: str) -> str:
    """``text``, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    if text.startswith(_FORMULA_START) and not _NUMBER_OR_PHONE.fullmatch(text):
        return "'" + text
    return text


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``rows`` under ``header`` to ``path``; the number of data rows written."""
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([guarded(name) for name in header])
        for row in rows:
            writer.writerow([text_cell(cell) for cell in row])
            count += 1
    return count


def _xlsx_value(value: object) -> object:
    if isinstance(value, bool | int | float | Decimal) and not isinstance(value, bool):
        return value
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is not None else value
    if isinstance(value, date):
        return value
    return text_cell(value)


def write_xlsx(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write ``rows`` under ``header`` to one sheet of ``path``; the number of data rows.

    ConfigError when there are more rows than a sheet holds (nothing is left at ``path``).
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("extract")
    sheet.append([guarded(name) for name in header])
    count = 0
    for row in rows:
        if count >= XLSX_MAX_ROWS:
            raise ConfigError(
                f"the extract has more than {XLSX_MAX_ROWS:,} rows, more than an XLSX sheet "
                'holds: ask format = "csv"'
            )
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            cells.append(cell)
        sheet.append(cells)
        count += 1
    workbook.save(path)
    return count
