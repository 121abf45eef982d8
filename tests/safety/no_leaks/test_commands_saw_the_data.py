"""The no-leak runs mean something: every command ran and read the planted values.

Each command exits as expected without a traceback, the scan finds the
planted retention, erasure, anonymisation and scan-error findings and the
first person's national ID masked in its evidence, headerless files keep
their first row as data, ``subject`` and ``detect`` find planted values, and
a SCAN_ERROR keeps the useful part of the database's error with the quoted
value masked.

Assertions compare booleans computed beforehand: pytest would otherwise print
the compared text, which is exactly what must not be shown if a value did leak.
"""

from __future__ import annotations

from openpyxl import load_workbook

from tests.safety.no_leaks.outputs import Runs, findings_report


def test_the_commands_ran_and_saw_the_planted_data(runs: Runs) -> None:
    """The leak search (test_no_raw_value_leaves) means something only if the tool read the values."""
    codes = {name: done.returncode for name, done in runs.commands.items()}
    # 3: the failing views and the truncated DOCX are SCAN_ERRORs (access lists them too);
    # detect's bad line is 2.
    assert codes == {
        "scan -v (2 workers)": 3,
        "scan --debug (1 worker)": 3,
        "scan -v --debug (1 worker)": 3,
        "findings -v": 0,
        "findings --debug --status open": 0,
        "subject -v (national id, digits)": 3,
        "subject --debug (national id, dashed)": 3,
        "subject -v (e-mail)": 3,
        "subject --debug (phone)": 3,
        "access -v (2 workers)": 3,
        "access --debug (1 worker)": 3,
        "check-config": 0,
        "disclose --assess -v": 0,
        "disclose --debug": 0,
        "disclosures list --xlsx": 0,
        "disclosures show": 0,
        "detect -v": 0,
        "detect --debug --jsonl (a bad line)": 2,
        "triage --debug": 0,
        "triage -v (history)": 0,
    }
    tracebacks = ["Traceback" in done.stderr for done in runs.commands.values()]
    assert not any(tracebacks)
    report = findings_report(runs, "out-2")
    types = {f["type"] for f in report["findings"]}
    assert {"RETENTION_EXPIRED", "ERASURE_PENDING", "SCAN_ERROR", "ANONYMISATION_WEAK"} <= types
    erasure = {
        (f["source"], f["dataset"]) for f in report["findings"] if f["type"] == "ERASURE_PENDING"
    }
    assert {
        ("pg", "public.employees"),
        ("clinic", "main.patients"),
        ("share", "hr/staff.csv"),
    } <= erasure
    first = runs.org.people[0].national_id
    evidence = " ".join(e for d in report["datasets"] for c in d["columns"] for e in c["evidence"])
    masked_seen = f"{first[0]}-{first[1:5]}-xxxxx-xx-{first[12]}" in evidence
    assert masked_seen, "the first person's national ID is not in the evidence, even masked"
    datasets = {(d["source"], d["name"]): d for d in report["datasets"]}
    for name in ("hr/export_noheader.csv", "hr/book.xlsx#no header"):
        columns = [c["name"] for c in datasets[("share", name)]["columns"]]
        named = columns[:2] == ["column_1", "column_2"]  # the first row is data, not names
        assert named, f"{name}: its first row became column names"
    found = "pg/public.employees column citizen_id: 1 row(s)" in (
        runs.commands["subject -v (national id, digits)"].stdout
    )
    assert found, "subject did not find the planted national ID in public.employees"
    detected = '"TH_NATIONAL_ID"' in runs.commands["detect -v"].stdout
    assert detected, "detect did not see the national ID"


def test_the_disclosure_extract_holds_every_employee(runs: Runs) -> None:
    """The extract is in the leak search (test_no_raw_value_leaves): it must hold the rows."""
    sheet = load_workbook(runs.work / "disclosed" / "extract.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 16 + 1 and rows[0][-1] == "notes"  # build_org: 16 people in PostgreSQL
    notes = [str(row[-1]) for row in rows[1:]]
    assert all("<PERSON>" in note and "<TH_NATIONAL_ID>" in note for note in notes)


def test_scan_errors_keep_the_useful_part_of_the_database_error(runs: Runs) -> None:
    report = findings_report(runs, "out-2")
    errors = {
        f["dataset"]: f["message"]["en"] for f in report["findings"] if f["type"] == "SCAN_ERROR"
    }
    expected = {
        "public.bad_cast_syntax": 'invalid input syntax for type bigint: "***"',
        "public.bad_cast_range": 'value "***" is out of range for type integer',
        "public.bad_cast_date": 'invalid input syntax for type date: "***"',
        "broken/truncated.docx": "corrupt or truncated file",
    }
    kept = {name: fragment in errors.get(name, "") for name, fragment in expected.items()}
    assert kept == dict.fromkeys(expected, True)


def test_the_console_walk_reached_every_kind_of_page(runs: Runs) -> None:
    """The console pages are in the leak search: they must be the real pages, with the data."""
    pages = runs.console_pages
    kinds = {
        kind: any(url.startswith(kind) for url in pages)
        for kind in ("/inventory/", "/findings/", "/access", "/disclosures/", "/breaches")
    }
    assert kinds == dict.fromkeys(kinds, True)
    datasets = [url for url in pages if url.startswith("/inventory/")]
    assert len(datasets) >= 10
    first = runs.org.people[0].national_id
    masked = f"{first[0]}-{first[1:5]}-xxxxx-xx-{first[12]}"
    shown = any(masked in body for url, body in pages.items() if url.startswith("/inventory/"))
    assert shown, "no dataset page shows the first person's national ID, even masked"
    decided = "seen in the console" in next(
        body for url, body in pages.items() if url.endswith("(after triage)")
    )
    assert decided, "the console's triage was not recorded"
