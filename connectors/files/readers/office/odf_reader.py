"""OpenDocument text (.odt) as lines and spreadsheets (.ods) as one table per sheet.

Both are streamed (:mod:`~connectors.files.readers.office.odf_xml`).

* .odt: every paragraph and heading of the body is a line: list items,
  table cells, text boxes, footnotes and comments included (a paragraph
  holding a line break gives two lines). Headers and footers (kept in
  ``styles.xml``) are not read.
* .ods: every sheet, hidden ones included, is a table built like an XLSX
  sheet's (:mod:`~connectors.files.readers.office.sheet_rows`): header
  detection, empty sheets skipped. A number is its ``office:value`` (whole
  numbers without ``.0``), a date its ``office:date-value`` in ISO form, a
  boolean TRUE/FALSE, anything else the cell's text; a cell comment is not
  part of the value. ``table:number-columns-repeated`` and
  ``table:number-rows-repeated`` are honoured without expanding the empty
  runs LibreOffice writes to the sheet's edge (16384 columns, a million
  rows): empty cells are counted, and only filled in before a later value;
  empty rows are dropped. Repeats of values are expanded up to
  :data:`MAX_COLUMNS` columns and :data:`MAX_CELLS` cells per file, and a
  sheet cut there says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from connectors.files.readers.content import Part, ReadLimits, Skipped, Text
from connectors.files.readers.office.lines import Lines
from connectors.files.readers.office.odf_xml import (
    OFFICE,
    TABLE,
    OdfText,
    Stop,
    read_content_xml,
)
from connectors.files.readers.office.sheet_rows import sheet_table
from connectors.files.readers.xlsx_reader import cell_text

MAX_COLUMNS = 16384
MAX_CELLS = 4_000_000
_SHEET = f"{TABLE} table"
_ROW = f"{TABLE} table-row"
_CELLS = frozenset({f"{TABLE} table-cell", f"{TABLE} covered-table-cell"})
_ANNOTATION = f"{OFFICE} annotation"
_NUMBERS = frozenset({"float", "percentage", "currency"})
_ROWS_REPEATED = f"{TABLE} number-rows-repeated"
_COLUMNS_REPEATED = f"{TABLE} number-columns-repeated"
_VALUE_TYPE, _VALUE = f"{OFFICE} value-type", f"{OFFICE} value"
_DATE_VALUE, _BOOLEAN_VALUE = f"{OFFICE} date-value", f"{OFFICE} boolean-value"


def _count(attrs: dict[str, str], key: str) -> int:
    value = attrs.get(key)
    if value is None:
        return 1
    value = value.strip()
    if not value.isdigit():
        return 1
    return max(1, int(value)) if len(value) < 10 else 10**9


def cell_value(attrs: dict[str, str], paragraphs: list[str]) -> str | None:
    """A cell's value as text; None for an empty cell."""
    kind = attrs.get(_VALUE_TYPE, "")
    raw = ""
    if kind in _NUMBERS:
        raw = attrs.get(_VALUE, "")
        try:
            return cell_text(float(raw)) if raw else None
        except ValueError:
            return raw
    if kind == "date" and (raw := attrs.get(_DATE_VALUE, "")):
        try:
            return cell_text(datetime.fromisoformat(raw))
        except ValueError:
            return raw
    if kind == "boolean" and (raw := attrs.get(_BOOLEAN_VALUE, "")):
        return "TRUE" if raw.strip().lower() == "true" else "FALSE"
    text = "\n".join(paragraphs)
    return text if text.strip() else None


class _Document(OdfText):
    def __init__(self, limits: ReadLimits) -> None:
        super().__init__()
        self.lines = Lines(limits)

    def paragraph(self, text: str) -> None:
        self.lines.add(text)
        if self.lines.full:
            raise Stop


def read_odt(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The document's non-empty lines, at most ``limits.max_rows``."""
    document = _Document(limits)
    cut = read_content_xml(data, limits, "text", document)
    return document.lines.finish(f"cut after {limits.max_zip_total} bytes of XML" if cut else "")


@dataclass
class _Sheet:
    name: str
    rows: list[list[str | None]] = field(default_factory=list)
    width: int = 0
    cut: str = ""


class _Workbook(OdfText):
    def __init__(self, limits: ReadLimits) -> None:
        super().__init__()
        self.limits = limits
        self.sheets: list[_Sheet] = []
        self.depth = 0  # of table:table elements (a table in a cell's text box is not a sheet)
        self.cells_left = MAX_CELLS
        self.row: list[str | None] = []
        self.empty = 0  # empty cells seen since the row's last value
        self.repeat = 1
        self.cell: dict[str, str] | None = None
        self.texts: list[str] = []
        self.comments = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        super().start(name, attrs)
        if name == _SHEET:
            self.depth += 1
            if self.depth == 1:
                fallback = f"Sheet{len(self.sheets) + 1}"
                self.sheets.append(_Sheet(attrs.get(f"{TABLE} name") or fallback))
        elif self.depth != 1:
            return
        elif name == _ROW:
            self.row, self.empty, self.repeat = [], 0, _count(attrs, _ROWS_REPEATED)
        elif name in _CELLS:
            self.cell, self.texts = attrs, []
        elif name == _ANNOTATION:
            self.comments += 1

    def end(self, name: str) -> None:
        super().end(name)
        if name == _SHEET:
            self.depth -= 1
            if self.depth == 0:
                self.close_sheet()
        elif self.depth != 1:
            return
        elif name in _CELLS and self.cell is not None:
            self.add_cell(cell_value(self.cell, self.texts), _count(self.cell, _COLUMNS_REPEATED))
            self.cell = None
        elif name == _ROW:
            self.add_row()
        elif name == _ANNOTATION:
            self.comments -= 1

    def paragraph(self, text: str) -> None:
        if self.cell is not None and not self.comments:
            self.texts.append(text)

    def add_cell(self, value: str | None, repeat: int) -> None:
        if value is None:
            self.empty = min(self.empty + repeat, MAX_COLUMNS)
            return
        room = MAX_COLUMNS - len(self.row) - self.empty
        if room < repeat:
            self.sheets[-1].cut = f"columns beyond {MAX_COLUMNS} cut"
        if room > 0:
            self.row.extend([None] * self.empty)
            self.row.extend([value] * min(repeat, room))
            self.empty = 0

    def add_row(self) -> None:
        sheet = self.sheets[-1]
        room = self.limits.max_rows + 2 - len(sheet.rows)  # a header and one more than kept
        if not self.row or room <= 0:
            return
        width = max(sheet.width, len(self.row))
        fits = self.cells_left // width - len(sheet.rows)
        if fits < min(self.repeat, room):
            sheet.cut = f"cell limit reached ({MAX_CELLS} cells per file), rows cut"
        take = min(self.repeat, room, max(fits, 0))
        sheet.rows.extend([self.row] * take)  # a repeated row is one list, shared
        sheet.width = width if take else sheet.width

    def close_sheet(self) -> None:
        sheet = self.sheets[-1]
        self.cells_left -= sheet.width * len(sheet.rows)


def read_ods(name: str, data: bytes, limits: ReadLimits) -> tuple[Part, ...]:
    """One table per sheet, suffixed ``#SheetName``."""
    book = _Workbook(limits)
    cut = read_content_xml(data, limits, "spreadsheet", book)
    if cut and book.sheets:
        book.sheets[-1].cut = f"cut after {limits.max_zip_total} bytes of XML"
    if not book.sheets:
        return (Skipped("no sheets"),)
    return tuple(
        Skipped(f"not read: {s.cut}", f"#{s.name}")
        if s.cut and not s.rows
        else sheet_table(f"#{s.name}", s.rows, limits, s.cut)
        for s in book.sheets
    )
