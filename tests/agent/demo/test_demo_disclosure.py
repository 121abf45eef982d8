"""The demo's disclosure request (SPEC §10): assessed, blocked by k with a suggestion, and
made once the suggestion is followed and an approver named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from agent.cli import main
from agent.demo import build_demo


def test_the_demo_request_is_assessed_then_disclosed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PDPA_PSEUDONYM_KEY", "demo-key-0123456789abcdef")
    paths = build_demo(tmp_path / "demo-org")
    config, request = str(paths.config), paths.disclosure_request
    assessed = tmp_path / "assessed"
    assert main(["-c", config, "disclose", str(request), "--assess", "--out", str(assessed)]) == 0
    assessment = json.loads((assessed / "assessment.json").read_text(encoding="utf-8"))
    codes = {p["code"]: p["blocking"] for p in assessment["problems"]}
    assert codes == {"K_BELOW_MIN": True, "NOT_APPROVED": False}
    k = assessment["k_anonymity"]
    assert k["quasi_identifiers"] == ["birth_date", "address"] and k["k"] < 5
    suggestion = {s["column"]: s["treatment"] for s in k["suggestion"]}
    assert k["suggestion_k"] >= 5
    capsys.readouterr()

    text = request.read_text(encoding="utf-8").replace('approved_by = ""', 'approved_by = "dpo@x"')
    for column, treatment in suggestion.items():
        old = f'name = "{column}"\nas = "province"'
        text = text.replace(old, f'name = "{column}"\nas = "{treatment}"')
    request.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["-c", config, "disclose", str(request), "--out", str(out)]) == 0, (
        capsys.readouterr()
    )
    sheet = load_workbook(out / "extract.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 201
    assert "citizen_id" in rows[0] and "birth_date" in rows[0]
    record = json.loads((out / "disclosure.json").read_text(encoding="utf-8"))
    assert record["rows"] == 200 and record["k"] >= 5
