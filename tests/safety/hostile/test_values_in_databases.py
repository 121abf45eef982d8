"""Issue 9 (3): hostile values in databases are skipped, never fatal.

On SQLite, PostgreSQL and MariaDB (the tables of
:mod:`tests.safety.hostile.value_tables`), every table is sampled and
classified with its national-ID column found despite its hostile
neighbours; undecodable SQLite text is replaced, not quoted; PostgreSQL
dates Python cannot hold come back as text. A full ``run_scan`` with a
register and hashed erasure subjects streams every value of the subject
columns and compares out-of-range dates in SQL without a SCAN_ERROR.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.runner import ScanPlan, run_scan
from connectors.sql.database import DatabaseConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.safety.hostile.value_tables import (
    ABSENT_ID,
    IDS,
    MARIADB_TABLES,
    POSTGRES_TABLES,
    SQLITE_TABLES,
    TODAY,
    ValuesDb,
    create_tables,
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "mariadb"])
def values_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ValuesDb:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("values") / "values.db"
        db = ValuesDb("sqlite", URL.create("sqlite", database=str(path)), "main", SQLITE_TABLES)
    else:
        fixture = "fresh_pg_database" if request.param == "postgresql" else "fresh_mariadb_database"
        factory: Callable[[], URL] = request.getfixturevalue(fixture)
        url = factory()
        if request.param == "postgresql":
            db = ValuesDb("postgresql", url, "public", POSTGRES_TABLES)
        else:
            db = ValuesDb("mariadb", url, str(url.database), MARIADB_TABLES)
    create_tables(db)
    return db


def test_hostile_values_are_skipped_not_fatal(
    values_db: ValuesDb, detection_engine: DetectionEngine
) -> None:
    connector = DatabaseConnector("values", values_db.url)
    connector.open()
    try:
        for table in values_db.tables:
            name = f"{values_db.schema}.{table.name}"
            info = connector.describe(name)
            assert info.row_count == len(table.rows)
            sample = connector.sample(info, 100)
            assert sample.rows_sampled == len(table.rows)
            found = {
                c.name: {m.type for m in c.pii} for c in classify_dataset(sample, detection_engine)
            }
            assert "TH_NATIONAL_ID" in found["pid"], name
            for column, pii_type in table.found.items():
                assert pii_type in found[column], (name, column)
    finally:
        connector.close()


def test_undecodable_sqlite_text_is_replaced_not_quoted(values_db: ValuesDb) -> None:
    """SQLite's own error would fail the table and quote the bytes in the report."""
    if values_db.kind != "sqlite":
        pytest.skip("only SQLite stores text that is not UTF-8")
    connector = DatabaseConnector("values", values_db.url)
    connector.open()
    try:
        sample = connector.sample(connector.describe("main.not_utf8"), 10)
    finally:
        connector.close()
    texts = sorted(str(v) for v in sample.columns[2].values)
    assert texts == sorted(["\ufffd\ufffdA", "\ufffd\ufffd\ufffd", "fine@example.co.th"])


def test_postgresql_dates_python_cannot_hold_come_back_as_text(values_db: ValuesDb) -> None:
    if values_db.kind != "postgresql":
        pytest.skip("PostgreSQL only")
    connector = DatabaseConnector("values", values_db.url)
    connector.open()
    try:
        sample = connector.sample(connector.describe("public.out_of_range_dates"), 10)
    finally:
        connector.close()
    dates = {c.column.name: c.values for c in sample.columns}
    assert "0044-03-15 BC" in dates["d"]
    assert date(1, 1, 1) in dates["d"]
    assert "-178000000 years" in {str(v) for v in dates["iv"]}


def write_scan_files(folder: Path, db: ValuesDb) -> ScanPlan:
    rendered = db.url.render_as_string(hide_password=False)
    config = folder / "pdpa-agent.toml"
    config.write_text(
        "[agent]\nworkers = 1\n\n"
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = {json.dumps(rendered)}\n\n'
        '[register]\npath = "register.toml"\n\n[erasure]\npath = "erasure.csv"\n',
        encoding="utf-8",
    )
    entries = []
    for index, table in enumerate(db.tables):
        lines = [
            "[[datasets]]",
            f'id = "V-{index}"',
            'source = "db"',
            f'match = "{db.schema}.{table.name}"',
            'legal_basis = "contract"',
            'owner = "owner@example.co.th"',
            'allowed_pii = ["TH_NATIONAL_ID", "EMAIL_ADDRESS"]',
            'subject_key = "pid"',
        ]
        if table.clock:
            lines += ['retention = "1y"', f'clock_column = "{table.clock}"']
        entries.append("\n".join(lines))
    (folder / "register.toml").write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    hashed = [
        "sha256:" + hashlib.sha256(value.encode()).hexdigest()
        for value in (IDS[0], ABSENT_ID, "absent@example.co.th")
    ]
    (folder / "erasure.csv").write_text(
        "subject_type,subject_value,requested_at,kind\n"
        f"TH_NATIONAL_ID,{hashed[0]},2026-01-01,erasure\n"
        f"TH_NATIONAL_ID,{hashed[1]},2026-01-01,erasure\n"
        f"EMAIL_ADDRESS,{hashed[2]},2026-01-01,erasure\n"
        f"TH_NATIONAL_ID,{IDS[1]},2026-01-01,erasure\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    return ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register(folder / "register.toml", {"db"}),
        tuple(due(load_erasure_requests(folder / "erasure.csv"), TODAY, 30)),
        TODAY,
    )


def test_full_scan_over_hostile_values_reports_no_error(
    values_db: ValuesDb, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    """Hashed erasure subjects stream every value of the subject columns (NULs, huge
    text, bad bytes included); retention counts compare out-of-range dates in SQL."""
    result: ScanResult = run_scan(write_scan_files(tmp_path, values_db), detection_engine)
    errors = [(f.dataset, f.message_en) for f in result.findings if f.type == "SCAN_ERROR"]
    assert errors == []
    names = {f"{values_db.schema}.{t.name}" for t in values_db.tables}
    assert names | {f"{values_db.schema}.control"} == {d.name for d in result.datasets}
    pending = {f.dataset: f.count for f in result.findings if f.type == "ERASURE_PENDING"}
    assert pending == dict.fromkeys(names, 2)  # IDS[0] hashed, IDS[1] in clear
    expired = {f.dataset: f.count for f in result.findings if f.type == "RETENTION_EXPIRED"}
    assert expired == {
        f"{values_db.schema}.{t.name}": t.expired for t in values_db.tables if t.clock
    }
