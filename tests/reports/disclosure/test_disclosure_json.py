"""``disclosure.json``: every field of the record, ISO dates, treatments and follow-ups as lists."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime

from reports.disclosure.disclosure_json import disclosure_to_dict
from scanners.model.disclosure import DisclosureRecord
from tests.reports.disclosure.samples import SHA, sample_record


def test_disclosure_json_round_trips_with_every_field() -> None:
    record = sample_record()
    data = disclosure_to_dict(record)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert set(data) == {f.name for f in dataclasses.fields(DisclosureRecord)}
    assert data["sha256"] == SHA
    assert (data["rows"], data["k"], data["approved_by"]) == (12840, 7, "dpo@example.co.th")
    assert data["next_followup"] == "2027-01-15"
    assert datetime.fromisoformat(data["disclosed_at"]) == record.disclosed_at
    assert data["treatments"][0] == {"column": "date_of_birth", "treatment": "birth_year"}
    assert len(data["treatments"]) == 4
    assert data["status"] == "open"


def test_followups_keep_every_field() -> None:
    followups = disclosure_to_dict(sample_record())["followups"]
    assert [f["status"] for f in followups] == ["still_needed", "no_answer"]
    assert followups[0] == {
        "disclosure_id": "DIS-2026-0003",
        "recorded_at": "2026-07-20T04:00:00+00:00",
        "status": "still_needed",
        "note": "ยังวิเคราะห์ไม่เสร็จ",
        "by": "dpo@example.co.th",
        "next_followup": "2027-01-15",
    }


def test_closed_record_has_null_next_followup() -> None:
    data = disclosure_to_dict(sample_record(next_followup=None, status="closed", k=None))
    assert (data["next_followup"], data["k"], data["status"]) == (None, None, "closed")
