"""FilesConnector over LocalFS: dataset names, skipped files, symlinks, budgets, samples."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest

from connectors.errors import DatasetError, SourceError
from connectors.files.connector import FilesConnector
from connectors.files.local_fs import LocalFS
from connectors.files.share_fs import FileStat, ShareFS
from tests.support.file_samples import (
    THAI_PDF,
    archive_bytes,
    blank_pdf_bytes,
    docx_bytes,
    encrypted_pdf_bytes,
    xlsx_bytes,
)


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    files = {
        "hr/staff.csv": "ชื่อ,เบอร์โทร\nสมชาย,0812345678\nสมหญิง,0898765432\n".encode(),
        "hr/book.xlsx": xlsx_bytes(),
        "letters/letter.docx": docx_bytes(),
        "letters/thai.pdf": THAI_PDF.read_bytes(),
        "letters/locked.pdf": encrypted_pdf_bytes(),
        "letters/scan.pdf": blank_pdf_bytes(),
        "it/app.log": b"INFO start\nuser a@x.th logged in\n",
        "it/events.ndjson": b'{"email": "a@x.th"}\n',
        "old/archive.zip": archive_bytes(),
        "tools/setup.exe": b"MZ",
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def _connector(root: Path, **kwargs: object) -> FilesConnector:
    connector = FilesConnector("share", root, seed=1, **kwargs)  # type: ignore[arg-type]
    connector.open()
    return connector


def test_dataset_names_for_every_format(share: Path) -> None:
    connector = _connector(share)
    assert isinstance(connector.fs, ShareFS)
    assert connector.list_datasets() == [
        "hr/book.xlsx#Summary",
        "hr/book.xlsx#พนักงาน",
        "hr/staff.csv",
        "it/app.log",
        "it/events.ndjson",
        "letters/letter.docx",
        "letters/thai.pdf",
        "old/archive.zip/docs/2024/letter.txt",
        "old/archive.zip/hr/book.xlsx#Summary",
        "old/archive.zip/hr/book.xlsx#พนักงาน",
        "old/archive.zip/l2.zip/mid.csv",
    ]
    assert dict(connector.skipped) == {
        "hr/book.xlsx#Empty": "empty sheet",
        "letters/locked.pdf": "encrypted PDF",
        "letters/scan.pdf": "no text layer (scanned image)",
        "old/archive.zip/../evil.txt": "unsafe member path (absolute or leaving the archive)",
        "old/archive.zip//etc/abs.txt": "unsafe member path (absolute or leaving the archive)",
        "old/archive.zip/C:/win.txt": "unsafe member path (absolute or leaving the archive)",
        "old/archive.zip/hr/book.xlsx#Empty": "empty sheet",
        "old/archive.zip/l2.zip/l3.zip": "ZIP nested deeper than 2 levels",
        "old/archive.zip/link.txt": "symlink member",
        "old/archive.zip/program.exe": "unsupported format .exe",
        "tools/setup.exe": "unsupported format .exe",
    }


def test_kinds_columns_and_samples(share: Path) -> None:
    connector = _connector(share)
    sheet = connector.describe("hr/book.xlsx#พนักงาน")
    assert sheet.kind == "sheet"
    assert [c.name for c in sheet.columns][:3] == ["ชื่อ", "เลขบัตรประชาชน", "วันเกิด"]
    sample = connector.sample(sheet, 100)
    ids = next(c for c in sample.columns if c.column.name == "เลขบัตรประชาชน")
    assert ids.values == ("1101700203451", "3100501234567", "2")
    member = connector.describe("old/archive.zip/hr/book.xlsx#พนักงาน")
    assert member.kind == "sheet" and member.columns == sheet.columns
    csv_info = connector.describe("old/archive.zip/l2.zip/mid.csv")
    assert csv_info.kind == "file" and [c.name for c in csv_info.columns] == ["name", "phone"]
    for name in (
        "letters/letter.docx",
        "letters/thai.pdf",
        "it/app.log",
        "old/archive.zip/docs/2024/letter.txt",
    ):
        info = connector.describe(name)
        assert info.kind == "file" and [c.name for c in info.columns] == ["content"]
        assert info.columns[0].free_text
        assert connector.sample(info, 100).columns[0].values
    pdf = connector.sample(connector.describe("letters/thai.pdf"), 1000)
    assert any("นายสมชาย" in str(v) for v in pdf.columns[0].values)
    assert pdf.method == "full"


def test_capabilities_work_on_sheets_and_members(share: Path) -> None:
    connector = _connector(share)
    assert connector.count_values("hr/book.xlsx#พนักงาน", "ชื่อ", ["สมชาย ใจดี"]) == 1
    assert list(connector.column_values("old/archive.zip/l2.zip/mid.csv", "phone")) == [
        "0812345678"
    ]
    assert (
        connector.modified_before("old/archive.zip/docs/2024/letter.txt", date(2000, 1, 1)) is False
    )
    with pytest.raises(DatasetError, match="not found"):
        connector.describe("hr/book.xlsx#Nope")
    with pytest.raises(DatasetError, match="encrypted PDF"):
        connector.describe("letters/locked.pdf")


def test_privileges_of_sheets_and_members_are_their_files(share: Path) -> None:
    connector = _connector(share)
    names = ["hr/book.xlsx#พนักงาน", "old/archive.zip/hr/book.xlsx#Summary", "nope.csv"]
    held = {h.dataset for h in connector.held_privileges(names)}
    assert held == set(names[:2])
    assert {p.kind for p in connector.principals()} >= {"user", "public"}


def test_symlinks_inside_followed_outside_not(share: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.csv"
    outside.write_text("name\nSomchai\n", encoding="utf-8")
    (share / "leak.csv").symlink_to(outside)
    (share / "leakdir").symlink_to(tmp_path)
    (share / "alias.csv").symlink_to(share / "hr" / "staff.csv")
    os.mkfifo(share / "pipe.txt")
    connector = _connector(share)
    names = connector.list_datasets()
    assert "alias.csv" in names
    assert not {"leak.csv", "pipe.txt"} & set(names)
    assert not any(n.startswith("leakdir/") for n in names)
    for name in ("leak.csv", "../secret.csv", "leakdir/secret.csv", "pipe.txt"):
        with pytest.raises(DatasetError):
            connector.describe(name)
    assert connector.describe("alias.csv").row_count == 2


def test_file_deleted_between_list_and_sample(share: Path) -> None:
    connector = _connector(share)
    assert "it/app.log" in connector.list_datasets()
    info = connector.describe("it/app.log")  # now cached
    (share / "it" / "app.log").unlink()
    with pytest.raises(DatasetError, match=r"it/app\.log disappeared"):
        connector.sample(info, 10)
    (share / "hr" / "staff.csv").unlink()
    with pytest.raises(DatasetError, match="disappeared"):
        connector.describe("hr/staff.csv")


def test_file_bigger_than_budget_is_sampled(tmp_path: Path) -> None:
    lines = ["id,email", *(f"{i},user{i}@example.co.th" for i in range(5000))]
    (tmp_path / "big.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "big.docx").write_bytes(docx_bytes() + bytes(5000))
    connector = _connector(tmp_path, max_read_bytes=4096)
    assert connector.list_datasets() == ["big.csv", "big.docx"]
    info = connector.describe("big.csv")
    assert 100 < info.row_count < 5000 and not info.row_count_exact
    sample = connector.sample(info, 50)
    assert sample.rows_sampled == 50 and sample.method == "random_rows"
    assert all(v.endswith("@example.co.th") for v in sample.columns[1].values)  # no cut line
    assert any(n == "big.csv" and "sampled: first" in note for n, note in connector.notes)
    with pytest.raises(DatasetError, match="larger than the read budget"):
        connector.describe("big.docx")


class CountingFS(LocalFS):
    """A real local folder that remembers which files were read."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.reads: list[str] = []

    def read(self, path: str, limit: int) -> bytes:
        self.reads.append(path)
        return super().read(path, limit)


def test_parsed_file_is_cached(share: Path) -> None:
    fs = CountingFS(share)
    connector = FilesConnector("share", fs=fs)
    reads = fs.reads
    connector.list_datasets()  # reads every workbook, archive and PDF once for their names
    reads.clear()
    for name in ("hr/book.xlsx#Summary", "hr/book.xlsx#พนักงาน"):
        connector.sample(connector.describe(name), 10)
        connector.count_values(name, "team" if name.endswith("Summary") else "ชื่อ", ["HR"])
    assert reads == ["hr/book.xlsx"]


def test_include_exclude(share: Path) -> None:
    connector = _connector(share, include=["hr/**"], exclude=["**/*#Summary"])
    assert connector.list_datasets() == ["hr/book.xlsx#พนักงาน", "hr/staff.csv"]
    assert dict(connector.skipped) == {"hr/book.xlsx#Empty": "empty sheet"}


def test_missing_root(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        FilesConnector("share", tmp_path / "nope").open()
    with pytest.raises(ValueError):
        FilesConnector("share")


class MemoryFS:
    """A ShareFS over a dict, as an SMB share would look to the connector."""

    label = "memory://share"

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files

    def check(self) -> None:
        return None

    def walk(self) -> Iterator[FileStat]:
        return iter([self.stat(p) for p in sorted(self.files)])

    def stat(self, path: str) -> FileStat:
        if path not in self.files:
            raise DatasetError(f"{path} disappeared")
        return FileStat(path, len(self.files[path]), 0.0)

    def read(self, path: str, limit: int) -> bytes:
        return self.stat(path) and self.files[path][:limit]

    def open_binary(self, path: str) -> BinaryIO:
        return io.BytesIO(self.stat(path) and self.files[path])


def test_any_share_fs() -> None:
    fs = MemoryFS({"a/book.xlsx": xlsx_bytes(), "b.txt": b"hello\n", "c.bin": b"\0"})
    connector = FilesConnector("mem", fs=fs)
    assert isinstance(fs, ShareFS)
    connector.open()
    assert connector.list_datasets() == ["a/book.xlsx#Summary", "a/book.xlsx#พนักงาน", "b.txt"]
    assert ("c.bin", "unsupported format .bin") in connector.skipped
    assert connector.describe("a/book.xlsx#Summary").row_count == 1
    assert connector.principals() == [] and connector.held_privileges(["b.txt"]) == []
    connector.close()
