"""The same Thai organisation on SQLite, PostgreSQL and MariaDB scans to the same classification."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.synthetic import national_id

FIRST = ["สมชาย", "สมหญิง", "วิชัย", "กานดา", "ประเสริฐ", "อรุณี", "ธนพล", "ศิริพร", "อนันต์", "จิราพร"]
LAST = ["ใจดี", "มีสุข", "ทองคำ", "ศรีสวัสดิ์", "บุญมา", "แก้วมณี", "รุ่งเรือง", "สุขสันต์"]
TITLES = ["นาย", "นาง", "นางสาว"]


def create_org(url: URL | str) -> None:
    """Two tables with personal data and one trap table, identical on every backend."""
    rng = random.Random(7)
    metadata = MetaData()
    staff = Table(
        "พนักงาน_staff",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("ชื่อ-นามสกุล", String(200)),
        Column("cid", String(20)),
        Column("tel", String(30)),
        Column("email", String(200)),
        Column("birth_date", Date),
        Column("hired_on", Date),
    )
    product = Table(
        "product",
        metadata,
        Column("sku", String(20), primary_key=True),
        Column("name", String(200)),
        Column("order_ref", String(20)),
    )
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(staff),
            [
                {
                    "id": i,
                    "ชื่อ-นามสกุล": f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)}",
                    "cid": national_id(rng),
                    "tel": f"0{rng.choice('689')}{rng.randint(0, 9)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
                    "email": f"staff{i}@example.co.th",
                    "birth_date": date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
                    "hired_on": date(2000 + i % 25, 1 + i % 12, 1 + i % 28),
                }
                for i in range(1, 301)
            ],
        )
        conn.execute(
            insert(product),
            [
                {"sku": f"SKU-{i:05d}", "name": f"น้ำดื่ม {i} มล.", "order_ref": f"INV-2025-{i:06d}"}
                for i in range(1, 101)
            ],
        )
    engine.dispose()


def scan(tmp_path: Path, url: URL | str, engine: DetectionEngine) -> ScanResult:
    rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[detection]\nsample_rows = 200\n\n[[sources]]\nname = "org"\nkind = "database"\nurl = "{rendered}"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    return run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), engine)


@pytest.fixture
def org_url(empty_database_url: URL | str) -> URL | str:
    create_org(empty_database_url)
    return empty_database_url


def test_same_classification_on_every_backend(
    tmp_path: Path, org_url: URL | str, detection_engine: DetectionEngine
) -> None:
    result = scan(tmp_path, org_url, detection_engine)
    assert result.sources[0].status == "ok", result.sources[0].error
    by_name = {d.name.split(".", 1)[1]: d for d in result.datasets}
    assert set(by_name) == {"พนักงาน_staff", "product"}
    staff = {c.name: {m.type for m in c.pii} for c in by_name["พนักงาน_staff"].columns}
    assert staff == {
        "id": set(),
        "ชื่อ-นามสกุล": {"PERSON"},
        "cid": {"TH_NATIONAL_ID"},
        "tel": {"PHONE_NUMBER"},
        "email": {"EMAIL_ADDRESS"},
        "birth_date": {"DATE_OF_BIRTH"},
        "hired_on": set(),
    }
    assert by_name["พนักงาน_staff"].row_count == 300
    assert all(not c.pii for c in by_name["product"].columns)
    findings = {(f.type, f.dataset.split(".", 1)[1]) for f in result.findings}
    assert findings == {("PII_UNREGISTERED", "พนักงาน_staff")}
    unregistered = next(f for f in result.findings if f.type == "PII_UNREGISTERED")
    assert unregistered.severity == "high"  # national IDs
