"""Rows of a spreadsheet (.xls, .ods) into a table, as the XLSX reader builds one.

Empty rows are dropped and trailing empty cells trimmed; the first row left
is the header unless it holds values (:func:`~connectors.files.readers.content.is_data_row`,
then the columns are ``column_1`` …); rows are padded to the widest one and
cut at ``limits.max_rows``; a sheet with no values is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable

from connectors.files.readers.content import (
    HEADERLESS_NOTE,
    Part,
    ReadLimits,
    Skipped,
    Table,
    is_data_row,
    rows_note,
    unique_header,
)


def sheet_table(
    suffix: str, rows: Iterable[list[str | None]], limits: ReadLimits, extra_note: str = ""
) -> Part:
    """The table of one sheet's rows (cell texts, None for empty cells)."""
    header: tuple[str, ...] | None = None
    width = 0
    kept: list[list[str | None]] = []
    more, note = False, ""
    for cells in rows:
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
        if len(kept) >= limits.max_rows:
            more = True
            break
        width = max(width, len(cells))
        kept.append(cells)
    if header is None:
        return Skipped("empty sheet", suffix)
    full = unique_header(header + ("",) * (width - len(header)))
    padded = tuple(tuple(r + [None] * (width - len(r))) for r in kept)
    notes = (note, rows_note(len(kept), limits, more), extra_note)
    return Table(suffix, full, padded, "; ".join(n for n in notes if n))
