"""Incremental database scans: an unchanged table's classification is reused, a changed one is read.

The tables live on the real PostgreSQL server (change counters) and in a
SQLite file (the file's state). To see whether a table was read, the test
marks every stored classification; a reused table shows the mark, a table
read again does not. Register counts are made afresh on every scan, reused
or not.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text, update
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.inputs.user_files import load_register_for
from agent.scan.file_cache import FileCache
from agent.scan.runner import ScanPlan, run_scan
from agent.scan.table_cache import TableCache
from agent.state.tables import TABLE_CACHE
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult

MARKER = "from the table cache"
TABLES = ["people", "products", "visits"]


def build(url: URL | str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE people (id int PRIMARY KEY, email varchar(80))"))
        conn.execute(text("CREATE TABLE products (sku varchar(20), price int)"))
        conn.execute(text("CREATE TABLE visits (id int, left_on date, mobile varchar(20))"))
        for i in range(40):
            conn.execute(
                text("INSERT INTO people VALUES (:i, :e)"), {"i": i, "e": f"p{i}@example.co.th"}
            )
            conn.execute(text("INSERT INTO products VALUES (:s, :p)"), {"s": f"SKU-{i}", "p": i})
            conn.execute(
                text("INSERT INTO visits VALUES (:i, :d, :m)"),
                {"i": i, "d": date(2015 + i % 10, 1, 1), "m": f"08{i:08d}"},
            )
    engine.dispose()


def change(url: URL | str, statement: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(statement))
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_stat_force_next_flush()"))
    engine.dispose()


def write_config(folder: Path, url: URL | str, extra: str = "", register: bool = False) -> Path:
    rendered = url.render_as_string(False) if isinstance(url, URL) else url
    lines = [
        f'[agent]\nstate = "sqlite:///{(folder / "state.db").as_posix()}"\nworkers = 1\n',
        f"[detection]\nsample_rows = 100\n{extra}\n",
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "{rendered}"\n',
    ]
    if register:
        lines.append('[register]\npath = "register.toml"\n')
        (folder / "register.toml").write_text(
            '[[datasets]]\nid = "V-1"\nsource = "org"\nmatch = "*.visits"\n'
            'legal_basis = "contract"\nowner = "owner@example.co.th"\n'
            'allowed_pii = ["PHONE_NUMBER"]\nretention = "5y"\nclock_column = "left_on"\n',
            encoding="utf-8",
        )
    path = folder / "pdpa-agent.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def scan(
    config: Path,
    engine: DetectionEngine,
    now: datetime | None = None,
    today: date | None = None,
    reuse: bool = True,
) -> ScanResult:
    loaded = load_config(config)
    files = FileCache(loaded.config.agent.state)
    tables = TableCache(files.engine, loaded.config.detection, now or datetime.now(UTC))
    plan = ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register_for(loaded),
        today=today or date.today(),
        file_cache=files,
        table_cache=tables,
        reuse_unchanged=reuse,
    )
    try:
        return run_scan(plan, engine)
    finally:
        files.close()


def mark_everything(folder: Path) -> dict[str, str]:
    """Put the marker in every stored classification; return each table's stored columns."""
    engine = create_engine(f"sqlite:///{folder / 'state.db'}")
    with engine.begin() as conn:
        rows = conn.execute(TABLE_CACHE.select()).mappings().all()
        for row in rows:
            columns = json.loads(row["columns"])
            for column in columns:
                column["reasons"] = [MARKER]
            conn.execute(
                update(TABLE_CACHE)
                .where(TABLE_CACHE.c.dataset == row["dataset"])
                .values(columns=json.dumps(columns))
            )
    engine.dispose()
    return {row["dataset"].rsplit(".", 1)[-1]: row["columns"] for row in rows}


def scanned_and_marked(folder: Path, engine: DetectionEngine) -> tuple[str, Path]:
    """A SQLite organisation scanned once, its stored classifications marked."""
    org = f"sqlite:///{folder / 'o.db'}"
    build(org)
    config = write_config(folder, org)
    scan(config, engine)
    mark_everything(folder)
    return org, config


def reused(result: ScanResult) -> set[str]:
    """The tables whose classification came from the cache (they carry the marker)."""
    return {
        d.name.rsplit(".", 1)[-1]
        for d in result.datasets
        if any(MARKER in c.reasons for c in d.columns)
    }


def types_of(result: ScanResult) -> dict[str, set[str]]:
    return {
        d.name.rsplit(".", 1)[-1]: {m.type for c in d.columns for m in c.pii}
        for d in result.datasets
    }


@pytest.fixture(params=["postgresql", "sqlite"])
def org(
    request: pytest.FixtureRequest, tmp_path: Path, fresh_pg_database: Callable[[], URL]
) -> URL | str:
    url: URL | str = (
        fresh_pg_database() if request.param == "postgresql" else f"sqlite:///{tmp_path / 'o.db'}"
    )
    build(url)
    return url


def test_unchanged_tables_are_reused_and_a_changed_one_is_read(
    org: URL | str, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    config = write_config(tmp_path, org)
    first = scan(config, detection_engine)
    assert types_of(first)["people"] == {"EMAIL_ADDRESS"}
    stored = mark_everything(tmp_path)
    assert set(stored) == set(TABLES)
    assert "p1@example" not in "".join(stored.values())  # masked evidence only
    assert reused(scan(config, detection_engine)) == set(TABLES)
    change(org, "INSERT INTO people VALUES (1000, 'new@example.co.th')")
    second = scan(config, detection_engine)
    if isinstance(org, URL):  # PostgreSQL counts per table
        assert reused(second) == {"products", "visits"}
    else:  # a SQLite write changes the file, so every table is read
        assert reused(second) == set()
    assert types_of(second) == types_of(first)


@pytest.mark.parametrize(
    "why",
    ["detectors changed", "settings changed", "too old", "never reuse", "scan --full", "off"],
)
def test_what_makes_an_unchanged_table_be_read_again(
    why: str, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    org, config = scanned_and_marked(tmp_path, detection_engine)
    now, reuse = None, True
    if why == "detectors changed":
        engine = create_engine(f"sqlite:///{tmp_path / 'state.db'}")
        with engine.begin() as conn:
            conn.execute(update(TABLE_CACHE).values(detectors="an older release"))
        engine.dispose()
    elif why == "settings changed":
        config = write_config(tmp_path, org, "min_match_ratio = 0.3\n")
    elif why == "too old":
        now = datetime.now(UTC) + timedelta(days=8)  # full_rescan_days defaults to 7
    elif why == "never reuse":
        config = write_config(tmp_path, org, "full_rescan_days = 0\n")
    elif why == "scan --full":
        reuse = False
    else:
        config = write_config(tmp_path, org, "incremental = false\n")
    assert reused(scan(config, detection_engine, now=now, reuse=reuse)) == set()


def test_a_reread_table_is_stored_again_and_reused_next_time(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    _org, config = scanned_and_marked(tmp_path, detection_engine)
    scan(config, detection_engine, reuse=False)  # scan --full: read, and stored afresh
    mark_everything(tmp_path)
    assert reused(scan(config, detection_engine)) == set(TABLES)


def test_a_registered_tables_counts_are_made_afresh_on_the_reused_classification(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    org = f"sqlite:///{tmp_path / 'o.db'}"
    build(org)
    config = write_config(tmp_path, org, register=True)
    today = date(2026, 12, 5)
    first = scan(config, detection_engine, today=today)
    mark_everything(tmp_path)
    later = scan(config, detection_engine, today=today + timedelta(days=3 * 365))
    assert "visits" in reused(later)

    def expired(result: ScanResult) -> int:
        found = [f for f in result.findings if f.type == "RETENTION_EXPIRED"]
        return sum(f.count or 0 for f in found)

    assert 0 < expired(first) < expired(later)  # three more years of visits are past 5 years


def test_a_state_store_that_fails_leaves_every_table_read(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    _org, config = scanned_and_marked(tmp_path, detection_engine)
    loaded = load_config(config)
    files = FileCache(loaded.config.agent.state)
    tables = TableCache(files.engine, loaded.config.detection, datetime.now(UTC))
    engine = create_engine(f"sqlite:///{tmp_path / 'state.db'}")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE pdpa_table_cache"))
    engine.dispose()
    plan = ScanPlan(loaded, tuple(loaded.config.sources), file_cache=files, table_cache=tables)
    try:
        result = run_scan(plan, detection_engine)
    finally:
        files.close()
    assert reused(result) == set() and len(result.datasets) == 3
    assert not [f for f in result.findings if f.type == "SCAN_ERROR"]
    assert replace(plan).table_cache is tables and tables.engine is None  # switched off
