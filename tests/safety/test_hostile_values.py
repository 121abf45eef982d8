"""Issue 9 (3): hostile values in databases and hostile files in shares.

Databases (SQLite, PostgreSQL, MariaDB): NUL bytes where the backend allows
them (SQLite TEXT and BLOB, PostgreSQL bytea, MariaDB BLOB and TEXT;
PostgreSQL text cannot hold NUL), 10 MB text cells, a BLOB stored in a SQLite
TEXT column, text that is not UTF-8 (SQLite ``CAST(x'…' AS TEXT)``, a MariaDB
latin1 column), extreme numbers (64-bit limits, NaN, infinities, 65-digit
decimals) and dates Python cannot hold (PostgreSQL ``infinity`` and BC dates,
year 1, MariaDB zero dates). Every table also holds Thai national IDs: a
hostile value must be skipped, never cost the table its classification.

Files: NULs in a CSV, TIS-620 and undecodable CSVs, lone surrogates and
huge integers in JSON, a 50 MB single-line text file, a nested zip bomb, an
XLSX that is text, truncated DOCX and PDF, symlink loops, links leaving the
share, a FIFO, a file name that is not UTF-8, and a file removed between
listing and reading. The whole-share scan runs in a subprocess with a
timeout, so a hang fails the test instead of hanging the suite.

Unreadable files: the tests run as root, which bypasses permission bits, so a
``chmod 000`` file cannot be tested there; the file removed between listing
and reading stands in for it (the same ``DatasetError`` path), and the
``chmod`` case runs only as an ordinary user.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool

from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.runner import ScanPlan, run_scan
from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
from connectors.sql.database import DatabaseConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult
from tests.support.file_samples import THAI_PDF, docx_bytes
from tests.support.paths import REPO_ROOT
from tests.support.synthetic import national_id

TODAY = date(2026, 11, 25)
TEN_MB = 10 * 1024 * 1024
IDS = [national_id(random.Random(700 + i)) for i in range(4)]
ABSENT_ID = national_id(random.Random(799))


@dataclass(frozen=True)
class HostileTable:
    """A table of hostile values: DDL, rows as literal SQL, and what the scan must find."""

    name: str
    ddl: str
    rows: tuple[str, ...]  # VALUES tuples after the id and pid
    found: dict[str, str]  # column → a PII type it must hold despite its neighbours
    clock: str | None = None  # a date column counted against a 1-year retention
    expired: int | None = None  # rows whose clock is before the cutoff


def pid_rows(table: HostileTable) -> list[str]:
    """``(id, 'pid', …)`` literals: every row carries a valid national ID."""
    return [f"({i + 1}, '{IDS[i % len(IDS)]}', {values})" for i, values in enumerate(table.rows)]


SQLITE_TABLES = [
    HostileTable(
        "nul_values",
        "t TEXT, b BLOB",
        (
            "'somchai@example.co.th' || char(0), x'00010200'",
            "'a' || char(0) || 'b@example.co.th', x'31313033373030303031323339'",
            "char(0), x''",
        ),
        {"t": "EMAIL_ADDRESS"},
    ),
    HostileTable(
        "blob_in_text",
        "t TEXT",
        ("x'ff00fe'", "CAST('wilai@example.co.th' AS BLOB)", "x'00'"),
        {},
    ),
    HostileTable(
        "not_utf8",
        "t TEXT",
        ("CAST(x'fffe41' AS TEXT)", "CAST(x'eda080' AS TEXT)", "'fine@example.co.th'"),
        {},
    ),
    HostileTable("huge_text", "t TEXT", (f"'{'x' * TEN_MB}'", "'ok'"), {}),
    HostileTable(
        "extreme_numbers",
        "n INTEGER, r REAL",
        ("9223372036854775807, 1e308", "-9223372036854775808, -1e308", "0, 9e999"),
        {},
    ),
]
POSTGRES_TABLES = [
    HostileTable(
        "nul_bytea",
        "b bytea, t text",
        ("'\\x00013100'::bytea, 'x'", "'\\x'::bytea, 'y'"),
        {},
    ),
    HostileTable(
        "extreme_numbers",
        "f float8, n numeric, r real",
        (
            "'NaN', 'NaN', 'Infinity'",
            "'Infinity', 1e1000, '-Infinity'",
            "'-Infinity', -1e-1000, 'NaN'",
        ),
        {},
    ),
    HostileTable(
        "out_of_range_dates",
        "d date, t timestamptz, iv interval",
        (
            "'infinity', '-infinity', '1000000 years'",
            "'0001-01-01', '0001-01-01 00:00:00+14', '100000000 years'",
            "'0044-03-15 BC', '4713-01-01 BC', '-178000000 years'",
            "'2026-01-01', '2026-01-01', '1 day'",
        ),
        {},
        clock="d",
        expired=2,  # 0001-01-01 and 44 BC (infinity and 2026 are not before the cutoff)
    ),
    HostileTable("huge_text", "t text", (f"'{'x' * TEN_MB}'", "'ok'"), {}),
]
MARIADB_TABLES = [
    HostileTable(
        "nul_values",
        "b BLOB, t TEXT",
        (
            "0x003100ff, CONCAT('somchai@example.co.th', CHAR(0))",
            "0x00, CONCAT('a', CHAR(0), 'b@example.co.th')",
        ),
        {"t": "EMAIL_ADDRESS"},
    ),
    HostileTable(
        "latin1_bytes",
        "t VARCHAR(50) CHARACTER SET latin1",
        ("_binary 0xfffe4142", "_binary 0x80818283", "'plain'"),
        {},
    ),
    HostileTable(
        "zero_dates",
        "d DATE, dt DATETIME, ts TIMESTAMP NULL",
        (
            "'0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00'",
            "'2020-00-15', '2020-02-30 00:00:00', NULL",
            "'2010-01-01', '2010-01-01 00:00:00', NULL",
        ),
        {},
        clock="d",
        expired=3,  # every zero date sorts before the cutoff
    ),
    HostileTable(
        "extreme_numbers",
        "n DECIMAL(65,0), u BIGINT UNSIGNED, f DOUBLE",
        (
            "99999999999999999999999999999999999999999999999999999999999999999, "
            "18446744073709551615, 1.7976931348623157e308",
            "-99999999999999999999999999999999999999999999999999999999999999999, 0, -0.0",
        ),
        {},
    ),
    HostileTable("huge_text", "t LONGTEXT", (f"'{'x' * TEN_MB}'", "'ok'"), {}),
]


@dataclass(frozen=True)
class ValuesDb:
    kind: str
    url: URL
    schema: str
    tables: list[HostileTable]


def create_tables(db: ValuesDb) -> None:
    engine = create_engine(db.url, poolclass=NullPool)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.kind == "mariadb":
            cursor.execute("SET SESSION sql_mode = ''")  # zero dates and lossy latin1 allowed
        for table in db.tables:
            cursor.execute(
                f"CREATE TABLE {table.name} (id INTEGER PRIMARY KEY, pid VARCHAR(20), {table.ddl})"
            )
            for row in pid_rows(table):
                cursor.execute(f"INSERT INTO {table.name} VALUES {row}")
        cursor.execute("CREATE TABLE control (id INTEGER PRIMARY KEY, email VARCHAR(100))")
        cursor.execute("INSERT INTO control VALUES (1, 'control@example.co.th')")
        cursor.close()
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "mariadb"])
def values_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ValuesDb:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("values") / "values.db"
        db = ValuesDb("sqlite", URL.create("sqlite", database=str(path)), "main", SQLITE_TABLES)
    else:
        fixture = "fresh_pg_database" if request.param == "postgresql" else "fresh_mariadb_database"
        factory: Callable[[], URL] = request.getfixturevalue(fixture)
        url = factory()
        if request.param == "postgresql":
            db = ValuesDb("postgresql", url, "public", POSTGRES_TABLES)
        else:
            db = ValuesDb("mariadb", url, str(url.database), MARIADB_TABLES)
    create_tables(db)
    return db


def test_hostile_values_are_skipped_not_fatal(
    values_db: ValuesDb, detection_engine: DetectionEngine
) -> None:
    connector = DatabaseConnector("values", values_db.url)
    connector.open()
    try:
        for table in values_db.tables:
            name = f"{values_db.schema}.{table.name}"
            info = connector.describe(name)
            assert info.row_count == len(table.rows)
            sample = connector.sample(info, 100)
            assert sample.rows_sampled == len(table.rows)
            found = {
                c.name: {m.type for m in c.pii} for c in classify_dataset(sample, detection_engine)
            }
            assert "TH_NATIONAL_ID" in found["pid"], name
            for column, pii_type in table.found.items():
                assert pii_type in found[column], (name, column)
    finally:
        connector.close()


def test_undecodable_sqlite_text_is_replaced_not_quoted(values_db: ValuesDb) -> None:
    """SQLite's own error would fail the table and quote the bytes in the report."""
    if values_db.kind != "sqlite":
        pytest.skip("only SQLite stores text that is not UTF-8")
    connector = DatabaseConnector("values", values_db.url)
    connector.open()
    try:
        sample = connector.sample(connector.describe("main.not_utf8"), 10)
    finally:
        connector.close()
    texts = sorted(str(v) for v in sample.columns[2].values)
    assert texts == sorted(["\ufffd\ufffdA", "\ufffd\ufffd\ufffd", "fine@example.co.th"])


def test_postgresql_dates_python_cannot_hold_come_back_as_text(values_db: ValuesDb) -> None:
    if values_db.kind != "postgresql":
        pytest.skip("PostgreSQL only")
    connector = DatabaseConnector("values", values_db.url)
    connector.open()
    try:
        sample = connector.sample(connector.describe("public.out_of_range_dates"), 10)
    finally:
        connector.close()
    dates = {c.column.name: c.values for c in sample.columns}
    assert "0044-03-15 BC" in dates["d"]
    assert date(1, 1, 1) in dates["d"]
    assert "-178000000 years" in {str(v) for v in dates["iv"]}


def write_scan_files(folder: Path, db: ValuesDb) -> ScanPlan:
    rendered = db.url.render_as_string(hide_password=False)
    config = folder / "pdpa-agent.toml"
    config.write_text(
        "[agent]\nworkers = 1\n\n"
        f'[[sources]]\nname = "db"\nkind = "database"\nurl = {json.dumps(rendered)}\n\n'
        '[register]\npath = "register.toml"\n\n[erasure]\npath = "erasure.csv"\n',
        encoding="utf-8",
    )
    entries = []
    for index, table in enumerate(db.tables):
        lines = [
            "[[datasets]]",
            f'id = "V-{index}"',
            'source = "db"',
            f'match = "{db.schema}.{table.name}"',
            'legal_basis = "contract"',
            'owner = "owner@example.co.th"',
            'allowed_pii = ["TH_NATIONAL_ID", "EMAIL_ADDRESS"]',
            'subject_key = "pid"',
        ]
        if table.clock:
            lines += ['retention = "1y"', f'clock_column = "{table.clock}"']
        entries.append("\n".join(lines))
    (folder / "register.toml").write_text("\n\n".join(entries) + "\n", encoding="utf-8")
    hashed = [
        "sha256:" + hashlib.sha256(value.encode()).hexdigest()
        for value in (IDS[0], ABSENT_ID, "absent@example.co.th")
    ]
    (folder / "erasure.csv").write_text(
        "subject_type,subject_value,requested_at,kind\n"
        f"TH_NATIONAL_ID,{hashed[0]},2026-01-01,erasure\n"
        f"TH_NATIONAL_ID,{hashed[1]},2026-01-01,erasure\n"
        f"EMAIL_ADDRESS,{hashed[2]},2026-01-01,erasure\n"
        f"TH_NATIONAL_ID,{IDS[1]},2026-01-01,erasure\n",
        encoding="utf-8",
    )
    loaded = load_config(config)
    return ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register(folder / "register.toml", {"db"}),
        tuple(due(load_erasure_requests(folder / "erasure.csv"), TODAY, 30)),
        TODAY,
    )


def test_full_scan_over_hostile_values_reports_no_error(
    values_db: ValuesDb, tmp_path: Path, detection_engine: DetectionEngine
) -> None:
    """Hashed erasure subjects stream every value of the subject columns (NULs, huge
    text, bad bytes included); retention counts compare out-of-range dates in SQL."""
    result: ScanResult = run_scan(write_scan_files(tmp_path, values_db), detection_engine)
    errors = [(f.dataset, f.message_en) for f in result.findings if f.type == "SCAN_ERROR"]
    assert errors == []
    names = {f"{values_db.schema}.{t.name}" for t in values_db.tables}
    assert names | {f"{values_db.schema}.control"} == {d.name for d in result.datasets}
    pending = {f.dataset: f.count for f in result.findings if f.type == "ERASURE_PENDING"}
    assert pending == dict.fromkeys(names, 2)  # IDS[0] hashed, IDS[1] in clear
    expired = {f.dataset: f.count for f in result.findings if f.type == "RETENTION_EXPIRED"}
    assert expired == {
        f"{values_db.schema}.{t.name}": t.expired for t in values_db.tables if t.clock
    }


# -- files ------------------------------------------------------------------


def nested_bomb() -> bytes:
    """A 50 MiB member of zeros (about 50 KB deflated) inside a ZIP inside a ZIP."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("zeros.txt", "w", force_zip64=True) as member:
            for _ in range(50):
                member.write(bytes(1024 * 1024))
        archive.writestr("ok.txt", "mail somchai@example.co.th\n")
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner.zip", inner.getvalue())
    return outer.getvalue()


BAD_NAME = os.fsdecode(b"bad-\xff\xfe-name.csv")


def build_share(root: Path, outside: Path) -> None:
    """The hostile share; ``outside`` is a folder beside it holding a secret."""
    thai = "ชื่อ,เลขบัตร\nสมชาย ใจดี,1103700001239\nสมหญิง รักไทย,3100501234567\n"
    files: dict[str, bytes] = {
        "control.csv": b"email\ncontrol@example.co.th\n",
        "nul.csv": b"pid,email\n1103700001239,somchai@example.co.th\x00\n\x00\x00,\x00\n",
        "tis620.csv": thai.encode("cp874"),
        "latin.csv": b"name,email\n\xe9\xe8\xff,somchai@example.co.th\n",
        "surrogates.json": (
            b'{"a": "\\ud800", "b": "somchai@example.co.th", "\\udfff": "\\udc00\\ud83d"}'
        ),
        "huge_int.json": b'{"n": ' + b"9" * 5000 + b', "mail": "somchai@example.co.th"}',
        "bomb.zip": nested_bomb(),
        "fake.xlsx": b"name,email\nsomchai,somchai@example.co.th\n",
        "truncated.docx": docx_bytes()[:2000],
        "truncated.pdf": THAI_PDF.read_bytes()[:1500],
    }
    root.mkdir(parents=True)
    for name, data in files.items():
        (root / name).write_bytes(data)
    with (root / "one_line.txt").open("wb") as handle:  # 50 MB, no newline
        for _ in range(50):
            handle.write(b"y" * (1024 * 1024))
        handle.write(b" somchai@example.co.th")
    (root / BAD_NAME).write_bytes(b"email\nhidden@example.co.th\n")
    (root / "loop_a").symlink_to("loop_b")
    (root / "loop_b").symlink_to("loop_a")
    (root / "self.csv").symlink_to("self.csv")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to("..")  # a directory cycle
    outside.mkdir()
    (outside / "secret.csv").write_text("email\nsecret@example.co.th\n", encoding="utf-8")
    (root / "leak.csv").symlink_to(outside / "secret.csv")
    (root / "leak_dir").symlink_to(outside)
    (root / "passwd.txt").symlink_to("/etc/passwd")
    os.mkfifo(root / "pipe.csv")


def run_cli(config: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess; a hang becomes TimeoutExpired, failing the test."""
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=config.parent,
    )


@pytest.fixture(scope="module")
def share_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, dict, str]:
    folder = tmp_path_factory.mktemp("hostile_share")
    build_share(folder / "share", folder / "outside")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        '[agent]\nworkers = 1\nstate = "sqlite:///state.db"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n',
        encoding="utf-8",
    )
    done = run_cli(config, "scan", "--out", "out", "--format", "json")
    report_path = folder / "out" / "findings.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
    return done.returncode, report, done.stdout + done.stderr


def test_share_scan_finishes_with_one_clear_error(share_scan: tuple[int, dict, str]) -> None:
    code, report, output = share_scan
    assert "Traceback" not in output
    errors = {
        f["dataset"]: f["message"]["en"] for f in report["findings"] if f["type"] == "SCAN_ERROR"
    }
    assert list(errors) == ["truncated.docx"]
    assert "corrupt or truncated" in errors["truncated.docx"]
    assert code == 3  # completed, one dataset failed


def test_share_scan_reads_what_it_can(share_scan: tuple[int, dict, str]) -> None:
    _, report, _ = share_scan
    columns = {
        (d["name"], c["name"]): {p["type"] for p in c["pii"]}
        for d in report["datasets"]
        for c in d["columns"]
    }
    assert "EMAIL_ADDRESS" in columns[("control.csv", "email")]
    assert "TH_NATIONAL_ID" in columns[("nul.csv", "pid")]
    assert "EMAIL_ADDRESS" in columns[("nul.csv", "email")]
    assert "TH_NATIONAL_ID" in columns[("tis620.csv", "เลขบัตร")]  # decoded as Thai
    assert "EMAIL_ADDRESS" in columns[("latin.csv", "email")]
    assert "EMAIL_ADDRESS" in columns[("surrogates.json", "content")]
    assert "EMAIL_ADDRESS" in columns[("huge_int.json", "content")]
    assert ("one_line.txt", "content") in columns  # sampled: its first 16 MiB
    assert "bomb.zip/inner.zip/ok.txt" in {d["name"] for d in report["datasets"]}


def test_share_scan_skips_with_reasons_and_never_leaves_the_share(
    share_scan: tuple[int, dict, str],
) -> None:
    _, report, _ = share_scan
    (source,) = report["sources"]
    skipped = {s["name"]: s["reason"] for s in source["skipped"]}
    assert skipped == {
        "bad-\\xff\\xfe-name.csv": "file name is not valid UTF-8",
        "bomb.zip/inner.zip/zeros.txt": "compression ratio above 100 (zip bomb?)",
        "fake.xlsx": "corrupt or truncated file (not a valid ZIP container)",
        "truncated.pdf": "unreadable PDF file (PdfStreamError)",
    }
    scanned = {d["name"] for d in report["datasets"]}
    never = {"leak.csv", "passwd.txt", "pipe.csv", "self.csv", "loop_a", "loop_b"}
    assert not never & scanned
    assert not any(name.startswith(("leak_dir/", "sub/")) for name in scanned)
    text = json.dumps(report, ensure_ascii=False)
    assert "secret@" not in text and "hidden@" not in text and "root:" not in text


def test_text_file_notes_and_json_numbers(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "one_line.txt").write_bytes(b"z" * (3 * 1024 * 1024) + b" somchai@example.co.th")
    (root / "huge_int.json").write_bytes(b'{"n": ' + b"7" * 5000 + b"}")
    connector = FilesConnector("share", root, max_read_bytes=1024 * 1024)
    connector.open()
    assert connector.list_datasets() == ["huge_int.json", "one_line.txt"]
    info = connector.describe("one_line.txt")
    assert (info.row_count, info.row_count_exact) == (1, False)
    assert dict(connector.notes)["one_line.txt"].startswith("sampled: first 1048576 of")
    sample = connector.sample(connector.describe("huge_int.json"), 10)
    assert sample.columns[0].values == ("n: " + "7" * 5000,)  # parsed as JSON, digits kept


FIFO_SWAP = """
import os, sys
from pathlib import Path
from connectors.errors import DatasetError
from connectors.files.connector import FilesConnector
root = Path(sys.argv[1])
connector = FilesConnector("share", root)
connector.open()
listed = connector.list_datasets()
os.unlink(root / "a.csv")
os.mkfifo(root / "a.csv")
try:
    connector.describe("a.csv")
except DatasetError as exc:
    print("DatasetError:", exc)
"""


def test_file_swapped_for_a_fifo_after_listing_does_not_block(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.csv").write_text("email\na@example.co.th\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", FIFO_SWAP, str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "DatasetError: a.csv is not a regular file"


def test_file_removed_between_listing_and_reading(tmp_path: Path) -> None:
    root = tmp_path / "share"
    root.mkdir()
    (root / "a.csv").write_text("email\na@example.co.th\n", encoding="utf-8")
    (root / "b.csv").write_text("email\nb@example.co.th\n", encoding="utf-8")
    connector = FilesConnector("share", root)
    connector.open()
    assert connector.list_datasets() == ["a.csv", "b.csv"]
    (root / "a.csv").unlink()
    with pytest.raises(DatasetError, match=r"^a\.csv disappeared$"):
        connector.describe("a.csv")
    assert connector.describe("b.csv").row_count == 1  # the rest goes on


def test_unreadable_file_is_a_dataset_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root bypasses permission bits; see the removed-file test")
    root = tmp_path / "share"
    root.mkdir()
    locked = root / "locked.csv"
    locked.write_text("email\na@example.co.th\n", encoding="utf-8")
    locked.chmod(0)
    connector = FilesConnector("share", root)
    connector.open()
    assert connector.list_datasets() == ["locked.csv"]
    with pytest.raises(DatasetError, match="not readable"):
        connector.describe("locked.csv")
