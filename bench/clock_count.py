"""Benchmark: counting rows past retention on clocks stored in every Thai form (issue 14).

Usage::

    python bench/clock_count.py [--rows 100000,1000000] [--backends sqlite,postgresql,mariadb]
                                [--repeat 3]

For each backend and row count it builds one table whose leaving dates
(spread over 27 years, so about 10,000 distinct days) are written four ways —
a C.E. DATE, a B.E. DATE, ``dd/mm/25xx`` text and Thai-month text — and
times :func:`agent.scan.facts.gather.retention_facts` on each clock (detect the calendar,
count, verify and write the statement). Each figure is the median of
``--repeat`` runs after one warm-up. A DATE is counted in the database (two
``count`` queries); text is a streamed ``GROUP BY`` whose distinct values are
parsed once (plus one ``count`` to verify the statement). On SQLite every
clock is text. Output: a markdown table on stdout; progress on stderr.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine
from sqlalchemy.engine import Engine

from agent.scan.facts.gather import retention_facts
from connectors.sql.database import DatabaseConnector
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnResult, DatasetResult

TABLE = "bench_clock_count"
TODAY = date(2026, 11, 25)
CLOCKS = ("ce_date", "be_date", "dmy_be", "thai_month")
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.")
THAI_MONTHS += ("ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
DEFAULT_PG_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
DEFAULT_MARIADB_URL = "mysql+pymysql://root@127.0.0.1:3306/test?charset=utf8mb4"
BATCH = 20_000


def build(engine: Engine, rows: int) -> None:
    metadata = MetaData()
    table = Table(
        TABLE,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("ce_date", Date),
        Column("be_date", Date),
        Column("dmy_be", String(20)),
        Column("thai_month", String(40)),
    )
    metadata.drop_all(engine)
    metadata.create_all(engine)
    rng = random.Random(14)
    start = date(1999, 1, 1)
    with engine.begin() as conn:
        for first in range(0, rows, BATCH):
            batch = []
            for i in range(first, min(rows, first + BATCH)):
                day = start + timedelta(days=rng.randrange(0, 10_000))
                if (day.month, day.day) == (2, 29):
                    day -= timedelta(days=1)
                be = day.year + 543
                batch.append(
                    {
                        "id": i + 1,
                        "ce_date": day,
                        "be_date": day.replace(year=be),
                        "dmy_be": f"{day:%d/%m}/{be}",
                        "thai_month": f"{day.day} {THAI_MONTHS[day.month - 1]} {be}",
                    }
                )
            conn.execute(table.insert(), batch)


def time_clock(url: str, clock: str) -> float:
    with DatabaseConnector("bench", url) as connector:
        name = next(n for n in connector.list_datasets() if n.endswith(TABLE))
        columns = tuple(ColumnResult(c, 0) for c in ("id", *CLOCKS))
        dataset = DatasetResult("bench", name, "table", None, "B-1", columns)
        entry = RegisterEntry("B-1", "bench", "*", retention="10y", clock_column=clock)
        started = time.perf_counter()
        facts = retention_facts(connector, dataset, entry, TODAY)
        elapsed = time.perf_counter() - started
    assert facts is not None
    return elapsed * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql,mariadb")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL)
    parser.add_argument("--mariadb-url", default=DEFAULT_MARIADB_URL)
    args = parser.parse_args()
    print("| backend | rows | " + " | ".join(f"{c} (ms)" for c in CLOCKS) + " |")
    print("|---|---:|" + "---:|" * len(CLOCKS))
    with tempfile.TemporaryDirectory() as folder:
        urls = {
            "sqlite": f"sqlite:///{Path(folder) / 'clock.sqlite'}",
            "postgresql": args.pg_url,
            "mariadb": args.mariadb_url,
        }
        for backend in args.backends.split(","):
            url = urls[backend]
            for rows in (int(r) for r in args.rows.split(",")):
                engine = create_engine(url)
                print(f"{backend}: building {rows} rows", file=sys.stderr)
                build(engine, rows)
                cells = []
                for clock in CLOCKS:
                    time_clock(url, clock)  # warm-up
                    runs = [time_clock(url, clock) for _ in range(args.repeat)]
                    cells.append(f"{statistics.median(runs):,.0f}")
                print(f"| {backend} | {rows:,} | " + " | ".join(cells) + " |", flush=True)
                MetaData().drop_all(engine)
                Table(TABLE, MetaData()).drop(engine, checkfirst=True)
                engine.dispose()


if __name__ == "__main__":
    main()
