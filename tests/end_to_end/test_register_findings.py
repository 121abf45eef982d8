"""Issue 4 end to end: the register drives findings, with exact counts, on every backend.

One organisation is created identically on SQLite, PostgreSQL and MariaDB,
with a small file share beside it; the register, erasure requests and the
scan date are fixed, so every finding type is expected exactly where it was
planted — and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.register_org import create_org, write_register, write_requests, write_share

TODAY = date(2026, 11, 25)


@pytest.fixture(params=["sqlite", "postgresql", "mariadb"])
def scanned(
    request: pytest.FixtureRequest, tmp_path: Path, detection_engine: DetectionEngine
) -> ScanResult:
    if request.param == "sqlite":
        url: URL | str = f"sqlite:///{tmp_path / 'org.sqlite'}"
        schema = "main"
    else:
        factory: Callable[[], URL] = request.getfixturevalue(
            "fresh_pg_database" if request.param == "postgresql" else "fresh_mariadb_database"
        )
        url = factory()
        schema = "public" if request.param == "postgresql" else str(url.database)
        if request.param == "mariadb":
            url = make_url(url).update_query_dict({"charset": "utf8mb4"})
    planted = create_org(url)
    write_share(tmp_path / "share")
    rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "{rendered}"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        '[register]\npath = "register.toml"\n\n[erasure]\npath = "erasure.csv"\ngrace_days = 30\n',
        encoding="utf-8",
    )
    register = write_register(tmp_path, schema)
    requests = write_requests(tmp_path, planted["ids"])
    loaded = load_config(config)
    plan = ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register(register, {"org", "share"}),
        tuple(due(load_erasure_requests(requests), TODAY, 30)),
        TODAY,
    )
    return run_scan(plan, detection_engine)


def short(name: str) -> str:
    return name.split(".", 1)[1] if "." in name and "/" not in name else name


def test_every_finding_type_where_planted_and_nowhere_else(scanned: ScanResult) -> None:
    errors = [(f.dataset, f.message_en) for f in scanned.findings if f.type == "SCAN_ERROR"]
    assert errors == []
    got = sorted(
        (f.type, short(f.dataset or ""), tuple(f.columns), f.count) for f in scanned.findings
    )
    expected = sorted(
        [
            ("MINIMISE_UNDECLARED_PII", "staff", ("phone",), None),
            ("MINIMISE_UNDECLARED_PII", "staff", ("religion",), None),
            ("MINIMISE_GRANULARITY", "staff", ("birth_date",), None),
            ("SENSITIVE_NO_BASIS", "staff", ("religion",), None),
            ("RETENTION_EXPIRED", "staff", ("terminated_at",), 10),
            ("ERASURE_PENDING", "staff", ("citizen_id",), 2),
            ("RETENTION_UNDEFINED", "customer", (), None),
            ("ANONYMISATION_WEAK", "survey", ("gender", "postcode", "birth_year"), 3),
            ("ANONYMISATION_WEAK", "survey_raw", ("email",), None),
            ("RETENTION_UNDEFINED", "survey_raw", (), None),
            ("RETENTION_EXPIRED", "hr/export.csv", ("exported_at",), 4),
            ("RETENTION_EXPIRED", "hr/memo.txt", (), 2),
        ]
    )
    assert got == expected
