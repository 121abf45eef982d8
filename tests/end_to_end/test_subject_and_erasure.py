"""`pdpa-agent subject` and the erasure-request file: real files, a real SQLite database, the CLI."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from stdnum.th import pin

from agent.inputs.erasure import load_erasure_requests
from agent.inputs.problems import ConfigProblems

PIN = "110370000123" + pin.calc_check_digit("110370000123")
OTHER = "310060044563" + pin.calc_check_digit("310060044563")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args], capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def org(tmp_path: Path) -> Path:
    db = tmp_path / "org.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, citizen_id TEXT, email TEXT)")
        rows = [
            (
                f"{OTHER[0]}-{OTHER[1:5]}-{OTHER[5:10]}-{OTHER[10:12]}-{OTHER[12]}",
                f"p{i}@example.co.th",
            )
            for i in range(30)
        ]
        rows += [
            (f"{PIN[0]}-{PIN[1:5]}-{PIN[5:10]}-{PIN[10:12]}-{PIN[12]}", "target@example.co.th")
        ] * 3
        conn.executemany("INSERT INTO people (citizen_id, email) VALUES (?, ?)", rows)
        conn.execute(
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, buyer_email TEXT, total INTEGER)"
        )
        conn.executemany(
            "INSERT INTO orders (buyer_email, total) VALUES (?, ?)",
            [(f"p{i}@example.co.th", i) for i in range(20)] + [("Target@Example.co.th", 5)],
        )
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///{db}"\n', encoding="utf-8"
    )
    return config


def test_subject_in_clear_is_found_with_row_counts_and_never_printed(org: Path) -> None:
    done = run("-c", str(org), "subject", PIN)
    assert done.returncode == 0, done.stderr
    assert "org/main.people column citizen_id: 3 row(s)" in done.stdout
    assert PIN not in done.stdout + done.stderr
    assert "1-1037-xxxxx-xx-" in done.stdout  # masked


def test_subject_by_email_finds_every_table(org: Path) -> None:
    done = run("-c", str(org), "subject", "TARGET@example.co.th")
    assert done.returncode == 0, done.stderr
    assert "org/main.people column email: 3 row(s)" in done.stdout
    assert (
        "org/main.orders column buyer_email: 1 row(s)" in done.stdout
    )  # case differs in the table
    assert "target@example" not in done.stdout.lower().replace("t***@example", "")


def test_hashed_subject_needs_its_type_and_is_found(org: Path) -> None:
    hashed = "sha256:" + hashlib.sha256(PIN.encode()).hexdigest()
    assert run("-c", str(org), "subject", hashed).returncode == 2
    done = run("-c", str(org), "subject", hashed, "--type", "TH_NATIONAL_ID")
    assert done.returncode == 0, done.stderr
    assert "org/main.people column citizen_id: 3 row(s)" in done.stdout


def test_absent_subject_and_invalid_values(org: Path) -> None:
    absent = run("-c", str(org), "subject", "nobody@example.com")
    assert absent.returncode == 0 and "not found" in absent.stdout
    bad = run("-c", str(org), "subject", "1234567890123", "--type", "TH_NATIONAL_ID")
    assert (
        bad.returncode == 2 and "1234567890123" not in bad.stderr and "Traceback" not in bad.stderr
    )


@pytest.mark.parametrize(
    ("rows", "line", "fragment"),
    [
        (["TH_NATIONAL_ID,1234567890123,2026-01-01,erasure"], 2, "subject_value"),
        (["PASSPORT,AA1234567,2026-01-01,erasure"], 2, "subject_type"),
        ([f"TH_NATIONAL_ID,{PIN},yesterday,erasure"], 2, "requested_at"),
        ([f"TH_NATIONAL_ID,{PIN},2026-01-01,forget"], 2, "kind"),
        (
            [
                "EMAIL_ADDRESS,a@b.co,2026-01-01,erasure",
                "EMAIL_ADDRESS,sha256:xyz,2026-01-01,erasure",
            ],
            3,
            "subject_value",
        ),
        ([f"TH_NATIONAL_ID,{PIN},2026-01-01"], 2, "expected 4 cells"),
    ],
)
def test_bad_erasure_requests_name_file_and_line(
    tmp_path: Path, rows: list[str], line: int, fragment: str
) -> None:
    path = tmp_path / "erasure.csv"
    path.write_text(
        "subject_type,subject_value,requested_at,kind\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    with pytest.raises(ConfigProblems) as caught:
        load_erasure_requests(path)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in problems), problems
    assert not any("1234567890123" in p for p in problems)


def test_erasure_header_and_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "erasure.csv"
    path.write_text("who,what\n", encoding="utf-8")
    with pytest.raises(ConfigProblems):
        load_erasure_requests(path)
    hashed = "sha256:" + hashlib.sha256(b"someone@example.com").hexdigest()
    path.write_text(
        "subject_type,subject_value,requested_at,kind\n"
        f"TH_NATIONAL_ID,{PIN},2026-01-01,erasure\nEMAIL_ADDRESS,{hashed},2026-02-01,consent_withdrawn\n",
        encoding="utf-8",
    )
    requests = load_erasure_requests(path)
    assert [(r.subject.type, r.kind, r.origin) for r in requests] == [
        ("TH_NATIONAL_ID", "erasure", "erasure.csv:2"),
        ("EMAIL_ADDRESS", "consent_withdrawn", "erasure.csv:3"),
    ]
    assert requests[1].subject.clear is None and PIN not in json.dumps([repr(r) for r in requests])
