"""Benchmark: a 10,000-table PostgreSQL database, first scan and unchanged re-scan.

Usage: ``python bench/scale_10k.py [--tables 10000] [--rows 1000]
[--workers 1,2,4] [--rescan] [--touch K] [--rebuild] [--build-only]
[--detection "adaptive_sampling = false"]``.

The database ``pdpa_bench_mixed_{tables}`` holds ``--tables`` tables of
mixed kinds (customers, staff, orders, access logs, inventory, metrics,
codes; see ``bulk_tables.py``), ten columns and ``--rows`` rows each, made
inside the server and analysed. A marker table ``bench_meta.shape`` records
the table count, rows and the generator's recipe; a later run that asks for
the same shape reuses the database (``--rebuild`` makes it again). The scans
leave ``bench_meta.*`` out.

Per ``--workers`` value: one ``pdpa-agent scan`` with a fresh state store
(the first scan); with ``--rescan``, the same scan again on the SAME state
store (a SQLite file in the run's temporary folder), after ``--touch K``
tables had one row updated (a write that moves their change counters). Each
scan is timed like ``scale_tables.py``: wall time of the whole command and
peak RSS of its process tree. Besides datasets/s and the personal columns
the report names, the server's own counters (``pg_stat_user_tables``) tell
how many tables the scan read (sequential or index scans) and how many rows
it fetched, so a re-scan that skips unchanged tables shows it whatever the
report says.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.schema import CreateSchema, ExecutableDDLElement
from sqlalchemy.sql.compiler import DDLCompiler

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bulk_tables
from scale_tables import (
    SERVER,
    ScanResult,
    default_pdpa_agent,
    parse_int_list,
    pdpa_agent_columns,
    recreate_database,
    scan_with_config,
    types_table,
    write_pdpa_config,
)

META_SCHEMA = "bench_meta"
EXCLUDE = [f"{META_SCHEMA}.*"]
BATCH = 100
_meta = MetaData(schema=META_SCHEMA)
shape = Table(
    "shape",
    _meta,
    Column("tables", Integer),
    Column("rows", Integer),
    Column("recipe", String(32)),
    Column("build_s", Integer),
)
_stats = MetaData()
table_stats = Table(
    "pg_stat_user_tables",
    _stats,
    Column("schemaname", String),
    Column("relname", String),
    Column("seq_scan", BigInteger),
    Column("seq_tup_read", BigInteger),
    Column("idx_scan", BigInteger),
    Column("idx_tup_fetch", BigInteger),
    Column("n_tup_upd", BigInteger),
    schema="pg_catalog",
)
activity = Table("pg_stat_activity", _stats, Column("datname", String), Column("pid", Integer))


class CreateDatabase(ExecutableDDLElement):
    """``CREATE DATABASE name`` in UTF-8 (Thai text), the name quoted by the dialect."""

    def __init__(self, name: str) -> None:
        self.name = name


class DropDatabase(ExecutableDDLElement):
    """``DROP DATABASE IF EXISTS name WITH (FORCE)`` (PostgreSQL 13+)."""

    def __init__(self, name: str) -> None:
        self.name = name


@compiles(CreateDatabase)
def _create_database(element: CreateDatabase, compiler: DDLCompiler, **_: Any) -> str:
    name = compiler.preparer.quote(element.name)
    return f"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0"


@compiles(DropDatabase)
def _drop_database(element: DropDatabase, compiler: DDLCompiler, **_: Any) -> str:
    return f"DROP DATABASE IF EXISTS {compiler.preparer.quote(element.name)} WITH (FORCE)"


def built_shape(url: str) -> tuple[int, int, str] | None:
    """The marker's (tables, rows, recipe), or None (no database, no marker)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(select(shape.c.tables, shape.c.rows, shape.c.recipe)).first()
    except (OperationalError, ProgrammingError):
        return None
    finally:
        engine.dispose()
    return None if row is None else (row.tables, row.rows, row.recipe)


@functools.cache
def _engine(url: str) -> Engine:
    """One engine (one connection) per build process, kept for all its batches."""
    return create_engine(url, pool_size=1)


def _build_batch(url: str, first: int, count: int, rows: int) -> int:
    """Build process: tables ``first`` … ``first + count - 1``, in one transaction."""
    bulk_tables.build_tables(_engine(url), range(first, first + count), rows, batch=count)
    return count


def build_database(server: str, database: str, tables: int, rows: int, jobs: int) -> None:
    """Drop and create ``database``, build its tables in ``jobs`` processes, analyse, mark."""
    started = time.perf_counter()
    recreate_database(server, DropDatabase(database), CreateDatabase(database))
    url = f"{server}/{database}"
    done = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        batches = [
            pool.submit(_build_batch, url, first, min(BATCH, tables - first), rows)
            for first in range(0, tables, BATCH)
        ]
        for finished in as_completed(batches):
            done += finished.result()
            if done % 1000 == 0 or done == tables:
                print(f"  {done:,} tables built", file=sys.stderr)
    built = time.perf_counter() - started
    engine = create_engine(url)
    bulk_tables.analyze_database(engine)
    total = time.perf_counter() - started
    with engine.begin() as conn:
        conn.execute(CreateSchema(META_SCHEMA))
        _meta.create_all(conn)
        marker = {"tables": tables, "rows": rows, "recipe": bulk_tables.RECIPE}
        conn.execute(shape.insert().values(**marker, build_s=round(total)))
    # Every build session gone means every insert counted: a first scan's change keys
    # then match the next scan's (an exiting backend flushes its counters).
    wait_for_quiet(engine, database)
    engine.dispose()
    print(
        f"built {tables:,} tables × {rows:,} rows in {built:.0f}s, analysed in "
        f"{total - built:.0f}s ({jobs} build processes)",
        file=sys.stderr,
    )


@dataclass(frozen=True)
class Reads:
    """What the server counted for the scanned tables between two snapshots."""

    tables: int  # tables with a sequential or index scan
    rows: int  # rows fetched by those scans


Snapshot = dict[str, tuple[int, int]]


def snapshot(engine: Engine) -> Snapshot:
    """Per public table: (scans, rows fetched) so far, from ``pg_stat_user_tables``."""
    stats = table_stats.c
    scans = stats.seq_scan + func.coalesce(stats.idx_scan, 0)
    fetched = stats.seq_tup_read + func.coalesce(stats.idx_tup_fetch, 0)
    query = select(stats.relname, scans, fetched).where(stats.schemaname == "public")
    with engine.connect() as conn:
        return {name: (int(s), int(f)) for name, s, f in conn.execute(query)}


def reads_between(before: Snapshot, after: Snapshot) -> Reads:
    """Tables scanned and rows fetched between two snapshots."""
    deltas = [
        (scans - before.get(name, (0, 0))[0], rows - before.get(name, (0, 0))[1])
        for name, (scans, rows) in after.items()
    ]
    return Reads(sum(1 for scans, _ in deltas if scans > 0), sum(rows for _, rows in deltas))


def wait_for_quiet(engine: Engine, database: str, timeout_s: float = 15.0) -> None:
    """Wait until no other session is on ``database`` (an exiting backend flushes its stats)."""
    others = (
        select(func.count())
        .select_from(activity)
        .where(activity.c.datname == database, activity.c.pid != func.pg_backend_pid())
    )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(others).scalar_one() == 0:
                return
        time.sleep(0.2)
    print(f"warning: sessions still open on {database} after {timeout_s:.0f}s", file=sys.stderr)


def touch_tables(url: str, tables: int, count: int) -> list[int]:
    """Update one row of ``count`` tables spread over the database; their numbers."""
    numbers = sorted({index * tables // count for index in range(count)})
    engine = create_engine(url)
    updated = select(func.sum(table_stats.c.n_tup_upd)).where(table_stats.c.schemaname == "public")
    with engine.connect() as conn:
        start = conn.execute(updated).scalar_one() or 0
    with engine.begin() as conn:
        for number in numbers:
            table = bulk_tables.table_of(MetaData(), number)
            conn.execute(update(table).where(table.c.id == 1).values(id=table.c.id))
    engine.dispose()  # flushes this session's counters
    engine = create_engine(url)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if (conn.execute(updated).scalar_one() or 0) - start >= len(numbers):
                break
        time.sleep(0.2)
    else:
        print("warning: the touched tables' counters have not moved yet", file=sys.stderr)
    engine.dispose()
    return numbers


@dataclass(frozen=True)
class ScanPass:
    """One timed scan and what the server saw it read."""

    label: str
    result: ScanResult
    reads: Reads
    load: float  # 1-minute load average when it ended


HEADER = (
    "| scan | tables | workers | wall s | datasets/s | peak RSS MB | datasets in report "
    "| personal columns found | tables read | rows read | load |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def row(scan: ScanPass) -> str:
    """One scan as a row of the table under :data:`HEADER`."""
    result, run = scan.result, scan.result.run
    return (
        f"| {scan.label} | {result.tables:,} | {result.workers} | {run.wall_s:.1f} "
        f"| {result.tables / run.wall_s:.1f} | {run.peak_rss_mb:.0f} | {result.datasets:,} "
        f"| {result.personal_columns:,} | {scan.reads.tables:,} | {scan.reads.rows:,} "
        f"| {scan.load:.1f} |"
    )


def timed_scan(
    label: str, args: argparse.Namespace, workers: int, config: Path, workdir: Path, engine: Engine
) -> ScanPass:
    """One scan with ``config`` in ``workdir``, measured; the report's datasets checked."""
    workdir.mkdir(parents=True)
    before = snapshot(engine)
    run, report = scan_with_config(args.pdpa_agent, config, workdir)
    wait_for_quiet(engine, args.database)
    reads = reads_between(before, snapshot(engine))
    datasets, personal, types = pdpa_agent_columns(report)
    if datasets != args.tables:
        print(f"warning: {label}: {datasets} datasets, expected {args.tables}", file=sys.stderr)
    result = ScanResult("pdpa-agent", args.tables, str(workers), run, datasets, personal, types)
    return ScanPass(label, result, reads, os.getloadavg()[0])


def bench(args: argparse.Namespace, url: str, root: Path) -> list[ScanPass]:
    """First scan (and re-scan) per workers value, printing each row as it is measured."""
    engine = create_engine(url)
    scans: list[ScanPass] = []
    for workers in args.workers:
        workdir = root / f"w{workers}"
        workdir.mkdir()
        config = write_pdpa_config(
            workdir, url, workers, args.sample, args.max_concurrency, EXCLUDE, args.detection
        )
        print(f"pdpa-agent, workers = {workers}: first scan …", file=sys.stderr)
        scans.append(timed_scan("first", args, workers, config, workdir / "first", engine))
        print(row(scans[-1]), flush=True)
        if not args.rescan:
            continue
        label = "unchanged re-scan"
        if args.touch:
            touched = touch_tables(url, args.tables, args.touch)
            label = f"re-scan, {len(touched)} touched"
        print(f"pdpa-agent, workers = {workers}: {label} …", file=sys.stderr)
        scans.append(timed_scan(label, args, workers, config, workdir / "rescan", engine))
        print(row(scans[-1]), flush=True)
    engine.dispose()
    return scans


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tables", type=int, default=10_000, help="number of tables")
    parser.add_argument("--rows", type=int, default=1000, help="rows per table (default 1000)")
    parser.add_argument("--workers", type=parse_int_list, default=[1, 2, 4], help="e.g. 1,2,4")
    parser.add_argument("--sample", type=int, default=1000, help="rows sampled per table")
    parser.add_argument("--max-concurrency", type=int, help="the source's max_concurrency")
    parser.add_argument("--rescan", action="store_true", help="scan again on the same state")
    parser.add_argument("--touch", type=int, default=0, help="update a row in K tables first")
    parser.add_argument(
        "--detection",
        action="append",
        default=[],
        metavar="LINE",
        help='extra [detection] line, e.g. "adaptive_sampling = false" (repeatable)',
    )
    parser.add_argument("--rebuild", action="store_true", help="build the database again")
    parser.add_argument("--build-only", action="store_true", help="build (or reuse), no scan")
    parser.add_argument("--build-jobs", type=int, default=2, help="build processes (default 2)")
    parser.add_argument("--database", help="database name (default pdpa_bench_mixed_TABLES)")
    parser.add_argument("--server", default=SERVER, help="SQLAlchemy URL of the server, no db")
    parser.add_argument("--pdpa-agent", default=default_pdpa_agent(), help="pdpa-agent script")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if min(args.tables, args.rows, args.sample, args.build_jobs) < 1:
        parser.error("--tables, --rows, --sample and --build-jobs must be at least 1")
    if not 0 <= args.touch <= args.tables:
        parser.error("--touch must be between 0 and --tables")
    if args.touch and not args.rescan:
        parser.error("--touch needs --rescan")
    args.database = args.database or f"pdpa_bench_mixed_{args.tables}"
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", args.database):
        parser.error("--database: lower-case letters, digits and _ only")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    url = f"{args.server}/{args.database}"
    wanted = (args.tables, args.rows, bulk_tables.RECIPE)
    if args.rebuild or built_shape(url) != wanted:
        build_database(args.server, args.database, args.tables, args.rows, args.build_jobs)
    else:
        print(
            f"reusing {args.database} ({args.tables:,} tables × {args.rows:,} rows)",
            file=sys.stderr,
        )
    if args.build_only:
        return
    expected = bulk_tables.personal_columns(range(args.tables))
    print(
        f"{args.database}: {args.tables:,} tables × {args.rows:,} rows (10 columns, "
        f"{expected:,} holding personal data by construction), sample {args.sample:,} rows/table, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; peak RSS = sum "
        "over the process tree; tables/rows read = pg_stat_user_tables deltas\n",
        flush=True,
    )
    print(HEADER, flush=True)
    root = Path(tempfile.mkdtemp(prefix="pdpa-bench-10k-"))
    try:
        scans = bench(args, url, root)
    finally:
        if args.keep:
            print(f"kept {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)
    if scans:
        print("\nPII types per column, first scan (× tables):\n")
        print(types_table([scans[0].result]))


if __name__ == "__main__":
    main()
