"""Two scans in a row with a change between them: the store says exactly what is new and resolved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_two_scans_report_new_and_resolved(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "a.csv").write_text(
        "email\n" + "\n".join(f"u{i}@example.co.th" for i in range(20)), encoding="utf-8"
    )
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\n\n'
        '[[sources]]\nname = "s"\nkind = "files"\npath = "share"\n\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    first = run(config, "scan")
    assert first.returncode == 0, first.stderr
    assert "since the previous scan: 1 new, 0 resolved, 1 open" in first.stdout
    (share / "a.csv").unlink()
    (share / "b.csv").write_text(
        "phone\n" + "\n".join(f"081-234-{5600 + i}" for i in range(20)), encoding="utf-8"
    )
    second = run(config, "scan")
    assert "since the previous scan: 1 new, 1 resolved, 1 open" in second.stdout
    listing = run(config, "findings")
    assert listing.returncode == 0, listing.stderr
    assert "1 new, 1 resolved" in listing.stdout
    new_lines = [line for line in listing.stdout.splitlines() if line.startswith("  new ")]
    resolved_lines = [
        line for line in listing.stdout.splitlines() if line.startswith("  resolved ")
    ]
    assert len(new_lines) == 1 and "s/b.csv" in new_lines[0]
    assert len(resolved_lines) == 1 and "s/a.csv" in resolved_lines[0]
    open_only = run(config, "findings", "--status", "open").stdout.split(" finding(s)")[0]
    assert (
        "s/b.csv" in open_only and "s/a.csv" not in open_only
    )  # the listing; the change summary follows
    assert run(config, "findings", "--since", "no-such-scan").returncode == 2
    assert "u1@example.co.th" not in (tmp_path / "state.db").read_bytes().decode("utf-8", "replace")
