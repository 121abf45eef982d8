"""Benchmark: the console's dashboard over a large state store (issue 18, SPEC §12).

Usage::

    python bench/console_dashboard.py [--scans 100] [--findings 10000] [--churn 0.05]
                                      [--store sqlite|postgresql] [--repeat 7]

Builds a state store through the real write path (``StateStore.record_scan``):
``--scans`` scans of ``--findings`` findings each, over 10 sources, 1,000
datasets and 20 owners; each scan replaces a ``--churn`` share of the
previous scan's findings with new ones (``--churn 1`` makes every scan's
findings new: 100 × 10,000 = 1,000,000 rows in ``pdpa_findings``, 99 % of
them resolved). 2 % of the open findings are triaged. Then it asks the real
console application (``agent.console.app.create_app``, in process through
Starlette's test client, signed in through the trusted SSO header) for the
dashboard ``--repeat`` times, as the DPO (everything) and as one owner, and
the first page of the open findings and of all findings, and prints the
median (and for the dashboard the slowest) time of each. Output: a markdown table on
stdout; progress on stderr. PostgreSQL: ``PDPA_BENCH_PG_URL`` (default
postgres@127.0.0.1:5432), in a new database that is dropped afterwards; it is
measured right after the build and again after ``VACUUM ANALYZE`` (what
autovacuum does in time: every scan rewrites the rows of the findings it
sees, and a server with autovacuum off keeps their dead versions).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.console.app import create_app
from agent.inputs.config_loader import load_config
from agent.state.decisions.accounts import add_account
from agent.state.decisions.triage import Decision, record_decision
from agent.state.store import StateStore
from scanners.model.result import Finding, ScanInfo, ScanResult, SourceStatus

SEVERITIES = ("low", "medium", "high", "critical")
TYPES = (
    "PII_UNREGISTERED",
    "MINIMISE_UNDECLARED_PII",
    "RETENTION_EXPIRED",
    "ACCESS_UNAPPROVED",
    "SENSITIVE_NO_BASIS",
    "RETENTION_UNDEFINED",
)
OWNERS = tuple(f"owner{n:02d}@example.co.th" for n in range(20))


def _finding(n: int) -> Finding:
    return Finding(
        id=f"{TYPES[n % len(TYPES)].lower()}-{n:016x}",
        type=TYPES[n % len(TYPES)],
        severity=SEVERITIES[(n * 7) % 4],
        source=f"db{n % 10}",
        dataset=f"public.table_{n % 1000:04d}",
        columns=(f"column_{n % 13}",),
        count=n % 500,
        register_id=f"REG-{n % 50:03d}",
        owner=OWNERS[n % len(OWNERS)],
        principal=None,
        privileges=(),
        law="PDPA s.39",
        message_th="ข้อความ",
        message_en="message",
    )


def build(url: str, scans: int, per_scan: int, churn: float) -> float:
    started = time.monotonic()
    replaced = max(1, int(per_scan * churn)) if churn > 0 else 0
    with StateStore(url) as store:
        first = 0
        for s in range(scans):
            at = datetime(2026, 1, 1, 2, tzinfo=UTC) + timedelta(days=s)
            findings = tuple(_finding(first + i) for i in range(per_scan))
            info = ScanInfo(
                f"scan-{s:04d}", at.isoformat(), (at + timedelta(hours=1)).isoformat(), "bench"
            )
            sources = tuple(SourceStatus(f"db{k}", "ok", None, 100) for k in range(10))
            store.begin_scan(info.id, at, "bench")
            store.record_scan(ScanResult(info, sources, (), findings))
            first += replaced
            print(f"  scan {s + 1}/{scans}", file=sys.stderr, end="\r")
        open_ids = [f.id for f in store.findings(status="open")]
        for fid in open_ids[::50]:
            record_decision(
                store.engine, Decision(fid, "dpo@example.co.th", "cli", "acknowledged", "seen")
            )
        add_account(
            store.engine,
            "dpo",
            "dpo",
            "a long bench password",
            datetime.now(UTC),
            "dpo@example.co.th",
        )
        add_account(
            store.engine, "owner", "owner", "a long bench password", datetime.now(UTC), OWNERS[3]
        )
    print(file=sys.stderr)
    return time.monotonic() - started


def timed(client: TestClient, user: str, repeat: int, path: str = "/") -> list[float]:
    times = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        response = client.get(path, headers={"X-Remote-User": user})
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code
    return times[1:]  # the first request warms the caches


def measure(config: Path, repeat: int) -> tuple[list[float], ...]:
    """The dashboard as the DPO and as an owner, the open findings and all findings."""
    app = create_app(load_config(config))
    with TestClient(app) as client:
        return (
            timed(client, "dpo", repeat),
            timed(client, "owner", repeat),
            timed(client, "dpo", repeat, "/findings"),
            timed(client, "dpo", repeat, "/findings?status=all"),
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=100)
    parser.add_argument("--findings", type=int, default=10_000)
    parser.add_argument("--churn", type=float, default=0.05)
    parser.add_argument("--store", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pdpa-bench-console-"))
    admin = None
    if args.store == "sqlite":
        url = f"sqlite:///{folder / 'state.db'}"
    else:
        import os

        admin = make_url(
            os.environ.get(
                "PDPA_BENCH_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
            )
        )
        name = f"pdpa_bench_{uuid.uuid4().hex[:8]}"
        engine = create_engine(admin, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        engine.dispose()
        url = admin.set(database=name).render_as_string(hide_password=False)
    try:
        built = build(url, args.scans, args.findings, args.churn)
        config = folder / "pdpa-agent.toml"
        config.write_text(
            f'[agent]\nstate = "{url}"\n\n[console]\ntrusted_header = "X-Remote-User"\n',
            encoding="utf-8",
        )
        with StateStore(url) as store:
            rows = len(store.findings())
            still_open = len(store.findings(status="open"))
        rounds = [(args.store, measure(config, args.repeat))]
        if admin is not None:  # what autovacuum would do (it may be off on a test server)
            engine = create_engine(url, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(text("VACUUM ANALYZE"))
            engine.dispose()
            rounds.append(("postgresql, after VACUUM ANALYZE", measure(config, args.repeat)))
        print(
            "| store | scans × findings | churn | rows in pdpa_findings | open | built in | dashboard (DPO) median / max | dashboard (owner) median / max | open findings, page 1 | all findings, page 1 |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        for name, (dpo, owner, listing, everything) in rounds:
            print(
                f"| {name} | {args.scans} × {args.findings:,} | {args.churn:g} | {rows:,} | {still_open:,} | "
                f"{built:.0f} s | {statistics.median(dpo) * 1000:.0f} / {max(dpo) * 1000:.0f} ms | "
                f"{statistics.median(owner) * 1000:.0f} / {max(owner) * 1000:.0f} ms | "
                f"{statistics.median(listing) * 1000:.0f} ms | {statistics.median(everything) * 1000:.0f} ms |"
            )
    finally:
        if admin is not None:
            engine = create_engine(admin, isolation_level="AUTOCOMMIT")
            with engine.connect() as conn:
                conn.execute(
                    text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')
                )
            engine.dispose()


if __name__ == "__main__":
    main()
