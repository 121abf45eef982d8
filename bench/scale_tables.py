"""Benchmark: whole-scan time vs number of tables, pdpa-agent (and piicatcher).

Usage: ``python bench/scale_tables.py --tables 100 [--rows 1000] [--workers 1,2,4]
[--piicatcher]``.

Builds a PostgreSQL database ``pdpa_bench_tables`` holding ``--tables`` copies
of the synthetic customer table of ``make_tables.py`` (``--rows`` rows each),
then times one ``pdpa-agent -c CONFIG scan --out DIR --format json`` per
``--workers`` value (fresh state store each time, ``[detection] sample_rows`` =
``--sample``) and, with ``--piicatcher``, one piicatcher data scan of the same
database with the same sample size (piicatcher from its own virtualenv,
``--piicatcher-venv``; its Google Analytics telemetry switched off with
``--disable-stats`` and kept in a temporary ``XDG_CONFIG_HOME``).

Measured per run: wall time of the whole command, and peak resident memory of
the command's process tree: the sum of the RSS of the process and all its
descendants, read from ``/proc`` every 50 ms (so Linux only; a parallel scan's
worker processes are included). The pdpa-agent report is checked to hold one
dataset per table, and for both tools the columns reported as personal data
are counted. Prints a markdown table, then which PII type each tool gave each
column of the customer table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.sql.base import Executable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_tables import create_customer_table

SERVER = "postgresql+psycopg2://postgres@127.0.0.1:5432"
DATABASE = "pdpa_bench_tables"
DROP_DATABASE = text('DROP DATABASE IF EXISTS "pdpa_bench_tables" WITH (FORCE)')
CREATE_DATABASE = text('CREATE DATABASE "pdpa_bench_tables"')
PIICATCHER_VENV = Path("/tmp/piicatcher-venv")
PIICATCHER_SOURCE = "bench"
SAMPLE_INTERVAL_S = 0.05
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Measured:
    """One timed command: wall seconds, peak RSS of its process tree, exit code."""

    wall_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


@dataclass
class ScanResult:
    """What one tool reported for one scan."""

    tool: str
    tables: int
    workers: str
    run: Measured
    datasets: int
    personal_columns: int
    column_types: dict[str, Counter[str]] = field(default_factory=dict)


def _children_map() -> dict[int, list[int]]:
    """Parent pid → child pids of every process (a scan of ``/proc``)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _children_of(pid: int) -> list[int]:
    """Child pids of ``pid`` from ``/proc/PID/task/TID/children`` (cheap, one process)."""
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children", "rb") as listing:
                found.extend(int(child) for child in listing.read().split())
        except OSError:
            continue
    return found


HAVE_CHILDREN_FILES = os.path.exists(f"/proc/self/task/{os.getpid()}/children")


def tree_rss_bytes(root: int) -> int:
    """Sum of the resident set sizes of ``root`` and all its descendants."""
    children = None if HAVE_CHILDREN_FILES else _children_map()
    total, pending = 0, [root]
    while pending:
        pid = pending.pop()
        pending.extend(_children_of(pid) if children is None else children.get(pid, []))
        try:
            with open(f"/proc/{pid}/statm", "rb") as statm:
                total += int(statm.read().split()[1]) * PAGE_BYTES
        except OSError:
            continue
    return total


def run_measured(argv: Sequence[str], workdir: Path, env: dict[str, str] | None = None) -> Measured:
    """Run ``argv`` to completion; time it and sample its process tree's memory."""
    out_path, err_path = workdir / "stdout.txt", workdir / "stderr.txt"
    peak = 0
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), stdout=out, stderr=err, env=env, cwd=workdir)
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss_bytes(process.pid))
                done.wait(SAMPLE_INTERVAL_S)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        returncode = process.wait()
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
    return Measured(
        wall_s=wall,
        peak_rss_mb=peak / 2**20,
        returncode=returncode,
        stdout=out_path.read_text(encoding="utf-8", errors="replace"),
        stderr=err_path.read_text(encoding="utf-8", errors="replace"),
    )


def recreate_database(server: str, drop: Executable, create: Executable) -> None:
    """Drop and create a database through an AUTOCOMMIT connection to ``postgres``."""
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(drop)
        conn.execute(create)
    admin.dispose()


def build_tables(engine: Engine, tables: int, rows: int) -> None:
    """``tables`` customer tables ``customers_0000`` … of ``rows`` rows each."""
    started = time.perf_counter()
    for number in range(tables):
        create_customer_table(engine, f"customers_{number:04d}", rows)
        if (number + 1) % 100 == 0:
            print(f"  {number + 1} tables built", file=sys.stderr)
    print(
        f"built {tables} tables × {rows} rows in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )


def default_pdpa_agent() -> str:
    """The ``pdpa-agent`` script next to this interpreter, else the one on PATH."""
    beside = Path(sys.executable).with_name("pdpa-agent")
    return str(beside) if beside.exists() else (shutil.which("pdpa-agent") or "pdpa-agent")


def write_pdpa_config(
    workdir: Path,
    database_url: str,
    workers: int,
    sample: int,
    max_concurrency: int | None = None,
    exclude: Sequence[str] = (),
    detection: Sequence[str] = (),
) -> Path:
    """A minimal pdpa-agent config: one database source, its own state store.

    ``max_concurrency`` (the source's cap on tables scanned at once) is written
    only when given; otherwise the source keeps its default. ``exclude`` are
    the source's dataset globs to leave out; ``detection`` are extra TOML
    lines (``key = value``) for the ``[detection]`` table.
    """
    config = workdir / "pdpa-agent.toml"
    cap = "" if max_concurrency is None else f"max_concurrency = {max_concurrency}\n"
    excluded = f"exclude = {json.dumps(list(exclude))}\n" if exclude else ""
    extra = "".join(f"{line}\n" for line in detection)
    config.write_text(
        "[agent]\n"
        f'state = "sqlite:///{workdir / "state.db"}"\n'
        f"workers = {workers}\n"
        'executor = "local"\n\n'
        "[detection]\n"
        f"sample_rows = {sample}\n"
        f"{extra}\n"
        "[[sources]]\n"
        'name = "bench"\n'
        'kind = "database"\n'
        f'url = "{database_url}"\n'
        f"{cap}{excluded}\n"
        "[reports]\n"
        'formats = ["json"]\n',
        encoding="utf-8",
    )
    return config


def run_pdpa_agent(
    pdpa_agent: str,
    database_url: str,
    workers: int,
    sample: int,
    workdir: Path,
    max_concurrency: int | None = None,
) -> tuple[Measured, dict[str, object]]:
    """One ``pdpa-agent scan`` with a fresh state store; the run and its JSON report."""
    workdir.mkdir(parents=True)
    config = write_pdpa_config(workdir, database_url, workers, sample, max_concurrency)
    return scan_with_config(pdpa_agent, config, workdir)


def scan_with_config(
    pdpa_agent: str, config: Path, workdir: Path
) -> tuple[Measured, dict[str, object]]:
    """One timed ``pdpa-agent -c config scan`` run in ``workdir``; the run and its JSON report."""
    out = workdir / "reports"
    argv = [pdpa_agent, "-c", str(config), "scan", "--out", str(out), "--format", "json"]
    run = run_measured(argv, workdir)
    if run.returncode not in (0, 1):
        raise SystemExit(f"pdpa-agent exited {run.returncode}:\n{run.stderr[-3000:]}")
    return run, json.loads((out / "findings.json").read_text(encoding="utf-8"))


def pdpa_agent_columns(report: dict[str, object]) -> tuple[int, int, dict[str, Counter[str]]]:
    """Datasets, personal columns, and the PII types given per column name."""
    datasets = report["datasets"]
    assert isinstance(datasets, list)
    personal = 0
    types: dict[str, Counter[str]] = {}
    for dataset in datasets:
        for column in dataset["columns"]:
            found = [pii["type"] for pii in column["pii"]]
            personal += bool(found)
            counted = types.setdefault(column["name"], Counter())
            if found:
                counted["+".join(found)] += 1
    return len(datasets), personal, types


def bench_pdpa_agent(
    pdpa_agent: str,
    database_url: str,
    tables: int,
    workers: int,
    sample: int,
    repeat: int,
    workdir: Path,
    max_concurrency: int | None = None,
) -> ScanResult:
    """``repeat`` scans; the median wall time (and the largest peak RSS)."""
    runs = []
    for attempt in range(repeat):
        run, report = run_pdpa_agent(
            pdpa_agent,
            database_url,
            workers,
            sample,
            workdir / f"pdpa-w{workers}-{attempt}",
            max_concurrency,
        )
        runs.append(run)
        datasets, personal, types = pdpa_agent_columns(report)
        if datasets != tables:
            raise SystemExit(f"pdpa-agent report has {datasets} datasets, expected {tables}")
    return ScanResult(
        tool="pdpa-agent",
        tables=tables,
        workers=str(workers) if max_concurrency is None else f"{workers} (cap {max_concurrency})",
        run=median_run(runs),
        datasets=datasets,
        personal_columns=personal,
        column_types=types,
    )


def median_run(runs: list[Measured]) -> Measured:
    """The run of median wall time, with the largest peak RSS seen in any run."""
    ordered = sorted(runs, key=lambda run: run.wall_s)
    middle = ordered[len(ordered) // 2]
    wall = statistics.median(run.wall_s for run in runs)
    peak = max(run.peak_rss_mb for run in runs)
    return Measured(wall, peak, middle.returncode, middle.stdout, middle.stderr)


def piicatcher_version(venv: Path) -> str:
    """The installed piicatcher distribution's version (its ``--version`` is stale)."""
    probe = "import importlib.metadata as m; print(m.version('piicatcher'))"
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def piicatcher_env(workdir: Path) -> dict[str, str]:
    """Environment that keeps piicatcher's stats config (goog-stats) in ``workdir``."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(workdir / "xdg")
    env["PYTHONWARNINGS"] = "ignore"
    return env


def piicatcher_commands(
    venv: Path, database_url: str, sample: int, workdir: Path
) -> tuple[list[str], list[str]]:
    """The ``catalog add-postgresql`` (setup, untimed) and ``detect`` (timed) commands."""
    url = make_url(database_url)
    common = [
        str(venv / "bin" / "piicatcher"),
        "--config-path",
        str(workdir / "config"),
        "--catalog-path",
        str(workdir / "catalog.db"),
        "--disable-stats",
    ]
    add = [
        *common,
        "catalog",
        "add-postgresql",
        "--name",
        PIICATCHER_SOURCE,
        "--username",
        url.username or "postgres",
        "--password",
        url.password or "",
        "--database",
        url.database or "",
        "--uri",
        url.host or "127.0.0.1",
        "--port",
        str(url.port or 5432),
    ]
    detect = [
        *common,
        "--output-format",
        "json",
        "detect",
        "--source-name",
        PIICATCHER_SOURCE,
        "--scan-type",
        "data",
        "--sample-size",
        str(sample),
        "--no-incremental",
    ]
    return add, detect


def piicatcher_columns(stdout: str) -> tuple[int, int, dict[str, Counter[str]]]:
    """Tables listed, PII columns, and the PII types given per column name."""
    # Warnings are logged to standard output too, before the JSON document.
    start = 0 if stdout.startswith("{") else stdout.find("\n{") + 1
    if start == 0 and not stdout.startswith("{"):
        raise SystemExit(f"no JSON in piicatcher output:\n{stdout[-3000:]}")
    output = json.loads(stdout[start:])
    tables, personal = 0, 0
    types: dict[str, Counter[str]] = {}
    for schema in output.get("schemata", []):
        for table in schema.get("tables", []):
            tables += 1
            for column in table.get("columns", []):
                if column.get("pii_type"):
                    personal += 1
                    types.setdefault(column["name"], Counter())[column["pii_type"]] += 1
    return tables, personal, types


def run_piicatcher(
    venv: Path, database_url: str, sample: int, workdir: Path
) -> tuple[Measured, int, int, dict[str, Counter[str]]]:
    """Register the database in a fresh catalog (untimed), then time one data scan."""
    workdir.mkdir(parents=True)
    env = piicatcher_env(workdir)
    add, detect = piicatcher_commands(venv, database_url, sample, workdir)
    registered = subprocess.run(add, capture_output=True, text=True, env=env, cwd=workdir)
    if registered.returncode != 0:
        raise SystemExit(f"piicatcher catalog add-postgresql failed:\n{registered.stderr[-3000:]}")
    run = run_measured(detect, workdir, env)
    if run.returncode != 0:
        raise SystemExit(f"piicatcher detect exited {run.returncode}:\n{run.stderr[-3000:]}")
    tables, personal, types = piicatcher_columns(run.stdout)
    return run, tables, personal, types


def bench_piicatcher(
    venv: Path, database_url: str, tables: int, sample: int, repeat: int, workdir: Path
) -> ScanResult:
    """``repeat`` piicatcher scans, each with a fresh catalog; the median wall time."""
    runs = []
    for attempt in range(repeat):
        run, listed, personal, types = run_piicatcher(
            venv, database_url, sample, workdir / f"piicatcher-{attempt}"
        )
        runs.append(run)
    return ScanResult(
        tool="piicatcher",
        tables=tables,
        workers="1 (no option)",
        run=median_run(runs),
        datasets=listed,
        personal_columns=personal,
        column_types=types,
    )


TABLE_HEADER = (
    "| tool | tables | workers | wall s | datasets/s | peak RSS MB | personal columns found |\n"
    "|---|---:|---:|---:|---:|---:|---:|"
)


def table_row(result: ScanResult) -> str:
    """One result as a row of the markdown table headed by ``TABLE_HEADER``."""
    return (
        f"| {result.tool} | {result.tables:,} | {result.workers} "
        f"| {result.run.wall_s:.1f} | {result.tables / result.run.wall_s:.1f} "
        f"| {result.run.peak_rss_mb:.0f} | {result.personal_columns:,} |"
    )


def markdown_table(results: list[ScanResult]) -> str:
    """The results as one markdown table."""
    return "\n".join([TABLE_HEADER, *(table_row(result) for result in results)])


def types_table(results: list[ScanResult]) -> str:
    """Per column: the PII types each tool reported, summed over ``results`` (× tables)."""
    columns: list[str] = []
    for result in results:
        columns.extend(name for name in result.column_types if name not in columns)
    tools = list(dict.fromkeys(result.tool for result in results))
    by_tool: dict[str, dict[str, Counter[str]]] = {tool: {} for tool in tools}
    for result in results:
        for name, found in result.column_types.items():
            by_tool[result.tool].setdefault(name, Counter()).update(found)
    lines = ["| column | " + " | ".join(tools) + " |", "|---" * (len(tools) + 1) + "|"]
    for name in columns:
        cells = []
        for tool in tools:
            found = by_tool[tool].get(name, Counter())
            cells.append(", ".join(f"{kind} ×{count}" for kind, count in found.items()) or "-")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def parse_int_list(value: str) -> list[int]:
    """``"1,2,4"`` → ``[1, 2, 4]`` (positive integers)."""
    try:
        workers = [int(part) for part in value.split(",") if part.strip()]
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a list of integers: {value!r}") from error
    if not workers or min(workers) < 1:
        raise argparse.ArgumentTypeError(f"not all positive: {value!r}")
    return workers


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tables", type=int, default=100, help="number of tables (default 100)")
    parser.add_argument("--rows", type=int, default=1000, help="rows per table (default 1000)")
    parser.add_argument(
        "--workers", type=parse_int_list, default=[1, 2, 4], help="pdpa-agent workers, e.g. 1,2,4"
    )
    parser.add_argument("--sample", type=int, default=1000, help="rows sampled per table")
    parser.add_argument(
        "--max-concurrency",
        type=int,
        help="the source's max_concurrency (tables scanned at once; default: the agent's)",
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--piicatcher", action="store_true", help="also time piicatcher")
    parser.add_argument("--piicatcher-venv", type=Path, default=PIICATCHER_VENV)
    parser.add_argument("--pdpa-agent", default=default_pdpa_agent(), help="pdpa-agent script")
    parser.add_argument("--server", default=SERVER, help="SQLAlchemy URL of the server, no db")
    parser.add_argument(
        "--skip-create", action="store_true", help=f"reuse the existing {DATABASE} database"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    if min(args.tables, args.rows, args.sample, args.repeat) < 1:
        parser.error("--tables, --rows, --sample and --repeat must be at least 1")

    database_url = f"{args.server}/{DATABASE}"
    if not args.skip_create:
        recreate_database(args.server, DROP_DATABASE, CREATE_DATABASE)
        engine = create_engine(database_url)
        build_tables(engine, args.tables, args.rows)
        engine.dispose()

    # Rows are printed as soon as they are measured, so an interrupted run keeps them.
    print(
        f"{args.tables:,} tables × {args.rows:,} rows, sample {args.sample:,} rows/table, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start; peak RSS = "
        f"sum over the process tree (sampled every {SAMPLE_INTERVAL_S * 1000:.0f} ms)\n",
        flush=True,
    )
    print(TABLE_HEADER, flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="pdpa-bench-tables-"))
    results: list[ScanResult] = []
    try:
        for workers in args.workers:
            print(f"pdpa-agent, workers = {workers} …", file=sys.stderr)
            results.append(
                bench_pdpa_agent(
                    args.pdpa_agent,
                    database_url,
                    args.tables,
                    workers,
                    args.sample,
                    args.repeat,
                    workdir,
                    args.max_concurrency,
                )
            )
            print(table_row(results[-1]), flush=True)
        if args.piicatcher:
            print(f"piicatcher {piicatcher_version(args.piicatcher_venv)} …", file=sys.stderr)
            results.append(
                bench_piicatcher(
                    args.piicatcher_venv,
                    database_url,
                    args.tables,
                    args.sample,
                    args.repeat,
                    workdir,
                )
            )
            print(table_row(results[-1]), flush=True)
    finally:
        if args.keep:
            print(f"kept {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    print("\nPII types reported per column by each tool's first scan (× tables):\n")
    first: dict[str, ScanResult] = {}
    for result in results:
        first.setdefault(result.tool, result)
    print(types_table(list(first.values())))


if __name__ == "__main__":
    main()
