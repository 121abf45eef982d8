"""Benchmark: column-classification throughput (values per second on one core).

Usage: ``python bench/classify_throughput.py [--rows 1000] [--repeat 3]``.
Prints values/s over twenty realistic mixed columns (see mixed_columns.py),
cold (first pass, caches empty) and warm, and the peak resident memory.
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
from scanners.detection.engine import DetectionEngine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    engine = DetectionEngine()
    engine.analyze_value("warm up นายสมชาย 081-234-5678")
    print(f"engine start: {time.perf_counter() - started:.2f}s")
    for run in range(args.repeat):
        columns = mixed_columns(args.rows, seed=run + 1)
        values = sum(len(c.values) for c in columns)
        started = time.perf_counter()
        for column in columns:
            classify_column(column, engine, args.rows)
        elapsed = time.perf_counter() - started
        print(
            f"run {run + 1}: {values} values in {elapsed:.2f}s = {values / elapsed:,.0f} values/s"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
