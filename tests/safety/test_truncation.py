"""Nothing silently truncated (issue 14 item 4): every cut a read budget makes is listed.

A CSV whose first data cell is 20 MB keeps every row (the giant cell is cut,
not its row, nor the rows after it) and says so; a file read in part, rows
past the row limit and values analysed in part are noted on the dataset in
``findings.json`` and in the scan summary. Real files on the filesystem.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from agent.scan.work import truncations
from connectors.files.connector import FilesConnector
from connectors.files.readers.content import ReadLimits
from connectors.files.readers.long_lines import cap_long_lines

GIANT = 20 * 1024 * 1024


def _giant_csv(path: Path, quoted: bool) -> Path:
    """name,note,email: the first data row's note is 20 MB; 50 ordinary rows follow."""
    with path.open("wb") as out:
        out.write(b"name,note,email\n")
        filler = b"lorem ipsum, dolor; " if quoted else b"x"
        cell = filler * (GIANT // len(filler))
        out.write(b"first," + (b'"' + cell + b'"' if quoted else cell) + b",first@example.co.th\n")
        for i in range(50):
            out.write(f"person{i},short,user{i}@example.co.th\n".encode())
    return path


@pytest.mark.parametrize("quoted", [False, True], ids=["bare", "quoted-with-commas"])
def test_a_20mb_first_cell_keeps_its_row_and_every_row_after_it(
    tmp_path: Path, quoted: bool
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    _giant_csv(share / "export.csv", quoted)
    connector = FilesConnector("s", share)
    connector.open()
    assert connector.list_datasets() == ["export.csv"]
    info = connector.describe("export.csv")
    assert [c.name for c in info.columns] == ["name", "note", "email"]
    assert info.row_count == 51
    sample = connector.sample(info, 1000)
    emails = dict(zip(["name", "note", "email"], sample.columns, strict=True))["email"].values
    assert "first@example.co.th" in emails and "user49@example.co.th" in emails
    notes = connector.truncated("export.csv")
    assert any("1 cell(s) longer than 65536 bytes cut" in note for note in notes), notes
    assert not any("sampled" in note for note in notes), notes  # every row was read
    found = truncations(connector, "export.csv", sample)
    assert [t.column for t in found if t.column] == ["note"]  # the cut cell is analysed in part


def test_a_file_read_in_part_says_so(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "big.csv").write_text(
        "email\n" + "".join(f"u{i}@example.co.th\n" for i in range(5000)), encoding="utf-8"
    )
    (share / "small.csv").write_text("email\na@example.co.th\n", encoding="utf-8")
    connector = FilesConnector("s", share, max_read_bytes=4096)
    connector.open()
    connector.list_datasets()
    big = connector.describe("big.csv")
    assert not big.row_count_exact and 0 < (big.row_count or 0) < 5000
    notes = connector.truncated("big.csv")
    assert any(n.startswith("sampled: first ") and "the rest left out" in n for n in notes), notes
    connector.describe("small.csv")
    assert connector.truncated("small.csv") == ()


def test_rows_past_the_row_limit_are_noted(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "rows.csv").write_text("n\n" + "".join(f"{i}\n" for i in range(30)), encoding="utf-8")
    connector = FilesConnector("s", share)
    connector.limits = ReadLimits(max_rows=10)
    connector.open()
    connector.list_datasets()
    assert connector.describe("rows.csv").row_count == 10
    assert connector.truncated("rows.csv") == ("first 10 rows kept (limit 10)",)


def test_cut_cells_keep_quotes_characters_and_the_other_cells() -> None:
    thai = "ก".encode() * 1000  # 3 bytes each: a cut must not split one
    line = b'a,"' + thai + b'""' + b"y" * 10 + b'",' + b"z" * 5000 + b",tail\n"
    capped = cap_long_lines(b"h1,h2,h3,h4\n" + line + b"next,row,,\n", max_line=100, max_cell=40)
    assert capped.cells_cut == 2 and capped.lines_cut == 0
    text = capped.data.decode("utf-8")  # still valid UTF-8
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["h1", "h2", "h3", "h4"] and rows[2] == ["next", "row", "", ""]
    assert rows[1][0] == "a" and rows[1][3] == "tail"
    assert rows[1][1] == "ก" * 13 and rows[1][2] == "z" * 40
    assert capped.notes == ("2 cell(s) longer than 40 bytes cut to their first 40 bytes",)


def test_a_line_of_many_short_cells_is_cut_at_the_line_budget_with_its_quote_closed() -> None:
    line = b'"bb,bb",' * 30 + b"\n"  # the cut at 100 bytes falls inside the 13th quoted cell
    capped = cap_long_lines(b"h\n" + line + b"after\n", max_line=100, max_cell=40)
    assert capped.lines_cut == 1 and capped.cells_cut == 0
    first, cut, after = capped.data.split(b"\n")[:3]
    assert first == b"h" and after == b"after"
    assert cut == b'"bb,bb",' * 12 + b'"bb,"'


def test_utf16_text_is_cut_as_text() -> None:
    data = ("h1,h2\n" + "ข" * 500 + ",y\nq,r\n").encode("utf-16")
    capped = cap_long_lines(data, max_line=200, max_cell=80)
    assert capped.cells_cut == 1
    lines = capped.data.decode("utf-16").splitlines()
    assert lines == ["h1,h2", "ข" * 40 + ",y", "q,r"]


def test_short_files_are_untouched() -> None:
    data = b"a,b\n" + b"1,2\n" * 1000
    assert cap_long_lines(data).data is data


def test_scan_reports_truncation_in_findings_json_and_the_summary(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    _giant_csv(share / "export.csv", quoted=False)
    (share / "clean.csv").write_text("email\na@example.co.th\nb@example.co.th\n", encoding="utf-8")
    with sqlite3.connect(tmp_path / "org.sqlite") as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.executemany("INSERT INTO notes (body) VALUES (?)", [("word " * 1000,)] * 5)
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nstate = "sqlite:///state.db"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        '[[sources]]\nname = "db"\nkind = "database"\nurl = "sqlite:///org.sqlite"\n\n'
        '[reports]\nout_dir = "out"\nformats = ["json"]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    datasets = {(d["source"], d["name"]): d for d in report["datasets"]}
    export = datasets[("share", "export.csv")]
    assert export["row_count"] == 51
    email = next(c for c in export["columns"] if c["name"] == "email")
    assert [p["type"] for p in email["pii"]] == ["EMAIL_ADDRESS"]
    reasons = [t["reason"] for t in export["truncated"]]
    assert any("cell(s) longer than 65536 bytes cut" in r for r in reasons), reasons
    assert {"reason": export["truncated"][-1]["reason"], "column": "note"} in export["truncated"]
    body = datasets[("db", "main.notes")]["truncated"]
    assert body == [
        {
            "reason": "5 sampled value(s) longer than 2000 characters: only their first 2000 "
            "analysed",
            "column": "body",
        }
    ]
    assert "truncated" not in datasets[("share", "clean.csv")]
    assert "datasets read in part: 2" in done.stdout
    assert "share/export.csv: 1 cell(s) longer than 65536 bytes cut" in done.stdout
    assert "db/main.notes: column body: 5 sampled value(s) longer" in done.stdout
    # The next scan reads the cut file again (never from the cache), so the note stays.
    again = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert again.returncode == 0, again.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    export = next(d for d in report["datasets"] if d["name"] == "export.csv")
    assert export["truncated"]
