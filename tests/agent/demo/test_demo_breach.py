"""The demo's incident (SPEC §11): a stolen laptop with an HR export, opened after a scan —
graded high from the scanned data, with the clock running and every draft written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agent.cli import main
from agent.demo import build_demo


def test_the_demo_incident_opens_a_high_breach_from_the_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = build_demo(tmp_path / "demo-org")
    config = str(paths.config)
    assert main(["-c", config, "scan", "--out", str(tmp_path / "scan")]) in (0, 1, 3)
    out = tmp_path / "breach"
    assert main(["-c", config, "breach", "open", str(paths.incident), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "grade high" in said and "left" in said
    document = json.loads((out / "breach.json").read_text(encoding="utf-8"))
    datasets = {d["dataset"]: d for d in document["impact"]["datasets"]}
    employees = datasets["main.employees"]
    assert employees["people"] == 200 and employees["people_basis"].startswith("column citizen_id")
    assert set(employees["sensitive"]) >= {"RELIGION"}
    assert any(name.startswith("hr/") for name in datasets)
    assert 65 < document["clock"]["hours_left"] <= 66
    assert (out / "subjects-notice.th.docx").is_file()
