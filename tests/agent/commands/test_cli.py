"""The command line as a user meets it: real subprocesses, real files, exit codes of SPEC §3."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.cli import output_closed
from tests.support.synthetic import with_check_digit


def run(
    *args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def test_detect_plain_text_offsets_are_code_points() -> None:
    pin = with_check_digit("110370000123")
    thai_pin = pin.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    text = f"นายสมชาย ใจดี โทร 081-234-5678 อีเมล somchai@example.co.th บัตร {thai_pin}"
    done = run("detect", "-", stdin=text)
    assert done.returncode == 0, done.stderr
    entities = json.loads(done.stdout)["entities"]
    spans = {e["type"]: text[e["start"] : e["end"]] for e in entities}
    assert spans["PHONE_NUMBER"] == "081-234-5678"
    assert spans["EMAIL_ADDRESS"] == "somchai@example.co.th"
    assert spans["TH_NATIONAL_ID"] == thai_pin
    assert spans["PERSON"].startswith("นายสมชาย")
    assert all(set(e) == {"type", "start", "end", "score"} for e in entities)


def test_detect_jsonl_and_a_bad_line(tmp_path: Path) -> None:
    lines = [{"id": 1, "text": "ติดต่อ 02-123-4567"}, {"id": "b", "text": "ไม่มีข้อมูลส่วนบุคคล"}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    done = run("detect", str(path), "--jsonl")
    assert done.returncode == 0, done.stderr
    out = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "b"]
    assert [e["type"] for e in out[0]["entities"]] == ["PHONE_NUMBER"] and out[1]["entities"] == []
    path.write_text('{"id": 1, "text": "x"}\nnot json\n', encoding="utf-8")
    bad = run("detect", str(path), "--jsonl")
    assert bad.returncode == 2 and f"{path}:2:" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.parametrize(
    ("config", "fragment"),
    [
        ("[agent]\nworkers = -1\n", "agent.workers"),
        ("this is not toml", "invalid TOML"),
        (
            '[[sources]]\nname = "x"\nkind = "database"\nurl = "sqlite://"\nextra = 1\n',
            "unknown key",
        ),
    ],
)
def test_broken_config_exits_2_with_one_line(tmp_path: Path, config: str, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(config, encoding="utf-8")
    done = run("-c", str(path), "scan")
    assert done.returncode == 2
    assert fragment in done.stderr and str(path) in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_missing_config_and_bad_arguments_exit_2(tmp_path: Path) -> None:
    for args in (("-c", str(tmp_path / "absent.toml"), "scan"), ("scan", "-c", "absent.toml")):
        done = run(*args, cwd=tmp_path)
        assert done.returncode == 2 and "absent.toml" in done.stderr and "not found" in done.stderr
    assert run("scan", "--format", "pdf", cwd=tmp_path).returncode == 2
    assert run("no-such-command").returncode == 2


def write_config(folder: Path, sources: str, extra: str = "") -> Path:
    path = folder / "pdpa-agent.toml"
    path.write_text(
        f'[agent]\nstate = "sqlite:///{folder}/state.db"\n{sources}\n'
        f'[reports]\nout_dir = "out"\nformats = ["json", "csv"]\nlanguage = "en"\n{extra}',
        encoding="utf-8",
    )
    return path


def people_db(path: Path) -> Path:
    import sqlite3

    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE staff (id INTEGER PRIMARY KEY, email TEXT, phone TEXT)")
        db.executemany(
            "INSERT INTO staff (email, phone) VALUES (?, ?)",
            [(f"user{i}@example.co.th", f"08{i % 10}-555-{1000 + i}") for i in range(50)],
        )
    return path


def test_unreachable_source_is_a_scan_error_and_exit_3(tmp_path: Path) -> None:
    db = people_db(tmp_path / "people.sqlite")
    config = write_config(
        tmp_path,
        f'[[sources]]\nname = "down"\nkind = "database"\n'
        f'url = "postgresql+psycopg2://scanner@127.0.0.1:1/hr"\npassword_env = "PDPA_TEST_PW"\n\n'
        f'[[sources]]\nname = "local"\nkind = "database"\nurl = "sqlite:///{db}"\n',
    )
    done = run("-c", str(config), "scan", env={"PDPA_TEST_PW": "s3cr3t-pw"})
    assert done.returncode == 3, done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    errors = [f for f in report["findings"] if f["type"] == "SCAN_ERROR"]
    assert [(f["source"], f["dataset"]) for f in errors] == [("down", None)]
    assert {s["name"]: s["status"] for s in report["sources"]} == {"down": "error", "local": "ok"}
    assert [d["name"] for d in report["datasets"]] == ["main.staff"]
    everything = done.stdout + done.stderr + json.dumps(report)
    assert "s3cr3t-pw" not in everything


def test_fail_on_severity(tmp_path: Path) -> None:
    db = people_db(tmp_path / "people.sqlite")
    config = write_config(
        tmp_path, f'[[sources]]\nname = "local"\nkind = "database"\nurl = "sqlite:///{db}"\n'
    )
    assert run("-c", str(config), "scan").returncode == 0
    assert run("-c", str(config), "scan", "--fail-on", "medium").returncode == 1
    assert run("-c", str(config), "scan", "--fail-on", "critical").returncode == 0
    assert run("-c", str(config), "scan", "--source", "nope").returncode == 2


def test_check_config_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    register = tmp_path / "register.toml"
    register.write_text(
        '[[datasets]]\nid = "A"\nsource = "local"\nmatch = "main.*"\nlegal_basis = "contract"\n'
        'owner = "o@example.co.th"\nretention = "ten years"\n\n'
        '[[datasets]]\nid = "A"\nsource = "ghost"\nmatch = "x"\nlegal_basis = "whim"\nowner = "o@x.th"\n',
        encoding="utf-8",
    )
    config = write_config(
        tmp_path,
        f'[[sources]]\nname = "local"\nkind = "database"\nurl = "sqlite:///{tmp_path}/x.sqlite"\n',
        extra='[register]\npath = "register.toml"\n',
    )
    done = run("-c", str(config), "check-config")
    assert done.returncode == 2
    assert f"{register}:7: " in done.stdout and "retention" in done.stdout
    assert f"{register}:13: " in done.stdout and "legal_basis" in done.stdout
    register.write_text(
        register.read_text(encoding="utf-8").split("\n\n")[0].replace("ten years", "10y"),
        encoding="utf-8",
    )
    ok = run("-c", str(config), "check-config")
    assert ok.returncode == 0 and "1 register entries" in ok.stdout


def test_one_broken_dataset_is_a_scan_error_and_the_rest_is_scanned(tmp_path: Path) -> None:
    import sqlite3

    db = people_db(tmp_path / "people.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE gone (x TEXT)")
        conn.execute("CREATE VIEW broken AS SELECT x FROM gone")
        conn.execute("DROP TABLE gone")
    config = write_config(
        tmp_path, f'[[sources]]\nname = "local"\nkind = "database"\nurl = "sqlite:///{db}"\n'
    )
    done = run("-c", str(config), "scan")
    assert done.returncode == 3, done.stderr
    report = json.loads((tmp_path / "out" / "findings.json").read_text(encoding="utf-8"))
    errors = [
        (f["dataset"], f["message"]["en"]) for f in report["findings"] if f["type"] == "SCAN_ERROR"
    ]
    assert [e[0] for e in errors] == ["main.broken"] and "gone" in errors[0][1]
    staff = next(d for d in report["datasets"] if d["name"] == "main.staff")
    assert {p["type"] for c in staff["columns"] for p in c["pii"]} == {
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
    }


def test_unwritable_report_folder_exits_2_with_a_reason(tmp_path: Path) -> None:
    db = people_db(tmp_path / "people.sqlite")
    config = write_config(
        tmp_path, f'[[sources]]\nname = "local"\nkind = "database"\nurl = "sqlite:///{db}"\n'
    )
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    done = run("-c", str(config), "scan", "--out", str(blocker / "sub"))
    assert (
        done.returncode == 2
        and "cannot write reports" in done.stderr
        and "Traceback" not in done.stderr
    )


def test_check_config_warns_about_a_password_in_a_database_url(tmp_path: Path) -> None:
    config = write_config(
        tmp_path,
        '[[sources]]\nname = "hr"\nkind = "database"\nurl = "postgresql+psycopg2://scanner:s3cret@db1/hr"\n\n'
        '[[sources]]\nname = "ok"\nkind = "database"\nurl = "postgresql+psycopg2://scanner@db1/hr"\n',
    )
    done = run("-c", str(config), "check-config")
    assert done.returncode == 0, done.stdout + done.stderr
    warnings = [line for line in done.stdout.splitlines() if "warning:" in line]
    assert warnings == [
        f"{config.resolve()}: warning: source hr: the url holds a password; use password_env instead"
    ]
    assert "s3cret" not in done.stdout + done.stderr


def test_output_closed_tells_a_gone_reader_from_a_broken_pipe_of_our_own() -> None:
    """Only a reader that went away (``| head``) makes a BrokenPipeError a success."""

    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "w") as writer:
        assert not output_closed(writer)  # a live reader: a broken pipe elsewhere is a failure
        os.close(read_end)
        assert output_closed(writer)


def test_a_reader_that_stops_early_is_not_an_error() -> None:
    lines = "".join(
        json.dumps({"id": i, "text": f"โทร 081-234-{i % 10000:04d} ครับ"}) + "\n"
        for i in range(4000)
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "agent", "detect", "--jsonl", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(lines)
    process.stdin.close()
    assert process.stdout.readline().startswith('{"id": 0')
    process.stdout.close()  # like `| head -1`
    err = process.stderr.read() if process.stderr else ""
    assert process.wait(timeout=300) == 0, err
    assert "internal error" not in err
