"""SPEC §3 on the command line: ``-c`` on either side of the command, ``subject`` VALUE
from standard input, no message ever repeating a value, a mistyped ID reported as one."""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from agent.cli import build_parser, main
from agent.commands.subject import guess_type, read_subject, value_from_bytes
from tests.support.synthetic import with_check_digit

PIN = with_check_digit("110370001234")
DASHED_PIN = f"{PIN[0]}-{PIN[1:5]}-{PIN[5:10]}-{PIN[10:12]}-{PIN[12]}"
BAD_PIN = PIN[:12] + str((int(PIN[12]) + 1) % 10)
EMAIL = "somsri.rakdee@example.co.th"
PHONE = "081-234-5678"
TEXT = f"นางสมศรี รักดี โทร {PHONE} บัตร {PIN}"


def run(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_not_echoed(done: subprocess.CompletedProcess[str], *values: str) -> None:
    said = done.stdout + done.stderr
    for value in values:
        digits = "".join(ch for ch in value if ch.isdigit())
        assert value not in said, said
        assert len(digits) < 7 or digits not in said, said


@pytest.fixture
def org(tmp_path: Path) -> Path:
    """A config with one SQLite source holding PIN (dashed) three times, and EMAIL once."""
    db = tmp_path / "org.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, citizen_id TEXT, email TEXT)")
        other = with_check_digit("310060044563")
        rows = [(other, f"p{i}@example.co.th") for i in range(30)]
        rows += [(DASHED_PIN, "someone@example.co.th")] * 3 + [(other, EMAIL)]
        conn.executemany("INSERT INTO people (citizen_id, email) VALUES (?, ?)", rows)
    config = tmp_path / "cfg.toml"
    config.write_text(
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///{db}"\n', encoding="utf-8"
    )
    return config


# --- -c/--config before and after the command -------------------------------------------


def sub_parsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in sub_parsers(sub).items()})
    return found


def test_every_command_takes_config_after_its_name() -> None:
    commands = sub_parsers(build_parser())
    assert {"scan", "subject", "detect", "check-config", "worker"} <= set(commands)
    missing = [
        n for n, p in commands.items() if not {"-c", "--config"} <= set(p._option_string_actions)
    ]
    assert missing == []
    for name in ("scan", "run", "access", "findings", "subject", "detect", "demo", "check-config"):
        before = build_parser().parse_args(["-c", "a.toml", name])
        after = build_parser().parse_args([name, "--config", "a.toml"])
        assert before.config == "a.toml" and after.command_config == "a.toml"


def test_config_after_the_command_is_used(
    org: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-config", "-c", str(org)]) == 0
    after = capsys.readouterr()
    assert main(["-c", str(org), "check-config"]) == 0
    assert capsys.readouterr() == after
    missing = tmp_path / "absent.toml"
    assert main(["subject", EMAIL, "--config", str(missing)]) == 2
    assert "not found" in capsys.readouterr().err


def test_config_on_both_sides_must_agree(org: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = org.with_name("other.toml")
    other.write_text(org.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["-c", str(other), "check-config", "-c", str(org)]) == 2
    err = capsys.readouterr().err
    assert "given both before and after the command" in err
    assert main(["-c", str(org), "check-config", "-c", str(org)]) == 0


# --- subject VALUE from standard input ----------------------------------------------------


def test_subject_value_from_stdin_is_found_and_not_printed(org: Path) -> None:
    piped = run("-c", str(org), "subject", "--type", "TH_NATIONAL_ID", stdin=PIN + "\n")
    dashed = run("subject", "-", "-c", str(org), stdin=DASHED_PIN + "\r\n")
    for done in (piped, dashed):
        assert done.returncode == 0, done.stderr
        assert "subject TH_NATIONAL_ID" in done.stdout
        assert "org/main.people column citizen_id: 3 row(s)" in done.stdout
        assert_not_echoed(done, PIN, DASHED_PIN)


@pytest.mark.parametrize("stdin", ["", "\n", "   \n", f"{EMAIL}\n{PIN}\n"])
def test_subject_stdin_empty_or_several_lines_is_a_usage_error(org: Path, stdin: str) -> None:
    done = run("-c", str(org), "subject", stdin=stdin)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "VALUE" in done.stderr
    assert_not_echoed(done, PIN, EMAIL)


def test_value_from_bytes() -> None:
    assert value_from_bytes(b"\xef\xbb\xbf" + PIN.encode() + b"\r\n\n") == PIN
    assert value_from_bytes(" ๐๘๑-๒๓๔-๕๖๗๘\n".encode()) == " ๐๘๑-๒๓๔-๕๖๗๘"
    for bad in (b"", b"\n", b"a\nb\n", b"\xff\xfe", b"x" * 5000):
        with pytest.raises(ValueError) as raised:
            value_from_bytes(bad)
        assert "x" * 10 not in str(raised.value)


# --- a mistyped national ID is not a foreign phone number ---------------------------------


def test_a_wrong_check_digit_is_reported_without_the_value(org: Path) -> None:
    for value in (BAD_PIN, f"{BAD_PIN[:1]}-{BAD_PIN[1:5]}-{BAD_PIN[5:10]}-{BAD_PIN[10:]}"):
        done = run("-c", str(org), "subject", value)
        assert done.returncode == 2
        assert "looks like a Thai national ID" in done.stderr and "check digit" in done.stderr
        assert_not_echoed(done, value, BAD_PIN)
    phone = run("-c", str(org), "subject", BAD_PIN, "--type", "PHONE_NUMBER")
    assert phone.returncode == 0, phone.stderr
    assert "subject PHONE_NUMBER" in phone.stdout and "not found" in phone.stdout
    assert_not_echoed(phone, BAD_PIN)


def test_what_a_value_is_taken_for() -> None:
    assert guess_type(BAD_PIN) == guess_type(DASHED_PIN) == "TH_NATIONAL_ID"
    assert guess_type("0066 81 234 5678") == guess_type("+1 555 123 4567") == "PHONE_NUMBER"
    assert read_subject("0066 81 234 5678", None).clear == "0812345678"
    with pytest.raises(ValueError, match="check digit is wrong"):
        read_subject(BAD_PIN, None)
    juristic = with_check_digit("010553600012")
    with pytest.raises(ValueError, match=r"looks like a Thai national ID.*not a personal ID"):
        read_subject(juristic, None)
    with pytest.raises(ValueError, match=r"^TH_NATIONAL_ID: the check digit does not match$"):
        read_subject(BAD_PIN, "TH_NATIONAL_ID")
    assert read_subject(BAD_PIN, "PHONE_NUMBER").clear == "+" + BAD_PIN


# --- no message repeats a value -----------------------------------------------------------

SHA = "sha256:" + "ab12" * 10


@pytest.mark.parametrize(
    ("args", "stdin", "value"),
    [
        (["subject", DASHED_PIN, "--type", "BOGUS"], "", DASHED_PIN),
        (["subject", DASHED_PIN, "--type=BOGUS"], "", DASHED_PIN),
        (["subject", "--type", PIN], "", PIN),
        (["subject", PIN, "extra", "words"], "", PIN),
        ([PIN], "", PIN),
        (["subject", PIN, "--type", "EMAIL_ADDRESS"], "", PIN),
        (["subject", "--type", "EMAIL_ADDRESS"], PIN + "\n", PIN),
        (["subject", EMAIL, "--type", "PHONE_NUMBER"], "", EMAIL),
        (["subject", f"--type={EMAIL}"], "", EMAIL),
        (["subject", SHA, "--type", "TH_NATIONAL_ID"], "", SHA),
        (["subject", SHA + "ab12" * 6], "", SHA),
        (["-c", "{missing}", "subject", PIN], "", PIN),
        (["-c", "{broken}", "subject", DASHED_PIN], "", DASHED_PIN),
        (["-c", "{org}", "subject", EMAIL, "--source", "nope"], "", EMAIL),
        (["scan", "--fail-on", PHONE], "", PHONE),
        (["detect", TEXT], "", TEXT),
        (["detect", TEXT, "--jsonl"], "", TEXT),
        (["detect", "-", "--jsonl"], TEXT, TEXT),
        (["detect", "-", TEXT], "", TEXT),
        (["detect", f"--jsonl={TEXT}"], "", TEXT),
    ],
)
def test_no_error_message_repeats_the_value(
    org: Path, tmp_path: Path, args: list[str], stdin: str, value: str
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[agent]\nworkers = -1\n", encoding="utf-8")
    paths = {"{missing}": str(tmp_path / "absent.toml"), "{broken}": str(broken), "{org}": str(org)}
    done = run(*[paths.get(a, a) for a in args], stdin=stdin, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("pdpa-agent") and "Traceback" not in done.stderr
    assert_not_echoed(done, value, PHONE, EMAIL, PIN)
