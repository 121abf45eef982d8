"""Benchmark: a disclosure extract streamed out of PostgreSQL (issue 16, SPEC §10).

Usage::

    python bench/disclosure_extract.py [--rows 100000,1000000] [--format csv]

For each row count it builds one PostgreSQL table of passengers (national ID,
birth date, Thai address with a postcode, gender) with ``INSERT … SELECT`` over
``generate_series`` in the database, writes a config, a register and a request
(``national_id`` → pseudonym, ``date_of_birth`` → age_band, ``address`` →
province, ``gender`` kept) and runs ``pdpa-agent disclose --out`` as a child
process. It reports the wall time of the whole command (assessment with its
k-anonymity queries, the streamed extract, notices, log), rows per second,
and the child's peak resident memory (``ru_maxrss``): the same peak for 100,000
and 1,000,000 rows shows that memory does not grow with the row count.
Output: a markdown table on stdout; progress on stderr. Needs the local
PostgreSQL server (``PDPA_BENCH_PG_URL``, default postgres@127.0.0.1:5432).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    cast,
    create_engine,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.engine import URL, make_url

TABLE = "bench_passengers"
#: The child: the real command line, then its own peak RSS (KiB) on stderr.
_CHILD = (
    "import resource, sys; from agent.cli import main; code = main(sys.argv[1:]); "
    "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)
PROVINCES = ("จ.เชียงใหม่ 50", "จ.ขอนแก่น 40", "จ.ภูเก็ต 83", "กรุงเทพมหานคร 10", "จ.สงขลา 90")


def _admin_url() -> URL:
    return make_url(
        os.environ.get(
            "PDPA_BENCH_PG_URL", "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"
        )
    )


def build(rows: int) -> URL:
    """A fresh database ``pdpa_bench_disclose`` with ``rows`` passengers; its URL."""
    admin = create_engine(_admin_url(), isolation_level="AUTOCOMMIT")
    name = "pdpa_bench_disclose"
    with admin.connect() as conn:
        quoted = admin.dialect.identifier_preparer.quote_identifier(name)
        conn.execute(text(f"DROP DATABASE IF EXISTS {quoted}"))  # identifier, not a value
        conn.execute(text(f"CREATE DATABASE {quoted} ENCODING 'UTF8' TEMPLATE template0"))
    admin.dispose()
    url = _admin_url().set(database=name)
    metadata = MetaData()
    table = Table(
        TABLE,
        metadata,
        Column("passenger_id", Integer, primary_key=True),
        Column("national_id", String(13)),
        Column("date_of_birth", Date),
        Column("address", String(300)),
        Column("gender", String(10)),
    )
    engine = create_engine(url)
    metadata.create_all(engine)
    series = func.generate_series(1, rows).table_valued("i").render_derived("s")
    i = series.c.i
    province = func.split_part(literal("|".join(PROVINCES)), "|", (i % len(PROVINCES)) + 1)
    statement = table.insert().from_select(
        ["passenger_id", "national_id", "date_of_birth", "address", "gender"],
        select(
            i,
            func.lpad(
                cast(1_100_000_000_000 + cast(i, BigInteger) * 7919 % 899_999_999_999, String),
                13,
                "1",
            ),
            cast(literal("1950-01-01"), Date) + (i * 37 % 20_000),
            func.concat(
                i % 300,
                "/",
                i % 17,
                " ถ.พหลโยธิน ",
                province,
                func.lpad(cast(i % 1000, String), 3, "0"),
            ),
            literal("ชาย"),
        ),
    )
    with engine.begin() as conn:
        conn.execute(statement)
        conn.execute(table.update().where(table.c.passenger_id % 2 == 0).values(gender="หญิง"))
    engine.dispose()
    return url


def write_files(folder: Path, url: URL) -> tuple[Path, Path]:
    rendered = url.render_as_string(hide_password=False)
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///state.db"\n\n[[sources]]\nname = "ops"\nkind = "database"\n'
        f'url = "{rendered}"\nstatement_timeout_s = 600\n\n[register]\npath = "register.toml"\n',
        encoding="utf-8",
    )
    (folder / "register.toml").write_text(
        f'[[datasets]]\nid = "OPS-1"\nsource = "ops"\nmatch = "public.{TABLE}"\n'
        'purpose = "Passenger services"\nlegal_basis = "contract"\nowner = "ops@example.co.th"\n'
        'retention = "5y"\nclock_column = "date_of_birth"\nk_min = 5\n',
        encoding="utf-8",
    )
    request = folder / "request.toml"
    request.write_text(
        '[request]\nrequested_by = "Research"\nrecipient = "University"\n'
        'recipient_contact = "a@example.ac.th"\nlegal_basis = "archives_research"\n'
        'purpose = "Passenger flows by age"\napproved_by = "dpo@example.co.th"\nsource = "ops"\n'
        f'dataset = "public.{TABLE}"\n\n'
        + "".join(
            f'[[request.columns]]\nname = "{name}"\nas = "{treatment}"\n\n'
            for name, treatment in (
                ("passenger_id", "keep"),
                ("national_id", "pseudonym"),
                ("date_of_birth", "age_band"),
                ("address", "province"),
                ("gender", "keep"),
            )
        ),
        encoding="utf-8",
    )
    return config, request


def run(rows: int, file_format: str) -> tuple[float, float, int]:
    """(seconds, rows per second, peak RSS in MiB) of one disclose command."""
    print(f"building {rows:,} rows…", file=sys.stderr)
    url = build(rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        config, request = write_files(folder, url)
        if file_format == "xlsx":
            request.write_text(
                request.read_text("utf-8").replace(
                    'source = "ops"', 'source = "ops"\nformat = "xlsx"'
                ),
                "utf-8",
            )
        env = os.environ | {"PDPA_PSEUDONYM_KEY": "benchmark-key-0123456789abcdef"}
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                _CHILD,
                "-c",
                str(config),
                "disclose",
                str(request),
                "--out",
                str(folder / "out"),
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        seconds = time.perf_counter() - started
        peak = int(done.stderr.rsplit("PEAK ", 1)[1].split()[0])
        record = json.loads((folder / "out" / "disclosure.json").read_text("utf-8"))
        assert record["rows"] == rows, (record["rows"], rows)
    print(f"{rows:,} rows: {seconds:.1f} s", file=sys.stderr)
    return seconds, rows / seconds, peak // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--format", default="csv", choices=("csv", "xlsx"))
    args = parser.parse_args()
    print("| rows | format | seconds | rows/s | peak RSS (MiB) |")
    print("|---:|---|---:|---:|---:|")
    for rows in (int(n) for n in args.rows.split(",")):
        seconds, rate, rss = run(rows, args.format)
        print(f"| {rows:,} | {args.format} | {seconds:.1f} | {rate:,.0f} | {rss} |")


if __name__ == "__main__":
    main()
