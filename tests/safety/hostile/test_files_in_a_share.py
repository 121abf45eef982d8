"""Issue 9 (3): hostile files in a share are read, skipped with a reason, or one clear error.

NULs in a CSV, TIS-620 and undecodable CSVs, lone surrogates and huge
integers in JSON, a 50 MB single-line text file, a nested zip bomb, an XLSX
that is text, truncated DOCX and PDF, symlink loops, links leaving the
share, a FIFO, a file name that is not UTF-8, and a file removed or swapped
for a FIFO between listing and reading. The whole-share scan runs in a
subprocess with a timeout, so a hang fails the test instead of hanging the
suite.

Unreadable files: the tests run as root, which bypasses permission bits, so a
``chmod 000`` file cannot be tested there; the file removed between listing
and reading stands in for it (the same ``DatasetError`` path), and the
``chmod`` case runs only as an ordinary user.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from tests.support.file_samples import THAI_PDF, docx_bytes
from tests.support.paths import REPO_ROOT


def nested_bomb() -> bytes:
    """A 50 MiB member of zeros (about 50 KB deflated) inside a ZIP inside a ZIP."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("zeros.txt", "w", force_zip64=True) as member:
            for _ in range(50):
                member.write(bytes(1024 * 1024))
        archive.writestr("ok.txt", "mail somchai@example.co.th\n")
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.zip", inner.getvalue())
    return outer.getvalue()


BAD_NAME = os.fsdecode(b"bad-\xff\xfe-name.csv")


def build_share(root: Path, outside: Path) -> None:
    """The hostile share; ``outside`` is a folder beside it holding a secret."""
    thai = "ชื่อ,เลขบัตร\nสมชาย ใจดี,1103700001239\nสมหญิง รักไทย,3100501234567\n"
    files: dict[str, bytes] = {
        "control.csv": b"email\ncontrol@example.co.th\n",
        "nul.csv": b"pid,email\n1103700001239,somchai@example.co.th\x00\n\x00\x00,\x00\n",
        "tis620.csv": thai.encode("cp874"),
        "latin.csv": b"name,email\n\xe9\xe8\xff,somchai@example.co.th\n",
        "surrogates.json": (
            b'{"a": "\\ud800", "b": "somchai@example.co.th", "\\udfff": "\\udc00\\ud83d"}'
        ),
        "huge_int.json": b'{"n": ' + b"9" * 5000 + b', "mail": "somchai@example.co.th"}',
        "bomb.zip": nested_bomb(),
        "fake.xlsx": b"name,email\nsomchai,somchai@example.co.th\n",
        "truncated.docx": docx_bytes()[:2000],
        "truncated.pdf": THAI_PDF.read_bytes()[:1500],
    }
    root.mkdir(parents=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    with (root / "one_line.txt").open("wb") as handle:  # 50 MB, no newline
        for _ in range(50):
            handle.write(b"y" * (1024 * 1024))
        handle.write(b" somchai@example.co.th")
    (root / BAD_NAME).write_bytes(b"email\nhidden@example.co.th\n")
    (root / "loop_a").symlink_to("loop_b")
    (root / "loop_b").symlink_to("loop_a")
    (root / "self.csv").symlink_to("self.csv")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to("..")  # a directory cycle
    outside.mkdir()
    (outside / "secret.csv").write_text("email\nsecret@example.co.th\n", encoding="utf-8")
    (root / "leak.csv").symlink_to(outside / "secret.csv")
    (root / "leak_dir").symlink_to(outside)
    (root / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(root / "pipe.csv")


def run_cli(config: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess; a hang becomes TimeoutExpired, failing the test."""
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=config.parent,
    )


@pytest.fixture(scope="module")
def share_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, str]:
    folder = tmp_path_factory.mktemp("hostile_share")
    build_share(folder / "share", folder / "outside")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nworkers = 1\nstate = "sqlite:///state.db"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n',
        encoding="utf-8",
    )
    done = run_cli(config, "scan", "--out", "out", "--format", "json")
    report_path = folder / "out" / "findings.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    return done.returncode, report, done.stdout + done.stderr


def test_share_scan_finishes_with_one_clear_error(share_scan: tuple[int, dict, str]) -> None:
    code, report, output = share_scan
    assert "Traceback" not in output
    errors = {
        f["dataset"]: f["message"]["en"] for f in report["findings"] if f["type"] == "SCAN_ERROR"
    }
    assert list(errors) == ["truncated.docx"]
    assert "corrupt or truncated" in errors["truncated.docx"]
    assert code == 3  # completed, one dataset failed


def test_share_scan_reads_what_it_can(share_scan: tuple[int, dict, str]) -> None:
    _, report, _ = share_scan
    columns = {
        (d["name"], c["name"]): {p["type"] for p in c["pii"]}
        for d in report["datasets"]
        for c in d["columns"]
    }
    assert "EMAIL_ADDRESS" in columns[("control.csv", "email")]
    assert "TH_NATIONAL_ID" in columns[("nul.csv", "pid")]
    assert "EMAIL_ADDRESS" in columns[("nul.csv", "email")]
    assert "TH_NATIONAL_ID" in columns[("tis620.csv", "เลขบัตร")]  # decoded as Thai
    assert "EMAIL_ADDRESS" in columns[("latin.csv", "email")]
    assert "EMAIL_ADDRESS" in columns[("surrogates.json", "content")]
    assert "EMAIL_ADDRESS" in columns[("huge_int.json", "content")]
    assert ("one_line.txt", "content") in columns  # sampled: its first 16 MiB
    assert "bomb.zip/inner.zip/ok.txt" in {d["name"] for d in report["datasets"]}


def test_share_scan_skips_with_reasons_and_never_leaves_the_share(
    share_scan: tuple[int, dict, str],
) -> None:
    _, report, _ = share_scan
    (source,) = report["sources"]
    skipped = {s["name"]: s["reason"] for s in source["skipped"]}
    assert skipped == {
        "bad-\\xff\\xfe-name.csv": "file name is not valid UTF-8",
        "bomb.zip/inner.zip/zeros.txt": "compression ratio above 100 (zip bomb?)",
        "fake.xlsx": "corrupt or truncated file (not a valid ZIP container)",
        "truncated.pdf": "unreadable PDF file (PdfStreamError)",
    }
    scanned = {d["name"] for d in report["datasets"]}
    never = {"leak.csv", "passwd.txt", "pipe.csv", "self.csv", "loop_a", "loop_b"}
    assert not never & scanned
    assert not any(name.startswith(("leak_dir/", "sub/")) for name in scanned)
    text = json.dumps(report, ensure_ascii=False)
    assert "secret@" not in text and "hidden@" not in text and "root:" not in text


def test_text_file_notes_and_json_numbers(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "one_line.txt").write_bytes(b"z" * (3 * 1024 * 1024) + b" somchai@example.co.th")
    (root / "huge_int.json").write_bytes(b'{"n": ' + b"7" * 5000 + b"}")
    connector = FilesConnector("share", root, max_read_bytes=1024 * 1024)
    connector.open()
    assert connector.list_datasets() == ["huge_int.json", "one_line.txt"]
    info = connector.describe("one_line.txt")
    assert (info.row_count, info.row_count_exact) == (1, False)
    assert dict(connector.notes)["one_line.txt"].startswith("sampled: first 1048576 of")
    sample = connector.sample(connector.describe("huge_int.json"), 10)
    assert sample.columns[0].values == ("n: " + "7" * 5000,)  # parsed as JSON, digits kept


FIFO_SWAP = """
import os, sys
from pathlib import Path
from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
root = Path(sys.argv[1])
connector = FilesConnector("share", root)
connector.open()
listed = connector.list_datasets()
os.unlink(root / "a.csv")
os.mkfifo(root / "a.csv")
try:
    connector.describe("a.csv")
except DatasetError as exc:
    print("DatasetError:", exc)
"""


def test_file_swapped_for_a_fifo_after_listing_does_not_block(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.csv").write_text("email\na@example.co.th\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", FIFO_SWAP, str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "DatasetError: a.csv is not a regular file"


def test_file_removed_between_listing_and_reading(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.csv").write_text("email\na@example.co.th\n", encoding="utf-8")
    (root / "b.csv").write_text("email\nb@example.co.th\n", encoding="utf-8")
    connector = FilesConnector("share", root)
    connector.open()
    assert connector.list_datasets() == ["a.csv", "b.csv"]
    (root / "a.csv").unlink()
    with pytest.raises(DatasetError, match=r"^a\.csv disappeared$"):
        connector.describe("a.csv")
    assert connector.describe("b.csv").row_count == 1  # the rest goes on


def test_unreadable_file_is_a_dataset_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root bypasses permission bits; see the removed-file test")
    root = tmp_path / "share"
    root.mkdir()
    locked = root / "locked.csv"
    locked.write_text("email\na@example.co.th\n", encoding="utf-8")
    locked.chmod(0)
    connector = FilesConnector("share", root)
    connector.open()
    assert connector.list_datasets() == ["locked.csv"]
    with pytest.raises(DatasetError, match="not readable"):
        connector.describe("locked.csv")
