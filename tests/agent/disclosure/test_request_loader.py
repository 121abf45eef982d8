"""Reading a disclosure request file: every mistake named with file and line, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent.cli import main
from agent.disclosure.request_loader import load_request
from agent.inputs.problems import ConfigProblems

GOOD = """\
[request]
id = "REQ-2026-014"
requested_by = "Research unit, Airport Operations"
recipient = "Faculty of Public Health, Example University"
recipient_contact = "Dr. A. Researcher <a.researcher@example.ac.th>"
legal_basis = "archives_research"
purpose = "Study of passenger flows by age group"
approved_by = "dpo@example.co.th"
follow_up_every = "6m"
source = "ops"
dataset = "public.passengers"
format = "xlsx"
k_min = 7

[[request.columns]]
name = "date_of_birth"
as = "birth_year"

[[request.columns]]
name = "national_id"
as = "pseudonym"
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "request.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_request_reads_every_field(tmp_path: Path) -> None:
    request = load_request(_write(tmp_path, GOOD), {"ops"})
    assert request.id == "REQ-2026-014" and request.format == "xlsx" and request.k_min == 7
    assert [(c.name, c.treatment) for c in request.columns] == [
        ("date_of_birth", "birth_year"),
        ("national_id", "pseudonym"),
    ]
    assert request.follow_up_every == "6m" and request.calendar == "ce"


def test_defaults_for_what_the_request_leaves_out(tmp_path: Path) -> None:
    text = GOOD.replace('id = "REQ-2026-014"\n', "").replace('follow_up_every = "6m"\n', "")
    text = text.replace('legal_basis = "archives_research"\n', "").replace("k_min = 7\n", "")
    request = load_request(_write(tmp_path, text), {"ops"})
    assert request.id == "" and request.follow_up_every == "6m"
    assert request.legal_basis == "" and request.k_min is None  # judged by the assessment


@pytest.mark.parametrize(
    ("change", "message", "line"),
    [
        (('as = "birth_year"', 'as = "hash"'), "request.columns.0.as", 17),
        (('legal_basis = "archives_research"', 'legal_basis = "because"'), "legal_basis", 6),
        (('source = "ops"', 'source = "elsewhere"'), "not a configured source", 10),
        (('follow_up_every = "6m"', 'follow_up_every = "half a year"'), "follow_up_every", 9),
        (('format = "xlsx"', 'format = "pdf"'), "format", 12),
        (("k_min = 7", "k_min = 1"), "k_min", 13),
        (('id = "REQ-2026-014"', 'id = "../../etc/passwd"'), "request.id", 2),
        (('name = "national_id"', 'name = "date_of_birth"'), "asked more than once", 20),
        (('recipient = "Faculty', 'recipent = "Faculty'), "unknown key", 4),
    ],
)
def test_mistakes_are_named_with_their_line(
    tmp_path: Path, change: tuple[str, str], message: str, line: int
) -> None:
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ConfigProblems) as raised:
        load_request(path, {"ops"})
    shown = [str(p) for p in raised.value.problems]
    assert any(message in text and f"request.toml:{line}:" in text for text in shown), shown


@pytest.mark.parametrize(
    "content",
    [b"[request\n", b"\xff\xfe not utf-8", b"[request]\ncolumns = []\n", b""],
)
def test_the_command_refuses_a_broken_file_in_one_line(
    tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "pdpa-agent.toml"
    config.write_text('[[sources]]\nname = "ops"\nkind = "files"\npath = "."\n', encoding="utf-8")
    request = tmp_path / "request.toml"
    request.write_bytes(content)
    code = main(["-c", str(config), "disclose", str(request), "--assess"])
    err = capsys.readouterr().err
    assert code == 2
    assert "request.toml" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_missing_request_file_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "pdpa-agent.toml"
    config.write_text('[[sources]]\nname = "ops"\nkind = "files"\npath = "."\n', encoding="utf-8")
    code = main(["-c", str(config), "disclose", str(tmp_path / "nope.toml")])
    assert code == 2 and "nope.toml" in capsys.readouterr().err
