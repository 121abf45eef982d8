"""XLSX above the read budget is read streaming up to its own budget, over a folder and over SMB.

A workbook larger than ``max_read_bytes`` used to be skipped whole; now it is
read from a file handle (openpyxl read-only, row by row) while it is at most
``max_stream_bytes``, and skipped with a reason naming the streaming budget
above that. The rows read are the same as when the whole file fits the budget.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from connectors.files.connector import FilesConnector
from connectors.files.local_fs import LocalFS

ROWS = 3_000


def _workbook(rows: int = ROWS) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("พนักงาน")
    sheet.append(["ชื่อ", "อีเมล", "หมายเหตุ"])
    for i in range(rows):
        sheet.append([f"สมชาย {i}", f"user{i}@example.co.th", "x" * 40])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def share(tmp_path: Path) -> Path:
    root = tmp_path / "share"
    root.mkdir()
    (root / "big.xlsx").write_bytes(_workbook())
    (root / "corrupt.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 200_000)
    return root


def _read(root: Path, **budgets: int) -> tuple[FilesConnector, list[str]]:
    connector = FilesConnector("share", fs=LocalFS(root), seed=1, **budgets)  # type: ignore[arg-type]
    connector.open()
    return connector, connector.list_datasets()


@pytest.mark.parametrize(
    ("budgets", "streamed"),
    [
        ({}, False),  # fits the default read budget: read whole, as before
        ({"max_read_bytes": 16 * 1024}, True),  # above it: streamed
        ({"max_read_bytes": 16 * 1024, "max_stream_bytes": 16 * 1024}, None),  # above both
    ],
)
def test_a_workbook_above_the_read_budget_is_streamed(
    share: Path, budgets: dict[str, int], streamed: bool | None
) -> None:
    size = (share / "big.xlsx").stat().st_size
    assert size > 16 * 1024
    connector, names = _read(share, **budgets)
    if streamed is None:
        assert "big.xlsx#พนักงาน" not in names
        reasons = dict(connector.skipped)
        assert "streaming budget" in reasons["big.xlsx"]
        return
    assert "big.xlsx#พนักงาน" in names
    info = connector.describe("big.xlsx#พนักงาน")
    assert info.row_count == ROWS and info.row_count_exact
    assert [c.name for c in info.columns] == ["ชื่อ", "อีเมล", "หมายเหตุ"]
    sample = connector.sample(info, 50)
    emails = [v for v in sample.columns[1].values if v]
    assert len(emails) == 50 and all(v.endswith("@example.co.th") for v in emails)
    notes = [note for name, note in connector.notes if name == "big.xlsx"]
    assert bool(notes and "streaming" in notes[0]) is streamed
    assert connector.truncated("big.xlsx#พนักงาน") == ()  # streamed means read whole


def test_a_corrupt_workbook_above_the_read_budget_is_skipped_not_raised(share: Path) -> None:
    connector, names = _read(share, max_read_bytes=16 * 1024)
    assert not any(n.startswith("corrupt.xlsx") for n in names)
    reason = dict(connector.skipped)["corrupt.xlsx"]
    assert "ZIP" in reason or "XLSX" in reason
