"""Train the person-name likeness model and write ``scanners/data/name_likeness.json.gz``.

Run at development time (Faker is a test dependency; PyThaiNLP and numpy
are installed with the package; nothing here touches the network)::

    python scripts/train_name_model.py [--check]

1. ``scripts/name_model_data.py`` (names) and ``name_model_negatives.py``
   (everything else) build labelled strings from Faker and PyThaiNLP's
   bundled corpora (fixed seeds, ``PYTHONHASHSEED=0``).
2. A stable hash of each string's words (titles dropped, so "SMITH/JOHN MR"
   and "John Smith" land on the same side) holds back 20 % that training
   never sees; only the short gazetteer (Thai provinces, country names in a
   few languages), which the model must know by heart, is never held back.
3. Features come from ``scanners.classification.name_features`` (the module inference
   uses); a weighted, L2-regularised logistic regression is fitted on the
   rest by full-batch Adam in numpy (no BLAS, so the result is the same
   bytes on every run), small weights are pruned, the rest rounded.
4. The held-back split is scored with ``scanners.classification.name_likeness.NameModel``
   built from the very payload written, and precision/recall/F1/accuracy
   are printed per category and per script. ``--check`` compares with the
   committed artefact instead of writing it.
"""

from __future__ import annotations

import argparse
import ast
import gzip
import hashlib
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import faker  # noqa: E402
import pythainlp  # noqa: E402
from name_model_data import (  # noqa: E402
    AIRLINE_TITLES,
    LATIN_TITLES,
    THAI_TITLES,
    Data,
    add_positives,
)
from name_model_negatives import add_negatives  # noqa: E402

from scanners.classification import name_features  # noqa: E402
from scanners.classification.name_likeness import MODEL_RESOURCE, NameModel  # noqa: E402

OUTPUT = ROOT / "scanners" / MODEL_RESOURCE
CONFIG: dict[str, Any] = {
    "seed": 20240601,
    "holdout_percent": 20,
    "min_count": 2,
    "l2": 2e-7,
    "iterations": 320,
    "learning_rate": 0.08,
    "prune_below": 0.02,
    "scale": 100,
    "feature_version": name_features.FEATURE_VERSION,
}
#: Recorded in the artefact, not hashed: a rebuild is byte-identical only with these versions.
LIBRARIES = {"faker": faker.VERSION, "pythainlp": pythainlp.__version__, "numpy": np.__version__}
#: Short lists the product must know by heart (Thai provinces, country names): never held back.
ALWAYS_TRAIN = frozenset({"gazetteer"})
_WORDS = re.compile(r"[^\W\d_]+")
_TITLES = {t.casefold().strip(".") for t in (*AIRLINE_TITLES, *LATIN_TITLES)} - {""}


def script(value: str) -> str:
    """The writing system a held-back string is reported under."""
    if any("\u0e00" <= ch <= "\u0e7f" for ch in value):
        return "thai"
    if any("\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in value):
        return "cjk"
    if any(ch.isalpha() and ord(ch) >= 0x0370 for ch in value):
        return "other"
    return "latin"


def feature_code() -> bytes:
    """The feature module's code without docstrings or comments: editing its words is no retrain."""
    tree = ast.parse(Path(name_features.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        documented = isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        if documented and ast.get_docstring(node) is not None:
            node.body = node.body[1:]
    return ast.unparse(tree).encode()


def config_hash(config: dict[str, Any] = CONFIG) -> str:
    """Hash of the training settings and of the feature code the model was trained with."""
    blob = json.dumps(config, sort_keys=True).encode() + hashlib.sha256(feature_code()).digest()
    return hashlib.sha256(blob).hexdigest()


def build(seed: int) -> dict[str, tuple[int, str]]:
    """All labelled strings, sorted: ``{string: (label, category)}``, 1 for a name."""
    rng = random.Random(seed)
    data = Data()
    thai_names = add_positives(data, rng)
    add_negatives(data, rng, thai_names)
    return data.result()


def held_back(value: str, percent: int = CONFIG["holdout_percent"]) -> bool:
    """Whether ``value`` is in the held-back split (stable across runs and processes)."""
    words = sorted({w.casefold() for w in _WORDS.findall(value)} - _TITLES)
    key = " ".join(words) or value
    for title in THAI_TITLES:
        key = key.replace(title.casefold(), "")
    digest = hashlib.blake2b(key.strip().encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % 100 < percent


def design(rows: list[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Column indices of known features per row (repeats count) and row offsets."""
    indices: list[int] = []
    offsets = [0]
    unknown = len(vocab)  # a zero-weight column so no row is empty
    for feats in rows:
        known = [vocab[f] for f in feats if f in vocab]
        indices.extend(known or [unknown])
        offsets.append(len(indices))
    return np.asarray(indices, dtype=np.int64), np.asarray(offsets, dtype=np.int64)


def sample_weights(rows: list[tuple[str, int, str]]) -> np.ndarray:
    """Each category weighs as the square root of its size; names and non-names weigh alike."""
    sizes = Counter(c for _, _, c in rows)
    raw = np.asarray([sizes[c] ** -0.5 for _, _, c in rows])
    y = np.asarray([lab for _, lab, _ in rows])
    return np.where(y == 1, 0.5 * raw / raw[y == 1].sum(), 0.5 * raw / raw[y == 0].sum())


def fit(
    indices: np.ndarray, offsets: np.ndarray, y: np.ndarray, weight: np.ndarray, size: int
) -> tuple[float, np.ndarray]:
    """Weighted L2 logistic regression by full-batch Adam; returns (bias, weights)."""
    w = np.zeros(size + 1)
    bias = 0.0
    m, v = np.zeros(size + 1), np.zeros(size + 1)
    mb = vb = 0.0
    lengths = np.diff(offsets)
    lr, l2 = CONFIG["learning_rate"], CONFIG["l2"]
    for step in range(1, CONFIG["iterations"] + 1):
        z = bias + np.add.reduceat(w[indices], offsets[:-1])
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y) * weight
        grad = np.bincount(indices, weights=np.repeat(err, lengths), minlength=size + 1)
        grad += l2 * w
        gb = float(err.sum())
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        correction = np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        w -= lr * correction * m / (np.sqrt(v) + 1e-8)
        bias -= lr * correction * mb / (np.sqrt(vb) + 1e-8)
        if step % 50 == 0:
            loss = -(weight * np.log(np.where(y == 1, p, 1 - p) + 1e-12)).sum()
            print(f"  step {step}: weighted log-loss {loss:.4f}", flush=True)
    w[size] = 0.0
    return bias, w[:size]


def payload(bias: float, w: np.ndarray, names: list[str]) -> dict[str, Any]:
    scale = CONFIG["scale"]
    kept = {
        name: round(float(x) * scale)
        for name, x in zip(names, w, strict=True)
        if abs(x) >= CONFIG["prune_below"] and round(float(x) * scale) != 0
    }
    return {
        "model": "name_likeness logistic regression",
        "feature_version": CONFIG["feature_version"],
        "config": CONFIG,
        "config_hash": config_hash(),
        "libraries": LIBRARIES,
        "scale": scale,
        "bias": round(bias * scale),
        "weights": kept,
    }


def report(model: NameModel, test: list[tuple[str, int, str]]) -> None:
    """Held-back precision/recall/F1/accuracy per category and per script."""
    by_cat: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for value, label, category in test:
        by_cat[category].append((label, int(model.score(value) >= 0.5)))

    def prf(pairs: list[tuple[int, int]]) -> str:
        tp = sum(1 for t, p in pairs if t and p)
        fp = sum(1 for t, p in pairs if not t and p)
        fn = sum(1 for t, p in pairs if t and not p)
        acc = sum(1 for t, p in pairs if t == p) / max(len(pairs), 1)
        pr, rc = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * pr * rc / max(pr + rc, 1e-9)
        return f"n={len(pairs):6d} P={pr:.3f} R={rc:.3f} F1={f1:.3f} acc={acc:.3f}"

    print("held-back split, per category (acc = share scored on the right side of 0.5):")
    for category, pairs in sorted(by_cat.items(), key=lambda kv: (-kv[1][0][0], kv[0])):
        kind = "name" if pairs[0][0] else "non-name"
        print(f"  {kind:8s} {category:18s} acc={prf(pairs).split('acc=')[1]}  n={len(pairs)}")
    by_script: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for value, label, _ in test:
        by_script[script(value)].append((label, int(model.score(value) >= 0.5)))
    by_script["all"] = [p for pairs in by_cat.values() for p in pairs]
    for title, pairs in sorted(by_script.items()):
        print(f"  {title:8s} names vs non-names in that script: {prf(pairs)}")


def main() -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":  # some Faker providers iterate over sets
        environment = {**os.environ, "PYTHONHASHSEED": "0"}
        os.execve(sys.executable, [sys.executable, *sys.argv], environment)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file")
    args = parser.parse_args()
    started = time.time()
    rows = build(CONFIG["seed"])
    split: dict[bool, list[tuple[str, int, str]]] = {True: [], False: []}
    for value, (label, category) in rows.items():
        hold = held_back(value) and category not in ALWAYS_TRAIN
        split[hold].append((value, label, category))
    train, test = split[False], split[True]
    print(f"{len(rows)} strings ({len(train)} train, {len(test)} held back) in "
          f"{time.time() - started:.0f}s")  # fmt: skip
    feats = [name_features.features(v) for v, _, _ in train]
    counts = Counter(f for row in feats for f in row)
    names = sorted(f for f, n in counts.items() if n >= CONFIG["min_count"])
    vocab = {f: i for i, f in enumerate(names)}
    indices, offsets = design(feats, vocab)
    y = np.asarray([lab for _, lab, _ in train], dtype=np.float64)
    weight = sample_weights(train)
    print(f"{len(names)} features, {len(indices)} non-zeros; fitting", flush=True)
    bias, w = fit(indices, offsets, y, weight, len(names))
    data = payload(bias, w, names)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    report(NameModel(data), test)
    print(f"{len(data['weights'])} weights kept, {len(text.encode()) / 1e6:.2f} MB, "
          f"{time.time() - started:.0f}s in all")  # fmt: skip
    blob = gzip.compress(text.encode(), compresslevel=9, mtime=0)
    print(f"{len(blob) / 1e6:.2f} MB compressed")
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_bytes() == blob
        print("artefact is up to date" if same else "artefact differs from a rebuild")
        return 0 if same else 1
    OUTPUT.write_bytes(blob)
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
