"""Classification overrides: the pure rules (globs, first match wins, [] removes) and the loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from agent.inputs.overrides_loader import load_overrides
from agent.inputs.problems import ConfigProblems
from scanners.classification.overrides import (
    Override,
    apply_overrides,
    apply_to_dataset,
    detected_columns,
    override_for,
    unmatched_overrides,
)
from scanners.model.result import ColumnResult, DatasetResult, PiiMatch

SOURCES = {"hr", "share"}
DAY = date(2026, 12, 4)


def override(dataset: str, column: str, types: tuple[str, ...], source: str = "hr") -> Override:
    return Override(source, dataset, column, types, "because", "dpo@example.co.th", DAY)


NAME = ColumnResult("name_th", 100, (PiiMatch("PERSON", 0.9, 0.8),), ("ส***",), ("PERSON: r",))
PHONE = ColumnResult("phone", 100, (PiiMatch("PHONE_NUMBER", 0.95, 0.9),))
NOTES = ColumnResult("notes", 100)


# --- pure rules ---------------------------------------------------------------------------


def test_empty_types_remove_every_detected_type_and_keep_what_was_detected() -> None:
    (name,) = apply_overrides(
        [override("public.holidays", "name_*", ())], "hr", "public.holidays", [NAME]
    )
    assert name.pii == ()
    assert name.override is not None and name.override.types == ()
    assert name.override.detected == NAME.pii
    assert (name.evidence, name.reasons) == (NAME.evidence, NAME.reasons)


def test_explicit_types_replace_and_keep_detected_scores() -> None:
    rule = override("public.*", "*", ("PHONE_NUMBER", "HEALTH"))
    phone, notes = apply_overrides([rule], "hr", "public.staff", [PHONE, NOTES])
    assert phone.pii == (PiiMatch("PHONE_NUMBER", 0.95, 0.9), PiiMatch("HEALTH", 1.0, 0.0))
    assert notes.pii == (PiiMatch("PHONE_NUMBER", 1.0, 0.0), PiiMatch("HEALTH", 1.0, 0.0))
    assert notes.override is not None and notes.override.detected == ()


@pytest.mark.parametrize(
    ("source", "dataset", "column", "applies"),
    [
        ("hr", "public.holidays", "name_th", True),
        ("hr", "public.holidays", "name", False),  # "name_*" needs the underscore
        ("hr", "public.holiday", "name_th", False),
        ("hr", "PUBLIC.HOLIDAYS", "name_th", False),  # globs are case-sensitive
        ("share", "public.holidays", "name_th", False),  # another source
    ],
)
def test_globs_on_source_dataset_and_column(
    source: str, dataset: str, column: str, applies: bool
) -> None:
    rule = override("public.holi*s", "name_*", ())
    assert (override_for([rule], source, dataset, column) is not None) is applies


def test_the_first_matching_override_in_file_order_wins() -> None:
    first = override("public.*", "name_*", ())
    second = override("public.holidays", "name_th", ("PERSON",))
    (name,) = apply_overrides([first, second], "hr", "public.holidays", [NAME])
    assert name.pii == () and override_for([second, first], "hr", "public.holidays", "name_th")


def test_columns_no_override_covers_are_unchanged_and_applying_twice_is_stable() -> None:
    rules = [override("public.a", "phone", ())]
    once = apply_overrides(rules, "hr", "public.a", [NAME, PHONE])
    assert once[0] is NAME
    assert apply_overrides(rules, "hr", "public.a", once) == once
    assert detected_columns(once) == (NAME, PHONE)
    # an override removed from the file: the detected types come back
    assert apply_overrides([], "hr", "public.a", once) == (NAME, PHONE)


def test_a_dataset_whose_personal_columns_are_all_overridden_has_no_personal_data() -> None:
    dataset = DatasetResult("hr", "public.holidays", "table", 10, None, (NAME, NOTES))
    decided = apply_to_dataset([override("public.holidays", "*", ())], dataset)
    assert dataset.pii_types == {"PERSON"} and decided.pii_types == frozenset()
    assert apply_to_dataset([override("public.other", "*", ())], dataset) is dataset


def test_unmatched_overrides_only_for_sources_scanned_and_readable_datasets() -> None:
    datasets = [
        DatasetResult("hr", "public.staff", "table", 1, None, (NAME, PHONE)),
        DatasetResult("hr", "public.broken", "unknown", None, None, (), error="denied"),
    ]
    matched = override("public.staff", "phone", ())
    no_column = override("public.staff", "fax", ())
    no_dataset = override("public.gone", "*", ())
    unreadable = override("public.broken", "x", ())  # its columns are unknown
    other_source = override("x", "*", (), source="share")  # not scanned (or failed)
    rules = [matched, no_column, no_dataset, unreadable, other_source]
    assert unmatched_overrides(rules, datasets, ["hr"]) == (no_column, no_dataset)


# --- loader -------------------------------------------------------------------------------

VALID = """\
[[overrides]]
source = "hr"
dataset = "public.holidays"        # glob
column = "name_*"                  # glob
types = []
reason = "names of public holidays"
decided_by = "dpo@example.co.th"
decided_at = 2569-12-04

[[overrides]]
source = "share"
dataset = "hr/*.csv"
column = "note"
types = ["HEALTH", "HEALTH", "PERSON"]
reason = "sick-leave notes"
decided_by = "dpo@example.co.th"
decided_at = "2026-12-05"
"""

HEADER = ["source", "dataset", "column", "types", "reason", "decided_by", "decided_at"]


def problems(path: Path) -> list[str]:
    with pytest.raises(ConfigProblems) as caught:
        load_overrides(path, SOURCES)
    return [str(p) for p in caught.value.problems]


def test_toml_overrides_load_in_file_order_with_buddhist_era_dates(tmp_path: Path) -> None:
    path = tmp_path / "overrides.toml"
    path.write_text(VALID, encoding="utf-8")
    first, second = load_overrides(path, SOURCES)
    assert first == Override(
        "hr", "public.holidays", "name_*", (), "names of public holidays", "dpo@example.co.th", DAY
    )
    assert first.origin == "overrides.toml:1" and second.origin == "overrides.toml:10"
    assert second.types == ("HEALTH", "PERSON") and second.decided_at == date(2026, 12, 5)


def test_csv_overrides_lists_by_semicolon_and_an_empty_types_cell_is_none(tmp_path: Path) -> None:
    path = tmp_path / "overrides.csv"
    path.write_text(
        ",".join(HEADER) + "\n"
        "hr,public.holidays,name_*,,names of public holidays,dpo@example.co.th,04/12/2569\n"
        'share,hr/*,note,"HEALTH; PERSON",sick-leave notes,dpo@example.co.th,2026-12-05\n',
        encoding="utf-8",
    )
    first, second = load_overrides(path, SOURCES)
    assert (first.types, first.decided_at, first.origin) == ((), DAY, "overrides.csv:2")
    assert second.types == ("HEALTH", "PERSON")


def test_xlsx_overrides_with_date_cells_and_row_problems(tmp_path: Path) -> None:
    path = tmp_path / "overrides.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["hr", "public.a", "*", None, "not personal", "dpo@example.co.th", DAY])
    sheet.append(["hr", "public.b", "*", "PERSON", "x", "dpo@example.co.th", "yesterday"])
    book.save(path)
    found = problems(path)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:3: row 3 (column decided_at): decided_at: ")
    sheet.delete_rows(3)
    book.save(path)
    (only,) = load_overrides(path, SOURCES)
    assert (only.types, only.decided_at, only.origin) == ((), DAY, "overrides.xlsx:2")


@pytest.mark.parametrize(
    ("change", "line", "fragment"),
    [
        (('reason = "names of public holidays"', 'reason = "x"\ncolour = "red"'), 7, "colour"),
        (("types = []", 'types = "PERSON"'), 5, "types: Input should be a valid list"),
        (("types = []", 'types = ["SHOE_SIZE"]'), 5, "types.0"),
        (('source = "hr"', 'source = "ghost"'), 2, "no source named 'ghost'"),
        (('reason = "names of public holidays"\n', ""), 1, "reason: required key is missing"),
        (('reason = "names of public holidays"', 'reason = "  "'), 6, "reason: String should"),
        (('decided_by = "dpo@example.co.th"\n', ""), 1, "decided_by: required key is missing"),
        (("decided_at = 2569-12-04\n", ""), 1, "decided_at: required key is missing"),
        (("decided_at = 2569-12-04", 'decided_at = "next week"'), 8, "decided_at: Value error"),
        (("decided_at = 2569-12-04", "decided_at = 2568-02-29"), 8, "Buddhist era"),
        (("types = []\n", ""), 1, "types: required key is missing"),
        (('column = "name_*"', "column = name_*"), 4, "invalid TOML"),
        (("[[overrides]]", "[[override]]"), 1, "unknown table; expected [[overrides]]"),
    ],
)
def test_every_problem_names_file_and_line(
    tmp_path: Path, change: tuple[str, str], line: int, fragment: str
) -> None:
    path = tmp_path / "overrides.toml"
    first = VALID.split("\n\n")[0] + "\n"
    assert change[0] in first
    path.write_text(first.replace(change[0], change[1], 1), encoding="utf-8")
    found = problems(path)
    assert any(p.startswith(f"{path}:{line}: ") and fragment in p for p in found), found


def test_every_bad_override_is_reported_not_only_the_first(tmp_path: Path) -> None:
    path = tmp_path / "overrides.toml"
    path.write_text(
        VALID.replace('source = "share"', 'source = "ghost"').replace("types = []", "types = 1"),
        encoding="utf-8",
    )
    found = problems(path)
    assert [p.split(": ")[0] for p in found] == [f"{path}:5", f"{path}:11"]


def test_a_missing_or_foreign_file_is_one_clear_problem(tmp_path: Path) -> None:
    assert problems(tmp_path / "absent.toml") == [
        f"{tmp_path / 'absent.toml'}: overrides file not found"
    ]
    (tmp_path / "overrides.json").write_text("{}", encoding="utf-8")
    (found,) = problems(tmp_path / "overrides.json")
    assert "must be a .toml, .csv or .xlsx file" in found
