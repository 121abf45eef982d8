"""Classification overrides end to end (SPEC §9): findings follow the decided types.

One small organisation is created identically on SQLite, PostgreSQL and
MariaDB. Detection finds a phone number the register does not allow
(MINIMISE_UNDECLARED_PII) and e-mail addresses in an unregistered table
(PII_UNREGISTERED); a DPO decides both are not personal data (switchboard
numbers, role mailboxes) and that a free-text column holds health data
detection missed. The overridden scan loses the first two findings, gains
SENSITIVE_NO_BASIS, and ``findings.json`` shows each decision beside what
detection gave, valid against ``docs/findings.schema.json``.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from openpyxl import load_workbook
from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
    select,
)
from sqlalchemy.engine import URL, make_url

from agent.cli import main
from agent.inputs.config_loader import load_config
from agent.inputs.user_files import load_overrides_for, load_register_for
from agent.scan.runner import ScanPlan, run_scan
from agent.state.store import StateStore
from agent.state.tables import COLUMNS
from reports import write_reports
from reports.formats.json_report import to_json_dict
from reports.formats.xlsx_report import DATASET_COLUMNS
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.paths import REPO_ROOT

TODAY = date(2026, 11, 25)
SCHEMA = REPO_ROOT / "docs" / "findings.schema.json"
THAI = ["สมชาย", "วิไลวรรณ", "ก้องภพ", "ศิริพร", "ธนพล", "กาญจนา"]
SURNAMES = ["ศรีสวัสดิ์", "ทรัพย์มั่นคง", "สายทองคำ", "แก้วมณี", "บุญมา"]

OVERRIDES = """\
[[overrides]]
source = "org"
dataset = "*.customer"
column = "phone"
types = []
reason = "the shop's switchboard numbers, not customers' phones"
decided_by = "dpo@example.co.th"
decided_at = 2569-12-04

[[overrides]]
source = "org"
dataset = "*.newsletter"
column = "contact*"
types = []
reason = "role mailboxes of partner companies"
decided_by = "dpo@example.co.th"
decided_at = 2026-12-04

[[overrides]]
source = "org"
dataset = "*.customer"
column = "remark"
types = ["HEALTH"]
reason = "staff write allergies here"
decided_by = "dpo@example.co.th"
decided_at = 2026-12-05

[[overrides]]
source = "org"
dataset = "*.no_such_table"
column = "*"
types = []
reason = "a table dropped last year"
decided_by = "dpo@example.co.th"
decided_at = 2026-12-05
"""


def create_org(url: URL | str) -> None:
    """``customer`` (registered: PERSON and EMAIL_ADDRESS allowed) and ``newsletter``."""
    metadata = MetaData()
    customer = Table(
        "customer",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("full_name", String(100)),
        Column("email", String(100)),
        Column("phone", String(30)),
        Column("remark", String(100)),
        Column("last_order", Date),
    )
    newsletter = Table(
        "newsletter",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("contact_email", String(100)),
        Column("topic", String(50)),
    )
    engine = create_engine(url)
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            insert(customer),
            [
                {
                    "id": i + 1,
                    "full_name": f"{THAI[i % 6]} {SURNAMES[i % 5]}",
                    "email": f"customer{i}@example.co.th",
                    "phone": f"08{i % 10}-{100 + i:03d}-{2000 + i:04d}",
                    "remark": ["ok", "deliver after 5pm", "call first", "gift wrap"][i % 4],
                    "last_order": date(2026, 1 + i % 12, 1 + i % 28),
                }
                for i in range(40)
            ],
        )
        conn.execute(
            insert(newsletter),
            [
                {"id": i + 1, "contact_email": f"office{i}@partner.co.th", "topic": "news"}
                for i in range(30)
            ],
        )
    engine.dispose()


def write_files(folder: Path, url: str, schema: str, overrides: bool = True) -> Path:
    """Config, register and (optionally) overrides; returns the config path."""
    (folder / "register.toml").write_text(
        '[[datasets]]\nid = "CRM-001"\nsource = "org"\n'
        f'match = "{schema}.customer"\nlegal_basis = "consent"\n'
        'owner = "crm@example.co.th"\nretention = "10y"\nclock_column = "last_order"\n'
        'allowed_pii = ["PERSON", "EMAIL_ADDRESS"]\n',
        encoding="utf-8",
    )
    (folder / "overrides.toml").write_text(OVERRIDES, encoding="utf-8")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[agent]\nstate = "sqlite:///{(folder / "state.db").as_posix()}"\nworkers = 1\n\n'
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "{url}"\n\n'
        '[register]\npath = "register.toml"\n'
        + ('\n[classification]\noverrides = "overrides.toml"\n' if overrides else ""),
        encoding="utf-8",
    )
    return config


def scan(config: Path, engine: DetectionEngine) -> ScanResult:
    loaded = load_config(config)
    plan = ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register_for(loaded),
        today=TODAY,
        overrides=load_overrides_for(loaded),
    )
    return run_scan(plan, engine)


def findings(result: ScanResult) -> set[tuple[str, str, tuple[str, ...]]]:
    return {
        (f.type, (f.dataset or "").rsplit(".", 1)[-1], tuple(f.columns)) for f in result.findings
    }


@pytest.fixture(params=["sqlite", "postgresql", "mariadb"])
def organisation(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """(folder with the org's files, the URL); the config is written by the test."""
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
    create_org(url)
    rendered = url.render_as_string(hide_password=False) if isinstance(url, URL) else url
    return tmp_path, f"{rendered}|{schema}"


def test_findings_follow_the_overridden_types(
    organisation: tuple[Path, str], detection_engine: DetectionEngine
) -> None:
    folder, both = organisation
    url, schema = both.split("|")
    detected = scan(write_files(folder, url, schema, overrides=False), detection_engine)
    assert ("MINIMISE_UNDECLARED_PII", "customer", ("phone",)) in findings(detected)
    assert ("PII_UNREGISTERED", "newsletter", ("contact_email",)) in findings(detected)
    assert not any(f.type == "SENSITIVE_NO_BASIS" for f in detected.findings)

    decided = scan(write_files(folder, url, schema), detection_engine)
    got = findings(decided)
    assert not any(kind == "SCAN_ERROR" for kind, _, _ in got), decided.findings
    assert ("MINIMISE_UNDECLARED_PII", "customer", ("phone",)) not in got
    assert not any(kind == "PII_UNREGISTERED" for kind, _, _ in got)
    assert any(kind == "SENSITIVE_NO_BASIS" and "remark" in cols for kind, _, cols in got)
    newsletter = next(d for d in decided.datasets if d.name.endswith("newsletter"))
    assert newsletter.pii_types == frozenset()  # every personal column decided []

    document = to_json_dict(decided)
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(
        json.loads(json.dumps(document))
    )
    customer = next(d for d in document["datasets"] if d["name"].endswith("customer"))
    columns = {c["name"]: c for c in customer["columns"]}
    assert columns["phone"]["pii"] == []
    assert columns["phone"]["override"] == {
        "types": [],
        "reason": "the shop's switchboard numbers, not customers' phones",
        "decided_by": "dpo@example.co.th",
        "decided_at": "2026-12-04",  # written 2569-12-04 (B.E.)
        "detected": ["PHONE_NUMBER"],
    }
    assert [m["type"] for m in columns["remark"]["pii"]] == ["HEALTH"]
    assert columns["remark"]["override"]["detected"] == []
    assert "override" not in columns["email"]


def test_the_cli_scan_reports_and_records_the_decisions(tmp_path: Path) -> None:
    """Through ``pdpa-agent scan`` with a local worker pool: reports, state store, summary."""
    create_org(f"sqlite:///{tmp_path / 'org.sqlite'}")
    config = write_files(tmp_path, f"sqlite:///{tmp_path / 'org.sqlite'}", "main")
    config.write_text(
        config.read_text(encoding="utf-8").replace("workers = 1", "workers = 2\ninline_below = 0"),
        encoding="utf-8",
    )
    out = tmp_path / "reports"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(["-c", str(config), "scan", "--out", str(out)])
    text = printed.getvalue()
    assert code == 0, text
    assert "classification overrides matching no column: 1" in text
    assert "overrides.toml:28 (source org, dataset *.no_such_table, column *)" in text
    assert "phone" not in text.split("datasets holding personal data")[1].split("findings:")[0]

    document = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    customer = next(d for d in document["datasets"] if d["name"] == "main.customer")
    phone = next(c for c in customer["columns"] if c["name"] == "phone")
    assert phone["override"]["detected"] == ["PHONE_NUMBER"] and phone["pii"] == []
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "the shop&#39;s switchboard numbers" in html and "ตัดสินโดย" in html

    sheet = load_workbook(out / "findings.xlsx").worksheets[1]  # the datasets sheet
    rows = list(sheet.iter_rows(values_only=True))
    header = list(DATASET_COLUMNS)  # the header row is in the report language
    phone_row = next(r for r in rows[1:] if r[1] == "main.customer" and r[5] == "phone")
    assert phone_row[header.index("override_reason")].startswith("the shop")
    assert phone_row[header.index("detected_pii_types")] == "PHONE_NUMBER"
    assert phone_row[header.index("pii_types")] in ("", None)

    store = StateStore(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        with store.engine.connect() as conn:
            stored = conn.execute(select(COLUMNS.c["column"], COLUMNS.c.pii)).all()
    finally:
        store.close()
    recorded = {name: json.loads(pii) for name, pii in stored}
    assert recorded["phone"] == [] and [m["type"] for m in recorded["remark"]] == ["HEALTH"]


def test_write_reports_in_english_label_the_override(
    tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    create_org(f"sqlite:///{tmp_path / 'org.sqlite'}")
    result = scan(
        write_files(tmp_path, f"sqlite:///{tmp_path / 'org.sqlite'}", "main"), detection_engine
    )
    (html,) = write_reports(result, tmp_path / "en", ["html"], language="en")
    text = html.read_text(encoding="utf-8")
    assert "Classification overridden" in text and "role mailboxes of partner companies" in text
