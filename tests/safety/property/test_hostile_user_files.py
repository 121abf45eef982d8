"""Issue 9 (3): explicit hostile user files are refused with one problem line per fault.

Wrong types and unknown keys in the config (escaped, never run on the
terminal), schedules the scheduler cannot run, BOMs and CR-only line ends
(loaded), duplicate ids, empty and missing files, directories, FIFOs,
``/dev/zero`` and names holding NUL (refused without being read), 10 MB
files and a zip bomb register (refused before it is inflated). Every problem
line starts with the file's path.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from agent.inputs.config_loader import LoadedConfig, load_config
from agent.inputs.erasure import load_erasure_requests
from agent.inputs.problems import ConfigProblems
from tests.safety.property.shared import access, register

ENTRY = (
    '[[datasets]]\nid = "{id}"\nsource = "hr"\nmatch = "{match}"\nlegal_basis = "contract"\n'
    'owner = "hr@example.co.th"\n'
)


def problem_lines(load, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigProblems) as caught:
        load(path)
    lines = [str(p) for p in caught.value.problems]
    assert lines and all(line.startswith(str(path)) for line in lines), lines
    return lines


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[agent]\nworkers = "two"\n', "agent.workers: Input should be a valid integer"),
        ("[agent]\nworkers = 2\ncolour = 1\n", "agent.colour: unknown key"),
        ('[agent]\n"\\u001b[2J" = 1\n', "agent.\\x1b[2J: unknown key"),  # escaped, not run
        ("[detection]\nsample_rows = 1e400\n", "detection.sample_rows"),
        ("sources = 5\n", "sources: Input should be a valid list"),
        ('[agent]\nschedule = "every week at 01:00"\n', "'at' needs a day or weekday unit"),
        ('[agent]\nschedule = "every 9999999 days"\n', "at most 366 days"),
        # a share folder missing at load time is the source's SCAN_ERROR at scan time
        # (tests/safety/test_source_faults.py), not a configuration error
        ('[[sources]]\nname = "s"\nkind = "files"\npath = "~nosuchuser/share"\n', None),
        ('[[sources]]\nname = "s"\nkind = "files"\npath = "' + "x" * 5000 + '"\n', None),
        ("[agent\n", "invalid TOML"),
        ("", None),  # an empty config is the defaults
    ],
)
def test_wrong_types_and_unknown_keys_in_the_config(
    tmp_path: Path, text: str, fragment: str | None
) -> None:
    path = tmp_path / "pdpa-agent.toml"
    path.write_text(text, encoding="utf-8")
    if fragment is None:
        assert isinstance(load_config(path), LoadedConfig)
        return
    lines = problem_lines(load_config, path)
    assert any(fragment in line for line in lines), lines


def test_bom_crlf_and_cr_only_files_load(tmp_path: Path) -> None:
    config = tmp_path / "pdpa-agent.toml"
    config.write_bytes(b"\xef\xbb\xbf[agent]\r\nworkers = 3\r\n")
    assert load_config(config).config.agent.workers == 3
    entries = ENTRY.format(id="A", match="x") + ENTRY.format(id="B", match="y")
    toml = tmp_path / "register.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + entries.replace("\n", "\r\n").encode())
    assert [e.id for e in register(toml)] == ["A", "B"]
    rows = "id,source,match,legal_basis,owner\rA,hr,x,contract,hr@example.co.th\r"
    csv_path = tmp_path / "register.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + rows.encode())
    assert [e.id for e in register(csv_path)] == ["A"]
    erasure = tmp_path / "erasure.csv"
    erasure.write_bytes(
        b"\xef\xbb\xbfsubject_type,subject_value,requested_at,kind\r\n"
        b"TH_NATIONAL_ID,1103700001239,2026-01-01,erasure\r"
        b"EMAIL_ADDRESS,a@example.co.th,2026-01-02,consent_withdrawn\r\n"
    )
    assert [r.kind for r in load_erasure_requests(erasure)] == ["erasure", "consent_withdrawn"]


def test_duplicate_ids_empty_and_missing_files(tmp_path: Path) -> None:
    duplicated = tmp_path / "register.toml"
    duplicated.write_text(
        ENTRY.format(id="A", match="x") + ENTRY.format(id="A", match="y"), encoding="utf-8"
    )
    assert sum("duplicate register id 'A'" in p for p in problem_lines(register, duplicated)) == 2
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    assert register(empty) == () and access(empty) == ()
    empty_csv = tmp_path / "empty.csv"
    empty_csv.write_bytes(b"")
    assert register(empty_csv) == ()
    assert "header must be" in problem_lines(load_erasure_requests, empty_csv)[0]
    for load in (register, access, load_erasure_requests, load_config):
        absent = tmp_path / "absent.csv" if load is load_erasure_requests else tmp_path / "a.toml"
        assert problem_lines(load, absent)[0].endswith("not found")


def test_directories_fifos_devices_and_bad_names_are_refused_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert problem_lines(load_config, folder)[0].endswith("is a directory")
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)  # nobody writes: a read would block for ever
    assert problem_lines(load_config, fifo)[0].endswith("is not a regular file")
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")  # endless
    assert problem_lines(load_erasure_requests, zero)[0].endswith("is not a regular file")
    nul = tmp_path / "a\x00b.toml"
    assert problem_lines(register, nul)[0].endswith("not a valid file name")


def test_ten_megabyte_files(tmp_path: Path) -> None:
    padding = "# " + "x" * 1000 + "\n"
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(padding * 10_000 + "[agent]\nworkers = 3\n", encoding="utf-8")
    assert config.stat().st_size > 10_000_000
    assert load_config(config).config.agent.workers == 3
    garbage = tmp_path / "erasure.csv"
    garbage.write_bytes(b"subject_type,subject_value,requested_at,kind\n" + b"\xff" * 10_000_000)
    assert "not UTF-8" in problem_lines(load_erasure_requests, garbage)[0]
    long_cell = tmp_path / "register.csv"
    long_cell.write_text("id,source\n" + "y" * 10_000_000 + ",hr\n", encoding="utf-8")
    assert any("row 2" in p for p in problem_lines(register, long_cell))


def test_zip_bomb_register_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(20):
                member.write(bytes(1024 * 1024))
    assert "zip bomb" in problem_lines(register, path)[0]
