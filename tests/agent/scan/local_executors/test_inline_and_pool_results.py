"""The same organisation scanned inline and on a process pool, and a pool told to stop.

- the organisation (8 tables, 2 CSV files, a register and an access list)
  scanned in this process (``workers = 1``) and on a process pool
  (``workers = 3``) gives the same sources, datasets and findings, in the same
  order, and the same access reviews, in source order;
- a stop request after the first outcome ends the scan early, marked incomplete.

The organisation and its two scans are built once for this module.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.engine import URL

from agent.inputs.config_loader import load_config
from agent.scan.executors.local_pool import LocalPoolExecutor
from agent.scan.executors.select import build_executor
from agent.scan.plain_codec import to_plain
from agent.scan.progress import Progress
from agent.scan.work import ScanContext
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.agent.scan.local_executors.conftest import (
    database_source,
    listed,
    scan,
    scan_errors,
    write_config,
)
from tests.support.paths import REPO_ROOT
from tests.support.synthetic import national_id

sys.path.insert(0, str(REPO_ROOT / "bench"))

from make_tables import create_customer_table

# --- the organisation: 8 tables, 2 CSV files, a register and an access list ----


@dataclass(frozen=True)
class Org:
    folder: Path
    url: URL

    def config(self, workers: int, name: str | None = None) -> Path:
        sources = database_source("org", self.url) + (
            '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n'
        )
        extra = '[register]\npath = "register.toml"\n\n[access]\npath = "access.toml"\n'
        path = self.folder / (name or f"workers-{workers}.toml")
        return write_config(path, workers, sources, extra)


ORG_DATASETS = [f"public.customer_{i}" for i in range(1, 8)] + ["public.product"]
SHARE_DATASETS = ["citizens.csv", "leads.csv"]

REGISTER = """\
[[datasets]]
id = "CRM-1"
source = "org"
match = "public.customer_1"
legal_basis = "contract"
owner = "crm@example.co.th"
allowed_pii = ["EMAIL_ADDRESS", "PHONE_NUMBER"]

[[datasets]]
id = "CRM-OLD"
source = "org"
match = "public.customer_[23]"
legal_basis = "contract"
owner = "crm@example.co.th"
allowed_pii = ["TH_NATIONAL_ID", "PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH"]
retention = "1y"
clock_column = "created_at"

[[datasets]]
id = "LEADS"
source = "share"
match = "leads.csv"
legal_basis = "consent"
owner = "sales@example.co.th"
allowed_pii = ["EMAIL_ADDRESS"]
"""

ACCESS = """\
[[grants]]
source = "org"
dataset = "public.customer_*"
principal = "postgres"
privileges = ["SELECT"]
approved_by = "dpo@example.co.th"
reviewed_at = 2026-06-01
review_every = "6m"
"""


def write_share(folder: Path) -> None:
    folder.mkdir()
    rng = random.Random(11)
    citizens = ["citizen_id,phone,note"] + [
        f"{national_id(rng)},08{rng.randint(0, 99_999_999):08d},ลูกค้า {i}" for i in range(40)
    ]
    (folder / "citizens.csv").write_text("\n".join(citizens) + "\n", encoding="utf-8")
    leads = ["full_name,email,source"] + [
        f"คุณสมชาย ใจดี{i},lead{i}@example.co.th,web" for i in range(40)
    ]
    (folder / "leads.csv").write_text("\n".join(leads) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def org(fresh_pg_database: Callable[[], URL], tmp_path_factory: pytest.TempPathFactory) -> Org:
    url = fresh_pg_database()
    engine = create_engine(url)
    try:
        for i in range(1, 8):
            create_customer_table(engine, f"customer_{i}", 300)
        metadata = MetaData()
        product = Table(
            "product",
            metadata,
            Column("sku", String(20), primary_key=True),
            Column("title", String(100)),
            Column("stock", Integer),
        )
        metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(
                insert(product),
                [{"sku": f"SKU-{i:05d}", "title": f"สินค้า {i}", "stock": i} for i in range(60)],
            )
    finally:
        engine.dispose()
    folder = tmp_path_factory.mktemp("org")
    write_share(folder / "share")
    (folder / "register.toml").write_text(REGISTER, encoding="utf-8")
    (folder / "access.toml").write_text(ACCESS, encoding="utf-8")
    return Org(folder, url)


@dataclass(frozen=True)
class TwoScans:
    inline: ScanResult
    pooled: ScanResult


@pytest.fixture(scope="module")
def two_scans(org: Org, detection_engine: DetectionEngine) -> TwoScans:
    """The organisation scanned in this process (workers = 1), then on a pool of 3."""
    pooled_config = org.config(workers=3)
    loaded = load_config(pooled_config)
    pool = build_executor(ScanContext(loaded), detection_engine, loaded.config.sources)
    assert isinstance(pool, LocalPoolExecutor) and pool.workers == 3  # a real pool is compared
    pool.close()
    return TwoScans(
        scan(org.config(workers=1), detection_engine), scan(pooled_config, detection_engine)
    )


def test_inline_and_pool_scans_give_identical_results(two_scans: TwoScans) -> None:
    inline, pooled = two_scans.inline, two_scans.pooled
    assert scan_errors(inline) == []
    assert [(d.source, d.name) for d in inline.datasets] == [
        *(("org", name) for name in ORG_DATASETS),
        *(("share", name) for name in SHARE_DATASETS),
    ]
    kinds = {f.type for f in inline.findings}
    assert {
        "PII_UNREGISTERED",
        "MINIMISE_UNDECLARED_PII",
        "RETENTION_EXPIRED",
        "RETENTION_UNDEFINED",
        "ACCESS_UNAPPROVED",
    } <= kinds, kinds
    assert {f.register_id for f in inline.findings} >= {"CRM-1", "CRM-OLD", "LEADS"}
    assert inline.complete and pooled.complete
    assert to_plain(pooled.sources) == to_plain(inline.sources)
    assert to_plain(pooled.datasets) == to_plain(inline.datasets)
    assert to_plain(pooled.findings) == to_plain(inline.findings)
    # The access reviews hold the same content (their order: see the next test).
    by_source = {review.source: to_plain(review) for review in inline.access_reviews}
    assert {review.source: to_plain(review) for review in pooled.access_reviews} == by_source
    assert set(by_source) == {"org", "share"}


def test_access_reviews_are_in_source_order_whatever_the_executor(two_scans: TwoScans) -> None:
    assert [r.source for r in two_scans.inline.access_reviews] == ["org", "share"]
    assert [r.source for r in two_scans.pooled.access_reviews] == ["org", "share"]


class StopAfterFirstOutcome(Progress):
    """Counts dataset outcomes; the scan's stop check reads the count."""

    def __init__(self) -> None:
        super().__init__(enabled=False)
        self.outcomes = 0

    def update(self, done: int, total: int, source: str, dataset: str) -> None:
        self.outcomes = done

    def stop(self) -> bool:
        return self.outcomes >= 1


def test_a_stop_request_after_the_first_outcome_ends_the_scan_incomplete(
    org: Org, detection_engine: DetectionEngine
) -> None:
    progress = StopAfterFirstOutcome()
    result = scan(
        org.config(workers=2, name="stop.toml"), detection_engine, progress.stop, progress
    )

    assert not result.complete
    assert listed(result) == len(ORG_DATASETS) + len(SHARE_DATASETS)
    # The first outcome, plus at most what the other worker had already started.
    assert 1 <= len(result.datasets) <= 2 < listed(result)
    assert progress.outcomes == len(result.datasets)
    assert scan_errors(result) == []
    assert result.access_reviews == ()  # a stopped scan reviews no access
