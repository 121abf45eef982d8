"""What a disclosure extract asks a file share: every row of chosen columns, and their groups.

The files connector answers the database connector's questions on a CSV, an
XLSX sheet and a text document written here, with Thai text and empty
cells: the row count; every row's trimmed cells of the columns asked, in
file order, an empty cell None; the groups of ``group_counts`` exactly those
of the streamed rows (None a group); an unknown column a DatasetError naming
it and no value. A file a read budget cut (read in part, rows beyond the row
limit) gives no count, rows or groups: an extract of it would miss rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest

from connectors.base import RowStreamer
from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from connectors.files.readers.content import ReadLimits

HEADER = ("ชื่อ", "เพศ", "วันเกิด", "จังหวัด")
#: Rows as written: an empty cell, a cell of spaces, padded cells.
WRITTEN = [
    ("สมชาย ใจดี", "M", "1985-03-01", "กรุงเทพมหานคร"),
    ("สมหญิง รักไทย", "F", "", "เชียงใหม่"),
    ("", "F", "1990-12-31", " เชียงใหม่ "),
    ("น้ำผึ้ง เดือนห้า", "   ", "2001-01-09", "ภูเก็ต"),
    (" กฤษณ์ ศรีสุข ", "M", "1985-03-01", ""),
    ("สมชาย ใจดี", "M", "1985-03-01", "กรุงเทพมหานคร"),
]
#: The same rows as the connector gives them: trimmed, empty cells None.
READ = [tuple((cell.strip() or None) for cell in row) for row in WRITTEN]
LINES = ["บันทึกการประชุม", "", "  ผู้เข้าร่วม: สมชาย ใจดี  ", "ผู้เข้าร่วม: สมชาย ใจดี"]


def write_xlsx(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "ผู้โดยสาร"
    sheet.append(HEADER)
    for row in WRITTEN:
        sheet.append([cell or None for cell in row])
    book.save(path)


@pytest.fixture
def share(tmp_path: Path) -> Iterator[FilesConnector]:
    lines = [",".join(HEADER), *(",".join(row) for row in WRITTEN)]
    (tmp_path / "passengers.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_xlsx(tmp_path / "book.xlsx")
    (tmp_path / "minutes.txt").write_text("\n".join(LINES) + "\n", encoding="utf-8")
    connector = FilesConnector("share", tmp_path)
    connector.open()
    yield connector
    connector.close()


DATASETS = ("passengers.csv", "book.xlsx#ผู้โดยสาร")


def test_files_offer_row_streaming(share: FilesConnector) -> None:
    assert isinstance(share, RowStreamer)
    assert set(share.list_datasets()) == {*DATASETS, "minutes.txt"}


@pytest.mark.parametrize("name", DATASETS)
def test_count_and_stream_a_table(share: FilesConnector, name: str) -> None:
    assert share.count_rows(name) == len(WRITTEN)
    rows = share.stream_rows(name, ["จังหวัด", "ชื่อ", "วันเกิด"])
    assert not isinstance(rows, list | tuple)
    assert list(rows) == [(row[3], row[0], row[2]) for row in READ]
    assert list(share.stream_rows(name, ["เพศ"])) == [(row[1],) for row in READ]


@pytest.mark.parametrize("name", DATASETS)
def test_group_counts_of_a_table(share: FilesConnector, name: str) -> None:
    for columns in (["เพศ"], ["จังหวัด", "เพศ"], ["ชื่อ", "วันเกิด"]):
        groups = list(share.group_counts(name, columns))
        assert dict(groups) == Counter(share.stream_rows(name, columns))
    assert dict(share.group_counts(name, ["เพศ"])) == {("M",): 3, ("F",): 2, (None,): 1}
    provinces = dict(share.group_counts(name, ["จังหวัด"]))
    assert provinces[("เชียงใหม่",)] == 2 and provinces[(None,)] == 1


def test_a_document_is_its_content_lines(share: FilesConnector) -> None:
    assert share.count_rows("minutes.txt") == 3
    kept = [("บันทึกการประชุม",), ("ผู้เข้าร่วม: สมชาย ใจดี",), ("ผู้เข้าร่วม: สมชาย ใจดี",)]
    assert list(share.stream_rows("minutes.txt", ["content"])) == kept
    assert dict(share.group_counts("minutes.txt", ["content"])) == Counter(kept)


def test_unknown_column(share: FilesConnector) -> None:
    calls: list[Callable[[], object]] = [
        lambda: share.stream_rows("passengers.csv", ["ชื่อ", "nope"]),  # before any iteration
        lambda: share.group_counts("book.xlsx#ผู้โดยสาร", ["nope"]),
        lambda: share.stream_rows("minutes.txt", ["nope"]),
    ]
    for call in calls:
        with pytest.raises(DatasetError, match="'nope'") as raised:
            call()
        assert not any(cell and cell in str(raised.value) for row in READ for cell in row)
    with pytest.raises(DatasetError, match="no columns"):
        share.stream_rows("passengers.csv", [])
    with pytest.raises(DatasetError):
        share.count_rows("no_such.csv")


def test_a_file_read_in_part_gives_no_extract(tmp_path: Path) -> None:
    lines = ["id,ชื่อ", *(f"{i},สมชาย {i}" for i in range(2000))]
    (tmp_path / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    connector = FilesConnector("share", tmp_path, max_read_bytes=4096)
    connector.open()
    assert connector.list_datasets() == ["big.csv"]
    assert connector.truncated("big.csv")  # the read budget cut it
    calls: list[Callable[[], object]] = [
        lambda: connector.count_rows("big.csv"),
        lambda: connector.stream_rows("big.csv", ["id"]),
        lambda: connector.group_counts("big.csv", ["ชื่อ"]),
    ]
    for _ in range(2):  # also once the file is cached and listed again
        for call in calls:
            with pytest.raises(DatasetError, match=r"big\.csv: not read whole"):
                call()
        connector.list_datasets()
    connector.close()


def test_rows_beyond_the_row_limit_give_no_extract(tmp_path: Path) -> None:
    lines = ["id,ชื่อ", *(f"{i},สมชาย {i}" for i in range(30))]
    (tmp_path / "long.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    connector = FilesConnector("share", tmp_path)
    connector.limits = ReadLimits(max_rows=10)
    connector.open()
    connector.list_datasets()
    with pytest.raises(DatasetError, match="not read whole"):
        connector.stream_rows("long.csv", ["id"])
    connector.close()
