"""What an extract holds (SPEC §10), on every backend and file format: pseudonyms that link
within one recipient and not across recipients, and no value a treatment removed — checked
by scanning the extract with our own detection."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from connectors.files.connector import FilesConnector
from scanners.classification.classify import classify_dataset
from scanners.detection.engine import DetectionEngine
from tests.end_to_end.disclosure.conftest import run
from tests.support.dpo.disclosure_org import Setup, people, write_request

pytestmark = pytest.mark.usefixtures("pseudonym_key")

#: Types no column of the minimised extract may hold.
REMOVED_TYPES = {"PERSON", "TH_NATIONAL_ID", "PHONE_NUMBER", "DATE_OF_BIRTH", "ADDRESS"}


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["passenger_id"]: row for row in csv.DictReader(handle)}


def _extract(org: Setup, capsys: pytest.CaptureFixture[str], name: str, recipient: str) -> Path:
    columns = {"passenger_id": "keep", "national_id": "pseudonym", "full_name": "pseudonym"}
    path = write_request(org.folder, name, org.dataset, columns, recipient=recipient, id=name)
    out = org.folder / f"out_{name}"
    code, _, err = run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 0, err
    return out / "extract.csv"


def test_a_pseudonym_is_stable_for_one_recipient_and_unlinkable_across(
    org: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    first = _rows(_extract(org, capsys, "PSEUDO-A1", "Example University"))
    again = _rows(_extract(org, capsys, "PSEUDO-A2", "  example   UNIVERSITY "))
    other = _rows(_extract(org, capsys, "PSEUDO-B1", "Another Insurer Co., Ltd."))
    assert len(first) == len(other) == 60
    for key, row in first.items():
        assert row["national_id"] == again[key]["national_id"]
        assert row["full_name"] == again[key]["full_name"]
        assert row["national_id"] != other[key]["national_id"]
    pseudonyms = {row["national_id"] for row in first.values()}
    assert len(pseudonyms) == 60  # one per person
    clear = {p.national_id for p in people()}
    assert not pseudonyms & clear


def test_the_extract_holds_no_value_the_treatments_removed(
    org: Setup, capsys: pytest.CaptureFixture[str], detection_engine: DetectionEngine
) -> None:
    columns = {
        "passenger_id": "keep",
        "national_id": "pseudonym",
        "full_name": "pseudonym",
        "date_of_birth": "age_band",
        "address": "province",
        "gender": "keep",
        "phone": "mask",
        "notes": "keep",
    }
    path = write_request(org.folder, "minimised", org.dataset, columns, id="REQ-MIN")
    out = org.folder / "out_minimised"
    code, _, err = run(capsys, "-c", str(org.config), "disclose", str(path), "--out", str(out))
    assert code == 0, err

    text = (out / "extract.csv").read_text(encoding="utf-8-sig")
    for person in people():
        assert person.national_id not in text
        assert person.phone not in text and person.phone.replace("-", "") not in text
        assert person.full_name not in text
        assert person.full_name.split()[-1] not in text  # not even the surname
        assert person.address.split(" จ.")[0] not in text  # house and street are gone
    connector = FilesConnector(name="extract", root=out, include=["extract.csv"], exclude=[])
    connector.open()
    try:
        info = connector.describe("extract.csv")
        found = classify_dataset(connector.sample(info, 1000), detection_engine)
    finally:
        connector.close()
    held = {column.name: {m.type for m in column.pii} for column in found}
    assert set(held) == set(columns)
    assert all(not (types & REMOVED_TYPES) for types in held.values()), held
    notes = {row["notes"] for row in _rows(out / "extract.csv").values()}
    assert all("<PERSON>" in note and "<PHONE_NUMBER>" in note for note in notes)
