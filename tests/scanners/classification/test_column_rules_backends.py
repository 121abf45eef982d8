"""Column rules on real databases: the same table classifies the same on SQLite, PostgreSQL
and MariaDB — Buddhist-era dates in a DATE column under a cryptic name, a biometric
template in a BLOB/bytea, identifiers sparse in a notes column, names under a name that
says nothing, and 13-digit codes that only sometimes pass the ID check (a trap)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest
from faker import Faker
from sqlalchemy import (
    Column,
    Date,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    insert,
)
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from tests.support.synthetic import national_id

ROWS = 300
EXPECTED = {
    "c7": {"DATE_OF_BIRTH"},
    "fp_template": {"BIOMETRIC"},
    "remarks": {"TH_NATIONAL_ID"},
    "host_name": {"PERSON"},
    "ref13": set(),
    "c9": {"RELIGION"},
}


def _rows() -> list[dict[str, object]]:
    rng = random.Random(13)
    fake = Faker("en_US")
    fake.seed_instance(13)
    rows = []
    for i in range(ROWS):
        born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 20000))
        if (born.month, born.day) == (2, 29):
            born = born.replace(day=28)
        note = "customer called about the invoice, will call back tomorrow"
        if i % 40 == 0:
            note = f"verified identity card {national_id(rng)} at the counter"
        code = national_id(rng) if i % 3 == 0 else str(rng.randint(10**12, 9 * 10**12))
        rows.append(
            {
                "id": i + 1,
                "c7": born.replace(year=born.year + 543),  # a B.E. year stored in a DATE column
                "fp_template": bytes([0x00, 0x91]) + rng.randbytes(126),
                "remarks": note,
                "host_name": fake.first_name(),
                "ref13": code,
                "c9": rng.choice(["พุทธ", "อิสลาม", "คริสต์"]),
            }
        )
    return rows


def create_org(url: URL | str) -> None:
    metadata = MetaData()
    table = Table(
        "members",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("c7", Date),
        Column("fp_template", LargeBinary),
        Column("remarks", Text),
        Column("host_name", String(100)),
        Column("ref13", String(20)),
        Column("c9", String(20)),
    )
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(table), _rows())
    engine.dispose()


@pytest.fixture
def database_url(empty_database_url: URL | str) -> str:
    create_org(empty_database_url)
    url = empty_database_url
    return url.render_as_string(hide_password=False) if isinstance(url, URL) else url


def test_column_rules_decide_the_same_on_every_backend(
    database_url: str, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nworkers = 1\n\n[[sources]]\nname = "org"\nkind = "database"\n'
        f'url = "{database_url}"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    result = run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), detection_engine)
    (dataset,) = [d for d in result.datasets if d.name.endswith("members")]
    assert dataset.error is None
    got = {c.name: {m.type for m in c.pii} for c in dataset.columns if c.name != "id"}
    assert got == EXPECTED
    remarks = next(c for c in dataset.columns if c.name == "remarks")
    (match,) = remarks.pii
    assert 0 < match.match_ratio < 0.1  # a few values, said as such
