"""Accuracy harness, multi-locale organisations: column classification on DEV and HELD-BACK.

Builds every organisation of a split (``locale_orgs.SPLITS``; the split is
documented there) into its own temporary SQLite file, scans them all with the
real runner (one source per organisation), and scores every (column, type)
decision against the labels: per-type precision/recall/F1, micro figures,
columns classified exactly right, trap tables reported (a table without
personal data counts as reported when any of its columns gets any type),
per-organisation micro F1 and the failures of every table. Columns holding
non-Thai national IDs are labelled empty (SPEC §8 has no type for them); what
the scanner said about them is listed separately.

Tune on DEV only; HELD-BACK is for reporting.

Usage: ``python bench/accuracy_locales.py [--split dev|heldback|both] [--rows N]
[--json | --markdown]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import locale_orgs
from scoring import prf

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine

Labels = dict[tuple[str, str], set[str]]


def build_split(name: str, folder: Path, rows: int) -> tuple[Labels, set[tuple[str, str]], str]:
    """Write every organisation of split ``name``; return labels, foreign-ID columns, config."""
    labels: Labels = {}
    foreign: set[tuple[str, str]] = set()
    config = []
    for org in locale_orgs.SPLITS[name]:
        url = f"sqlite:///{folder / org.name}.sqlite"
        found: set[tuple[str, str]] = set()
        for (table, column), types in locale_orgs.build_org(url, org, rows, found).items():
            labels[(f"{org.name}/{table}", column)] = types
        foreign |= {(f"{org.name}/{t}", c) for t, c in found}
        config.append(f'[[sources]]\nname = "{org.name}"\nkind = "database"\nurl = "{url}"\n')
    return labels, foreign, "\n".join(config)


def scan(config_text: str, folder: Path) -> Labels:
    """The runner's types for every column: ("org/table", column) -> types."""
    config = folder / "pdpa-agent.toml"
    config.write_text(config_text, encoding="utf-8")
    loaded = load_config(config)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), DetectionEngine())
    failed = [f"{d.source}/{d.name}: {d.error}" for d in result.datasets if d.error]
    if failed:  # a broken scan must not pass for a scan that found nothing
        raise SystemExit(f"{len(failed)} datasets failed to scan, e.g. {failed[0]}")
    return {
        (f"{d.source}/{d.name.split('.', 1)[1]}", c.name): {m.type for m in c.pii}
        for d in result.datasets
        for c in d.columns
    }


def score(predicted: Labels, labels: Labels, foreign: set[tuple[str, str]]) -> dict[str, Any]:
    """Every (column, type) decision scored; traps, per-organisation and per-table failures."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    org_counts: dict[str, Counter[str]] = defaultdict(Counter)
    failures: dict[str, list[str]] = defaultdict(list)
    exact = 0
    for key, truth in sorted(labels.items()):
        got = predicted.get(key, set())
        exact += got == truth
        org = key[0].split("/", 1)[0]
        for t in got & truth:
            tp[t] += 1
            org_counts[org]["tp"] += 1
        for t in sorted(got - truth):
            fp[t] += 1
            org_counts[org]["fp"] += 1
            failures[key[0]].append(f"FP {key[1]}: {t}")
        for t in sorted(truth - got):
            fn[t] += 1
            org_counts[org]["fn"] += 1
            failures[key[0]].append(f"FN {key[1]}: {t}")
    tables = {t for t, _ in labels}
    traps = sorted(t for t in tables if not any(v for (tt, _), v in labels.items() if tt == t))
    reported = {
        t: sorted(
            f"{c}: {','.join(sorted(v))}" for (tt, c), v in predicted.items() if tt == t and v
        )
        for t in traps
    }
    trap_columns = [k for k, v in labels.items() if not v and k not in foreign]
    return {
        "micro": prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": {t: prf(tp[t], fp[t], fn[t]) for t in sorted(set(tp) | set(fp) | set(fn))},
        "per_org": {o: prf(c["tp"], c["fp"], c["fn"]) for o, c in sorted(org_counts.items())},
        "tables": len(tables),
        "columns": len(labels),
        "columns_exact": exact,
        "empty_columns": len(trap_columns),
        "empty_columns_reported": sum(1 for k in trap_columns if predicted.get(k)),
        "trap_tables": len(traps),
        "trap_tables_reported": {t: r for t, r in reported.items() if r},
        "foreign_id_columns": {
            f"{t}.{c}": sorted(predicted.get((t, c), set())) for t, c in sorted(foreign)
        },
        "failures": dict(sorted(failures.items())),
        "unscanned": sorted(f"{t}.{c}" for t, c in labels if (t, c) not in predicted),
    }


def markdown(name: str, s: dict[str, Any], seconds: float) -> str:
    m = s["micro"]
    orgs = ", ".join(f"{o.name} ({'+'.join(o.locales)})" for o in locale_orgs.SPLITS[name])
    lines = [
        f"### {name.upper()} split",
        "",
        f"Organisations: {orgs}. {s['tables']} tables, {s['columns']} columns "
        f"({s['empty_columns']} without personal data), {s['trap_tables']} trap tables; "
        f"built and scanned in {seconds:.0f} s.",
        "",
        f"**Micro P / R / F1: {m['precision']} / {m['recall']} / {m['f1']}** "
        f"(TP {m['tp']}, FP {m['fp']}, FN {m['fn']}). Columns exactly right: "
        f"{s['columns_exact']}/{s['columns']}. Columns without personal data that got a type: "
        f"{s['empty_columns_reported']}/{s['empty_columns']}. Trap tables reported: "
        f"{len(s['trap_tables_reported'])}/{s['trap_tables']}.",
        "",
        "| type | support | TP | FP | FN | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for t, x in s["per_type"].items():
        lines.append(
            f"| {t} | {x['support']} | {x['tp']} | {x['fp']} | {x['fn']} | "
            f"{x['precision']} | {x['recall']} | {x['f1']} |"
        )
    lines += ["", "| organisation | P | R | F1 |", "|---|---:|---:|---:|"]
    lines += [
        f"| {o} | {x['precision']} | {x['recall']} | {x['f1']} |" for o, x in s["per_org"].items()
    ]
    if s["trap_tables_reported"]:
        lines += ["", "Trap tables reported:", ""]
        lines += [f"- `{t}`: {'; '.join(r)}" for t, r in s["trap_tables_reported"].items()]
    lines += ["", "Non-Thai national-ID columns (labelled empty; what the scanner said):", ""]
    lines += [f"- `{k}`: {', '.join(v) or '—'}" for k, v in s["foreign_id_columns"].items()]
    if s["failures"]:
        lines += ["", "Failures per table:", ""]
        lines += [f"- `{t}`: {'; '.join(f)}" for t, f in s["failures"].items()]
    if s["unscanned"]:
        lines += ["", f"Not in the scan result: {', '.join(s['unscanned'])}"]
    return "\n".join(lines) + "\n"


def run(name: str, rows: int) -> tuple[dict[str, Any], float]:
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        labels, foreign, config = build_split(name, folder, rows)
        predicted = scan(config, folder)
    return score(predicted, labels, foreign), time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "heldback", "both"], default="dev")
    parser.add_argument("--rows", type=int, default=350, help="rows per table (default 350)")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    names = ["dev", "heldback"] if args.split == "both" else [args.split]
    results = {name: run(name, args.rows) for name in names}
    if args.json:
        payload = {n: {**s, "seconds": round(sec, 1)} for n, (s, sec) in results.items()}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    elif args.markdown:
        print("\n".join(markdown(n, s, sec) for n, (s, sec) in results.items()))
    else:
        for n, (s, sec) in results.items():
            m = s["micro"]
            print(
                f"{n}: micro P {m['precision']} R {m['recall']} F1 {m['f1']}; exact "
                f"{s['columns_exact']}/{s['columns']}; trap tables reported "
                f"{len(s['trap_tables_reported'])}/{s['trap_tables']}; {sec:.0f} s"
            )
            for t, x in s["per_type"].items():
                print(
                    f"  {t:20} P {x['precision']:.3f} R {x['recall']:.3f} F1 {x['f1']:.3f} n={x['support']}"
                )


if __name__ == "__main__":
    main()
