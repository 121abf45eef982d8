"""The hostile-name databases and their full scan, built once per backend for the package.

``hostile_db`` (SQLite, PostgreSQL, MariaDB) and ``scanned`` (a ``run_scan``
of it with a register entry per table, erasure requests and an access list)
are package-scoped: the connector, full-scan and remediation modules share
one build of each per backend, as the single module they came from did.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from agent.inputs.access_loader import load_access_list
from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine

# assert_nothing_injected's asserts explain a failure as a test module's would.
pytest.register_assert_rewrite("tests.safety.hostile.names")

from tests.safety.hostile.names import (  # noqa: E402
    CLOCK_COL,
    HOSTILE_PG_SCHEMA,
    MARIADB_REFUSES,
    PG_SCHEMA_TABLES,
    QI_COL,
    TABLE_NAMES,
    TODAY,
    HostileDb,
    Scanned,
    glob_escape,
    granted_tables,
    populate,
    subject_ids,
    toml_string,
)


@pytest.fixture(scope="package", params=["sqlite", "postgresql", "mariadb"])
def hostile_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HostileDb]:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("hostile") / "hostile.db"
        url = URL.create("sqlite", database=str(path))
        db = HostileDb("sqlite", url, {"main": list(TABLE_NAMES)}, "main")
        populate(db)
        yield db
        return
    if request.param == "postgresql":
        factory: Callable[[], URL] = request.getfixturevalue("fresh_pg_database")
        url = factory()
        schemas = {"public": list(TABLE_NAMES), HOSTILE_PG_SCHEMA: list(PG_SCHEMA_TABLES)}
        db = HostileDb("postgresql", url, schemas, "public")
        populate(db)
        yield db
        return
    admin_url: URL = request.getfixturevalue("mariadb_url")
    name = f"pdpa_test_{uuid.uuid4().hex[:6]} x'\";semi`--"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    ident = admin.dialect.identifier_preparer.quote_identifier(name)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {ident} CHARACTER SET utf8mb4"))
    try:
        url = admin_url.set(database=name)
        tables = [n for n in TABLE_NAMES if n not in MARIADB_REFUSES]
        db = HostileDb("mariadb", url, {name: tables}, name)
        populate(db)
        yield db
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {ident}"))
        admin.dispose()


def write_register(folder: Path, db: HostileDb) -> Path:
    entries = []
    for index, (schema, table) in enumerate(db.datasets()):
        fields = {
            "id": f"H-{index}",
            "source": "db",
            "match": glob_escape(f"{schema}.{table}"),
            "legal_basis": "contract",
            "owner": "owner@example.co.th",
            "retention": "1y",
            "clock_column": CLOCK_COL,
            "on_expiry": "anonymise" if index % 2 else "delete",
            "subject_key": table,
        }
        lines = ["[[datasets]]", *(f"{k} = {toml_string(v)}" for k, v in fields.items())]
        lines += [
            'allowed_pii = ["TH_NATIONAL_ID", "EMAIL_ADDRESS"]',
            "anonymised = true",
            f"quasi_identifiers = [{toml_string(QI_COL)}, {toml_string(CLOCK_COL)}]",
            "k_min = 2",
        ]
        entries.append("\n".join(lines))
    path = folder / "register.toml"
    path.write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    return path


def write_requests(folder: Path) -> Path:
    first, second = subject_ids()
    hashed = "sha256:" + hashlib.sha256(second.encode()).hexdigest()
    rows = [
        "subject_type,subject_value,requested_at,kind",
        f"TH_NATIONAL_ID,{first},2026-01-01,erasure",
        f"TH_NATIONAL_ID,{hashed},2026-01-01,consent_withdrawn",
        "EMAIL_ADDRESS,Subject@Example.co.th,2026-01-01,erasure",
    ]
    path = folder / "erasure.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def quoted(db: HostileDb, name: str) -> str:
    """``name`` quoted by hand for a statement run without parameters."""
    quote = '"' if db.kind == "postgresql" else "`"
    return quote + name.replace(quote, quote * 2) + quote


def run_statements(db: HostileDb, statements: list[str]) -> None:
    """Run fixed DDL on a raw DBAPI cursor (no parameters, so ``%`` is just ``%``)."""
    engine = db.engine()
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statement in statements:
            cursor.execute(statement)
        cursor.close()
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def grant_to_principal(db: HostileDb) -> tuple[str, Callable[[], None]]:
    """A principal that may SELECT two hostile tables (unapproved), and its clean-up."""
    targets = [f"{quoted(db, s)}.{quoted(db, t)}" for s, t in granted_tables(db)]
    role = f"pdpa_h_{uuid.uuid4().hex[:6]}"
    if db.kind == "postgresql":
        who, principal = quoted(db, role), role
        create = [f"CREATE ROLE {who}"] + [f"GRANT SELECT ON {t} TO {who}" for t in targets]
        drop = [f"REVOKE ALL ON {t} FROM {who}" for t in targets] + [f"DROP ROLE {who}"]
    else:
        who, principal = f"'{role}'@'%'", f"{role}@%"
        create = [f"CREATE USER {who}"] + [f"GRANT SELECT ON {t} TO {who}" for t in targets]
        drop = [f"DROP USER {who}"]
    run_statements(db, create)
    return principal, lambda: run_statements(db, drop)


@pytest.fixture(scope="package")
def scanned(
    hostile_db: HostileDb,
    tmp_path_factory: pytest.TempPathFactory,
    detection_engine: DetectionEngine,
) -> Iterator[Scanned]:
    folder = tmp_path_factory.mktemp("hostile_scan")
    principal, cleanup = "", None
    if hostile_db.kind != "sqlite":
        principal, cleanup = grant_to_principal(hostile_db)
    try:
        rendered = hostile_db.url.render_as_string(hide_password=False)
        (folder / "access.toml").write_text(
            '[[grants]]\nsource = "db"\ndataset = "*"\nprincipal = "nobody_approved"\n'
            'privileges = ["SELECT"]\napproved_by = "owner@example.co.th"\n'
            'reviewed_at = 2026-10-01\nreview_every = "6m"\n',
            encoding="utf-8",
        )
        config = folder / "pdpa-agent.toml"
        config.write_text(
            "[agent]\nworkers = 1\n\n"
            f'[[sources]]\nname = "db"\nkind = "database"\nurl = {toml_string(rendered)}\n\n'
            '[register]\npath = "register.toml"\n\n[access]\npath = "access.toml"\n\n'
            '[erasure]\npath = "erasure.csv"\ngrace_days = 30\n',
            encoding="utf-8",
        )
        register = write_register(folder, hostile_db)
        requests = write_requests(folder)
        loaded = load_config(config)
        plan = ScanPlan(
            loaded,
            tuple(loaded.config.sources),
            load_register(register, {"db"}),
            tuple(due(load_erasure_requests(requests), TODAY, 30)),
            TODAY,
            load_access_list(folder / "access.toml", {"db"}),
        )
        result = run_scan(plan, detection_engine)
        yield Scanned(hostile_db, result, principal)
    finally:
        if cleanup is not None:
            cleanup()
