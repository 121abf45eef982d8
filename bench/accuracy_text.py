"""Entity-level accuracy on the ThaiNER HELD-OUT split (free text).

Compares, per type (PERSON, PHONE_NUMBER, EMAIL_ADDRESS, POSTAL_CODE):

* ``ours``: ``DetectionEngine().detect`` (if the Thai PERSON model is not
  wired into the registry yet, an engine variant with it added);
* ``ours, model replaces rules``: the same engine without the title/name
  rules recognizer for PERSON (the model alone covers Thai names);
* ``crf``: ``ThaiPersonModelRecognizer`` alone (spans scoring >= 0.5);
* ``rules``: ``ThaiPersonRecognizer`` alone (spans scoring >= 0.5);
* ``presidio``: vanilla Presidio ``AnalyzerEngine`` with its predefined
  recognizers for ``th`` and ``en`` and a blank spaCy tokenizer. No spaCy
  NER model can be downloaded here, so vanilla Presidio has no PERSON model
  (its ``SpacyRecognizer`` sees no entities); its ``PhoneRecognizer`` uses
  Presidio's default regions (no TH). All results it returns are counted.

Scored by exact span match and by overlap (a gold span is found, and a
predicted span is correct, when it overlaps one of the same type)::

    python bench/accuracy_text.py [--json] [--data path/to/thainer-dev.jsonl[.gz]]

(default: the repository's ``tests/data/thainer-dev.jsonl.gz``)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from split_thainer import DEFAULT_DATA, load_split  # noqa: E402

from scanners.detection.engine import DetectionEngine, Entity, resolve_overlaps  # noqa: E402
from scanners.recognizers import registry  # noqa: E402
from scanners.recognizers.th.th_person import ThaiPersonRecognizer  # noqa: E402
from scanners.recognizers.th.th_person_model import ThaiPersonModelRecognizer  # noqa: E402

TYPES = ("PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "POSTAL_CODE")
Spans = set[tuple[str, int, int]]
Detector = Callable[[str], Iterable[tuple[str, int, int]]]


class _Engine(DetectionEngine):
    """The detection engine with its recognizer list adjusted (bench only)."""

    def __init__(self, add: tuple[type, ...] = (), drop: tuple[type, ...] = ()) -> None:
        super().__init__()
        self.add, self.drop = add, drop

    @property
    def analyzer(self) -> Any:  # type: ignore[override]
        if "_bench_analyzer" not in self.__dict__:
            saved = registry.RECOGNIZER_CLASSES
            classes = tuple(c for c in saved if c not in self.drop)
            registry.RECOGNIZER_CLASSES = classes + tuple(c for c in self.add if c not in classes)
            try:
                self.__dict__["_bench_analyzer"] = DetectionEngine.analyzer.func(self)
            finally:
                registry.RECOGNIZER_CLASSES = saved
        return self.__dict__["_bench_analyzer"]


def engine_detector(engine: DetectionEngine) -> Detector:
    return lambda text: ((e.type, e.start, e.end) for e in engine.detect(text))


def recognizer_detector(recognizer: Any) -> Detector:
    def detect(text: str) -> Iterable[tuple[str, int, int]]:
        return (
            (recognizer.ENTITY, s.start, s.end) for s in recognizer.find(text) if s.score >= 0.5
        )

    return detect


def presidio_detector() -> Detector:
    """Vanilla Presidio: predefined recognizers, blank spaCy tokenizer, no NER model."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry

    from scanners.detection.nlp_engine import ThaiBlankNlpEngine

    languages = ["th", "en"]
    presidio_registry = RecognizerRegistry(supported_languages=languages)
    presidio_registry.load_predefined_recognizers(languages=languages)
    nlp_engine = ThaiBlankNlpEngine(languages)
    nlp_engine.load()
    analyzer = AnalyzerEngine(
        registry=presidio_registry, nlp_engine=nlp_engine, supported_languages=languages
    )

    def detect(text: str) -> Iterable[tuple[str, int, int]]:
        found = analyzer.analyze(text=text, language="th")
        kept = resolve_overlaps(
            [Entity(r.entity_type, r.start, r.end, float(r.score)) for r in found]
        )
        return ((e.type, e.start, e.end) for e in kept)

    return detect


def score(rows: list[dict[str, Any]], predicted: list[Spans]) -> dict[str, dict[str, Any]]:
    """Precision/recall/F1 per type, exact and overlap."""
    table: dict[str, dict[str, Any]] = {}
    for kind in TYPES:
        exact = {"tp": 0, "fp": 0, "fn": 0}
        overlap = {"found": 0, "gold": 0, "correct": 0, "predicted": 0}
        for row, spans in zip(rows, predicted, strict=True):
            gold = {(e["start"], e["end"]) for e in row["entities"] if e["type"] == kind}
            pred = {(s, e) for t, s, e in spans if t == kind}
            exact["tp"] += len(gold & pred)
            exact["fp"] += len(pred - gold)
            exact["fn"] += len(gold - pred)
            overlap["gold"] += len(gold)
            overlap["predicted"] += len(pred)
            overlap["found"] += sum(any(a < e and b > s for a, b in pred) for s, e in gold)
            overlap["correct"] += sum(any(a < e and b > s for a, b in gold) for s, e in pred)
        p = exact["tp"] / max(exact["tp"] + exact["fp"], 1)
        r = exact["tp"] / max(exact["tp"] + exact["fn"], 1)
        op = overlap["correct"] / max(overlap["predicted"], 1)
        orr = overlap["found"] / max(overlap["gold"], 1)
        table[kind] = {
            "gold": overlap["gold"],
            "exact": {"p": p, "r": r, "f1": _f1(p, r)},
            "overlap": {"p": op, "r": orr, "f1": _f1(op, orr)},
        }
    return table


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def systems() -> dict[str, Detector]:
    wired = ThaiPersonModelRecognizer in registry.RECOGNIZER_CLASSES
    ours = DetectionEngine() if wired else _Engine(add=(ThaiPersonModelRecognizer,))
    return {
        "ours" + ("" if wired else " (model added)"): engine_detector(ours),
        "ours, model replaces rules": engine_detector(
            _Engine(add=(ThaiPersonModelRecognizer,), drop=(ThaiPersonRecognizer,))
        ),
        "crf only": recognizer_detector(ThaiPersonModelRecognizer()),
        "rules only": recognizer_detector(ThaiPersonRecognizer()),
        "vanilla presidio": presidio_detector(),
    }


def markdown(results: dict[str, dict[str, Any]], rows: int) -> str:
    lines = [
        f"Sentences: {rows}. Cells: P / R / F1.",
        "",
        "| system | type | gold | exact P / R / F1 | overlap P / R / F1 | sent/s |",
        "|---|---|---:|---|---|---:|",
    ]
    for name, result in results.items():
        for kind in TYPES:
            cell = result["scores"][kind]
            if name in ("crf only", "rules only") and kind != "PERSON":
                continue
            ex, ov = cell["exact"], cell["overlap"]
            lines.append(
                f"| {name} | {kind} | {cell['gold']} "
                f"| {ex['p']:.3f} / {ex['r']:.3f} / **{ex['f1']:.3f}** "
                f"| {ov['p']:.3f} / {ov['r']:.3f} / {ov['f1']:.3f} "
                f"| {result['sentences_per_second']:.0f} |"
            )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--split",
        default="heldout",
        help='"heldout" (default) or e.g. "train+validation+heldout" for the rule-based types',
    )
    args = parser.parse_args(argv)
    rows = load_split(args.split, args.data)
    results: dict[str, dict[str, Any]] = {}
    for name, detect in systems().items():
        detect(rows[0]["text"])  # warm up: load models and lexicons
        started = time.perf_counter()
        predicted = [set(detect(row["text"])) for row in rows]
        elapsed = time.perf_counter() - started
        results[name] = {
            "scores": score(rows, predicted),
            "sentences_per_second": len(rows) / max(elapsed, 1e-9),
        }
    if args.json:
        print(
            json.dumps({"split": args.split, "sentences": len(rows), "systems": results}, indent=2)
        )
    else:
        print(markdown(results, len(rows)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
