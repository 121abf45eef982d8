"""The tree stays ruff-clean (ruff.toml) and the pure layers mypy-strict (setup.cfg [mypy])."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT

ROOT = REPO_ROOT


@pytest.mark.parametrize(
    "command", [["check", "--no-cache", "."], ["format", "--no-cache", "--check", "."]]
)
def test_ruff(command: list[str]) -> None:
    beside_python = Path(sys.executable).with_name("ruff")
    ruff = str(beside_python) if beside_python.exists() else shutil.which("ruff")
    assert ruff, "ruff is a test dependency; install the [test] extra"
    done = subprocess.run([ruff, *command], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_on_scanners_and_connectors() -> None:
    """``scanners`` and ``connectors`` type-check under ``strict = True``; py.typed ships."""
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "scanners", "connectors"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    for package in ("agent", "connectors", "scanners", "reports"):
        assert (ROOT / package / "py.typed").is_file(), package
