"""Benchmark: the database connector's cost per table against the table's size (issue 8).

Usage::

    python bench/scale_rows.py [--rows 2000,10000,100000,400000,1000000]
                               [--backends sqlite,postgresql,mariadb] [--repeat 5]

For each backend and row count it builds the ten-column customer table of
make_tables.py (analysed, like a production table), then times what a scan
does per table, through :class:`~connectors.sql.database.DatabaseConnector`:
``describe`` (reflection and row count), ``sample`` (1,000 rows) and
``classify`` (:func:`scanners.classification.classify.classify_dataset`, one warm
DetectionEngine, ``min_match_ratio`` 0.2). Each figure is the median of
``--repeat`` runs after one warm-up. The last column but one is the total
over the smallest table's total on the same backend: a flat ratio means
the cost is bounded by columns × sample size, not by rows. One more line
times PostgreSQL at the largest size with a table never analysed
(``reltuples`` = -1: the estimate comes from ``n_live_tup``).

Backends: a SQLite file in a temporary directory; PostgreSQL and MariaDB at
``--pg-url`` / ``--mariadb-url`` (the local ``test`` databases by default),
where the table ``bench_scale_rows`` is created and dropped again.
The output is a markdown table on stdout ("row count" as described: ``~``
marks an estimate); progress goes to stderr.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_tables import create_customer_table
from sqlalchemy import Table, create_engine, text
from sqlalchemy.engine import URL, Engine, make_url

from connectors.sql.database import DatabaseConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine

TABLE = "bench_scale_rows"
SAMPLE_ROWS = 1000
MIN_MATCH_RATIO = 0.2
DEFAULT_ROWS = "2000,10000,100000,400000,1000000"
DEFAULT_PG_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
DEFAULT_MARIADB_URL = "mysql+pymysql://root@127.0.0.1:3306/test?charset=utf8mb4"


@dataclass(frozen=True)
class Timing:
    """Median milliseconds of one (backend, rows) configuration."""

    backend: str
    rows: int
    describe_ms: float
    sample_ms: float
    classify_ms: float
    method: str
    row_count: str  # as described: "1,000,000" exact, "~1,000,000" estimated

    @property
    def total_ms(self) -> float:
        return self.describe_ms + self.sample_ms + self.classify_ms


def _dataset(url: URL, schema: str | None) -> str:
    if url.get_backend_name() == "sqlite":
        return f"main.{TABLE}"
    return f"{schema or url.database}.{TABLE}"


def measure(
    backend: str, url: URL, rows: int, engine: DetectionEngine, repeat: int, schema: str | None
) -> Timing:
    """Median describe / sample / classify times over ``repeat`` runs after one warm-up."""
    name = _dataset(url, schema)
    runs: list[tuple[float, float, float]] = []
    method = count = ""
    with DatabaseConnector("bench", url) as connector:
        for run in range(repeat + 1):
            started = time.perf_counter()
            info = connector.describe(name)
            described = time.perf_counter()
            sample = connector.sample(info, SAMPLE_ROWS)
            sampled = time.perf_counter()
            classify_dataset(sample, engine, MIN_MATCH_RATIO)
            classified = time.perf_counter()
            if run:  # run 0 is the warm-up
                runs.append((described - started, sampled - described, classified - sampled))
            method = sample.method
            count = f"{'' if info.row_count_exact else '~'}{info.row_count:,}"
    describe_s, sample_s, classify_s = (
        statistics.median(column) for column in zip(*runs, strict=True)
    )
    return Timing(
        backend, rows, describe_s * 1000, sample_s * 1000, classify_s * 1000, method, count
    )


def _wait_for_stats(db: Engine, rows: int) -> None:
    """PostgreSQL: flush this session's statistics and wait until n_live_tup shows them."""
    with db.connect() as conn:
        conn.execute(text("SELECT pg_stat_force_next_flush()"))
        conn.commit()
    query = text("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = :t")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with db.connect() as conn:
            if conn.execute(query, {"t": TABLE}).scalar() == rows:
                return
        time.sleep(0.2)
    print(f"warning: n_live_tup of {TABLE} did not reach {rows}", file=sys.stderr)


def build(url: URL, rows: int, analyze: bool) -> Callable[[], None]:
    """Create the table with ``rows`` rows; return the function that drops it."""
    db = create_engine(url)
    table: Table = create_customer_table(db, TABLE, rows, analyze=analyze)
    if not analyze and db.dialect.name == "postgresql":
        with db.begin() as conn:  # keep reltuples at -1 while the benchmark runs
            conn.execute(text(f"ALTER TABLE {TABLE} SET (autovacuum_enabled = false)"))
        _wait_for_stats(db, rows)
        with db.connect() as conn:
            reltuples = conn.execute(
                text("SELECT reltuples FROM pg_class WHERE relname = :t"), {"t": TABLE}
            ).scalar()
            assert reltuples == -1, reltuples

    def drop() -> None:
        table.drop(db)
        db.dispose()

    return drop


def backend_urls(args: argparse.Namespace, workdir: Path) -> dict[str, URL]:
    return {
        "sqlite": URL.create("sqlite", database=str(workdir / "scale_rows.db")),
        "postgresql": make_url(args.pg_url),
        "mariadb": make_url(args.mariadb_url),
    }


def print_table(timings: list[Timing]) -> None:
    smallest = min(t.rows for t in timings)
    print(
        "| backend | rows | row count | describe ms | sample ms | classify ms | total ms "
        f"| total ÷ {smallest:,}-row total | method |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
    base: dict[str, float] = {}
    for t in timings:
        family = t.backend.split(" ")[0]
        base.setdefault(family, t.total_ms)
        print(
            f"| {t.backend} | {t.rows:,} | {t.row_count} | {t.describe_ms:.1f} | "
            f"{t.sample_ms:.1f} | {t.classify_ms:.0f} | {t.total_ms:.0f} | "
            f"{t.total_ms / base[family]:.2f} | {t.method} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default=DEFAULT_ROWS, help="comma-separated row counts")
    parser.add_argument("--backends", default="sqlite,postgresql,mariadb")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (after one warm-up)")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL)
    parser.add_argument("--mariadb-url", default=DEFAULT_MARIADB_URL)
    args = parser.parse_args()
    sizes = sorted(int(r.replace("_", "")) for r in args.rows.split(","))
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    engine = DetectionEngine()
    engine.analyze_value("warm up นายสมชาย 081-234-5678")
    timings: list[Timing] = []
    with tempfile.TemporaryDirectory() as workdir:
        urls = backend_urls(args, Path(workdir))
        for backend in backends:
            url = urls[backend]
            schema = "public" if backend == "postgresql" else None
            for rows in sizes:
                drop = build(url, rows, analyze=True)
                try:
                    timings.append(measure(backend, url, rows, engine, args.repeat, schema))
                finally:
                    drop()
                print(f"done: {backend} {rows:,}", file=sys.stderr)
        if "postgresql" in backends:
            url, rows = urls["postgresql"], sizes[-1]
            drop = build(url, rows, analyze=False)
            try:
                timing = measure("postgresql", url, rows, engine, args.repeat, "public")
                timings.append(replace(timing, backend="postgresql (never analysed)"))
            finally:
                drop()
    print_table(timings)


if __name__ == "__main__":
    main()
