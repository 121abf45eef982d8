"""Triage on the demo organisation's access review: ``access`` reads the decisions too.

The demo's file share and tables are readable by everyone (ACCESS_PUBLIC).
The security team accepts one of them until a date; the access-only scan
(which records nothing) still shows the decision in ``findings.json`` and in
``access.html``, and ``--fail-on`` no longer counts it.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from agent.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_access_scan_shows_an_accepted_public_grant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "demo", "--out", str(tmp_path / "demo"))[0] == 0
    config = str(tmp_path / "demo" / "demo-org" / "pdpa-agent.toml")
    first = json.loads((tmp_path / "demo" / "findings.json").read_text(encoding="utf-8"))
    public = [f for f in first["findings"] if f["type"] == "ACCESS_PUBLIC"]
    assert len(public) >= 2
    until = (date.today() + timedelta(days=90)).isoformat()
    for finding in public:
        code, text = _run(
            capsys, "-c", config, "triage", finding["id"], "--status", "accepted",
            "--until", until, "--by", "security@siamretail.co.th",
            "--reason", "kiosk account, compensating control",
        )  # fmt: skip
        assert code == 0, text
    out = tmp_path / "access"
    code, text = _run(capsys, "-c", config, "access", "--out", str(out), "--fail-on", "critical")
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    shown = {f["id"]: f.get("triage") for f in report["findings"] if f["type"] == "ACCESS_PUBLIC"}
    assert set(shown) == {f["id"] for f in public}
    assert all(t is not None and t["status"] == "accepted" for t in shown.values())
    assert all(t["until"] == until for t in shown.values())
    page = (out / "access.html").read_text(encoding="utf-8")
    assert "kiosk account, compensating control" in page
    critical_open = [
        f for f in report["findings"] if f["severity"] == "critical" and f.get("triage") is None
    ]
    assert code == (1 if critical_open else 0), text
