"""Fixtures and helpers of the state-store migration tests (docs/state.md: keep those tests).

``state_url``: a new, empty state database on SQLite and on PostgreSQL in
turn. ``_revision`` reads a store's Alembic revision; ``_differences`` is what
Alembic's autogenerate finds between a store and ``agent.state.tables`` (none,
after any migration); ``_finding`` and ``_scan_s6`` make the scan that
continues a store's history; ``_disclosure`` is one entry of the disclosure
log (SPEC §10), in Thai where a person would write it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine
from sqlalchemy.engine import URL

from agent.state import migrate
from agent.state.migrate import current_revision
from agent.state.tables import metadata
from scanners.model.disclosure import DisclosureRecord
from scanners.model.result import Finding, ScanInfo, ScanResult, SourceStatus


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new, empty state database on each backend (PostgreSQL: a temporary database)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'state.db'}"
    fresh: Callable[[], URL] = request.getfixturevalue("fresh_pg_database")
    return fresh().render_as_string(hide_password=False)


def _revision(url: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as conn:
        revision = current_revision(conn)
    engine.dispose()
    return revision


def _differences(url: str) -> list[Any]:
    """What Alembic's autogenerate finds between the store and ``agent.state.tables``."""
    engine = create_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts=migrate.CONTEXT_OPTIONS)
        differences = compare_metadata(context, metadata)
    engine.dispose()
    return differences


def _finding(fid: str, source: str, dataset: str | None) -> Finding:
    return Finding(
        id=fid,
        type="PII_UNREGISTERED",
        severity="high",
        source=source,
        dataset=dataset,
        columns=("citizen_id",),
        count=None,
        register_id=None,
        owner=None,
        principal=None,
        privileges=(),
        law="PDPA s.39",
        message_th="พบข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน",
        message_en="Personal data not in the register",
    )


def _scan_s6(findings: tuple[Finding, ...]) -> ScanResult:
    return ScanResult(
        scan=ScanInfo(
            id="s6",
            started_at="2024-04-06T02:00:00+07:00",
            finished_at="2024-04-06T02:05:00+07:00",
            tool_version="0.2.0",
        ),
        sources=(
            SourceStatus(name="hr", status="ok", error=None, datasets=2),
            SourceStatus(name="crm", status="ok", error=None, datasets=2),
        ),
        datasets=(),
        findings=findings,
    )


#: Bangkok time: what a person types; the store keeps UTC.
BANGKOK = timezone(timedelta(hours=7))


def _disclosure(disclosure_id: str, day: int = 4, **changes: object) -> DisclosureRecord:
    """A disclosure made on 2026-12-``day`` at 10:30 Bangkok time, follow-up in 6 months."""
    values: dict[str, object] = {
        "id": disclosure_id,
        "source": "skyport_pg",
        "dataset": "ops.passengers",
        "recipient": "คณะสาธารณสุขศาสตร์ มหาวิทยาลัยตัวอย่าง",
        "recipient_contact": "ดร. เอ นักวิจัย <a.researcher@example.ac.th> 02-000-0000",
        "requested_by": "หน่วยวิจัย ฝ่ายปฏิบัติการท่าอากาศยาน",
        "legal_basis": "archives_research",
        "sensitive_basis": "",
        "purpose": "ศึกษาการเดินทางของผู้โดยสารตามกลุ่มอายุ",
        "approved_by": "dpo@example.co.th",
        "register_id": "OPS-007",
        "owner": "ops-owner@example.co.th",
        "disclosed_at": datetime(2026, 12, day, 10, 30, 15, 123456, tzinfo=BANGKOK),
        "rows": 3_000_000_000,  # more than a 32-bit integer holds
        "sha256": "ab" * 32,
        "k": 7,
        "treatments": (
            ("national_id", "pseudonym"),
            ("date_of_birth", "birth_year"),
            ("address", "postcode"),
            ("full_name", "drop"),
            ("ชื่อเล่น", "mask"),
        ),
        "format": "csv",
        "follow_up_every": "6m",
        "next_followup": date(2027, 6, day),
    }
    values.update(changes)
    return DisclosureRecord(**values)  # type: ignore[arg-type]
