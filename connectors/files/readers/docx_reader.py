"""Word documents (DOCX): body paragraphs and table cells, in document order, as lines.

Each non-empty paragraph is a line; each table cell (a merged cell once) gives
its lines, nested tables included. Headers, footers, footnotes, comments and
text boxes are not read.
"""

from __future__ import annotations

import io

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from connectors.files.readers.content import ReadLimits, Text, rows_note
from connectors.files.readers.zip_reader import guard_archive


def _table_lines(table: DocxTable, lines: list[str], limit: int) -> None:
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every grid slot it spans
                continue
            seen.add(id(cell._tc))
            for block in cell.iter_inner_content():
                _block_lines(block, lines, limit)
            if len(lines) > limit:
                return


def _block_lines(block: Paragraph | DocxTable, lines: list[str], limit: int) -> None:
    if isinstance(block, Paragraph):
        lines.extend(line for line in block.text.splitlines() if line.strip())
    else:
        _table_lines(block, lines, limit)


def read_docx(name: str, data: bytes, limits: ReadLimits) -> Text:
    """The document's non-empty lines, at most ``limits.max_rows``."""
    guard_archive(data, limits)
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for block in document.iter_inner_content():
        _block_lines(block, lines, limits.max_rows)
        if len(lines) > limits.max_rows:
            break
    kept = tuple(lines[: limits.max_rows])
    return Text(kept, "", rows_note(len(kept), limits, len(lines) > limits.max_rows))
