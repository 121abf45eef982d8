"""End to end on real data nobody on this project wrote: the Chinook sample database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent.inputs.config_loader import load_config
from agent.scan.runner import ScanPlan, run_scan
from scanners.detection.engine import DetectionEngine
from scanners.model.result import ScanResult

EXPECTED = {
    "main.Customer": {
        "FirstName": "PERSON",
        "LastName": "PERSON",
        "Address": "ADDRESS",
        "Phone": "PHONE_NUMBER",
        "Fax": "PHONE_NUMBER",
        "Email": "EMAIL_ADDRESS",
        "PostalCode": "POSTAL_CODE",
    },
    "main.Employee": {
        "FirstName": "PERSON",
        "LastName": "PERSON",
        "BirthDate": "DATE_OF_BIRTH",
        "Address": "ADDRESS",
        "Phone": "PHONE_NUMBER",
        "Fax": "PHONE_NUMBER",
        "Email": "EMAIL_ADDRESS",
    },
}
NO_PERSONAL_DATA = (
    "main.Album",
    "main.Genre",
    "main.MediaType",
    "main.Playlist",
    "main.PlaylistTrack",
    "main.InvoiceLine",
)
NOT_DOB = {("main.Employee", "HireDate"), ("main.Invoice", "InvoiceDate")}


@pytest.fixture(scope="module")
def chinook_result(
    tmp_path_factory: pytest.TempPathFactory, shared_data: Path, detection_engine: DetectionEngine
) -> ScanResult:
    folder = tmp_path_factory.mktemp("chinook")
    config = folder / "pdpa-agent.toml"
    config.write_text(
        f'[[sources]]\nname = "chinook"\nkind = "database"\n'
        f'url = "sqlite:///{shared_data / "chinook.sqlite"}"\n',
        encoding="utf-8",
    )
    loaded = load_config(config)
    return run_scan(ScanPlan(loaded, tuple(loaded.config.sources)), detection_engine)


def columns_of(result: ScanResult, dataset: str) -> dict[str, set[str]]:
    found = next(d for d in result.datasets if d.name == dataset)
    return {c.name: {m.type for m in c.pii} for c in found.columns}


def test_all_eleven_tables_scanned_without_error(chinook_result: ScanResult) -> None:
    assert chinook_result.sources[0].status == "ok"
    assert len(chinook_result.datasets) == 11
    assert all(d.error is None for d in chinook_result.datasets)


@pytest.mark.parametrize("dataset", sorted(EXPECTED))
def test_people_columns_are_found(chinook_result: ScanResult, dataset: str) -> None:
    columns = columns_of(chinook_result, dataset)
    for column, pii_type in EXPECTED[dataset].items():
        assert pii_type in columns[column], (column, columns[column])


@pytest.mark.parametrize("dataset", NO_PERSONAL_DATA)
def test_catalogue_tables_hold_no_personal_data(chinook_result: ScanResult, dataset: str) -> None:
    assert all(not types for types in columns_of(chinook_result, dataset).values())


def test_other_dates_are_not_birth_dates(chinook_result: ScanResult) -> None:
    for dataset, column in NOT_DOB:
        assert "DATE_OF_BIRTH" not in columns_of(chinook_result, dataset)[column]


def test_ids_and_titles_are_not_personal_data(chinook_result: ScanResult) -> None:
    customer = columns_of(chinook_result, "main.Customer")
    employee = columns_of(chinook_result, "main.Employee")
    assert customer["CustomerId"] == set() and customer["SupportRepId"] == set()
    assert employee["Title"] == set() and employee["EmployeeId"] == set()


def test_unregistered_findings(chinook_result: ScanResult) -> None:
    unregistered = {f.dataset for f in chinook_result.findings if f.type == "PII_UNREGISTERED"}
    assert {"main.Customer", "main.Employee"} <= unregistered
    assert not unregistered & set(NO_PERSONAL_DATA)


def test_no_raw_personal_value_reaches_the_report(
    chinook_result: ScanResult, shared_data: Path
) -> None:
    from reports.formats.json_report import to_json_text

    report = to_json_text(chinook_result)
    with sqlite3.connect(f"file:{shared_data / 'chinook.sqlite'}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT FirstName || ' ' || LastName, Email, Phone, Address FROM Customer "
            "UNION ALL SELECT FirstName || ' ' || LastName, Email, Phone, Address FROM Employee"
        ).fetchall()
    planted = {value for row in rows for value in row if value and len(value) >= 6}
    assert len(planted) > 200
    assert [v for v in planted if v in report] == []
    evidence = [e for d in chinook_result.datasets for c in d.columns for e in c.evidence]
    assert evidence, "masked evidence is expected for the columns found"
