"""``pdpa-agent disclose`` refuses what it must, in one line per reason, exit 2, and writes
nothing: an unknown dataset, a folder that is a file or already holds a disclosure, an id
already in the log, a missing pseudonym key."""

from __future__ import annotations

import pytest

from agent.cli import main
from tests.support.dpo.disclosure_org import KEY, Setup, write_request, write_setup

COLUMNS = {"passenger_id": "keep", "national_id": "pseudonym", "gender": "keep"}


@pytest.fixture(scope="module")
def org(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    return write_setup(tmp_path_factory.mktemp("disclose_cmd"), "csv", None)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(autouse=True)
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDPA_PSEUDONYM_KEY", KEY)


def test_an_unknown_dataset_is_named(org: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_request(org.folder, "nowhere", "missing.csv", COLUMNS, id="REQ-NOWHERE")
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(path), "--assess")
    assert code == 2 and "missing.csv" in err and "Traceback" not in err


def test_a_missing_key_blocks_a_pseudonym(
    org: Setup, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PDPA_PSEUDONYM_KEY")
    path = write_request(org.folder, "nokey", org.dataset, COLUMNS, id="REQ-NOKEY")
    out = org.folder / "nokey"
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 2 and "key_env" in err and KEY not in err
    assert not out.exists()
    monkeypatch.setenv("PDPA_PSEUDONYM_KEY", "short")
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 2 and "16 bytes" in err and "short" not in err


def test_an_output_path_that_is_a_file_is_refused(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = org.folder / "a_file"
    blocker.write_text("keep me", encoding="utf-8")
    path = write_request(org.folder, "to_file", org.dataset, COLUMNS, id="REQ-TOFILE")
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(blocker))
    assert code == 2 and "cannot write to" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "keep me"
    code, listed, _ = _run(capsys, "-c", str(org.config), "disclosures", "list")
    assert "REQ-TOFILE" not in listed


def test_an_id_already_logged_and_a_used_folder_are_refused(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_request(org.folder, "once", org.dataset, COLUMNS, id="REQ-ONCE")
    out = org.folder / "once"
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 0, err
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    again = org.folder / "again"
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(again))
    assert code == 2 and "already in the log" in err and not again.exists()
    other = write_request(org.folder, "other", org.dataset, COLUMNS, id="REQ-OTHER")
    code, _, err = _run(capsys, "-c", str(org.config), "disclose", str(other), "--out", str(out))
    assert code == 2 and "already holds a disclosure" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_an_id_is_assigned_when_the_request_gives_none(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_request(org.folder, "no_id", org.dataset, COLUMNS)
    code, said, err = _run(capsys, "-c", str(org.config), "disclose", str(path))
    assert code == 0, err
    assigned = said.split()[1].rstrip(":")
    assert assigned.startswith("DIS-")
    default = org.folder / "reports" / "disclosures" / assigned
    assert (default / "extract.csv").is_file() and (default / "disclosure.json").is_file()
    code, shown, _ = _run(capsys, "-c", str(org.config), "disclosures", "show", assigned)
    assert code == 0 and "national_id (pseudonym)" in shown
