"""OCR through the real agent: detection on a picture, the file cache, the per-scan budget.

The scans run in this process (``workers = 1``), so the engine's page counter
(:func:`~connectors.files.readers.ocr.engine.pages_read`) shows every page
Tesseract was given.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from agent.inputs.config_loader import load_config
from agent.scan.file_cache import FileCache
from agent.scan.runner import ScanPlan, run_scan
from connectors.files.readers.ocr.engine import pages_read
from reports.formats.json_report import to_json_dict
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.connectors.files.ocr.samples import fixture, mixed_pdf


def _config(tmp_path: Path, files: dict[str, bytes], extra: str = "") -> Path:
    share = tmp_path / "share"
    share.mkdir()
    for name, data in files.items():
        (share / name).write_bytes(data)
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nworkers = 1\n\n[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n'
        + extra,
        encoding="utf-8",
    )
    return config


def _scan(config: Path, engine: DetectionEngine, cache: FileCache | None = None) -> ScanResult:
    loaded = load_config(config)
    return run_scan(ScanPlan(loaded, tuple(loaded.config.sources), file_cache=cache), engine)


def _types(result: ScanResult, name: str) -> set[str]:
    found = next(d for d in result.datasets if d.name == name)
    return {m.type for c in found.columns for m in c.pii}


def _truncated(result: ScanResult) -> dict[str, list[str]]:
    report = to_json_dict(result)  # what findings.json holds
    return {d["name"]: [t["reason"] for t in d.get("truncated", [])] for d in report["datasets"]}


def test_personal_data_on_a_picture_is_detected(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    config = _config(tmp_path, {"contact.png": fixture("contact.png")})
    result = _scan(config, detection_engine)
    types = _types(result, "contact.png")
    assert {"TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS"} <= types, types
    (dataset,) = result.datasets
    assert dataset.row_count == 4 and dataset.error is None and not dataset.truncated


def test_an_unchanged_share_costs_no_ocr_the_second_time(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    bundle = io.BytesIO()
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("scans/photo.jpg", fixture("contact.jpg"))
    files = {"contact.png": fixture("contact.png"), "mixed.pdf": mixed_pdf()}
    config = _config(tmp_path, {**files, "bundle.zip": bundle.getvalue()})
    cache = FileCache(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        before = pages_read()
        first = _scan(config, detection_engine, cache)
        assert pages_read() == before + 3  # two pictures and the PDF's scanned page
        assert "EMAIL_ADDRESS" in _types(first, "bundle.zip/scans/photo.jpg")
        again = pages_read()
        second = _scan(config, detection_engine, cache)
        assert pages_read() == again  # every file came from the cache: no OCR at all
        assert _types(second, "contact.png") == _types(first, "contact.png")
        assert len(second.datasets) == 3
    finally:
        cache.close()


def test_the_scan_budget_is_visible_and_a_cut_picture_is_read_next_time(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    files = {"a.png": fixture("contact.png"), "b.jpg": fixture("contact.jpg")}
    config = _config(tmp_path, files, "ocr_max_pages_per_scan = 1\n")
    cache = FileCache(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        start = pages_read()
        first = _scan(config, detection_engine, cache)
        assert pages_read() == start + 1
        assert _truncated(first) == {
            "a.png": [],
            "b.jpg": [
                "OCR cut: the scan's OCR budget of 1 pages (ocr_max_pages_per_scan) was used "
                "up, 1 image(s) not read"
            ],
        }
        assert _types(first, "b.jpg") == set()
        second = _scan(config, detection_engine, cache)  # a.png cached; b.jpg read now
        assert pages_read() == start + 2
        assert _truncated(second) == {"a.png": [], "b.jpg": []}
        assert "EMAIL_ADDRESS" in _types(second, "b.jpg")
        _scan(config, detection_engine, cache)
        assert pages_read() == start + 2
    finally:
        cache.close()
