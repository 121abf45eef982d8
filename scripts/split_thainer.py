"""Deterministic TRAIN / VALIDATION / HELD-OUT split of ``thainer-dev.jsonl``.

A sentence goes to HELD-OUT when ``sha256(id) % 5 == 0`` (about 20 %). The
rest is TRAIN; a VALIDATION slice is carved out of TRAIN for tuning
(``sha256(id) % 5 != 0`` and ``(sha256(id) // 5) % 8 == 0``, about 10 % of
TRAIN). HELD-OUT is never used for training or for tuning features or
thresholds; the benchmark and the artefact guard-test only read it.

Usage (prints the sizes)::

    python scripts/split_thainer.py [path/to/thainer-dev.jsonl[.gz]]

The default is the repository's copy, ``tests/data/thainer-dev.jsonl.gz``
(attribution in ``tests/data/README.md``); a path ending in ``.gz`` is read
gzipped, any other as plain UTF-8 JSON lines.

Importable without the package installed (the benchmark and the tests load
this file by path).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "tests" / "data" / "thainer-dev.jsonl.gz"
SPLITS = ("train", "validation", "heldout")

Row = dict[str, Any]


def bucket(sentence_id: str) -> str:
    """The split a sentence id belongs to: "heldout", "validation" or "train"."""
    value = int.from_bytes(hashlib.sha256(sentence_id.encode("utf-8")).digest(), "big")
    if value % 5 == 0:
        return "heldout"
    return "validation" if (value // 5) % 8 == 0 else "train"


def load_rows(path: Path | str = DEFAULT_DATA) -> list[Row]:
    """All sentences of the JSON-lines file (gzipped when it ends in ``.gz``), in file order."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def split_rows(rows: list[Row]) -> dict[str, list[Row]]:
    """Group rows by split; order inside a split is file order."""
    parts: dict[str, list[Row]] = {name: [] for name in SPLITS}
    for row in rows:
        parts[bucket(row["id"])].append(row)
    return parts


def load_split(name: str, path: Path | str = DEFAULT_DATA) -> list[Row]:
    """One split ("train", "validation", "heldout"), or "train+validation"."""
    parts = split_rows(load_rows(path))
    return [row for part in name.split("+") for row in parts[part]]


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_DATA
    parts = split_rows(load_rows(path))
    for name in SPLITS:
        persons = sum(e["type"] == "PERSON" for r in parts[name] for e in r["entities"])
        print(f"{name:<10} {len(parts[name]):>5} sentences {persons:>5} PERSON spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
