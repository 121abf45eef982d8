"""Incremental file scans: an unchanged file is not read again; a changed one is."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sqlalchemy import update

from agent.inputs.config_loader import load_config
from agent.scan.file_cache import FILE_CACHE, FileCache, detectors_fingerprint
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult

MARKER = "from the cache"


def scan(config: Path, cache: FileCache, engine: DetectionEngine) -> ScanResult:
    loaded = load_config(config)
    return run_scan(ScanPlan(loaded, tuple(loaded.config.sources), file_cache=cache), engine)


def reasons(result: ScanResult, dataset: str) -> list[str]:
    found = next(d for d in result.datasets if d.name == dataset)
    return [r for c in found.columns for r in c.reasons]


def test_unchanged_files_come_from_the_cache_and_changed_files_are_read(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    leads = share / "leads.csv"
    leads.write_text(
        "email\n" + "\n".join(f"u{i}@example.co.th" for i in range(20)), encoding="utf-8"
    )
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n', encoding="utf-8"
    )
    cache = FileCache(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        first = scan(config, cache, detection_engine)
        assert {m.type for d in first.datasets for c in d.columns for m in c.pii} == {
            "EMAIL_ADDRESS"
        }
        # Mark the stored classification: if the next scan shows the mark, it did not re-read the file.
        with cache.engine.begin() as conn:
            row = conn.execute(FILE_CACHE.select()).mappings().one()
            columns = json.loads(row["columns"])
            columns[0]["reasons"] = [MARKER]
            conn.execute(update(FILE_CACHE).values(columns=json.dumps(columns)))
            assert row["detectors"] == detectors_fingerprint()
            assert "u0@example" not in row["columns"]  # only masked evidence is stored
        second = scan(config, cache, detection_engine)
        assert reasons(second, "leads.csv") == [MARKER]
        leads.write_text(
            leads.read_text(encoding="utf-8") + "\nu99@example.co.th", encoding="utf-8"
        )
        os.utime(leads, (leads.stat().st_atime, leads.stat().st_mtime + 5))
        third = scan(config, cache, detection_engine)
        assert reasons(third, "leads.csv") != [MARKER]
        assert {m.type for d in third.datasets for c in d.columns for m in c.pii} == {
            "EMAIL_ADDRESS"
        }
    finally:
        cache.close()


def test_a_changed_detector_invalidates_the_cache(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    (share / "notes.txt").write_text("ติดต่อ somchai@example.co.th\n", encoding="utf-8")
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n', encoding="utf-8"
    )
    cache = FileCache(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        scan(config, cache, detection_engine)
        with cache.engine.begin() as conn:
            conn.execute(
                update(FILE_CACHE).values(detectors="an older detector build", columns="[]")
            )
        again = scan(config, cache, detection_engine)
        assert {m.type for d in again.datasets for c in d.columns for m in c.pii} == {
            "EMAIL_ADDRESS"
        }
    finally:
        cache.close()
