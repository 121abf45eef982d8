"""Issue 9 (3): the CLI turns a bad user file into exit code 2 and one line, no traceback.

``check-config`` and ``scan`` run in a subprocess on a config with an unknown
key, binary garbage, a missing register file and a schedule the scheduler
cannot run; each prints exactly one line naming the file to blame.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import REPO_ROOT

REPO = REPO_ROOT


def run_cli(config: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), command],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=config.parent,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.parametrize(
    ("name", "content", "blamed"),
    [
        ("unknown_key.toml", b"[agent]\nworkers = 2\ncolour = 1\n", "unknown_key.toml"),
        ("garbage.toml", b"\x00\xff\xfe garbage \x89PNG", "garbage.toml"),
        ("missing_register.toml", b'[register]\npath = "absent.csv"\n', "absent.csv"),
        ("bad_schedule.toml", b'[agent]\nschedule = "every week at 01:00"\n', "bad_schedule.toml"),
    ],
)
def test_cli_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, name: str, content: bytes, blamed: str
) -> None:
    config = tmp_path / name
    config.write_bytes(content)
    checked = run_cli(config, "check-config")
    assert checked.returncode == 2
    assert "Traceback" not in checked.stdout + checked.stderr
    problems = checked.stdout.splitlines()
    assert len(problems) == 1 and blamed in problems[0], checked.stdout
    scanned = run_cli(config, "scan")
    assert scanned.returncode == 2
    assert "Traceback" not in scanned.stdout + scanned.stderr
    errors = [line for line in scanned.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("pdpa-agent: error: ") and blamed in errors[0]
