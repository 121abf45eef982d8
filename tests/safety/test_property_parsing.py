"""Issue 9 (3): property-based tests (hypothesis) of normalisers, validators and user files.

Pure functions must be total on any text: normalisation keeps offsets and is
idempotent, validators never raise on a string, masks never give the value
back, subject normal forms are stable, schedules parse or raise ValueError.
User files (the config, the register and the access list in TOML, CSV and
XLSX, the erasure CSV) built from random keys, values and types, or plain
garbage, either load or raise ConfigProblems naming the file — never another
exception — and the CLI turns them into exit code 2 and one line, without a
traceback.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from agent.commands.run import build_scheduler
from agent.inputs.access_loader import load_access_list
from agent.inputs.config_loader import LoadedConfig, load_config
from agent.inputs.erasure import load_erasure_requests
from agent.inputs.problems import ConfigProblems
from agent.inputs.register_loader import load_register
from agent.inputs.schedule_spec import WEEKDAYS, ScheduleSpec, parse_schedule
from connectors.errors import PdpaAgentError
from connectors.model import ValueKind
from scanners.classification.cell_values import MAX_VALUE_CHARS, prepare_value
from scanners.classification.value_shapes import has_shape
from scanners.masking import mask_value
from scanners.normalise import normalise_text, thai_digits_to_ascii
from scanners.pii_types import PiiType
from scanners.subjects import normal_forms, spellings
from scanners.validators import ean13, th_national_id
from tests.support.paths import REPO_ROOT
from tests.support.synthetic import with_check_digit

FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
#: Any code point, lone surrogates included (hypothesis leaves them out by default).
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=40)
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
DIGITS = st.text(alphabet="0123456789", min_size=12, max_size=12)


def thai_id(first12: str) -> str:
    """A valid personal ID from 12 digits (the first forced to 1-8, digits 2-3 to a province)."""
    province = sorted(th_national_id.PROVINCE_CODES)[int(first12[1:3]) % 77]
    head = str(int(first12[0]) % 8 + 1) + province + first12[3:]
    return with_check_digit(head)


# -- scanners.normalise --------------------------------------------------------


def _one_to_one(before: str) -> set[str]:
    mapped = normalise_text(before) if len(before) == 1 else before
    return {mapped, unicodedata.normalize("NFC", mapped)}


@FAST
@given(ANY_TEXT)
@example("e\u0301\u0958")  # NFC composes one pair and expands U+0958: same length, shifted
@example("\u212b\x00\ud800๑")
def test_normalise_keeps_every_offset_and_is_idempotent(text: str) -> None:
    out = normalise_text(text)
    assert len(out) == len(text)
    for before, after in zip(text, out, strict=True):
        assert after in _one_to_one(before), (before, after)
    assert normalise_text(out) == out
    out.encode("utf-8")  # NUL and lone surrogates are gone: any encoder takes it


def test_normalise_does_not_shift_text_when_nfc_would() -> None:
    assert normalise_text("e\u0301\u0958x") == "e\u0301\u0958x"
    assert normalise_text("\u212b x\u00a0y\u2013๑") == "\u00c5 x y-1"


@FAST
@given(st.text(alphabet=THAI_DIGITS + "0123456789-", max_size=30))
def test_thai_digits_become_ascii(text: str) -> None:
    ascii_text = "".join(str(THAI_DIGITS.index(c)) if c in THAI_DIGITS else c for c in text)
    assert thai_digits_to_ascii(text) == ascii_text
    assert normalise_text(text) == ascii_text


# -- scanners.validators -------------------------------------------------------


def reference_thai_checksum(number: str) -> bool:
    """The Thai ID rule written out: category 1-8, a province code in digits 2-3 (10-27,
    30-58, 60-67, 70-77, 80-86, 90-96), weights 13..2, check = (11 - sum mod 11) mod 10."""
    province = r"(?:1[0-9]|2[0-7]|[34][0-9]|5[0-8]|6[0-7]|7[0-7]|8[0-6]|9[0-6])"
    if not re.fullmatch(rf"[1-8]{province}[0-9]{{10}}", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:12], range(13, 1, -1), strict=True))
    return (11 - total % 11) % 10 == int(number[12])


@FAST
@given(ANY_TEXT)
@example("1-1037-00001-23-9")
@example("๑๑๐๓๗๐๐๐๐๑๒๓๙")
def test_validators_are_total_and_compact_is_idempotent(text: str) -> None:
    for module in (th_national_id, ean13):
        valid = module.is_valid(text)
        assert isinstance(valid, bool)
        once = module.compact(text)
        assert module.compact(once) == once
    th_national_id.is_juristic(text)
    ean13.is_thai_barcode(text)


@FAST
@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_thai_id_validator_agrees_with_the_rule(number: str) -> None:
    assert th_national_id.is_valid(number) == reference_thai_checksum(number)


@FAST
@given(DIGITS, st.integers(min_value=1, max_value=9))
def test_a_changed_check_digit_is_always_caught(first12: str, delta: int) -> None:
    number = thai_id(first12)
    changed = number[:12] + str((int(number[12]) + delta) % 10)
    assert th_national_id.is_valid(number) and not th_national_id.is_valid(changed)


def test_one_changed_digit_is_not_always_caught_by_the_thai_scheme() -> None:
    """The third digit has weight 11 (0 mod 11): the checksum cannot see it change. The
    recognizers therefore never treat a passing checksum as proof on its own."""
    number = "1103700001239"
    assert th_national_id.is_valid(number)
    assert th_national_id.is_valid(number[:2] + "5" + number[3:])


@FAST
@given(DIGITS, st.integers(min_value=0, max_value=12), st.integers(min_value=1, max_value=9))
def test_ean13_catches_every_single_changed_digit(first12: str, position: int, delta: int) -> None:
    number = first12 + ean13.calc_check_digit(first12)
    digits = list(number)
    digits[position] = str((int(digits[position]) + delta) % 10)
    assert ean13.is_valid(number) and not ean13.is_valid("".join(digits))


# -- scanners.masking ----------------------------------------------------------

MASKED_TYPES = [
    "TH_NATIONAL_ID",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "PERSON",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "POSTAL_CODE",
    "PASSPORT",
    "SOMETHING_ELSE",
]


@FAST
@given(st.sampled_from(MASKED_TYPES), ANY_TEXT)
def test_mask_is_total_and_never_the_value(pii_type: str, value: str) -> None:
    masked = mask_value(pii_type, value)
    assert isinstance(masked, str)
    assert (masked == "") == (value == "")
    if len(value) > 1:
        assert masked != value and value not in masked


def shown_digits(masked: str) -> int:
    return sum(ch.isdigit() for ch in masked)


@FAST
@given(DIGITS, st.sampled_from(["", "-", " ", "."]), st.booleans())
def test_a_masked_national_id_shows_at_most_six_digits(
    first12: str, separator: str, thai: bool
) -> None:
    number = thai_id(first12)
    groups = (number[0], number[1:5], number[5:10], number[10:12], number[12])
    written = separator.join(groups)
    if thai:
        written = "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in written)
    masked = mask_value("TH_NATIONAL_ID", written)
    assert shown_digits(masked) <= 6 and number not in masked.replace("-", "")


@FAST
@given(st.text(alphabet="0123456789", min_size=9, max_size=12), st.sampled_from(["", "-", " "]))
def test_a_masked_phone_shows_at_most_five_digits(digits: str, separator: str) -> None:
    written = separator.join([digits[:3], digits[3:6], digits[6:]])
    assert shown_digits(mask_value("PHONE_NUMBER", written)) <= 5


@FAST
@given(st.from_regex(r"[a-z0-9._]{2,20}", fullmatch=True), st.sampled_from(["example.co.th"]))
def test_a_masked_email_hides_all_but_the_first_character_of_its_local_part(
    local: str, domain: str
) -> None:
    assert mask_value("EMAIL_ADDRESS", f"{local}@{domain}") == f"{local[0]}***@{domain}"


def test_a_one_letter_email_is_not_shown_whole() -> None:
    masked = mask_value("EMAIL_ADDRESS", "s@example.co.th")
    assert masked == "***@example.co.th"


# -- scanners.subjects.normal_forms and spellings -----------------------------------------


@FAST
@given(st.sampled_from(normal_forms.SUBJECT_TYPES), st.text(max_size=40))
@example("PHONE_NUMBER", "+66 (0)81-234-5678")
@example("EMAIL_ADDRESS", " Somchai.J@Example.CO.TH ")
def test_subject_normal_forms_are_stable(subject_type: str, value: str) -> None:
    try:
        normal = normal_forms.normalise(subject_type, value)
    except ValueError as exc:
        assert value.strip() == "" or value.strip() not in str(exc) or len(value.strip()) < 3
        return
    assert normal_forms.normalise(subject_type, normal) == normal
    assert spellings.digest(subject_type, value) == spellings.digest(subject_type, normal)
    variants = spellings.lookup_variants(subject_type, normal)
    assert variants[0] == normal
    assert all(normal_forms.normalise(subject_type, v) == normal for v in variants)
    assert spellings.parse_subject(subject_type, value).clear == normal


@FAST
@given(DIGITS, st.sampled_from(["", "-", " ", "."]), st.booleans())
def test_every_spelling_of_a_national_id_has_one_normal_form(
    first12: str, separator: str, thai: bool
) -> None:
    number = thai_id(first12)
    written = separator.join((number[0], number[1:5], number[5:10], number[10:12], number[12]))
    if thai:
        written = "".join(THAI_DIGITS[int(c)] if c.isdigit() else c for c in written)
    assert normal_forms.normalise("TH_NATIONAL_ID", written) == number
    assert normal_forms.normalise_cell("TH_NATIONAL_ID", int(number)) == number


@FAST
@given(
    st.sampled_from(normal_forms.SUBJECT_TYPES),
    st.one_of(
        st.text(max_size=30),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.binary(max_size=10),
        st.none(),
        st.booleans(),
        st.dates(),
    ),
)
def test_normalise_cell_is_total(subject_type: str, cell: object) -> None:
    normal = normal_forms.normalise_cell(subject_type, cell)
    assert normal is None or normal_forms.normalise(subject_type, normal) == normal


@FAST
@given(st.sampled_from(normal_forms.SUBJECT_TYPES), ANY_TEXT)
@example("EMAIL_ADDRESS", "\ud800@example.co.th")
def test_any_subject_text_parses_or_is_a_value_error(subject_type: str, text: str) -> None:
    """Lone surrogates included: the erasure loader and ``pdpa-agent subject`` catch
    ValueError (UnicodeEncodeError is one) and report the line."""
    try:
        subject = spellings.parse_subject(subject_type, text)
    except ValueError:
        return
    assert subject.digest.startswith("sha256:") and len(subject.digest) == 71


# -- agent.inputs.schedule_spec -------------------------------------------------------

SCHEDULE_WORDS = st.sampled_from(
    [
        *("every", "day", "days", "hour", "hours", "minute", "minutes", "week", "weeks", "at"),
        *WEEKDAYS,
        *("2", "02:00", "24:00", "7:5", "0", "527041", "99999999999", "๒", "  ", "\t"),
    ]
)


@FAST
@given(st.one_of(ANY_TEXT, st.lists(SCHEDULE_WORDS, max_size=5).map(" ".join)))
@example("every week at 01:00")
@example("every 99999999999999999999 days")
@example("every 527040 minutes")
def test_a_schedule_parses_into_something_the_scheduler_runs(text: str) -> None:
    try:
        spec = parse_schedule(text)
    except ValueError:
        return
    assert isinstance(spec, ScheduleSpec) and spec.interval >= 1
    scheduler = build_scheduler(spec, lambda: None)  # what `pdpa-agent run` does at start
    assert scheduler.next_run is not None
    assert scheduler.next_run - datetime.now() <= timedelta(days=367)


def test_schedules_the_scheduler_cannot_run_are_refused() -> None:
    for text in ("every week at 01:00", "every 2 weeks at 02:00", "every 400 days"):
        with pytest.raises(ValueError):
            parse_schedule(text)
    assert parse_schedule("every ๒ days at ๐๒:๓๐") == ScheduleSpec(2, "days", "02:30")


# -- scanners.classification.classify / value_shapes: any sampled value ----------------------

ANY_VALUE = st.one_of(
    ANY_TEXT,
    st.text(min_size=MAX_VALUE_CHARS, max_size=MAX_VALUE_CHARS + 50),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.binary(max_size=20),
    st.binary(max_size=20).map(memoryview),
    st.binary(max_size=20).map(bytearray),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.none(),
    st.booleans(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@FAST
@given(ANY_VALUE, st.sampled_from(list(ValueKind)), st.sampled_from(list(PiiType)))
def test_any_sampled_value_is_prepared_or_skipped(
    value: object, kind: ValueKind, pii_type: PiiType
) -> None:
    prepared = prepare_value(value, kind)
    assert prepared is None or isinstance(prepared, (str, date))
    if isinstance(prepared, str):
        assert 0 < len(prepared) <= MAX_VALUE_CHARS
        prepared.encode("utf-8")
        has_shape(pii_type, prepared)
    has_shape(pii_type, value)


def test_values_too_big_to_print_are_skipped() -> None:
    assert prepare_value(10**5000, ValueKind.INTEGER) is None  # str() would raise ValueError
    assert prepare_value(" " * 5_000_000 + "x", ValueKind.TEXT) == "x"
    assert prepare_value(("ก" * 3000).encode()[:-1], ValueKind.BINARY) == "ก" * 2000


# -- user files: random documents --------------------------------------------


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


def register(path: Path) -> object:
    return load_register(path, {"hr", "share"})


def access(path: Path) -> object:
    return load_access_list(path, {"hr", "share"})


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


# -- user files: explicit hostile cases --------------------------------------

ENTRY = (
    '[[datasets]]\nid = "{id}"\nsource = "hr"\nmatch = "{match}"\nlegal_basis = "contract"\n'
    'owner = "hr@example.co.th"\n'
)


def problem_lines(load, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigProblems) as caught:
        load(path)
    lines = [str(p) for p in caught.value.problems]
    assert lines and all(line.startswith(str(path)) for line in lines), lines
    return lines


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('[agent]\nworkers = "two"\n', "agent.workers: Input should be a valid integer"),
        ("[agent]\nworkers = 2\ncolour = 1\n", "agent.colour: unknown key"),
        ('[agent]\n"\\u001b[2J" = 1\n', "agent.\\x1b[2J: unknown key"),  # escaped, not run
        ("[detection]\nsample_rows = 1e400\n", "detection.sample_rows"),
        ("sources = 5\n", "sources: Input should be a valid list"),
        ('[agent]\nschedule = "every week at 01:00"\n', "'at' needs a day or weekday unit"),
        ('[agent]\nschedule = "every 9999999 days"\n', "at most 366 days"),
        # a share folder missing at load time is the source's SCAN_ERROR at scan time
        # (tests/safety/test_source_faults.py), not a configuration error
        ('[[sources]]\nname = "s"\nkind = "files"\npath = "~nosuchuser/share"\n', None),
        ('[[sources]]\nname = "s"\nkind = "files"\npath = "' + "x" * 5000 + '"\n', None),
        ("[agent\n", "invalid TOML"),
        ("", None),  # an empty config is the defaults
    ],
)
def test_wrong_types_and_unknown_keys_in_the_config(
    tmp_path: Path, text: str, fragment: str | None
) -> None:
    path = tmp_path / "pdpa-agent.toml"
    path.write_text(text, encoding="utf-8")
    if fragment is None:
        assert isinstance(load_config(path), LoadedConfig)
        return
    lines = problem_lines(load_config, path)
    assert any(fragment in line for line in lines), lines


def test_bom_crlf_and_cr_only_files_load(tmp_path: Path) -> None:
    config = tmp_path / "pdpa-agent.toml"
    config.write_bytes(b"\xef\xbb\xbf[agent]\r\nworkers = 3\r\n")
    assert load_config(config).config.agent.workers == 3
    entries = ENTRY.format(id="A", match="x") + ENTRY.format(id="B", match="y")
    toml = tmp_path / "register.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + entries.replace("\n", "\r\n").encode())
    assert [e.id for e in register(toml)] == ["A", "B"]
    rows = "id,source,match,legal_basis,owner\rA,hr,x,contract,hr@example.co.th\r"
    csv_path = tmp_path / "register.csv"
    csv_path.write_bytes(b"\xef\xbb\xbf" + rows.encode())
    assert [e.id for e in register(csv_path)] == ["A"]
    erasure = tmp_path / "erasure.csv"
    erasure.write_bytes(
        b"\xef\xbb\xbfsubject_type,subject_value,requested_at,kind\r\n"
        b"TH_NATIONAL_ID,1103700001239,2026-01-01,erasure\r"
        b"EMAIL_ADDRESS,a@example.co.th,2026-01-02,consent_withdrawn\r\n"
    )
    assert [r.kind for r in load_erasure_requests(erasure)] == ["erasure", "consent_withdrawn"]


def test_duplicate_ids_empty_and_missing_files(tmp_path: Path) -> None:
    duplicated = tmp_path / "register.toml"
    duplicated.write_text(
        ENTRY.format(id="A", match="x") + ENTRY.format(id="A", match="y"), encoding="utf-8"
    )
    assert sum("duplicate register id 'A'" in p for p in problem_lines(register, duplicated)) == 2
    empty = tmp_path / "empty.toml"
    empty.write_bytes(b"")
    assert register(empty) == () and access(empty) == ()
    empty_csv = tmp_path / "empty.csv"
    empty_csv.write_bytes(b"")
    assert register(empty_csv) == ()
    assert "header must be" in problem_lines(load_erasure_requests, empty_csv)[0]
    for load in (register, access, load_erasure_requests, load_config):
        absent = tmp_path / "absent.csv" if load is load_erasure_requests else tmp_path / "a.toml"
        assert problem_lines(load, absent)[0].endswith("not found")


def test_directories_fifos_devices_and_bad_names_are_refused_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert problem_lines(load_config, folder)[0].endswith("is a directory")
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)  # nobody writes: a read would block for ever
    assert problem_lines(load_config, fifo)[0].endswith("is not a regular file")
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")  # endless
    assert problem_lines(load_erasure_requests, zero)[0].endswith("is not a regular file")
    nul = tmp_path / "a\x00b.toml"
    assert problem_lines(register, nul)[0].endswith("not a valid file name")


def test_ten_megabyte_files(tmp_path: Path) -> None:
    padding = "# " + "x" * 1000 + "\n"
    config = tmp_path / "pdpa-agent.toml"
    config.write_text(padding * 10_000 + "[agent]\nworkers = 3\n", encoding="utf-8")
    assert config.stat().st_size > 10_000_000
    assert load_config(config).config.agent.workers == 3
    garbage = tmp_path / "erasure.csv"
    garbage.write_bytes(b"subject_type,subject_value,requested_at,kind\n" + b"\xff" * 10_000_000)
    assert "not UTF-8" in problem_lines(load_erasure_requests, garbage)[0]
    long_cell = tmp_path / "register.csv"
    long_cell.write_text("id,source\n" + "y" * 10_000_000 + ",hr\n", encoding="utf-8")
    assert any("row 2" in p for p in problem_lines(register, long_cell))


def test_zip_bomb_register_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "register.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(20):
                member.write(bytes(1024 * 1024))
    assert "zip bomb" in problem_lines(register, path)[0]


# -- the CLI on bad user files -----------------------------------------------

REPO = REPO_ROOT


def run_cli(config: Path, command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent", "-c", str(config), command],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=config.parent,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.mark.parametrize(
    ("name", "content", "blamed"),
    [
        ("unknown_key.toml", b"[agent]\nworkers = 2\ncolour = 1\n", "unknown_key.toml"),
        ("garbage.toml", b"\x00\xff\xfe garbage \x89PNG", "garbage.toml"),
        ("missing_register.toml", b'[register]\npath = "absent.csv"\n', "absent.csv"),
        ("bad_schedule.toml", b'[agent]\nschedule = "every week at 01:00"\n', "bad_schedule.toml"),
    ],
)
def test_cli_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, name: str, content: bytes, blamed: str
) -> None:
    config = tmp_path / name
    config.write_bytes(content)
    checked = run_cli(config, "check-config")
    assert checked.returncode == 2
    assert "Traceback" not in checked.stdout + checked.stderr
    problems = checked.stdout.splitlines()
    assert len(problems) == 1 and blamed in problems[0], checked.stdout
    scanned = run_cli(config, "scan")
    assert scanned.returncode == 2
    assert "Traceback" not in scanned.stdout + scanned.stderr
    errors = [line for line in scanned.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("pdpa-agent: error: ") and blamed in errors[0]
