"""Issue 9 (3): hostile schema, table and column names on SQLite, PostgreSQL and MariaDB.

Tables named with quotes, semicolons, SQL comments, Thai, reserved words,
spaces, backticks, emoji, LIKE wildcards, glob characters, backslashes, dots
and a 60-character name hold Thai national IDs and e-mail addresses in
columns with equally hostile names. They are scanned through the real
connector and classification, then by a full ``run_scan`` with a register
entry per table (retention ``COUNT``, remediation SQL, k-anonymity
``GROUP BY``, erasure ``IN`` lookups) and an access list (the access
review). The tests check that the personal columns are found, that nothing
was injected (the canary tables ``victim`` and ``Students`` keep their rows
and the server's table list does not change), and that each printed
remediation statement, executed as printed on a separate writable
connection inside a transaction that is rolled back, touches exactly the
expected rows.

Server limits, not product limits: MariaDB rejects identifiers holding
characters outside the Basic Multilingual Plane (the emoji) and table names
ending in a space, so those names are only created on SQLite and PostgreSQL.
SQLite has one schema, ``main`` (other schemas are per-connection ATTACH
aliases); PostgreSQL also gets a hostile schema, MariaDB a hostile database.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateSchema

from agent.inputs.access_loader import load_access_list
from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.runner import ScanPlan, run_scan
from connectors.sql.database import DatabaseConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from scanners.model.result import Finding, ScanResult
from tests.support.synthetic import national_id

TODAY = date(2026, 11, 25)
ROWS = 20
OLD_ROWS = 5  # rows whose clock is before the 1-year cutoff
SUBJECTS = 3  # planted erasure subjects present in every table (2 national IDs, 1 e-mail)

TABLE_NAMES = [
    'a"b',
    "x'; DROP TABLE victim; --",
    "ลูกค้า",
    "select",
    "order",
    "table name with spaces",
    "back`tick",
    "semi;colon",
    "emoji😀",
    "%_like",
    "t" * 60,
    "Robert'); DROP TABLE Students;--",
    "[br]*?",
    "back\\slash",
    "dot.ted",
    "trail ",
]
#: Names a MariaDB server refuses (4-byte UTF-8 in identifiers; a trailing space).
MARIADB_REFUSES = frozenset({"emoji😀", "trail "})
#: Columns; the national-ID column of each table carries the table's own name.
MAIL_COL = "e'mail\"; DROP TABLE victim; --"
CLOCK_COL = "when"
QI_COL = "group`%s"
HOSTILE_PG_SCHEMA = "sch\"em'a.b; DROP TABLE victim;--"
PG_SCHEMA_TABLES = ('a"b', "ลูกค้า", "%_like")
CANARIES = ("victim", "Students")


def subject_ids() -> list[str]:
    return [national_id(random.Random(seed)) for seed in (901, 902)]


def glob_escape(name: str) -> str:
    """A glob matching exactly ``name`` (``[``, ``*``, ``?`` put in brackets)."""
    return "".join(f"[{ch}]" if ch in "[*?" else ch for ch in name)


def toml_string(value: str) -> str:
    """A TOML basic string (JSON string syntax is a subset of it)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class HostileDb:
    """One backend holding the hostile tables."""

    kind: str
    url: URL
    schemas: dict[str, list[str]]  # schema → its hostile tables
    canary_schema: str
    table_list: dict[str, set[str]] = field(default_factory=dict)

    def datasets(self) -> list[tuple[str, str]]:
        return [(schema, table) for schema, tables in self.schemas.items() for table in tables]

    def engine(self) -> Engine:
        return create_engine(self.url, poolclass=NullPool)


def hostile_table(metadata: MetaData, schema: str, name: str) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column(name, String(20)),
        Column(MAIL_COL, String(100)),
        Column(CLOCK_COL, Date),
        Column(QI_COL, String(10)),
        schema=schema,
    )


def rows_for(index: int) -> list[dict[str, object]]:
    rng = random.Random(index)
    planted = subject_ids()
    rows = []
    for i in range(ROWS):
        ident = planted[i] if i < 2 else national_id(rng)
        mail = "subject@example.co.th" if i == 2 else f"user{index}.{i}@example.co.th"
        rows.append(
            {
                "id": i + 1,
                "pid": ident,
                "mail": mail,
                "clock": date(2010, 1, 1 + i) if i < OLD_ROWS else date(2026, 10, 1),
                "qi": "A" if i < ROWS - 1 else "B",  # groups 19 and 1: k = 1
            }
        )
    return rows


def populate(db: HostileDb) -> None:
    engine = db.engine()
    metadata = MetaData()
    victim = Table(
        "victim", metadata, Column("id", Integer, primary_key=True), schema=db.canary_schema
    )
    students = Table(
        "Students", metadata, Column("id", Integer, primary_key=True), schema=db.canary_schema
    )
    tables = []
    for index, (schema, name) in enumerate(db.datasets()):
        tables.append((index, hostile_table(metadata, schema, name)))
    with engine.begin() as conn:
        for schema in db.schemas:
            if schema != db.canary_schema and db.kind == "postgresql":
                conn.execute(CreateSchema(schema))
        metadata.create_all(conn)
        conn.execute(insert(victim), [{"id": i} for i in range(1, 4)])
        conn.execute(insert(students), [{"id": i} for i in range(1, 3)])
        for index, table in tables:
            columns = list(table.columns)
            conn.execute(
                insert(table),
                [
                    {
                        columns[0].name: r["id"],
                        columns[1].name: r["pid"],
                        columns[2].name: r["mail"],
                        columns[3].name: r["clock"],
                        columns[4].name: r["qi"],
                    }
                    for r in rows_for(index)
                ],
            )
    db.table_list = server_tables(db)
    engine.dispose()


def server_tables(db: HostileDb) -> dict[str, set[str]]:
    engine = db.engine()
    try:
        with engine.connect() as conn:
            insp = inspect(conn)
            return {s: set(insp.get_table_names(schema=s)) for s in db.schemas}
    finally:
        engine.dispose()


def canary_rows(db: HostileDb) -> dict[str, int]:
    engine = db.engine()
    metadata = MetaData()
    counts = {}
    try:
        with engine.connect() as conn:
            for name in CANARIES:
                table = Table(name, metadata, autoload_with=conn, schema=db.canary_schema)
                counts[name] = conn.execute(select(func.count()).select_from(table)).scalar_one()
    finally:
        engine.dispose()
    return counts


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "mariadb"])
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


def assert_nothing_injected(db: HostileDb) -> None:
    assert canary_rows(db) == {"victim": 3, "Students": 2}
    assert server_tables(db) == db.table_list


# -- the connector alone ------------------------------------------------------


def test_connector_lists_describes_and_classifies_hostile_names(
    hostile_db: HostileDb, detection_engine: DetectionEngine
) -> None:
    connector = DatabaseConnector("hostile", hostile_db.url)
    connector.open()
    try:
        listed = connector.list_datasets()
        for schema, table in hostile_db.datasets():
            name = f"{schema}.{table}"
            assert name in listed
            info = connector.describe(name)
            assert [c.name for c in info.columns] == ["id", table, MAIL_COL, CLOCK_COL, QI_COL]
            assert (info.row_count, info.row_count_exact) == (ROWS, True)
            sample = connector.sample(info, 50)
            assert sample.rows_sampled == ROWS
            found = {
                c.name: {m.type for m in c.pii} for c in classify_dataset(sample, detection_engine)
            }
            assert "TH_NATIONAL_ID" in found[table], name
            assert "EMAIL_ADDRESS" in found[MAIL_COL], name
    finally:
        connector.close()
    assert_nothing_injected(hostile_db)


def test_a_fresh_connector_resolves_names_it_did_not_list(hostile_db: HostileDb) -> None:
    """A worker process describes datasets by name without listing them first."""
    connector = DatabaseConnector("hostile", hostile_db.url)
    connector.open()
    try:
        for schema, table in hostile_db.datasets():
            info = connector.describe(f"{schema}.{table}")
            assert info.row_count == ROWS
            assert connector.count_before(f"{schema}.{table}", CLOCK_COL, date(2020, 1, 1)) == 5
    finally:
        connector.close()


@pytest.mark.parametrize(
    ("include", "exclude", "wanted"),
    [
        (["[[]br]*"], [], {"[br]*?"}),
        (["*[*]*"], [], {"[br]*?"}),
        (
            ["[!a-z]*"],
            [],
            {"%_like", "[br]*?", "ลูกค้า", "Robert'); DROP TABLE Students;--", "Students"},
        ),
        (["*'*"], ["*Robert*"], {"x'; DROP TABLE victim; --"}),
        (['*"*'], [], {'a"b'}),
        (["?_like"], [], {"%_like"}),
        (["*"], ["*[[]*", "*[*]*", "*[?]*", "*;*", "*'*", '*"*', "*`*", "*\\*"], None),
    ],
)
def test_include_and_exclude_globs_with_special_characters(
    hostile_db: HostileDb, include: list[str], exclude: list[str], wanted: set[str] | None
) -> None:
    """Globs on the table part, after the (escaped, itself hostile on MariaDB) schema."""
    first = next(iter(hostile_db.schemas))
    prefix = glob_escape(first) + "."
    connector = DatabaseConnector(
        "hostile",
        hostile_db.url,
        include=[prefix + g for g in include],
        exclude=[prefix + g for g in exclude],
    )
    connector.open()
    try:
        listed = connector.list_datasets()
    finally:
        connector.close()
    assert all(name.startswith(first + ".") for name in listed)
    tables = {name.removeprefix(first + ".") for name in listed}
    if wanted is None:  # everything without a glob or quoting character, canaries included
        bad = set("[*?;'\"`\\")
        wanted = {t for t in hostile_db.table_list[first] if not bad & set(t)}
    assert tables == {t for t in wanted if t in hostile_db.table_list[first]}


# -- a full scan with a register, erasure requests and an access list --------


@dataclass(frozen=True)
class Scanned:
    db: HostileDb
    result: ScanResult
    principal: str


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


def granted_tables(db: HostileDb) -> list[tuple[str, str]]:
    """The tables the test principal may read: the first and the last (PostgreSQL: in the
    hostile schema)."""
    return [db.datasets()[0], db.datasets()[-1]]


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


@pytest.fixture(scope="module")
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


def by_dataset(result: ScanResult, kind: str) -> dict[str, list[Finding]]:
    found: dict[str, list[Finding]] = {}
    for finding in result.findings:
        if finding.type == kind:
            found.setdefault(finding.dataset or "", []).append(finding)
    return found


def test_full_scan_has_no_errors_and_nothing_was_injected(scanned: Scanned) -> None:
    errors = [(f.dataset, f.message_en) for f in scanned.result.findings if f.type == "SCAN_ERROR"]
    assert errors == []
    results = {d.name: d for d in scanned.result.datasets}
    for schema, table in scanned.db.datasets():
        dataset = results[f"{schema}.{table}"]
        columns = {c.name: {m.type for m in c.pii} for c in dataset.columns}
        assert "TH_NATIONAL_ID" in columns[table], dataset.name
        assert "EMAIL_ADDRESS" in columns[MAIL_COL], dataset.name
    assert_nothing_injected(scanned.db)


def test_retention_counts_and_erasure_lookups_on_hostile_names(scanned: Scanned) -> None:
    names = {f"{s}.{t}" for s, t in scanned.db.datasets()}
    expired = by_dataset(scanned.result, "RETENTION_EXPIRED")
    assert {n: [f.count for f in fs] for n, fs in expired.items()} == {n: [OLD_ROWS] for n in names}
    erasure = by_dataset(scanned.result, "ERASURE_PENDING")
    assert {n: [f.count for f in fs] for n, fs in erasure.items()} == {n: [SUBJECTS] for n in names}


def test_k_anonymity_group_by_on_hostile_columns(scanned: Scanned) -> None:
    names = {f"{s}.{t}" for s, t in scanned.db.datasets()}
    weak = by_dataset(scanned.result, "ANONYMISATION_WEAK")
    grouped = {
        n: [f.count for f in fs if tuple(f.columns) == (QI_COL, CLOCK_COL)]
        for n, fs in weak.items()
    }
    # groups of (qi, clock): five single old rows, 14 new "A" rows, one new "B" row: 6 below k=2
    assert grouped == {n: [OLD_ROWS + 1] for n in names}


def test_access_review_names_hostile_datasets(scanned: Scanned) -> None:
    assert len(scanned.result.access_reviews) == 1
    if scanned.db.kind == "sqlite":
        return  # file permissions: covered by the absence of SCAN_ERROR above
    granted = {f"{s}.{t}" for s, t in granted_tables(scanned.db)}
    unapproved = {
        f.dataset
        for f in scanned.result.findings
        if f.type == "ACCESS_UNAPPROVED" and f.principal == scanned.principal
    }
    assert unapproved == granted


def remediation_cases(scanned: Scanned, percent: bool) -> list[tuple[str, str, bool]]:
    """(dataset, printed statement, anonymise?) of each RETENTION_EXPIRED finding whose
    table name holds a ``%`` (``percent``) or not."""
    cases = []
    for finding in scanned.result.findings:
        if finding.type == "RETENTION_EXPIRED" and ("%" in (finding.dataset or "")) == percent:
            assert finding.remediation, finding.dataset
            anonymise = int((finding.register_id or "").split("-")[1]) % 2 == 1
            cases.append((finding.dataset or "", finding.remediation, anonymise))
    return cases


def run_as_printed(db: HostileDb, cases: list[tuple[str, str, bool]]) -> list[tuple[str, ...]]:
    """Execute each statement exactly as printed (no parameters: what a DBA pastes into
    psql or mysql) on a writable connection, roll it back; the ones that fail or touch
    other than the expired rows."""
    failures = []
    engine = db.engine()
    try:
        for dataset, statement, anonymise in cases:
            assert statement.startswith("UPDATE" if anonymise else "DELETE"), statement
            raw = engine.raw_connection()
            try:
                cursor = raw.cursor()
                try:
                    cursor.execute(statement)
                    touched = cursor.rowcount
                except Exception as exc:  # collected: one report for every statement
                    failures.append((dataset, statement, type(exc).__name__))
                    continue
                finally:
                    cursor.close()
                if touched != OLD_ROWS:
                    failures.append((dataset, statement, f"{touched} rows"))
            finally:
                raw.rollback()
                raw.close()
    finally:
        engine.dispose()
    assert_nothing_injected(db)
    return failures


def test_printed_remediation_sql_runs_as_printed_and_touches_only_expired_rows(
    scanned: Scanned,
) -> None:
    cases = remediation_cases(scanned, percent=False)
    assert len(cases) == len([t for _, t in scanned.db.datasets() if "%" not in t])
    assert run_as_printed(scanned.db, cases) == []


def test_printed_remediation_sql_keeps_percent_signs(scanned: Scanned) -> None:
    """``%`` in a name is printed as ``%``: the drivers' ``format``/``pyformat`` paramstyle
    (psycopg2, PyMySQL) doubles it when compiling, and a DBA pasting ``"%%_like"``
    would name another table."""
    cases = remediation_cases(scanned, percent=True)
    assert len(cases) == len([t for _, t in scanned.db.datasets() if "%" in t])
    assert all("%%" not in statement for _, statement, _ in cases)
    assert run_as_printed(scanned.db, cases) == []
