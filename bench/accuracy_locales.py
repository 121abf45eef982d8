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

The scan runs in this process (``agent.workers = 1``) so that the time spent
classifying can be measured on its own (CPU seconds in ``classify_dataset``)
with how many sampled values it read and analysed (:class:`ClassifyMeter`);
``--full-sample`` turns adaptive sampling off (every sampled value analysed).

Usage: ``python bench/accuracy_locales.py [--split dev|heldback|both] [--rows N]
[--full-sample] [--decisions FILE] [--json | --markdown]``.
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
from pythainlp.tokenize import word_tokenize
from scoring import prf

import agent.scan.work
from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.classification.classify import classify_dataset
from scanners.classification.name_likeness import name_score
from scanners.classification.sampling.stopping import SamplingStats
from scanners.detection.engine import DetectionEngine

Labels = dict[tuple[str, str], set[str]]


class ClassifyMeter:
    """CPU time inside ``classify_dataset`` during an in-process scan, and what it read."""

    def __init__(self, adaptive: bool) -> None:
        self.adaptive = adaptive
        self.seconds = 0.0
        self.datasets: list[SamplingStats] = []

    def install(self) -> None:
        """Measure every ``classify_dataset`` call the scan worker makes from now on."""

        def measured(*args: Any, **kwargs: Any) -> Any:
            stats = SamplingStats()
            if len(args) < 4:  # adaptive not given by position
                kwargs.setdefault("adaptive", self.adaptive)
            kwargs["stats"] = stats
            started = time.process_time()
            result = classify_dataset(*args, **kwargs)
            self.seconds += time.process_time() - started
            self.datasets.append(stats)
            return result

        agent.scan.work.classify_dataset = measured  # the name the scan worker calls

    def config(self) -> str:
        """The config lines that keep the scan in this process, with or without adaptive sampling."""
        adaptive = "true" if self.adaptive else "false"
        return f"[agent]\nworkers = 1\n\n[detection]\nadaptive_sampling = {adaptive}\n\n"

    def summary(self) -> dict[str, Any]:
        columns = sum(d.columns for d in self.datasets)
        sampled = sum(d.sampled for d in self.datasets)
        read = sum(d.read for d in self.datasets)
        shares = sorted(d.read / d.sampled for d in self.datasets if d.sampled)
        return {
            "adaptive": self.adaptive,
            "classify_cpu_s": round(self.seconds, 3),
            "datasets": len(self.datasets),
            "columns": columns,
            "values_sampled": sampled,
            "values_per_s": round(sampled / self.seconds) if self.seconds else 0,
            "read_per_column": round(read / columns, 1) if columns else 0.0,
            "sampled_per_column": round(sampled / columns, 1) if columns else 0.0,
            "analysed_per_column": round(sum(d.analysed for d in self.datasets) / columns, 1)
            if columns
            else 0.0,
            "columns_decided_early": sum(d.early for d in self.datasets),
            "columns_narrowed": sum(d.narrowed for d in self.datasets),
            "narrowed_per_column": round(sum(d.narrowed_values for d in self.datasets) / columns, 1)
            if columns
            else 0.0,
            "read_share_per_dataset": {
                "min": round(shares[0], 3) if shares else 0.0,
                "median": round(shares[len(shares) // 2], 3) if shares else 0.0,
                "max": round(shares[-1], 3) if shares else 0.0,
            },
        }

    def line(self) -> str:
        s = self.summary()
        share = s["read_share_per_dataset"]
        return (
            f"classification ({'adaptive' if s['adaptive'] else 'full sample'}): "
            f"{s['classify_cpu_s']:.2f} CPU s for {s['values_sampled']} sampled values = "
            f"{s['values_per_s']:,} values/s; per column {s['read_per_column']} of "
            f"{s['sampled_per_column']} values read, {s['analysed_per_column']} analysed; "
            f"{s['columns_decided_early']}/{s['columns']} columns decided early, "
            f"{s['columns_narrowed']} read on for identifiers only "
            f"({s['narrowed_per_column']} values per column analysed for them); share read per "
            f"dataset min {share['min']} median {share['median']} max {share['max']}"
        )


def warm_up(engine: DetectionEngine) -> None:
    """Load the recognizers, the Thai word list and the name model before anything is timed
    (as ``classify_throughput.py`` does): a process pays for them once, not per value."""
    engine.analyze_value("warm up นายสมชาย 081-234-5678")
    word_tokenize("ทดสอบ", engine="newmm")  # the dictionary a Thai surname is checked against
    name_score("warm up")


def build_split(
    name: str, folder: Path, rows: int, preamble: str = ""
) -> tuple[Labels, set[tuple[str, str]], str]:
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
    return labels, foreign, preamble + "\n".join(config)


#: Every column's reported types with (confidence, match ratio), filled by :func:`scan`
#: for ``--decisions`` (to compare two runs column by column).
DECISIONS: dict[str, dict[str, tuple[float, float]]] = {}


def scan(config_text: str, folder: Path) -> Labels:
    """The runner's types for every column: ("org/table", column) -> types."""
    config = folder / "pdpa-agent.toml"
    config.write_text(config_text, encoding="utf-8")
    loaded = load_config(config)
    engine = DetectionEngine()
    warm_up(engine)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), engine)
    failed = [f"{d.source}/{d.name}: {d.error}" for d in result.datasets if d.error]
    if failed:  # a broken scan must not pass for a scan that found nothing
        raise SystemExit(f"{len(failed)} datasets failed to scan, e.g. {failed[0]}")
    for d in result.datasets:
        for c in d.columns:
            key = f"{d.source}/{d.name.split('.', 1)[1]}.{c.name}"
            DECISIONS[key] = {m.type: (m.confidence, m.match_ratio) for m in c.pii}
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
        f"{s['classification_line'][0].upper()}{s['classification_line'][1:]}.",
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


def run(name: str, rows: int, adaptive: bool = True) -> tuple[dict[str, Any], float]:
    started = time.monotonic()
    meter = ClassifyMeter(adaptive)
    meter.install()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        labels, foreign, config = build_split(name, folder, rows, meter.config())
        predicted = scan(config, folder)
    scored = score(predicted, labels, foreign)
    scored["classification"] = meter.summary()
    scored["classification_line"] = meter.line()
    return scored, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", choices=["dev", "heldback", "both"], default="dev")
    parser.add_argument("--rows", type=int, default=350, help="rows per table (default 350)")
    parser.add_argument(
        "--full-sample", action="store_true", help="no adaptive sampling: analyse every value"
    )
    parser.add_argument(
        "--decisions",
        type=Path,
        help="write every column's types (confidence, match ratio) to this JSON file",
    )
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true")
    out.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    names = ["dev", "heldback"] if args.split == "both" else [args.split]
    results = {name: run(name, args.rows, not args.full_sample) for name in names}
    if args.decisions:
        args.decisions.write_text(json.dumps(DECISIONS, indent=1, sort_keys=True), "utf-8")
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
            print(f"  {s['classification_line']}")
            for t, x in s["per_type"].items():
                print(
                    f"  {t:20} P {x['precision']:.3f} R {x['recall']:.3f} F1 {x['f1']:.3f} n={x['support']}"
                )


if __name__ == "__main__":
    main()
