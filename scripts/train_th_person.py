"""Train the Thai PERSON CRF and write ``scanners/data/th_person_crf.crfsuite``.

Run at development time (python-crfsuite and PyThaiNLP are runtime
dependencies already; nothing here touches the network)::

    python scripts/train_th_person.py [--data tests/data/thainer-dev.jsonl.gz]

Steps, all deterministic (L-BFGS, fixed parameters, data in file order):

1. Split the data with ``scripts/split_thainer.py`` (HELD-OUT is never read).
2. Train on TRAIN, print entity-level PERSON precision/recall/F1 on TRAIN and
   on VALIDATION, and the VALIDATION F1 of each confidence threshold (the
   recognizer's ``CONFIDENT`` constant was chosen from this table).
3. Retrain with the same parameters on TRAIN + VALIDATION and write the
   artefact. ``--tune`` instead prints a small c1/c2 grid on VALIDATION.

Tokens and features come from ``scanners.recognizers.th.person_features``,
the module the recognizer uses at inference.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from split_thainer import DEFAULT_DATA, load_split  # noqa: E402

from scanners.recognizers.th.person_features import sentence_features, tokenize  # noqa: E402
from scanners.recognizers.th.th_person_model import (  # noqa: E402
    ThaiPersonModelRecognizer,
    decode,
)

OUTPUT = ROOT / "scanners" / "data" / "th_person_crf.crfsuite"
PARAMS: dict[str, Any] = {
    "c1": 0.1,
    "c2": 0.05,
    "max_iterations": 250,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}
GRID = ((0.05, 0.05), (0.1, 0.05), (0.2, 0.05), (0.1, 0.01), (0.1, 0.2), (0.3, 0.1))
Row = dict[str, Any]


def labels(row: Row) -> tuple[list[str], list[str]]:
    """Tokens of a sentence and their BIO labels from its PERSON character spans."""
    tokens = tokenize(row["text"])
    tags = ["O"] * len(tokens)
    for entity in row["entities"]:
        if entity["type"] != "PERSON":
            continue
        inside = [
            i for i, t in enumerate(tokens) if t.start < entity["end"] and t.end > entity["start"]
        ]
        for position, index in enumerate(inside):
            tags[index] = "B-PERSON" if position == 0 else "I-PERSON"
    return [t.text for t in tokens], tags


def train(rows: Iterable[Row], params: dict[str, Any], path: Path) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for row in rows:
        words, tags = labels(row)
        if words:
            trainer.append(sentence_features(words), tags)
    trainer.set_params(params)
    trainer.train(str(path))


def spans_by_threshold(
    path: Path, rows: list[Row], thresholds: tuple[float, ...]
) -> dict[float, list[set[tuple[int, int]]]]:
    """Predicted PERSON spans per sentence, for each minimum mean marginal."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    found: dict[float, list[set[tuple[int, int]]]] = {t: [] for t in thresholds}
    for row in rows:
        spans = decode(tagger, row["text"])
        for threshold in thresholds:
            found[threshold].append({(s, e) for s, e, p in spans if p >= threshold})
    return found


def prf(rows: list[Row], predicted: list[set[tuple[int, int]]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for row, spans in zip(rows, predicted, strict=True):
        gold = {(e["start"], e["end"]) for e in row["entities"] if e["type"] == "PERSON"}
        tp, fp, fn = tp + len(gold & spans), fp + len(spans - gold), fn + len(gold - spans)
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def report(name: str, scores: tuple[float, float, float]) -> None:
    print(f"{name:<28} P={scores[0]:.3f} R={scores[1]:.3f} F1={scores[2]:.3f}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--output", default=str(OUTPUT))
    parser.add_argument("--tune", action="store_true", help="print a c1/c2 grid and stop")
    args = parser.parse_args(argv)
    train_rows, validation = load_split("train", args.data), load_split("validation", args.data)
    thresholds = (0.0, 0.5, ThaiPersonModelRecognizer.CONFIDENT, 0.7, 0.8, 0.9)
    with tempfile.TemporaryDirectory() as scratch:
        model = Path(scratch) / "train.crfsuite"
        if args.tune:
            for c1, c2 in GRID:
                train(train_rows, {**PARAMS, "c1": c1, "c2": c2}, model)
                found = spans_by_threshold(model, validation, (0.0,))[0.0]
                report(f"c1={c1} c2={c2} validation", prf(validation, found))
            return 0
        train(train_rows, PARAMS, model)
        report(
            "train (all spans)", prf(train_rows, spans_by_threshold(model, train_rows, (0.0,))[0.0])
        )
        for threshold, found in spans_by_threshold(model, validation, thresholds).items():
            report(f"validation, marginal>={threshold}", prf(validation, found))
    output = Path(args.output)
    train(train_rows + validation, PARAMS, output)
    size = output.stat().st_size
    print(f"wrote {output} ({size / 1e6:.2f} MB) trained on {len(train_rows + validation)} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
