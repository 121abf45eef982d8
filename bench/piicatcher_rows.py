"""Benchmark: whole-scan time vs rows per table, piicatcher next to pdpa-agent.

Usage: ``python bench/piicatcher_rows.py [--rows 2000,10000,100000,400000,1000000]
[--sample 1000] [--repeat 3]``.

For each ``--rows`` value, (re)creates one synthetic customer table
(``make_tables.py``) in the PostgreSQL database ``pdpa_bench_rows``, then times
one piicatcher data scan of that database (``--sample-size`` = ``--sample``,
fresh catalog, telemetry off; see ``scale_tables.py``) and one
``pdpa-agent -c CONFIG scan`` of it (``sample_rows`` = ``--sample``, fresh
state store). Wall time is that of the whole command, including interpreter
start-up and connecting; peak RSS is the sum over the command's process tree,
sampled from ``/proc``. With ``--repeat`` the median wall time is shown.

piicatcher samples a PostgreSQL table only when it holds more than
``--sample`` rows, and then with ``TABLESAMPLE BERNOULLI (10) LIMIT sample``,
so it reads about 10 % of the rows, at most ``--sample``: the
"piicatcher rows read" column gives that expected number. Prints a markdown
table.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_tables import create_customer_table
from scale_tables import (
    PIICATCHER_VENV,
    SERVER,
    ScanResult,
    bench_pdpa_agent,
    bench_piicatcher,
    default_pdpa_agent,
    parse_int_list,
    piicatcher_version,
    recreate_database,
    types_table,
)

DATABASE = "pdpa_bench_rows"
DROP_DATABASE = text('DROP DATABASE IF EXISTS "pdpa_bench_rows" WITH (FORCE)')
CREATE_DATABASE = text('CREATE DATABASE "pdpa_bench_rows"')
TABLE = "customers"
DEFAULT_ROWS = "2000,10000,100000,400000,1000000"


@dataclass
class RowsResult:
    """Both tools' scans of one table of ``rows`` rows."""

    rows: int
    pdpa_agent: ScanResult
    piicatcher: ScanResult


def piicatcher_rows_read(rows: int, sample: int) -> int:
    """Rows piicatcher's PostgreSQL sampling is expected to read from the table."""
    return rows if rows <= sample else min(sample, rows // 10)


def markdown_table(results: list[RowsResult], sample: int) -> str:
    """Side by side: rows, then each tool's wall time, peak RSS and personal columns."""
    lines = [
        "| rows | pdpa-agent wall s | pdpa-agent peak RSS MB | pdpa-agent personal columns "
        "| piicatcher wall s | piicatcher peak RSS MB | piicatcher PII columns "
        "| piicatcher rows read (≈) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in results:
        ours, theirs = result.pdpa_agent, result.piicatcher
        lines.append(
            f"| {result.rows:,} | {ours.run.wall_s:.1f} | {ours.run.peak_rss_mb:.0f} "
            f"| {ours.personal_columns} | {theirs.run.wall_s:.1f} "
            f"| {theirs.run.peak_rss_mb:.0f} | {theirs.personal_columns} "
            f"| {piicatcher_rows_read(result.rows, sample):,} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--rows", type=parse_int_list, default=parse_int_list(DEFAULT_ROWS), help="rows per table"
    )
    parser.add_argument("--sample", type=int, default=1000, help="rows sampled per table")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--workers", type=int, default=1, help="pdpa-agent workers")
    parser.add_argument("--piicatcher-venv", type=Path, default=PIICATCHER_VENV)
    parser.add_argument("--pdpa-agent", default=default_pdpa_agent(), help="pdpa-agent script")
    parser.add_argument("--server", default=SERVER, help="SQLAlchemy URL of the server, no db")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if min(args.sample, args.repeat, args.workers) < 1:
        parser.error("--sample, --repeat and --workers must be at least 1")

    database_url = f"{args.server}/{DATABASE}"
    recreate_database(args.server, DROP_DATABASE, CREATE_DATABASE)
    engine = create_engine(database_url)
    version = piicatcher_version(args.piicatcher_venv)
    workdir = Path(tempfile.mkdtemp(prefix="pdpa-bench-rows-"))
    results = []
    try:
        for rows in args.rows:
            started = time.perf_counter()
            create_customer_table(engine, TABLE, rows)
            built = time.perf_counter() - started
            print(f"{rows:,} rows built in {built:.1f}s; scanning …", file=sys.stderr)
            rows_dir = workdir / f"rows-{rows}"
            theirs = bench_piicatcher(
                args.piicatcher_venv, database_url, 1, args.sample, args.repeat, rows_dir
            )
            ours = bench_pdpa_agent(
                args.pdpa_agent,
                database_url,
                1,
                args.workers,
                args.sample,
                args.repeat,
                rows_dir,
            )
            results.append(RowsResult(rows, ours, theirs))
    finally:
        engine.dispose()
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"\none table, sample {args.sample:,} rows; piicatcher {version} (data scan); "
        f"pdpa-agent workers = {args.workers}; median of {args.repeat} run(s); "
        "peak RSS = sum over the process tree\n"
    )
    print(markdown_table(results, args.sample))
    print("\nPII types reported per column (× row counts):\n")
    scans = [scan for result in results for scan in (result.pdpa_agent, result.piicatcher)]
    print(types_table(scans))


if __name__ == "__main__":
    main()
