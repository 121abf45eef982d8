"""What the read-only tests share: a ``people`` table, a fingerprint of a table, a CLI scan.

The fingerprint (row count and SHA-256 of every row in a total order) shows
that a table is exactly as it was; the scan is a real ``python -m agent
scan`` in a fresh process.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, select, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.pool import NullPool


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def create_people(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE TABLE people "
                "(id INT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100))"
            )
        )
        conn.execute(
            text("INSERT INTO people VALUES (:id, :name, :email)"),
            [{"id": i, "name": f"Person {i}", "email": f"p{i}@example.com"} for i in range(1, 21)],
        )
    engine.dispose()


def fingerprint(conn: Connection, table: str, schema: str | None = None) -> tuple[int, str]:
    """Row count and SHA-256 of every row of ``table`` (all columns, in a total order)."""
    reflected = Table(table, MetaData(), schema=schema, autoload_with=conn)
    query = select(reflected).order_by(*reflected.columns)
    rows = conn.execute(query).all()
    return len(rows), hashlib.sha256(repr([tuple(row) for row in rows]).encode()).hexdigest()


def cli_scan(config: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
