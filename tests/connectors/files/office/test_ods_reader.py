"""OpenDocument spreadsheets (.ods): a table per sheet; repeats honoured, never blown up."""

from __future__ import annotations

import pytest

from connectors.files.readers.content import (
    HEADERLESS_NOTE,
    ReadLimits,
    Skipped,
    Table,
    unique_header,
)
from connectors.files.readers.office.odf_reader import MAX_CELLS, MAX_COLUMNS
from connectors.files.readers.registry import read_content
from tests.connectors.files.office.samples import (
    HEADERLESS_ROWS,
    STAFF_HEADER,
    STAFF_ROWS,
    fixture,
    odf,
)

LIMITS = ReadLimits()
EDGE = 1_048_576  # LibreOffice's last row; 16384 is its last column


def test_every_sheet_and_libreoffice_edge_runs() -> None:
    content = read_content("book.ods", fixture("book.ods"), LIMITS)
    assert content == (
        Table("#พนักงาน", STAFF_HEADER, STAFF_ROWS),
        Table("#Hidden", ("team", "head count"), (("HR", "2"),)),
        Skipped("empty sheet", "#Empty"),
        Table("#ไม่มีหัว", ("column_1", "column_2"), HEADERLESS_ROWS, HEADERLESS_NOTE),
    )


def cell(shown: str = "", repeat: int | str = 1, **attrs: str) -> str:
    """A cell showing ``shown``, with ``office:`` attributes (``value_type`` → value-type)."""
    extra = "".join(f' office:{k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat != 1 else ""
    text = f"<text:p>{shown}</text:p>" if shown else ""
    return f"<table:table-cell{repeated}{extra}>{text}</table:table-cell>"


def row(*cells: str, repeat: int | str = 1) -> str:
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat != 1 else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


def sheet(*rows: str, name: str = "S") -> bytes:
    body = f'<table:table table:name="{name}">{"".join(rows)}</table:table>'
    return odf("spreadsheet", body)


def read(data: bytes, limits: ReadLimits = LIMITS) -> Table | Skipped:
    content = read_content("x.ods", data, limits)
    assert isinstance(content, tuple) and len(content) == 1, content
    found = content[0]
    assert isinstance(found, Table | Skipped)
    return found


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (  # the trap: empty runs to the edge of the sheet are counted, never built
            sheet(
                row(cell("id"), cell(repeat=MAX_COLUMNS - 1)),
                row(cell("1"), cell(repeat=MAX_COLUMNS - 1)),
                row(cell(repeat=MAX_COLUMNS), repeat=EDGE - 3),
                row(cell(repeat=MAX_COLUMNS)),
            ),
            Table("#S", ("id",), (("1",),)),
        ),
        (  # a gap of empty cells before a value is filled in
            sheet(
                row(cell("a"), cell(repeat=2), cell("d")), row(cell("1"), cell(repeat=3), cell("4"))
            ),
            Table(
                "#S",
                ("a", "column_2", "column_3", "d", "column_5"),
                (("1", None, None, None, "4"),),
            ),
        ),
        (  # a repeated value and a repeated row are expanded
            sheet(row(cell("h"), cell("k")), row(cell("x", 2), repeat=3)),
            Table("#S", ("h", "k"), (("x", "x"),) * 3),
        ),
        (  # number, date, time of day, boolean, percentage, currency, string
            sheet(
                row(*(cell(c) for c in "abcdefg")),
                row(
                    cell("3.1e12", value_type="float", value="3100501234563"),
                    cell("1/3/85", value_type="date", date_value="1985-03-01"),
                    cell("9:30", value_type="date", date_value="2019-01-02T09:30:00.000"),
                    cell("TRUE", value_type="boolean", boolean_value="true"),
                    cell("15%", value_type="percentage", value="0.15"),
                    cell("฿25,000.00", value_type="currency", value="25000"),
                    cell("081-234-5678", value_type="string"),
                ),
            ),
            Table(
                "#S",
                tuple("abcdefg"),
                (
                    (
                        "3100501234563",
                        "1985-03-01",
                        "2019-01-02 09:30:00",
                        "TRUE",
                        "0.15",
                        "25000",
                        "081-234-5678",
                    ),
                ),
            ),
        ),
        (  # a comment is not the cell's value; a cell of two paragraphs keeps both
            sheet(
                row(cell("name")),
                row(
                    "<table:table-cell><office:annotation><dc:creator>A</dc:creator>"
                    "<text:p>note</text:p></office:annotation><text:p>สมชาย</text:p>"
                    "<text:p>ใจดี</text:p></table:table-cell>"
                ),
            ),
            Table("#S", ("name",), (("สมชาย\nใจดี",),)),
        ),
        (sheet(row(cell(repeat=5), repeat=10)), Skipped("empty sheet", "#S")),
        (  # a value repeated past the last column
            sheet(row(cell("h")), row(cell("v", EDGE))),
            Table(
                "#S",
                ("h", *(f"column_{i}" for i in range(2, MAX_COLUMNS + 1))),
                (("v",) * MAX_COLUMNS,),
                f"columns beyond {MAX_COLUMNS} cut",
            ),
        ),
        (  # hostile counts
            sheet(row(cell("h")), row(cell("v", repeat="-3")), row(cell("w"), repeat=10**40)),
            Table("#S", ("h",), (("v",), ("w",), ("w",)), "first 3 rows kept (limit 3)"),
        ),
    ],
    ids=["edge-runs", "gap", "repeats", "types", "comment", "empty", "wide", "hostile-counts"],
)
def test_cells_rows_and_repeats(data: bytes, expected: Table | Skipped) -> None:
    assert read(data, ReadLimits(max_rows=3)) == expected


def test_repeated_rows_stop_at_the_row_limit() -> None:
    data = sheet(row(cell("h")), row(cell("x"), repeat=EDGE))
    assert read(data, ReadLimits(max_rows=5)) == Table(
        "#S", ("h",), (("x",),) * 5, "first 5 rows kept (limit 5)"
    )


def test_repeated_wide_rows_stop_at_the_cell_limit() -> None:
    found = read(sheet(row(cell("v", MAX_COLUMNS), repeat=EDGE)))
    assert isinstance(found, Table)
    assert len(found.header) == MAX_COLUMNS
    assert len(found.rows) == MAX_CELLS // MAX_COLUMNS - 1  # the first row is the header
    assert found.note == f"cell limit reached ({MAX_CELLS} cells per file), rows cut"


def test_sheets_of_one_file_share_the_cell_limit() -> None:
    wide = row(cell("v", MAX_COLUMNS), repeat=EDGE)
    body = "".join(f'<table:table table:name="{name}">{wide}</table:table>' for name in ("A", "B"))
    first, second = read_content("x.ods", odf("spreadsheet", body), LIMITS)
    assert isinstance(first, Table) and len(first.rows) == MAX_CELLS // MAX_COLUMNS - 1
    reason = f"not read: cell limit reached ({MAX_CELLS} cells per file), rows cut"
    assert second == Skipped(reason, "#B")


@pytest.mark.parametrize(
    ("names", "header"),
    [
        (["v", "v", "v", "v", "v"], ("v", "v_2", "v_3", "v_4", "v_5")),
        (["a", "a_2", "a", "a", ""], ("a", "a_2", "a_3", "a_4", "column_5")),
        (
            ["", "column_1", "", " x ", "x", "x_2"],
            ("column_1", "column_1_2", "column_3", "x", "x_2", "x_2_2"),
        ),
        (["b_2", "b", "b", "b_3", "b"], ("b_2", "b", "b_3", "b_3_2", "b_4")),
        (["column_2", "", "column_2"], ("column_2", "column_2_2", "column_2_3")),
    ],
)
def test_header_names_unique_as_for_xlsx(names: list[str], header: tuple[str, ...]) -> None:
    assert unique_header(names) == header


def test_header_of_one_repeated_cell_is_made_unique_in_linear_time() -> None:
    found = unique_header(["v"] * MAX_COLUMNS)  # quadratic: 134 million set look-ups
    assert found[:3] == ("v", "v_2", "v_3") and len(set(found)) == MAX_COLUMNS


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (fixture("encrypted.ods"), "encrypted (password-protected) document"),
        (fixture("letter.odt"), "not an OpenDocument spreadsheet: an OpenDocument text document"),
        (fixture("book.xls"), "not an OpenDocument spreadsheet: an Excel 97-2003 workbook"),
        (b"a,b\n1,2\n", "not an OpenDocument spreadsheet: plain text"),
        (odf("spreadsheet", ""), "no sheets"),
    ],
    ids=["encrypted", "odt", "xls", "csv", "no-sheets"],
)
def test_encrypted_and_other_formats_are_refused(data: bytes, reason: str) -> None:
    content = read_content("x.ods", data, LIMITS)
    assert content in (Skipped(reason), (Skipped(reason),))
