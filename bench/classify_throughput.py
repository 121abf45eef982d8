"""Benchmark: column-classification throughput (values per second on one core).

Usage: ``python bench/classify_throughput.py [--rows 1000] [--repeat 3] [--full-sample]``.
Prints values/s over twenty realistic mixed columns (see mixed_columns.py),
cold (first pass, caches empty) and warm, the values each column's decision
read and analysed (adaptive sampling decides a clear column on a prefix of
its sample, and reads the rest of a column that may hold a few identifiers
in prose for those types only; ``--full-sample`` analyses every value), and
the peak resident memory. Times are CPU seconds of this process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mixed_columns import mixed_columns

from scanners.classification.classify import classify_column
from scanners.classification.sampling.stopping import SamplingStats
from scanners.detection.engine import DetectionEngine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--full-sample", action="store_true", help="no adaptive sampling: analyse every value"
    )
    parser.add_argument("--columns", action="store_true", help="values read per column, too")
    args = parser.parse_args()
    adaptive = not args.full_sample
    started = time.perf_counter()
    engine = DetectionEngine()
    engine.analyze_value("warm up นายสมชาย 081-234-5678")
    print(f"engine start: {time.perf_counter() - started:.2f}s")
    for run in range(args.repeat):
        columns = mixed_columns(args.rows, seed=run + 1)
        values = sum(len(c.values) for c in columns)
        stats = SamplingStats()
        per_column = []
        started = time.process_time()
        for column in columns:
            before = stats.read, stats.analysed, stats.narrowed_values
            classify_column(column, engine, args.rows, adaptive=adaptive, stats=stats)
            after = stats.read, stats.analysed, stats.narrowed_values
            per_column.append(
                (column.column.name, *(n - b for n, b in zip(after, before, strict=True)))
            )
        elapsed = time.process_time() - started
        print(
            f"run {run + 1} ({'adaptive' if adaptive else 'full sample'}): {values} values in "
            f"{elapsed:.2f}s = {values / elapsed:,.0f} values/s; per column "
            f"{stats.read / stats.columns:.0f} read, {stats.analysed / stats.columns:.0f} "
            f"analysed; {stats.early}/{stats.columns} decided early, {stats.narrowed} read on "
            f"for identifiers only ({stats.narrowed_values / stats.columns:.0f} analysed for them)"
        )
        if args.columns:
            for name, read, analysed, narrowed in per_column:
                print(
                    f"  {name:14} read {read:5d}  analysed {analysed:5d}  "
                    f"for identifiers only {narrowed:5d}"
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
