"""write_reports: every format written atomically, or nothing at all.

All four files land in a new nested folder with no temporary file left; an
unknown format or language raises before anything is written; a write that
fails half-way keeps the previous file as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import FORMATS, write_reports
from reports.common import atomic_write
from scanners.model.result import ScanResult


def test_write_all_formats_atomically(result: ScanResult, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "out"
    paths = write_reports(result, out, FORMATS, language="en")
    assert [p.name for p in paths] == [
        "findings.json",
        "report.html",
        "findings.csv",
        "findings.xlsx",
    ]
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)
    assert not list(out.glob("*.tmp"))


def test_unknown_format_raises_and_writes_nothing(result: ScanResult, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="pdf"):
        write_reports(result, tmp_path / "out", ["json", "pdf"])
    assert not (tmp_path / "out").exists()


def test_unknown_language_raises(result: ScanResult, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="fr"):
        write_reports(result, tmp_path, ["csv"], language="fr")


def test_failed_write_keeps_old_file_and_leaves_no_tmp(tmp_path: Path) -> None:
    target = tmp_path / "findings.json"
    target.write_text("old", encoding="utf-8")

    def crash(tmp: Path) -> None:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        atomic_write(target, crash)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["findings.json"]
