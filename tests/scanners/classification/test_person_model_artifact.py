"""The committed Thai PERSON CRF artefact: present, small, and not broken by a retrain."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path
from types import ModuleType

from scanners.recognizers.th.th_person_model import MODEL_RESOURCE, ThaiPersonModelRecognizer
from tests.support.paths import REPO_ROOT
from tests.support.unavailable import unavailable

ROOT = REPO_ROOT
SAMPLE = 100
MAX_BYTES = 5_000_000


def split_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "split_thainer", ROOT / "scripts/split_thainer.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_artifact_exists_and_is_small() -> None:
    model = resources.files("scanners").joinpath(MODEL_RESOURCE)
    assert model.is_file()
    assert 10_000 < len(model.read_bytes()) < MAX_BYTES


def test_person_f1_on_heldout_sample() -> None:
    split = split_module()
    if not Path(split.DEFAULT_DATA).exists():
        message = f"{split.DEFAULT_DATA} is not available"
        unavailable(message)
    rows = split.load_split("heldout")[:SAMPLE]
    recognizer = ThaiPersonModelRecognizer()
    tp = fp = fn = 0
    for row in rows:
        gold = {(e["start"], e["end"]) for e in row["entities"] if e["type"] == "PERSON"}
        found = {(s.start, s.end) for s in recognizer.find(row["text"]) if s.score >= 0.5}
        tp, fp, fn = tp + len(gold & found), fp + len(found - gold), fn + len(gold - found)
    assert tp + fn >= 30, "the sample should hold enough names to mean something"
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    assert f1 >= 0.80, f"PERSON F1 {f1:.3f} (P={precision:.3f} R={recall:.3f})"
