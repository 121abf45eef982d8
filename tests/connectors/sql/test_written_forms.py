"""Subjects written in every form: exact ERASURE_PENDING counts and `subject` on every backend.

The organisation of :mod:`written_forms` is created on SQLite, PostgreSQL
and MariaDB and as a file share (CSV, XLSX, TXT); the erasure requests name
the subjects in clear (in assorted forms) or as digests. The count of
distinct requested subjects present must be the true one in every table and
file, whatever the forms and with near misses beside them; ``subject`` must
find one subject from any of its forms, inside free text too.
"""

from __future__ import annotations

import doctest
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, Text, create_engine
from sqlalchemy.engine import URL, make_url

from agent.commands.subject import read_subject
from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.facts.erasure import erasure_facts
from agent.scan.facts.subjects import Target, count_rows, search_targets
from agent.scan.runner import ScanPlan, run_scan
from connectors.files.connector import FilesConnector
from connectors.sql import value_forms
from connectors.sql.database import DatabaseConnector
from scanners.detection.engine import DetectionEngine
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnOverride, ColumnResult, DatasetResult, PiiMatch
from scanners.subjects import searches as subject_forms
from tests.support.backends import Backend
from tests.support.written_forms import (
    EXPECTED,
    Organisation,
    build,
    email_forms,
    id_forms,
    phone_forms,
)

TODAY = date(2026, 11, 25)
ORG = build()
COLUMNS = {
    "citizens": "citizen_id",
    "contacts": "phone",
    "members": "email",
    "legacy": "phone_no",
    "tickets": "notes",
}
FILES = {
    "citizens": "citizens.csv",
    "contacts": "contacts.xlsx#Sheet",
    "members": "members.csv",
    "legacy": "legacy.xlsx#Sheet",
    "tickets": "tickets.txt",
}


def create_tables(url: URL | str, org: Organisation) -> None:
    metadata = MetaData()
    tables = {
        "citizens": Table(
            "citizens",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("citizen_id", String(60)),
        ),
        "contacts": Table(
            "contacts",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("phone", String(60)),
        ),
        "members": Table(
            "members",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("email", String(120)),
        ),
        "legacy": Table(
            "legacy",
            metadata,
            Column("id", Integer, primary_key=True),
            Column("phone_no", BigInteger),
        ),
        "tickets": Table(
            "tickets", metadata, Column("id", Integer, primary_key=True), Column("notes", Text)
        ),
    }
    values = {
        "citizens": org.citizens,
        "contacts": org.contacts,
        "members": org.members,
        "legacy": org.legacy,
        "tickets": org.notes,
    }
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        for name, table in tables.items():
            conn.execute(table.insert(), [{COLUMNS[name]: v} for v in values[name]])
    engine.dispose()


def write_share(root: Path, org: Organisation) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for name in ("citizens", "members"):
        cells = org.citizens if name == "citizens" else org.members
        lines = [COLUMNS[name]] + [f'"{cell}"' for cell in cells]
        (root / FILES[name]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, cells in (("contacts", org.contacts), ("legacy", org.legacy)):
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Sheet"
        sheet.append([COLUMNS[name]])
        for cell in cells:
            sheet.append([cell])
        book.save(root / FILES[name].split("#")[0])
    (root / "tickets.txt").write_text("\n".join(org.notes) + "\n", encoding="utf-8")


def write_register(folder: Path, schema: str) -> Path:
    entries = []
    for name, column in COLUMNS.items():
        key = "" if name == "tickets" else f'subject_key = "{column}"\n'
        for source, match in (
            ("org", f"{schema}.{name}"),
            ("share", FILES[name].split("#")[0] + "*"),
        ):
            entries.append(
                f'[[datasets]]\nid = "{source}-{name}"\nsource = "{source}"\nmatch = "{match}"\n'
                'legal_basis = "contract"\nowner = "owner@example.co.th"\n'
                'allowed_pii = ["TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS"]\n' + key
            )
    path = folder / "register.toml"
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def write_config(folder: Path, url: str, schema: str) -> Path:
    write_share(folder / "share", ORG)
    write_register(folder, schema)
    requests = folder / "erasure.csv"
    header = "subject_type,subject_value,requested_at,kind"
    requests.write_text("\n".join([header, *ORG.requests]) + "\n", encoding="utf-8")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "org"\nkind = "database"\nurl = "{url}"\n\n'
        '[[sources]]\nname = "share"\nkind = "files"\npath = "share"\n\n'
        "[detection]\nmin_match_ratio = 0.01\n\n"
        '[register]\npath = "register.toml"\n\n[erasure]\npath = "erasure.csv"\ngrace_days = 30\n',
        encoding="utf-8",
    )
    return config


@pytest.fixture(scope="module")
def backend(
    module_backend: Backend, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, str, Path]:
    """(database URL, schema, folder with config, register, requests and share)."""
    folder = tmp_path_factory.mktemp(f"forms_{module_backend.kind}")
    url = module_backend.url
    if module_backend.kind == "mariadb":
        url = make_url(url).update_query_dict({"charset": "utf8mb4"})
    create_tables(url, ORG)
    rendered = url.render_as_string(hide_password=False)
    write_config(folder, rendered, module_backend.schema)
    return rendered, module_backend.schema, folder


@pytest.fixture
def connector(backend: tuple[str, str, Path]) -> Iterator[DatabaseConnector]:
    with DatabaseConnector("org", backend[0]) as c:
        yield c


def _requests(folder: Path) -> tuple:
    return tuple(due(load_erasure_requests(folder / "erasure.csv"), TODAY, 30))


def test_erasure_pending_counts_every_written_form_exactly(
    backend: tuple[str, str, Path], detection_engine: DetectionEngine
) -> None:
    _url, schema, folder = backend
    loaded = load_config(folder / "pdpa-agent.toml")
    plan = ScanPlan(
        loaded,
        tuple(loaded.config.sources),
        load_register(folder / "register.toml", {"org", "share"}),
        _requests(folder),
        TODAY,
    )
    result = run_scan(plan, detection_engine)
    errors = [(f.dataset, f.message_en) for f in result.findings if f.type == "SCAN_ERROR"]
    assert errors == []
    got = {(f.source, f.dataset): f.count for f in result.findings if f.type == "ERASURE_PENDING"}
    expected = {("org", f"{schema}.{name}"): n for name, n in EXPECTED.items()}
    expected |= {("share", FILES[name]): n for name, n in EXPECTED.items()}
    assert got == expected
    for finding in result.findings:  # never a full identifier in a message
        text = f"{finding.message_en} {finding.message_th} {finding.remediation}"
        assert not any(pin in text for pin in ORG.ids)


def _dataset(
    source: str, name: str, column: str, types: tuple[str, ...], ratio: float
) -> DatasetResult:
    pii = tuple(PiiMatch(t, 0.9, ratio) for t in types)
    kind = "file" if source == "share" else "table"
    return DatasetResult(source, name, kind, None, None, (ColumnResult(column, 100, pii),))


ALL_TYPES = ("TH_NATIONAL_ID", "PHONE_NUMBER", "EMAIL_ADDRESS")


@pytest.mark.parametrize("name", list(COLUMNS))
def test_classified_columns_whole_or_free_text(
    backend: tuple[str, str, Path], connector: DatabaseConnector, name: str
) -> None:
    """Without a subject_key: a classified column is compared whole (high match ratio) or
    searched inside its text (low ratio); both count exactly on the database and the files."""
    _url, schema, folder = backend
    ratio = 0.03 if name == "tickets" else 0.9
    requests = _requests(folder)
    dataset = _dataset("org", f"{schema}.{name}", COLUMNS[name], ALL_TYPES, ratio)
    facts = erasure_facts(connector, dataset, None, requests)
    assert facts is not None and facts.pending == EXPECTED[name]
    files = FilesConnector("share", folder / "share")
    files.list_datasets()
    file_column = "content" if name == "tickets" else COLUMNS[name]
    file_set = _dataset("share", FILES[name], file_column, ALL_TYPES, 0.9)
    facts = erasure_facts(files, file_set, None, requests)
    assert facts is not None and facts.pending == EXPECTED[name]


def _rows(finder: object, dataset: str, column: str, value: str, free: bool = False) -> int:
    subject = read_subject(value, None)
    return count_rows(finder, dataset, Target(column, subject.type, free), subject)  # type: ignore[arg-type]


def test_subject_found_from_every_written_form(
    backend: tuple[str, str, Path], connector: DatabaseConnector
) -> None:
    _url, schema, folder = backend
    files = FilesConnector("share", folder / "share")
    files.list_datasets()
    pin, phone, email = ORG.ids[0], ORG.phones[0], ORG.emails[0]
    for form in id_forms(pin):
        assert _rows(connector, f"{schema}.citizens", "citizen_id", form) == 11
        assert _rows(files, "citizens.csv", "citizen_id", form) == 11
        assert _rows(connector, f"{schema}.tickets", "notes", form, free=True) == 2
        assert _rows(files, "tickets.txt", "content", form, free=True) == 2
    for form in phone_forms(phone):
        assert _rows(connector, f"{schema}.contacts", "phone", form) == 12
        assert _rows(files, "contacts.xlsx#Sheet", "phone", form) == 12
        assert _rows(connector, f"{schema}.legacy", "phone_no", form) == 2
        assert _rows(files, "legacy.xlsx#Sheet", "phone_no", form) == 2
        assert _rows(connector, f"{schema}.tickets", "notes", form, free=True) == 2
    for form in email_forms(email):
        assert _rows(connector, f"{schema}.members", "email", form) == 5
        assert _rows(files, "members.csv", "email", form) == 5
        assert _rows(connector, f"{schema}.tickets", "notes", form, free=True) == 1
    for form in ("+44 20 7946 0958", "0044 20 7946 0958", "+44 (0)20 7946 0958"):
        assert _rows(connector, f"{schema}.contacts", "phone", form) == 2
        assert _rows(files, "contacts.xlsx#Sheet", "phone", form) == 2
    near_miss = pin[:12] + str((int(pin[12]) + 1) % 10)
    with pytest.raises(ValueError):
        read_subject(near_miss, "TH_NATIONAL_ID")
    assert _rows(connector, f"{schema}.citizens", "citizen_id", ORG.ids[-1]) == 0  # absent


def test_subject_command_finds_free_text_and_every_table(tmp_path: Path) -> None:
    """The command end to end (SQLite): every table holding the phone, notes included."""
    url = f"sqlite:///{tmp_path / 'org.sqlite'}"
    create_tables(url, ORG)
    config = write_config(tmp_path, url, "main")
    phone = ORG.phones[0]
    value = f"+66 {phone[1:3]} {phone[3:6]} {phone[6:]}"
    done = subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), "subject", value],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "org/main.contacts column phone: 12 row(s)" in out
    assert "org/main.legacy column phone_no: 2 row(s)" in out
    assert "org/main.tickets column notes: 2 row(s)" in out
    assert "share/tickets.txt column content: 2 row(s)" in out
    assert "share/contacts.xlsx#Sheet column phone: 12 row(s)" in out
    assert phone not in out + done.stderr and phone[1:] not in out + done.stderr


def test_module_examples_and_every_form_is_recognised() -> None:
    for module in (value_forms, subject_forms):
        failures, _ = doctest.testmod(module)
        assert failures == 0
    pin, phone, email = ORG.ids[0], ORG.phones[0], ORG.emails[0]
    cases = [
        ("TH_NATIONAL_ID", pin, id_forms(pin)),
        ("PHONE_NUMBER", phone, phone_forms(phone)),
        ("EMAIL_ADDRESS", email, email_forms(email)),
    ]
    for kind, normal, forms in cases:
        whole = subject_forms.whole_search(kind, [normal])
        for form in forms:
            assert value_forms.match_cells([form], whole) == {form: 1}
            assert subject_forms.normal_of_cell(kind, form) == {normal}
            sentence = f"แจ้งว่า {form} ครับ"
            assert normal in subject_forms.normals_in_text(kind, sentence)


def test_a_column_decided_to_hold_no_personal_data_is_never_searched() -> None:
    decided = ColumnOverride((), "not people", "dpo@example.co.th", date(2026, 1, 1))
    columns = (
        ColumnResult("citizen_id", 10, (), override=decided),
        ColumnResult("notes", 10, (PiiMatch("PHONE_NUMBER", 0.9, 0.04),)),
    )
    dataset = DatasetResult("org", "main.people", "table", 10, None, columns)
    entry = RegisterEntry(id="HR-1", source="org", match="main.people", subject_key="citizen_id")
    assert search_targets(dataset, entry) == (Target("notes", "PHONE_NUMBER", True),)


def test_latin1_column_on_mariadb(fresh_mariadb_database: Callable[[], URL]) -> None:
    """A latin1 column is read as utf8mb4 for the comparison (Thai-digit forms are searched)."""
    url = make_url(fresh_mariadb_database()).update_query_dict({"charset": "utf8mb4"})
    metadata = MetaData()
    table = Table(
        "old_crm",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("phone", String(40)),
        Column("notes", String(200)),
        mysql_charset="latin1",
    )
    phone = ORG.phones[0]
    engine = create_engine(url)
    with engine.begin() as conn:
        metadata.create_all(conn)
        rows = [(f"{phone[:3]}-{phone[3:6]}-{phone[6:]}", f"call {phone} today"), ("-", "-")]
        conn.execute(table.insert(), [{"phone": p, "notes": n} for p, n in rows])
    engine.dispose()
    rendered = url.render_as_string(hide_password=False)
    with DatabaseConnector("old", rendered) as connector:
        name = f"{url.database}.old_crm"
        assert _rows(connector, name, "phone", phone) == 1
        assert _rows(connector, name, "notes", phone, free=True) == 1
