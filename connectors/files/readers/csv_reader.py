"""CSV and TSV files: encoding detection, delimiter sniffing, a unique header.

Encodings are tried in this order: UTF-8 with a BOM, UTF-16 with a BOM,
UTF-8, then TIS-620 / cp874 (Thai legacy, accepted only when the text reads as
Thai: most of its Thai letters stand next to other Thai letters), and last
latin-1, which always decodes and is noted. The delimiter of a ``.csv`` is the
one of ``,`` ``;`` ``\\t`` ``|`` that splits the first lines most consistently
(``,`` on a tie); a ``.tsv`` is tab separated. The first non-empty row is the
header, unless it holds values (see :func:`~connectors.files.readers.content.is_data_row`):
then it is the first data row and the columns are ``column_1`` …; fully empty
rows are dropped.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter

from connectors.files.readers.content import (
    HEADERLESS_NOTE,
    ReadLimits,
    Table,
    is_data_row,
    rows_note,
    unique_header,
)

DELIMITERS = (",", ";", "\t", "|")
SNIFF_LINES = 20
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_THAI_RUN = re.compile(r"[\u0e01-\u0e5b]{2,}")
#: The largest field the csv module may return: a cell is cut by the read budgets, not by csv.
FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)
csv.field_size_limit(FIELD_LIMIT)


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and a note naming a fallback encoding ("" when none was needed)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), ""
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = ""
    if text and reads_as_thai(text):
        return text, ""
    return data.decode("latin-1"), "decoded as latin-1 (encoding not recognised)"


def reads_as_thai(text: str) -> bool:
    """Whether cp874-decoded ``text`` is Thai rather than Western bytes seen as Thai."""
    letters = len(_THAI.findall(text))
    if not letters:
        return text.isascii()
    in_runs = sum(len(run) for run in _THAI_RUN.findall(text))
    return in_runs >= 0.6 * letters


def sniff_delimiter(text: str) -> str:
    """The delimiter that gives the first lines the same, largest number of fields."""
    lines = [line for line in text.splitlines()[: SNIFF_LINES * 2] if line.strip()][:SNIFF_LINES]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not counts or counts[0] < 2:
            continue
        width, agreeing = Counter(counts).most_common(1)[0]
        score = (agreeing / len(counts), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(name: str, data: bytes, limits: ReadLimits) -> tuple[Table, ...]:
    """One table: the header row and at most ``limits.max_rows`` data rows."""
    text, note = decode(data)
    delimiter = "\t" if name.lower().endswith(".tsv") else sniff_delimiter(text)
    header: tuple[str, ...] | None = None
    rows: list[tuple[str | None, ...]] = []
    more = False
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            headerless = is_data_row(row)
            header = unique_header([None] * len(row) if headerless else row)
            if not headerless:
                continue
            note = "; ".join(n for n in (note, HEADERLESS_NOTE) if n)
        if len(rows) >= limits.max_rows:
            more = True
            break
        cells = [cell if cell.strip() else None for cell in row[: len(header)]]
        rows.append(tuple(cells + [None] * (len(header) - len(cells))))
    notes = "; ".join(n for n in (note, rows_note(len(rows), limits, more)) if n)
    return (Table("", header or (), tuple(rows), notes),)
