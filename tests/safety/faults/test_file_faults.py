"""Files failing under the scan: a share file vanishing, a report write failing halfway.

A file deleted after the share was listed and before it is read is one
SCAN_ERROR, every other file is scanned. A report write that fails halfway
(a file-size limit on the scan process) exits 2 and leaves the previous
reports as they were (issue 9).
"""

from __future__ import annotations

import resource
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from tests.safety.faults.scan_runs import (
    cli,
    database_source,
    rendered,
    sqlite_people,
    write_config,
)

# --- a file vanishing between listing and reading -----------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_file_vanishing_after_listing(
    tmp_path: Path, workers: int, detection_engine: DetectionEngine
) -> None:
    """The deterministic, real mechanism: ``run_scan`` asks ``should_stop`` once before
    each batch of tasks it starts — first before listing the share, then before the
    first dataset. The hook deletes ``vanishing.csv`` at its second call, after the
    listing and before any file is read; the report proves the file was listed."""
    share = tmp_path / "share"
    share.mkdir()
    rows = "\n".join(f"user{i}@example.co.th,{i}" for i in range(30))
    for name in ("a.csv", "b.csv", "vanishing.csv"):
        (share / name).write_text(f"email,n\n{rows}\n", encoding="utf-8")
    config = write_config(
        tmp_path, workers, '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n'
    )
    calls: list[bool] = []

    def delete_after_listing() -> bool:
        calls.append((share / "vanishing.csv").exists())
        if len(calls) == 2:
            (share / "vanishing.csv").unlink()
        return False

    loaded = load_config(config)
    plan = ScanPlan(loaded, tuple(loaded.config.sources), should_stop=delete_after_listing)
    result = run_scan(plan, detection_engine)
    assert calls[:2] == [True, True] and not (share / "vanishing.csv").exists()
    assert [(s.name, s.status, s.datasets) for s in result.sources] == [("share", "ok", 3)]
    errors = {f.dataset: f.message_en for f in result.findings if f.type == "SCAN_ERROR"}
    assert list(errors) == ["vanishing.csv"]
    assert "disappeared" in errors["vanishing.csv"] or "not found" in errors["vanishing.csv"]
    scanned = {d.name: d.pii_types for d in result.datasets if d.error is None}
    assert scanned == {"a.csv": {"EMAIL_ADDRESS"}, "b.csv": {"EMAIL_ADDRESS"}}
    assert result.failed and result.complete


# --- a report write failing halfway -------------------------------------------


def test_report_write_failing_halfway_keeps_the_previous_reports(
    tmp_path: Path, fresh_pg_database: Callable[[], URL]
) -> None:
    """The second scan runs under a file-size limit between the sizes of
    ``findings.json`` and ``report.html``: the JSON is written, the HTML fails with
    EFBIG. The state store is on PostgreSQL so the limit touches only the reports."""
    local = sqlite_people(tmp_path / "local.sqlite")
    state = rendered(fresh_pg_database())
    config = write_config(
        tmp_path, 1, database_source("local", f"sqlite:///{local}"), state, '"json", "html"'
    )
    out = tmp_path / "out"
    first = cli(config, out)
    assert first.returncode == 0, first.stderr
    previous = {path.name: path.read_bytes() for path in out.iterdir()}
    assert set(previous) == {"findings.json", "report.html"}
    json_size, html_size = len(previous["findings.json"]), len(previous["report.html"])
    assert html_size > 2 * json_size  # the limit below falls between the two
    limit = (json_size + html_size) // 2

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    done = cli(config, out, preexec_fn=limit_file_size)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "cannot write reports" in done.stderr and "Traceback" not in done.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir()} == previous
