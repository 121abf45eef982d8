"""`pdpa-agent run`: scans on schedule, stops cleanly on SIGTERM, never records a stopped scan."""

from __future__ import annotations

from pathlib import Path

from agent.commands.run import build_scheduler
from agent.inputs.config_loader import load_config
from agent.inputs.schedule_spec import parse_schedule
from agent.scan.runner import ScanPlan, run_scan
from agent.state.store import StateStore
from scanners.detection.engine import DetectionEngine
from tests.support.agent_process import run_until_first_scan


def share_config(
    tmp_path: Path, files: int, schedule: str = "every 1 hours", workers: int = 2
) -> Path:
    share = tmp_path / "share"
    share.mkdir()
    for i in range(files):
        (share / f"f{i:03d}.csv").write_text(
            "email\n" + "\n".join(f"u{i}x{j}@example.co.th" for j in range(5)), encoding="utf-8"
        )
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{tmp_path / "state.db"}"\nschedule = "{schedule}"\n'
        f"workers = {workers}\ninline_below = 0\n\n"
        '[[sources]]\nname = "s"\nkind = "files"\npath = "share"\n\n[reports]\nformats = ["json"]\n',
        encoding="utf-8",
    )
    return config


def test_a_stop_request_ends_the_scan_after_the_dataset_in_progress(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    # One worker: the stop check runs exactly once before each dataset (the pool's stop is
    # tested in tests/agent/scan/local_executors/test_inline_and_pool_results.py, where up
    # to `workers` datasets are in progress).
    loaded = load_config(share_config(tmp_path, 6, workers=1))
    asked = []

    def stop_after_three() -> bool:
        asked.append(1)
        return len(asked) > 3

    plan = ScanPlan(loaded, tuple(loaded.config.sources), should_stop=stop_after_three)
    result = run_scan(plan, detection_engine)
    assert [d.name for d in result.datasets] == ["f000.csv", "f001.csv", "f002.csv"]
    assert result.complete is False


def test_schedule_strings_become_jobs() -> None:
    for text, unit in (
        ("every day at 02:00", "days"),
        ("every 6 hours", "hours"),
        ("every monday at 01:30", "weeks"),
    ):
        scheduler = build_scheduler(parse_schedule(text), lambda: None)
        (job,) = scheduler.jobs
        assert job.unit == unit, text
        assert job.next_run is not None


def test_run_scans_now_then_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    config = share_config(tmp_path, 3)
    returncode, out, err = run_until_first_scan(config, tmp_path / "state.db")
    assert returncode == 0, err
    assert "pdpa-agent stopped" in out and "Traceback" not in err
    with StateStore(f"sqlite:///{tmp_path / 'state.db'}") as store:
        scans = store.last_scans(5)
        assert [s.status for s in scans] == ["complete"]
        assert len(store.findings(status="open")) == 3
