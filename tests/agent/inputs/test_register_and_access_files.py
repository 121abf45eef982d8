"""Register and access-list files in TOML, CSV and XLSX: valid files load, bad ones name file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from agent.inputs.access_loader import load_access_list
from agent.inputs.problems import ConfigProblems
from agent.inputs.register_loader import load_register

SOURCES = {"hr", "share"}
ENTRY = (
    '[[datasets]]\nid = "{id}"\nsource = "hr"\nmatch = "{match}"\nlegal_basis = "contract"\n'
    'owner = "hr@example.co.th"\nretention = "10y"\nclock_column = "terminated_at"\n'
)
CSV_HEADER = (
    "id,source,match,legal_basis,owner,retention,clock_column,allowed_pii,granularity,anonymised\n"
)


def problems(loader, path: Path) -> list[str]:
    with pytest.raises(ConfigProblems) as caught:
        loader(path, SOURCES)
    return [str(p) for p in caught.value.problems]


def test_toml_register_loads(tmp_path: Path) -> None:
    path = tmp_path / "register.toml"
    path.write_text(
        ENTRY.format(id="HR-001", match="public.employees")
        + 'allowed_pii = ["PERSON"]\ngranularity = { DATE_OF_BIRTH = "year" }\n',
        encoding="utf-8",
    )
    (entry,) = load_register(path, SOURCES)
    assert (entry.id, entry.retention, entry.allowed_pii) == ("HR-001", "10y", ("PERSON",))
    assert entry.granularity == (("DATE_OF_BIRTH", "year"),)
    assert entry.covers("hr", "public.employees") and not entry.covers("hr", "public.other")
    assert entry.origin == "register.toml:1"


def test_csv_register_lists_and_mappings(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        CSV_HEADER + "HR-001,hr,public.*,contract,hr@example.co.th,10y,terminated_at,"
        '"PERSON; TH_NATIONAL_ID","DATE_OF_BIRTH=year;ADDRESS=postcode",yes\n',
        encoding="utf-8",
    )
    (entry,) = load_register(path, SOURCES)
    assert entry.allowed_pii == ("PERSON", "TH_NATIONAL_ID")
    assert dict(entry.granularity) == {"DATE_OF_BIRTH": "year", "ADDRESS": "postcode"}
    assert entry.anonymised is True


def test_xlsx_register_and_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(CSV_HEADER.strip().split(","))
    sheet.append(
        [
            "HR-001",
            "hr",
            "public.a",
            "contract",
            "hr@example.co.th",
            "10y",
            "t",
            "PERSON",
            None,
            False,
        ]
    )
    sheet.append(
        [
            "HR-002",
            "hr",
            "public.b",
            "contract",
            "hr@example.co.th",
            "forever",
            "t",
            None,
            None,
            None,
        ]
    )
    book.save(path)
    found = problems(load_register, path)
    assert found == [
        f"{path}:3: row 3 (column retention): retention: String should match pattern '^[1-9][0-9]{{0,4}}[dmy]$'"
    ]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (ENTRY.format(id="A", match="x") + "colour = 1\n", 9, "colour: unknown key"),
        (ENTRY.format(id="A", match="x").replace("contract", "whim"), 5, "legal_basis"),
        (ENTRY.format(id="A", match="x").replace('"hr"', '"ghost"'), 3, "no source named 'ghost'"),
        (ENTRY.format(id="A", match="x").replace("10y", "ten"), 7, "retention"),
        (ENTRY.format(id="A", match="x") + 'allowed_pii = ["SHOE_SIZE"]\n', 9, "allowed_pii.0"),
        (ENTRY.format(id="A", match="x") + "k_min = 1\n", 9, "k_min"),
        ('[[dataset]]\nid = "A"\n', 1, "unknown table"),
    ],
)
def test_bad_register_entries(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = tmp_path / "register.toml"
    path.write_text(text, encoding="utf-8")
    found = problems(load_register, path)
    assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in found), found


def test_duplicate_ids_after_an_invalid_entry(tmp_path: Path) -> None:
    """A broken entry before two duplicates must not shift which line is blamed."""
    path = tmp_path / "register.toml"
    broken = ENTRY.format(id="BROKEN", match="z").replace("contract", "whim")
    path.write_text(
        broken + "\n" + ENTRY.format(id="A", match="x") + "\n" + ENTRY.format(id="A", match="y"),
        encoding="utf-8",
    )
    found = problems(load_register, path)
    assert any(":11: " in p and "duplicate register id 'A'" in p for p in found), found
    assert any(":20: " in p and "duplicate register id 'A'" in p for p in found), found


def test_two_entries_for_the_same_datasets(tmp_path: Path) -> None:
    path = tmp_path / "register.toml"
    path.write_text(
        ENTRY.format(id="A", match="x") + ENTRY.format(id="B", match="x"), encoding="utf-8"
    )
    assert any("A and B match the same datasets" in p for p in problems(load_register, path))


def test_unsupported_extension_and_missing_file(tmp_path: Path) -> None:
    assert "must be a .toml, .csv or .xlsx" in problems(load_register, tmp_path / "r.json")[0]
    assert "not found" in problems(load_register, tmp_path / "absent.toml")[0]
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert "cannot read register as XLSX" in problems(load_register, broken)[0]


def test_access_list_toml_and_csv(tmp_path: Path) -> None:
    toml = tmp_path / "access.toml"
    toml.write_text(
        '[[grants]]\nsource = "hr"\ndataset = "public.*"\nprincipal = "hr_app"\n'
        'privileges = ["select", "UPDATE", "SELECT"]\napproved_by = "o@example.co.th"\n'
        'reviewed_at = 2026-06-01\nreview_every = "6m"\n',
        encoding="utf-8",
    )
    (grant,) = load_access_list(toml, SOURCES)
    assert grant.privileges == ("SELECT", "UPDATE") and grant.reviewed_at == date(2026, 6, 1)
    csv = tmp_path / "access.csv"
    csv.write_text(
        "source,dataset,principal,privileges,approved_by,reviewed_at,review_every\n"
        "share,hr/*,hr-staff,READ;WRITE,o@example.co.th,2026-01-31,12m\n"
        "hr,x,bob,SELECT;FLY,o@example.co.th,not-a-date,6m\n",
        encoding="utf-8",
    )
    found = problems(load_access_list, csv)
    assert any(p.startswith(f"{csv}:3: ") and "privileges.1" in p for p in found), found
    assert any(p.startswith(f"{csv}:3: ") and "reviewed_at" in p for p in found), found


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        (
            ENTRY.format(id="A", match="x").replace('retention = "10y"', "retention = 10"),
            7,
            "retention",
        ),
        (ENTRY.format(id="A", match="x") + 'allowed_pii = "PERSON"\n', 9, "allowed_pii"),
        (
            ENTRY.format(id="A", match="x") + 'granularity = { DATE_OF_BIRTH = "decade" }\n',
            9,
            "granularity",
        ),
        (ENTRY.format(id="A", match="x") + 'on_expiry = "shred"\n', 9, "on_expiry"),
        (ENTRY.format(id="A", match="x") + 'exemptions = ["vibes"]\n', 9, "exemptions.0"),
        (
            ENTRY.format(id="A", match="x").replace(
                'owner = "hr@example.co.th"', 'owner = "HR team"'
            ),
            6,
            "owner",
        ),
        (
            ENTRY.format(id="A", match="x").replace('id = "A"\n', ""),
            1,
            "id: required key is missing",
        ),
    ],
)
def test_wrong_types_and_values_in_the_register(
    tmp_path: Path, text: str, line: int, fragment: str
) -> None:
    path = tmp_path / "register.toml"
    path.write_text(text, encoding="utf-8")
    found = problems(load_register, path)
    assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in found), found


def test_csv_register_with_too_many_cells(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        CSV_HEADER + "A,hr,x,contract,o@example.co.th,10y,t,PERSON,,false,extra\n", encoding="utf-8"
    )
    assert problems(load_register, path) == [f"{path}:2: row 2 has more cells than the header"]


def test_overlapping_globs_stop_the_scan_with_exit_2(tmp_path: Path) -> None:
    """Two entries whose globs both match one dataset: a configuration error, found at scan time."""
    import sqlite3
    import subprocess
    import sys

    db = tmp_path / "org.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE staff (id INTEGER, email TEXT)")
        conn.executemany(
            "INSERT INTO staff VALUES (?, ?)", [(i, f"s{i}@example.co.th") for i in range(20)]
        )
    register = tmp_path / "register.toml"
    register.write_text(
        ENTRY.format(id="ALL", match="main.*") + ENTRY.format(id="STAFF", match="main.staff"),
        encoding="utf-8",
    )
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "hr"\nkind = "database"\nurl = "sqlite:///{db}"\n\n[register]\npath = "register.toml"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 2
    assert "main.staff is matched by ALL (register.toml:1), STAFF (register.toml:9)" in done.stderr
    assert "Traceback" not in done.stderr
