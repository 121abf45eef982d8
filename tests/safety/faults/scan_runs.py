"""What the fault tests share: a CLI scan of a written config, its report, people tables.

Every scan in :mod:`tests.safety.faults` is a real ``python -m agent scan`` (or
``run_scan`` / ``scan_session`` where only code can place the fault at the
right moment) of a config written here; the report is read back as JSON and
its SCAN_ERRORs and detected PII picked out. The tables scanned hold 30
people with names and e-mail addresses, beside a ``products`` table without
any. Nothing waited for here has its duration asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool

POLL_S = 0.02
WAIT_S = 120.0  # upper bound for anything waited for (never asserted)


def cli(config: Path, out: Path, **popen: Any) -> subprocess.CompletedProcess[str]:
    """``pdpa-agent -c config scan --out out`` in a fresh process."""
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "scan", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        **popen,
    )


def rendered(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def database_source(name: str, url: str, extra: str = "") -> str:
    return f'[[sources]]\nname = "{name}"\nkind = "database"\nurl = "{url}"\n{extra}\n'


def write_config(
    folder: Path, workers: int, sources: str, state: str | None = None, formats: str = '"json"'
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    state = state or f"sqlite:///{folder / 'state.db'}"
    path = folder / "pdpa-agent.toml"
    path.write_text(
        f'[agent]\nstate = "{state}"\nworkers = {workers}\ninline_below = 0\n\n'
        f"[detection]\nsample_rows = 200\n\n{sources}\n"
        f'[reports]\nformats = [{formats}]\nlanguage = "en"\n',
        encoding="utf-8",
    )
    return path


def report_of(out: Path) -> dict[str, Any]:
    return json.loads((out / "findings.json").read_text(encoding="utf-8"))


def scan_errors(report: dict[str, Any]) -> dict[tuple[str, str | None], str]:
    return {
        (f["source"], f["dataset"]): f["message"]["en"]
        for f in report["findings"]
        if f["type"] == "SCAN_ERROR"
    }


def pii_of(report: dict[str, Any], source: str, dataset: str) -> set[str]:
    found = [d for d in report["datasets"] if d["source"] == source and d["name"] == dataset]
    assert len(found) == 1, f"{source}/{dataset} not in the report"
    return {p["type"] for column in found[0]["columns"] for p in column["pii"]}


def people_rows(count: int) -> list[dict[str, object]]:
    return [
        {"id": i, "full_name": f"Somchai Jaidee {i}", "email": f"user{i}@example.co.th"}
        for i in range(1, count + 1)
    ]


def create_people(engine: Engine, *tables: str) -> None:
    """Tables ``(id, full_name, email)`` of 30 people each, and ``products`` without any."""
    with engine.begin() as conn:
        for table in tables:
            quoted = engine.dialect.identifier_preparer.quote(table)
            columns = "id INT PRIMARY KEY, full_name VARCHAR(100), email VARCHAR(100)"
            conn.execute(text(f"CREATE TABLE {quoted} ({columns})"))
            conn.execute(
                text(f"INSERT INTO {quoted} VALUES (:id, :full_name, :email)"), people_rows(30)
            )
        conn.execute(text("CREATE TABLE products (sku VARCHAR(20) PRIMARY KEY, stock INT)"))
        conn.execute(
            text("INSERT INTO products VALUES (:sku, :stock)"),
            [{"sku": f"SKU-{i:04d}", "stock": i} for i in range(30)],
        )


def sqlite_people(path: Path) -> Path:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    create_people(engine, "staff")
    engine.dispose()
    return path
