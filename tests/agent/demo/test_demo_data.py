"""The bundled demo organisation: valid synthetic identifiers, traps, determinism."""

from __future__ import annotations

import csv
import hashlib
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import MetaData, create_engine, select
from stdnum import ean
from stdnum.th import moa
from stdnum.th import pin as th_pin

from agent.demo import DemoPaths, build_demo

TODAY = date(2026, 11, 25)
TEN_YEARS_AGO = date(2016, 11, 25)
TABLES = (
    "employees",
    "customers",
    "customers_en",
    "products",
    "suppliers",
    "orders",
    "branch_sales",
    "devices",
)


Rows = dict[str, list[dict[str, Any]]]


def _table_rows(database: Path) -> Rows:
    """Every table's rows, ordered by all columns, as dicts."""
    engine = create_engine(f"sqlite:///{database}")
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.connect() as conn:
            return {
                name: [
                    dict(row._mapping)
                    for row in conn.execute(select(table).order_by(*table.columns))
                ]
                for name, table in sorted(metadata.tables.items())
            }
    finally:
        engine.dispose()


def _column(rows: Rows, table: str, column: str) -> list[Any]:
    return [row[column] for row in rows[table]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoPaths:
    return build_demo(tmp_path_factory.mktemp("demo") / "org")


@pytest.fixture(scope="module")
def rows(demo: DemoPaths) -> Rows:
    return _table_rows(demo.database)


def test_paths_exist(demo: DemoPaths) -> None:
    for path in (demo.config, demo.database, demo.register, demo.access_list, demo.erasure):
        assert path.is_file(), path
    assert demo.share.is_dir()
    for name in (
        "hr/payroll_2025.csv",
        "marketing/leads_export.csv",
        "it/app.log",
        "letters/complaint.txt",
        "public/price_list.csv",
        "public/readme.txt",
    ):
        assert (demo.share / name).is_file(), name


def test_row_counts(rows: Rows) -> None:
    assert set(rows) == set(TABLES)
    assert len(rows["employees"]) == 200
    assert len(rows["customers"]) == 1000
    assert len(rows["customers_en"]) == 150
    for trap in ("products", "suppliers", "orders", "branch_sales", "devices"):
        assert rows[trap], trap


def test_citizen_ids_valid_and_mixed(demo: DemoPaths, rows: Rows) -> None:
    ids = _column(rows, "employees", "citizen_id")
    assert all(th_pin.is_valid(v.replace("-", "")) for v in ids)
    assert all(v.replace("-", "")[0] in "12345678" for v in ids)
    assert any("-" in v for v in ids) and any("-" not in v for v in ids)
    assert len({v.replace("-", "") for v in ids}) == len(ids)


def test_phones_are_thai_mobiles(demo: DemoPaths, rows: Rows) -> None:
    phones = _column(rows, "employees", "phone")
    phones += _column(rows, "customers", "phone")
    national = [re.sub(r"[\s-]", "", p).replace("+66", "0") for p in phones]
    assert all(re.fullmatch(r"0[689]\d{8}", n) for n in national)
    assert any(p.startswith("+66 ") for p in phones) and any("-" in p for p in phones)


def test_suppliers_have_juristic_tax_ids(demo: DemoPaths, rows: Rows) -> None:
    tax_ids = _column(rows, "suppliers", "tax_id")
    assert all(moa.is_valid(t) and t.startswith("0") for t in tax_ids)


def test_barcodes_are_ean13_and_some_look_like_thai_ids(demo: DemoPaths, rows: Rows) -> None:
    barcodes = _column(rows, "products", "barcode")
    assert all(ean.is_valid(b) and len(b) == 13 and b.startswith("885") for b in barcodes)
    assert any(th_pin.is_valid(b) for b in barcodes)


def test_some_employees_past_ten_year_retention(demo: DemoPaths, rows: Rows) -> None:
    left = [d for d in _column(rows, "employees", "terminated_at") if d]
    assert 0.2 <= len(left) / len(rows["employees"]) <= 0.4
    expired = [d for d in left if d < TEN_YEARS_AGO]
    assert expired and len(expired) < len(left)
    assert all(isinstance(d, date) and d < TODAY for d in left)


def test_config_parses_and_points_at_demo(demo: DemoPaths) -> None:
    config = tomllib.loads(demo.config.read_text(encoding="utf-8"))
    base = demo.config.parent
    assert config["agent"]["executor"] == "local"
    assert config["detection"]["languages"] == ["th", "en"]
    sources = {s["name"]: s for s in config["sources"]}
    assert sources["demo-db"]["kind"] == "database"
    db_path = Path(sources["demo-db"]["url"].removeprefix("sqlite:///"))
    assert db_path.is_absolute() and db_path == demo.database
    assert sources["demo-share"]["kind"] == "files"
    assert (base / sources["demo-share"]["path"]).resolve() == demo.share
    assert (base / config["register"]["path"]).resolve() == demo.register
    assert (base / config["access"]["path"]).resolve() == demo.access_list
    assert (base / config["erasure"]["path"]).resolve() == demo.erasure
    assert config["reports"]["formats"] == ["json", "html", "csv", "xlsx"]


def test_register_and_access_list(demo: DemoPaths) -> None:
    register = tomllib.loads(demo.register.read_text(encoding="utf-8"))
    entries = {d["id"]: d for d in register["datasets"]}
    assert set(entries) == {"HR-001", "CRM-001", "SHARE-HR"}
    assert entries["HR-001"]["sensitive_basis"] == ""
    assert entries["HR-001"]["subject_key"] == "citizen_id"
    assert not any(d["match"] in ("main.customers_en", "marketing/*") for d in entries.values())
    grants = tomllib.loads(demo.access_list.read_text(encoding="utf-8"))["grants"]
    assert {g["source"] for g in grants} == {"demo-db", "demo-share"}
    assert any(g["reviewed_at"] < date(2024, 1, 1) for g in grants)


def test_erasure_requests_refer_to_existing_subjects(demo: DemoPaths, rows: Rows) -> None:
    with demo.erasure.open(encoding="utf-8", newline="") as fh:
        requests = list(csv.DictReader(fh))
    assert len(requests) == 3
    ids = {v.replace("-", "") for v in _column(rows, "employees", "citizen_id")}
    hashed = {hashlib.sha256(i.encode()).hexdigest() for i in ids}
    emails = set(_column(rows, "customers", "email"))
    values = [r["subject_value"] for r in requests]
    assert values[0] in ids
    assert values[1].startswith("sha256:") and values[1].removeprefix("sha256:") in hashed
    assert values[2] in emails


def test_build_is_deterministic_and_idempotent(tmp_path: Path, rows: Rows) -> None:
    other = build_demo(tmp_path / "again")
    (other.share / "keep.txt").write_text("not a demo file", encoding="utf-8")
    assert _table_rows(other.database) == rows
    first_files = {p: p.read_bytes() for p in other.share.rglob("*") if p.is_file()}
    rebuilt = build_demo(tmp_path / "again")
    assert _table_rows(rebuilt.database) == rows
    assert {p: p.read_bytes() for p in rebuilt.share.rglob("*") if p.is_file()} == first_files
    assert (rebuilt.share / "keep.txt").read_text(encoding="utf-8") == "not a demo file"
