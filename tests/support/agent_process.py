"""Run ``pdpa-agent run --now`` as a real process until its first scan is recorded, then stop it.

Shared by the tests of the scheduled agent: it waits (at most two minutes)
for a complete scan in the SQLite state store, sends SIGTERM and returns
the exit code and both outputs.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from agent.state.store import StateStore


def run_until_first_scan(config: Path, store_path: Path) -> tuple[int, str, str]:
    """``(returncode, stdout, stderr)`` of the agent stopped after its first complete scan."""
    process = subprocess.Popen(
        [sys.executable, "-m", "agent", "-c", str(config), "run", "--now"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if store_path.exists():
                with StateStore(f"sqlite:///{store_path}") as store:
                    if any(s.status == "complete" for s in store.last_scans(5)):
                        break
            time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    return process.returncode, out, err
