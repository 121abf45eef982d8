"""Benchmark: whole-scan time with Celery workers (``executor = "celery"``) vs worker count.

Usage: ``python bench/scale_celery.py --tables 1000 [--workers 1,2] [--broker URL]``.

Uses the PostgreSQL database ``pdpa_bench_tables`` that ``scale_tables.py``
builds (rebuilt here when it does not hold ``--tables`` tables), starts N
``pdpa-agent worker`` processes (``--concurrency 1`` each) on a Redis broker,
waits until they answer a ping, then times one ``pdpa-agent scan`` (the
coordinator) until its reports are written. Measured: wall time of the scan
command, and the peak resident memory of the coordinator and of all workers
(process trees sampled from ``/proc`` every 50 ms). The report is checked to
hold one dataset per table. Prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import redis
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_tables import (
    CREATE_DATABASE,
    DATABASE,
    DROP_DATABASE,
    SERVER,
    build_tables,
    default_pdpa_agent,
    parse_int_list,
    recreate_database,
    run_measured,
    tree_rss_bytes,
)

from agent.inputs.config_loader import load_config
from agent.scan.executors.celery_app import make_app

TABLE_COUNT = text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")


def ensure_database(tables: int, rows: int) -> str:
    """The URL of a database holding exactly ``tables`` customer tables."""
    url = f"{SERVER}/{DATABASE}"
    try:
        engine = create_engine(url)
        with engine.connect() as conn:
            present = conn.execute(TABLE_COUNT).scalar_one()
        engine.dispose()
    except Exception:  # no database yet
        present = -1
    if present != tables:
        recreate_database(SERVER, DROP_DATABASE, CREATE_DATABASE)
        engine = create_engine(url)
        build_tables(engine, tables, rows)
        engine.dispose()
    return url


def write_config(workdir: Path, database_url: str, broker: str, sample: int) -> Path:
    config = workdir / "pdpa-agent.toml"
    config.write_text(
        "[agent]\n"
        f'state = "sqlite:///{workdir / "state.db"}"\n'
        'executor = "celery"\n'
        f'broker = "{broker}"\n\n'
        "[detection]\n"
        f"sample_rows = {sample}\n\n"
        "[[sources]]\n"
        'name = "bench"\n'
        'kind = "database"\n'
        f'url = "{database_url}"\n'
        "max_concurrency = 16\n\n"
        "[reports]\n"
        'formats = ["json"]\n',
        encoding="utf-8",
    )
    return config


def start_workers(pdpa_agent: str, config: Path, count: int) -> list[subprocess.Popen[bytes]]:
    workers = []
    for number in range(count):
        log = (config.parent / f"worker{number}.log").open("wb")
        argv = [pdpa_agent, "-c", str(config), "worker", "--name", f"bench{number}@bench"]
        argv += ["--concurrency", "1"]
        workers.append(
            subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        )
    app = make_app(load_config(config).config.agent)
    wanted = {f"bench{number}@bench" for number in range(count)}
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if wanted <= set(app.control.inspect(timeout=0.5).ping() or {}):
            app.close()
            return workers
    raise SystemExit("Celery workers did not start")


def stop_workers(workers: list[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        os.killpg(worker.pid, signal.SIGTERM)
    for worker in workers:
        worker.wait(timeout=60)


def bench(pdpa_agent: str, url: str, tables: int, count: int, broker: str, sample: int) -> str:
    redis.Redis.from_url(broker).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix=f"pdpa-bench-celery-{count}-"))
    config = write_config(workdir, url, broker, sample)
    workers = start_workers(pdpa_agent, config, count)
    peak_workers = 0
    done = threading.Event()

    def sample_workers() -> None:
        nonlocal peak_workers
        while not done.is_set():
            peak_workers = max(peak_workers, sum(tree_rss_bytes(w.pid) for w in workers))
            done.wait(0.05)

    sampler = threading.Thread(target=sample_workers, daemon=True)
    sampler.start()
    out = workdir / "reports"
    argv = [pdpa_agent, "-c", str(config), "scan", "--out", str(out), "--format", "json"]
    try:
        run = run_measured(argv, workdir)
    finally:
        done.set()
        sampler.join()
        stop_workers(workers)
    if run.returncode not in (0, 1):
        raise SystemExit(f"scan exited {run.returncode}:\n{run.stderr[-3000:]}")
    report = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    if len(report["datasets"]) != tables:
        raise SystemExit(f"report has {len(report['datasets'])} datasets, expected {tables}")
    return (
        f"| pdpa-agent (celery) | {tables} | {count} × 1 | {run.wall_s:.1f} | "
        f"{tables / run.wall_s:.1f} | {run.peak_rss_mb:.0f} | {peak_workers / 2**20:.0f} |"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=100)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--workers", type=parse_int_list, default=[1, 2])
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--broker", default="redis://127.0.0.1:6379/12")
    args = parser.parse_args(argv)
    url = ensure_database(args.tables, args.rows)
    pdpa_agent = default_pdpa_agent()
    print(
        "| tool | tables | workers | wall s | datasets/s | coordinator peak MB | workers peak MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for count in args.workers:
        print(bench(pdpa_agent, url, args.tables, count, args.broker, args.sample), flush=True)


if __name__ == "__main__":
    main()
