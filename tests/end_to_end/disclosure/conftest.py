"""One disclosure organisation per backend and file format, shared by a test module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from agent.cli import main
from tests.support.backends import new_backend
from tests.support.dpo.disclosure_org import KEY, Setup, write_setup

#: Every place a dataset can be disclosed from (SPEC §10: all backends, CSV and XLSX files).
KINDS = ("sqlite", "postgresql", "mariadb", "csv", "xlsx")


@pytest.fixture(scope="module", params=KINDS)
def org(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Setup:
    kind: str = request.param
    folder = tmp_path_factory.mktemp(f"disclose_{kind}")
    backend = (
        new_backend(request, kind, folder) if kind in ("sqlite", "postgresql", "mariadb") else None
    )
    return write_setup(folder, kind, backend)


@pytest.fixture(autouse=True)
def pseudonym_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDPA_PSEUDONYM_KEY", KEY)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``pdpa-agent ARGV`` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
