"""Accuracy harness, columns: precision, recall and F1 per type of column classification.

Two labelled organisations: Chinook (real data nobody on this project wrote,
labelled by us) and the Thai organisation of ``eval_org.py`` (mess and traps).
Each is scanned by the real runner; every (column, type) decision is scored
against the labels. The same columns are also classified by "vanilla
Presidio" — its predefined recognizers, no NER model (none can be downloaded
on an air-gapped machine), a type when at least ``min_match_ratio`` of the
sampled values match — as a baseline.

Our scans run in this process and their classification is measured as in
``accuracy_locales.py`` (:class:`accuracy_locales.ClassifyMeter`);
``--full-sample`` turns adaptive sampling off.

Usage: ``python bench/accuracy_columns.py [--json] [--full-sample] [--chinook PATH]``
(default: the repository's ``tests/data/chinook.sqlite``; attribution in
``tests/data/README.md``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_org
from accuracy_locales import ClassifyMeter, warm_up
from scoring import prf

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from connectors.sql.database import DatabaseConnector
from scanners.detection.engine import DetectionEngine

CHINOOK = Path(__file__).resolve().parents[1] / "tests" / "data" / "chinook.sqlite"
Labels = dict[tuple[str, str], set[str]]

CHINOOK_PERSONAL: Labels = {
    ("Customer", "FirstName"): {"PERSON"},
    ("Customer", "LastName"): {"PERSON"},
    ("Customer", "Address"): {"ADDRESS"},
    ("Customer", "PostalCode"): {"POSTAL_CODE"},
    ("Customer", "Phone"): {"PHONE_NUMBER"},
    ("Customer", "Fax"): {"PHONE_NUMBER"},
    ("Customer", "Email"): {"EMAIL_ADDRESS"},
    ("Employee", "FirstName"): {"PERSON"},
    ("Employee", "LastName"): {"PERSON"},
    ("Employee", "BirthDate"): {"DATE_OF_BIRTH"},
    ("Employee", "Address"): {"ADDRESS"},
    ("Employee", "PostalCode"): {"POSTAL_CODE"},
    ("Employee", "Phone"): {"PHONE_NUMBER"},
    ("Employee", "Fax"): {"PHONE_NUMBER"},
    ("Employee", "Email"): {"EMAIL_ADDRESS"},
    ("Invoice", "BillingAddress"): {"ADDRESS"},
    ("Invoice", "BillingPostalCode"): {"POSTAL_CODE"},
    ("Track", "Composer"): {"PERSON"},
}
#: Artist names mix bands and people; not scored.
CHINOOK_UNSCORED = {("Artist", "Name")}

VANILLA_TYPES = {
    "TH_TNIN": "TH_NATIONAL_ID",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "CREDIT_CARD": "CREDIT_CARD",
    "IP_ADDRESS": "IP_ADDRESS",
    "DATE_TIME": "DATE_OF_BIRTH",
    "PERSON": "PERSON",
}


def scan(url: str, folder: Path, preamble: str = "") -> dict[tuple[str, str], set[str]]:
    """Our classification of every column: (table, column) → types."""
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'{preamble}[[sources]]\nname = "org"\nkind = "database"\nurl = "{url}"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    engine = DetectionEngine()
    warm_up(engine)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), engine)
    return {
        (d.name.split(".", 1)[1], c.name): {m.type for m in c.pii}
        for d in result.datasets
        for c in d.columns
    }


def vanilla(url: str, rows: int = 1000, ratio: float = 0.2) -> dict[tuple[str, str], set[str]]:
    """Vanilla Presidio: predefined recognizers, blank pipeline, same sampling and ratio."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import ThTninRecognizer

    from scanners.detection.nlp_engine import ThaiBlankNlpEngine

    languages = ["en", "th"]
    registry = RecognizerRegistry(supported_languages=languages)
    registry.load_predefined_recognizers(languages=languages)
    registry.add_recognizer(
        ThTninRecognizer()
    )  # Presidio's Thai ID recognizer, not loaded by default
    nlp = ThaiBlankNlpEngine(languages)
    nlp.load()
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=languages)
    found: dict[tuple[str, str], set[str]] = {}
    with DatabaseConnector("org", url) as connector:
        for name in connector.list_datasets():
            sample = connector.sample(connector.describe(name), rows)
            for column in sample.columns:
                values = [str(v) for v in column.values if v is not None and str(v).strip()]
                counts: Counter[str] = Counter()
                for value in set(values):
                    results = [r for lang in languages for r in analyzer.analyze(value, lang)]
                    types = {
                        VANILLA_TYPES[r.entity_type]
                        for r in results
                        if r.entity_type in VANILLA_TYPES
                    }
                    for pii_type in types:
                        counts[pii_type] += values.count(value)
                found[(name.split(".", 1)[1], column.column.name)] = {
                    t for t, n in counts.items() if values and n / len(values) >= ratio
                }
    return found


def score(predicted: dict[tuple[str, str], set[str]], labels: Labels) -> dict[str, object]:
    """Per-type and micro precision/recall/F1 over (column, type) decisions; trap columns."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    traps, misses, exact = [], [], 0
    for key, truth in labels.items():
        got = predicted.get(key, set())
        exact += got == truth
        for t in got & truth:
            tp[t] += 1
        for t in got - truth:
            fp[t] += 1
            traps.append(f"{key[0]}.{key[1]}: {t}")
        for t in truth - got:
            fn[t] += 1
            misses.append(f"{key[0]}.{key[1]}: {t}")

    types = sorted(set(tp) | set(fp) | set(fn))
    trap_columns = sum(1 for k, v in labels.items() if not v and predicted.get(k))
    return {
        "micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": {t: prf(tp[t], fp[t], fn[t]) for t in types},
        "columns": len(labels),
        "columns_exact": exact,
        "trap_columns": sum(1 for v in labels.values() if not v),
        "trap_columns_reported": trap_columns,
        "false_positives": traps,
        "misses": misses,
    }


def markdown(name: str, ours: dict, base: dict) -> str:
    lines = [
        f"### {name}",
        "",
        f"{ours['columns']} columns, {ours['trap_columns']} of them without personal data.",
        "",
        "| type | support | ours P | ours R | ours F1 | vanilla Presidio F1 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for t, m in ours["per_type"].items():
        v = base["per_type"].get(t, {"f1": 0.0})
        lines.append(
            f"| {t} | {m['support']} | {m['precision']} | {m['recall']} | {m['f1']} | {v['f1']} |"
        )
    o, b = ours["micro"], base["micro"]
    lines.append(
        f"| **all (micro)** | {o['support']} | {o['precision']} | {o['recall']} | **{o['f1']}** | {b['f1']} |"
    )
    lines += [
        "",
        f"Columns classified exactly right: ours {ours['columns_exact']}/{ours['columns']}, "
        f"vanilla {base['columns_exact']}/{base['columns']}. Trap columns reported: ours "
        f"{ours['trap_columns_reported']}, vanilla {base['trap_columns_reported']}.",
        "",
    ]
    if ours["false_positives"] or ours["misses"]:
        lines.append(
            "Our errors: "
            + "; ".join(
                [f"FP {x}" for x in ours["false_positives"]] + [f"FN {x}" for x in ours["misses"]]
            )
        )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--chinook", type=Path, default=CHINOOK, help="the Chinook SQLite file")
    parser.add_argument(
        "--full-sample", action="store_true", help="no adaptive sampling: analyse every value"
    )
    args = parser.parse_args()
    meter = ClassifyMeter(not args.full_sample)
    meter.install()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        chinook_url = f"sqlite:///{args.chinook.resolve()}"
        predicted = scan(chinook_url, folder, meter.config())
        labels = {k: CHINOOK_PERSONAL.get(k, set()) for k in predicted if k not in CHINOOK_UNSCORED}
        results["Chinook"] = (score(predicted, labels), score(vanilla(chinook_url), labels))
        org_url = f"sqlite:///{folder / 'eval-org.sqlite'}"
        org_labels = eval_org.build(org_url)
        results["Thai organisation (bench/eval_org.py)"] = (
            score(scan(org_url, folder, meter.config()), org_labels),
            score(vanilla(org_url), org_labels),
        )
    if args.json:
        payload: dict[str, object] = {k: {"ours": o, "vanilla": v} for k, (o, v) in results.items()}
        payload["classification"] = meter.summary()
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print("\n".join(markdown(name, o, v) for name, (o, v) in results.items()))
        print(f"{meter.line()[0].upper()}{meter.line()[1:]} (both organisations).")


if __name__ == "__main__":
    main()
