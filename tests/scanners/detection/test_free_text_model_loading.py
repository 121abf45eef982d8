"""The free-text pipeline is loaded once per process, and only by a process that meets free text.

Each case runs in a fresh interpreter (what is loaded in this test process
says nothing); the answer is read from the caches that hold the Presidio
engines and the Thai PERSON model.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
from pathlib import Path
from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection import engine as engine_module
from scanners.detection.engine import DetectionEngine
from scanners.recognizers.th import th_person_model

loaded = load_config(Path(sys.argv[1]))
engine = DetectionEngine()
result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), engine)
again = DetectionEngine()
print(json.dumps({
    "datasets": len(result.datasets),
    "types": sorted({m.type for d in result.datasets for c in d.columns for m in c.pii}),
    "analyzers": engine_module.shared_analyzer.cache_info().currsize,
    "person_model": th_person_model._model.cache_info().currsize,
    "shared": (engine.analyzer is again.analyzer) if sys.argv[2] == "text" else None,
}))
"""


def probe(tmp_path: Path, with_document: bool) -> dict:
    database = tmp_path / "org.sqlite"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE people (email TEXT, mobile TEXT)")
        db.executemany(
            "INSERT INTO people VALUES (?, ?)",
            [(f"u{i}@example.co.th", f"08{i:08d}") for i in range(30)],
        )
    db.close()
    sources = f'[[sources]]\nname = "org"\nkind = "database"\nurl = "sqlite:///{database}"\n'
    if with_document:
        share = tmp_path / "share"
        share.mkdir()
        (share / "memo.txt").write_text(
            "นายสมชาย ใจดี ติดต่อได้ที่ 081-234-5678 เรื่องสัญญาเช่า", encoding="utf-8"
        )
        sources += f'\n[[sources]]\nname = "share"\nkind = "files"\npath = "{share}"\n'
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(f"[agent]\nworkers = 1\n\n{sources}", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(config), "text" if with_document else "values"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_scan_of_database_columns_never_loads_the_free_text_pipeline(tmp_path: Path) -> None:
    found = probe(tmp_path, with_document=False)
    assert found["datasets"] == 1 and "EMAIL_ADDRESS" in found["types"]
    assert found["analyzers"] == 0 and found["person_model"] == 0


def test_a_document_loads_it_once_for_every_engine_of_the_process(tmp_path: Path) -> None:
    found = probe(tmp_path, with_document=True)
    assert found["datasets"] == 2 and "PERSON" in found["types"]
    assert found["analyzers"] == 1 and found["person_model"] == 1
    assert found["shared"] is True
