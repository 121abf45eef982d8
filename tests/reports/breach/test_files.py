"""The staged set: breach.json and the drafts, the subjects' notice only for grade ``high``."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from reports.breach.files import draft_files
from reports.staging import write_all_or_nothing
from tests.reports.breach.samples import CONTROLLER, DPO, document

ALWAYS = [
    "breach.json",
    "office-notice.th.html",
    "office-notice.en.html",
    "office-notice.th.docx",
    "office-notice.en.docx",
    "internal-record.th.html",
    "internal-record.en.html",
    "internal-record.th.docx",
    "internal-record.en.docx",
]
SUBJECTS = [
    "subjects-notice.th.html",
    "subjects-notice.en.html",
    "subjects-notice.th.docx",
    "subjects-notice.en.docx",
]


@pytest.mark.parametrize(
    ("level", "names"), [("none", ALWAYS), ("risk", ALWAYS), ("high", ALWAYS + SUBJECTS)]
)
def test_file_names_by_grade(level: str, names: list[str]) -> None:
    assert [f.name for f in draft_files(document(level), CONTROLLER, DPO)] == names


def test_written_set_opens(tmp_path: Path) -> None:
    doc = document("high")
    written = write_all_or_nothing(tmp_path, draft_files(doc, CONTROLLER, DPO))
    assert sorted(p.name for p in written) == sorted(ALWAYS + SUBJECTS)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(ALWAYS + SUBJECTS)  # no leftovers
    assert json.loads((tmp_path / "breach.json").read_text(encoding="utf-8")) == doc
    assert "มัลแวร์บนเว็บไซต์รับสมัครงาน" in (tmp_path / "breach.json").read_text(encoding="utf-8")
    for name in ALWAYS + SUBJECTS:
        path = tmp_path / name
        if name.endswith(".docx"):
            assert docx.Document(str(path)).paragraphs
        elif name.endswith(".html"):
            assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    thai = (tmp_path / "office-notice.th.html").read_text(encoding="utf-8")
    assert "7 ธ.ค. 2569" in thai and "1,219" in thai
