"""Exact ERASURE_PENDING counts whatever form the requested subjects are written in.

The erasure requests name the subjects in clear (in assorted forms) or as
digests; the count of distinct requested subjects present must be the true
one in every table and file of the organisation, on every backend and the
share, with near misses beside them: through the register's subject_key,
through a classified column compared whole, or searched inside its text. A
column decided to hold no personal data is never searched.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agent.inputs.config_loader import load_config
from agent.inputs.erasure import due, load_erasure_requests
from agent.inputs.register_loader import load_register
from agent.scan.facts.erasure import erasure_facts
from agent.scan.facts.subjects import Target, search_targets
from agent.scan.runner import ScanPlan, run_scan
from connectors.files.connector import FilesConnector
from connectors.sql.database import DatabaseConnector
from scanners.detection.engine import DetectionEngine
from scanners.model.register import RegisterEntry
from scanners.model.result import ColumnOverride, ColumnResult, DatasetResult, PiiMatch
from tests.connectors.sql.written_forms.organisation import COLUMNS, FILES, ORG, TODAY
from tests.support.written_forms import EXPECTED


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


def test_a_column_decided_to_hold_no_personal_data_is_never_searched() -> None:
    decided = ColumnOverride((), "not people", "dpo@example.co.th", date(2026, 1, 1))
    columns = (
        ColumnResult("citizen_id", 10, (), override=decided),
        ColumnResult("notes", 10, (PiiMatch("PHONE_NUMBER", 0.9, 0.04),)),
    )
    dataset = DatasetResult("org", "main.people", "table", 10, None, columns)
    entry = RegisterEntry(id="HR-1", source="org", match="main.people", subject_key="citizen_id")
    assert search_targets(dataset, entry) == (Target("notes", "PHONE_NUMBER", True),)
