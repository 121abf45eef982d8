"""Nothing raw leaves the tool: every output of real CLI runs is searched for every planted value.

One synthetic organisation (:mod:`leak_org`) with known, distinctive values
spread over PostgreSQL, MariaDB, SQLite and a file share (CSV, LOG, JSON,
XLSX, DOCX, a ZIP, broken files, PostgreSQL views whose errors quote a
value), a register with retention and erasure checks, an access list and an
erasure-request file naming subjects in clear. The real CLI runs as
subprocesses: ``scan`` with one and two workers, ``-v`` and ``--debug``,
``findings``, ``subject``, ``access`` and ``detect``, every report format
and the owner reports. Then stdout and stderr of every command, every file written
(inside ``.xlsx``/``.docx``/``.zip`` too, HTML and JSON escapes undone) and
every cell and raw byte of the state store are searched for every spelling
of every planted value. A failure names the output and the kind of value,
never the value itself.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, select
from sqlalchemy.engine import URL

from tests.support.leak_org import Org, build_org, spellings

_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


@dataclass(frozen=True)
class Output:
    """One thing the tool wrote: where, and its text."""

    where: str
    text: str


@dataclass(frozen=True)
class Runs:
    """The organisation and every command's outputs."""

    org: Org
    work: Path
    commands: dict[str, subprocess.CompletedProcess[str]]


def _config(org: Org, work: Path, workers: int, language: str) -> Path:
    """A config for ``workers`` with its own state store ``state-<workers>.db``."""
    path = work / f"workers-{workers}.toml"
    path.write_text(
        f"""
[agent]
state = "sqlite:///{work / f"state-{workers}.db"}"
workers = {workers}

[detection]
sample_rows = 200

[[sources]]
name = "pg"
kind = "database"
url = "{org.pg_url.render_as_string(hide_password=False)}"

[[sources]]
name = "maria"
kind = "database"
url = "{org.mariadb_url.render_as_string(hide_password=False)}"

[[sources]]
name = "clinic"
kind = "database"
url = "sqlite:///{org.sqlite_path}"

[[sources]]
name = "share"
kind = "files"
path = "{org.share}"

[register]
path = "{org.register}"

[access]
path = "{org.access}"

[erasure]
path = "{org.erasure}"
grace_days = 30

[reports]
out_dir = "{work / f"out-{workers}"}"
formats = ["json", "html", "csv", "xlsx"]
language = "{language}"

[reports.email]
smtp_url = "smtp://127.0.0.1:1"
sender = "pdpa-agent@example.org"
""",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return path


def _cli(work: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args],
        cwd=work,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory,
    fresh_pg_database: Callable[[], URL],
    fresh_mariadb_database: Callable[[], URL],
) -> Runs:
    root = tmp_path_factory.mktemp("leaks")
    org = build_org(root / "org", fresh_pg_database(), fresh_mariadb_database())
    work = root / "work"
    work.mkdir()
    two = _config(org, work, 2, "th")
    one = _config(org, work, 1, "en")
    planted = org.erasure_subjects
    commands = {
        "scan -v (2 workers)": _cli(work, "-v", "-c", str(two), "scan"),
        "scan --debug (1 worker)": _cli(work, "--debug", "-c", str(one), "scan"),
        "scan -v --debug (1 worker)": _cli(
            work, "-v", "--debug", "-c", str(one), "scan", "--out", str(work / "out-three")
        ),
        "findings -v": _cli(work, "-v", "-c", str(one), "findings"),
        "findings --debug --status open": _cli(
            work, "--debug", "-c", str(two), "findings", "--status", "open"
        ),
        "subject -v (national id, digits)": _cli(
            work, "-v", "-c", str(two), "subject", planted[0].national_id
        ),
        "subject --debug (national id, dashed)": _cli(
            work, "--debug", "-c", str(one), "subject", planted[2].id_dashed
        ),
        "subject -v (e-mail)": _cli(work, "-v", "-c", str(one), "subject", planted[1].email),
        "subject --debug (phone)": _cli(
            work, "--debug", "-c", str(two), "subject", planted[3].phone_dashed
        ),
        "access -v (2 workers)": _cli(
            work, "-v", "-c", str(two), "access", "--out", str(work / "out-access-2")
        ),
        "access --debug (1 worker)": _cli(
            work, "--debug", "-c", str(one), "access", "--out", str(work / "out-access-1")
        ),
        "check-config": _cli(work, "-c", str(two), "check-config"),
        "detect -v": _cli(work, "-v", "detect", "-", stdin=planted[0].note),
        "detect --debug --jsonl (a bad line)": _cli(
            work,
            "--debug",
            "detect",
            "-",
            "--jsonl",
            stdin=json.dumps({"id": 1, "text": planted[1].note}) + "\n" + planted[2].note,
        ),
    }
    return Runs(org, work, commands)


# -- reading every output as text ----------------------------------------------------


def _unescaped(text: str) -> str:
    """``text`` with HTML entities and ``\\uXXXX`` escapes undone (appended, not replaced)."""
    plain = html.unescape(text)
    decoded = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), plain)
    return "\n".join({text, plain, decoded})


def _file_texts(path: Path, where: str) -> Iterator[Output]:
    data = path.read_bytes()
    yield Output(where, _unescaped(data.decode("utf-8", errors="replace")))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                member = archive.read(info).decode("utf-8", errors="replace")
                yield Output(f"{where}!{info.filename}", _unescaped(member))
    if path.suffix == ".json":
        strings: list[str] = []
        stack: list[object] = [json.loads(data)]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif item is not None:
                strings.append(str(item))
        yield Output(f"{where} (JSON strings)", "\n".join(strings))


def _state_store_texts(db: Path) -> Iterator[Output]:
    engine = create_engine(f"sqlite:///{db}")
    try:
        tables = MetaData()
        tables.reflect(engine)
        with engine.connect() as conn:
            for table in tables.sorted_tables:
                cells = [
                    str(c) for row in conn.execute(select(table)) for c in row if c is not None
                ]
                yield Output(f"{db.name} table {table.name}", _unescaped("\n".join(cells)))
    finally:
        engine.dispose()


def _outputs(runs: Runs) -> list[Output]:
    found = []
    for name, done in runs.commands.items():
        found.append(Output(f"stdout of `{name}`", done.stdout))
        found.append(Output(f"stderr of `{name}`", done.stderr))
    for path in sorted(p for p in runs.work.rglob("*") if p.is_file()):
        where = str(path.relative_to(runs.work))
        if path.name.startswith("state-"):  # a store, its -wal and -journal: raw bytes
            raw = path.read_bytes().decode("utf-8", errors="replace")
            found.append(Output(f"{where} (raw bytes)", raw))
        else:
            found.extend(_file_texts(path, where))
    for db in sorted(runs.work.glob("state-*.db")):
        found.extend(_state_store_texts(db))
    return found


def _leaks(runs: Runs, outputs: list[Output]) -> list[str]:
    """One line per output and kind of raw value found in it (the value itself masked)."""
    planted = [s for person in runs.org.people for s in spellings(person)]
    leaks: dict[tuple[str, str], str] = {}
    for output in outputs:
        lowered = output.text.lower()
        for kind, spelling, masked in planted:
            if spelling in output.text or spelling.lower() in lowered:
                leaks.setdefault((output.where, kind), masked)
    return [
        f"{where}: raw {kind} (e.g. {masked})" for (where, kind), masked in sorted(leaks.items())
    ]


# -- the tests ------------------------------------------------------------------------
#
# Assertions compare booleans computed beforehand: pytest would otherwise print the
# compared text, which is exactly what must not be shown if a value did leak.


def _findings(runs: Runs, out: str) -> dict[str, Any]:
    report: dict[str, Any] = json.loads((runs.work / out / "findings.json").read_text("utf-8"))
    return report


def test_the_commands_ran_and_saw_the_planted_data(runs: Runs) -> None:
    """The search below means something only if the tool read the values it must not show."""
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
        "detect -v": 0,
        "detect --debug --jsonl (a bad line)": 2,
    }
    tracebacks = ["Traceback" in done.stderr for done in runs.commands.values()]
    assert not any(tracebacks)
    report = _findings(runs, "out-2")
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


def test_scan_errors_keep_the_useful_part_of_the_database_error(runs: Runs) -> None:
    report = _findings(runs, "out-2")
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


def test_remediation_sql_holds_no_raw_value(runs: Runs) -> None:
    report = _findings(runs, "out-1")
    remediations = [
        Output(f"remediation of {f['type']} {f['source']}/{f['dataset']}", f["remediation"] or "")
        for f in report["findings"]
    ]
    statements = [r.where for r in remediations if r.text.startswith(("DELETE", "UPDATE"))]
    assert len(statements) >= 3, "no remediation SQL was produced"
    assert _leaks(runs, remediations) == []


def test_no_planted_value_in_any_output(runs: Runs) -> None:
    outputs = _outputs(runs)
    files = {o.where.split("!")[0].split(" (")[0] for o in outputs}
    owners = {f.split("/")[2] for f in files if f.startswith("out-2/owners/")}
    assert owners == {
        "hr-owner_at_example.org",
        "crm-owner_at_example.org",
        "clinic-owner_at_example.org",
    }
    assert {"out-2/report.html", "out-2/findings.xlsx", "out-1/findings.csv"} <= files
    assert {"out-access-2/access.xlsx", "state-1.db", "state-2.db"} <= files
    leaks = _leaks(runs, outputs)
    assert leaks == [], "\n".join(leaks)
