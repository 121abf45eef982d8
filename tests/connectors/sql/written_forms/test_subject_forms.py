"""``subject`` finds one subject from any of its written forms, inside free text too.

Every form of a national ID, a phone number and an e-mail address finds the
same rows in every table and file (the ``subject`` command end to end on
SQLite, never printing the value), a latin1 MariaDB column included; a near
miss is refused; and the value forms' own examples hold.
"""

from __future__ import annotations

import doctest
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine
from sqlalchemy.engine import URL, make_url

from agent.commands.subject import read_subject
from agent.scan.facts.subjects import Target, count_rows
from connectors.files.connector import FilesConnector
from connectors.sql import value_forms
from connectors.sql.database import DatabaseConnector
from scanners.subjects import searches as subject_forms
from tests.connectors.sql.written_forms.organisation import ORG, create_tables, write_config
from tests.support.written_forms import email_forms, id_forms, phone_forms


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
