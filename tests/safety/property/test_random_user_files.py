"""Issue 9 (3): random user files either load or raise ConfigProblems naming the file.

The config, the register and the access list in TOML, CSV and XLSX, and the
erasure CSV, built by hypothesis from random keys, values and types, or plain
binary garbage: each loader returns or raises a ``PdpaAgentError`` naming the
file — never another exception — and no problem line carries a control
character from the file to the terminal.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from datetime import date, datetime, time
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from agent.inputs.config_loader import LoadedConfig, load_config
from agent.inputs.erasure import load_erasure_requests
from agent.inputs.problems import ConfigProblems
from connectors.errors import PdpaAgentError
from tests.safety.property.shared import FAST, access, register


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def toml_document(tables: dict[str, object]) -> str:
    """Top-level scalars first, then ``[table]`` and ``[[array]]`` sections."""
    top: list[str] = []
    sections: list[str] = []
    for name, body in tables.items():
        if isinstance(body, list) and body and all(isinstance(b, dict) for b in body):
            for item in body:
                sections.append(f"[[{toml_key(name)}]]")
                sections += [f"{toml_key(k)} = {toml_value(v)}" for k, v in item.items()]
        elif isinstance(body, dict):
            sections.append(f"[{toml_key(name)}]")
            sections += [f"{toml_key(k)} = {toml_value(v)}" for k, v in body.items()]
        else:
            top.append(f"{toml_key(name)} = {toml_value(body)}")
    return "\n".join(top + sections) + "\n"


PLAUSIBLE = [
    "database",
    "files",
    "local",
    "celery",
    "every day at 02:00",
    "every week at 01:00",
    "redis://localhost",
    "sqlite:///state.db",
    "json",
    "th",
    "hr",
    "share",
    "",
    ".",
    "~nosuchuser/share",
    "${PDPA_TEST_UNSET_VARIABLE}",
    "a\x00b",
    "owner@example.co.th",
    "10y",
    "0d",
    "delete",
    "contract",
    "PERSON",
    "TH_NATIONAL_ID",
    "SELECT",
    "*",
    "public.*",
]
SCALAR = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.text(max_size=12),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.times(),
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
CONFIG_KEYS = (
    "state schedule executor workers broker sample_rows min_match_ratio languages name kind "
    "url password_env statement_timeout_s path include exclude zone max_concurrency "
    "grace_days out_dir formats language email"
).split()
RECORD_KEYS = (
    "id source match purpose legal_basis owner retention clock_column on_expiry allowed_pii "
    "granularity sensitive_basis anonymised quasi_identifiers k_min exemptions subject_key "
    "dataset principal privileges approved_by reviewed_at review_every"
).split()


def tables_of(keys: list[str], names: list[str]) -> st.SearchStrategy[dict[str, object]]:
    table = st.dictionaries(
        st.one_of(st.sampled_from(keys), st.text(max_size=5)), VALUE, max_size=6
    )
    body = st.one_of(table, st.lists(table, min_size=1, max_size=3), VALUE)
    return st.dictionaries(st.sampled_from(names), body, max_size=5)


CONFIG_DOCS = tables_of(
    CONFIG_KEYS, ["agent", "detection", "sources", "register", "access", "erasure", "reports", "x"]
)
RECORD_DOCS = tables_of(RECORD_KEYS, ["datasets", "grants", "x"])


def loads_or_names_the_file(load, path: Path) -> object:  # type: ignore[no-untyped-def]
    """``load(path)``; a PdpaAgentError must name ``path`` (any other exception fails)."""
    try:
        return load(path)
    except PdpaAgentError as exc:
        assert str(path) in str(exc), str(exc)
        if isinstance(exc, ConfigProblems):
            assert exc.problems and all(str(path) in str(p) for p in exc.problems)
            for problem in exc.problems:  # nothing from the file may drive the terminal
                told = str(problem).replace(str(path), "")
                assert not any(unicodedata.category(c) in ("Cc", "Cs") for c in told), told
        return exc


@FAST
@given(CONFIG_DOCS)
def test_random_config_documents_load_or_name_the_file(
    tmp_path: Path, document: dict[str, object]
) -> None:
    (tmp_path / "share").mkdir(exist_ok=True)
    path = tmp_path / "pdpa-agent.toml"
    path.write_text(toml_document(document), encoding="utf-8")
    outcome = loads_or_names_the_file(load_config, path)
    assert isinstance(outcome, (LoadedConfig, PdpaAgentError))


@FAST
@given(RECORD_DOCS)
def test_random_register_and_access_documents_load_or_name_the_file(
    tmp_path: Path, document: dict[str, object]
) -> None:
    path = tmp_path / "records.toml"
    path.write_text(toml_document(document), encoding="utf-8")
    for load in (register, access):
        loads_or_names_the_file(load, path)


CELL = st.one_of(
    st.sampled_from(
        [
            *PLAUSIBLE,
            *("TH_NATIONAL_ID=year;ADDRESS=postcode", "yes", "2026-01-01", "erasure"),
            "1103700001239",
        ]
    ),
    st.text(max_size=12),
)
HEADER = st.lists(
    st.one_of(
        st.sampled_from([*RECORD_KEYS, "subject_type", "subject_value", "requested_at", "kind"]),
        st.text(max_size=5),
    ),
    max_size=8,
)


@FAST
@given(
    HEADER, st.lists(st.lists(CELL, max_size=9), max_size=5), st.sampled_from(["\n", "\r\n", "\r"])
)
def test_random_csv_files_load_or_name_the_file(
    tmp_path: Path, header: list[str], rows: list[list[str]], newline: str
) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows([header, *rows])
    path = tmp_path / "records.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    for load in (register, access, load_erasure_requests):
        loads_or_names_the_file(load, path)


XLSX_CELL = st.one_of(
    CELL,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1)),
    st.none(),
)


@settings(FAST, max_examples=25)
@given(HEADER, st.lists(st.lists(XLSX_CELL, max_size=9), max_size=4))
def test_random_xlsx_files_load_or_name_the_file(
    tmp_path: Path, header: list[str], rows: list[list[object]]
) -> None:
    book = Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append(
            [
                re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", c) if isinstance(c, str) else c
                for c in row
            ]
        )
    path = tmp_path / "records.xlsx"
    book.save(path)
    for load in (register, access):
        loads_or_names_the_file(load, path)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["f.toml", "f.csv", "f.xlsx"]))
@example(b"\xef\xbb\xbf[[datasets]]\r\nid = 1\r\n", "f.toml")
@example(b"\r\x00", "f.csv")
@example(b"PK\x03\x04" + bytes(60), "f.xlsx")
def test_binary_garbage_names_the_file(tmp_path: Path, data: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    loaders = [register, access]
    if name.endswith(".csv"):
        loaders.append(load_erasure_requests)
    if name.endswith(".toml"):
        loaders.append(load_config)
    for load in loaders:
        loads_or_names_the_file(load, path)
