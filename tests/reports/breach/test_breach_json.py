"""``breach.json``: every field, JSON round trip, and the 72-hour clock across time zones."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reports.breach.breach_json import breach_document
from tests.reports.breach.samples import (
    ASSESSED_AT,
    FACTORS,
    HOSTILE,
    LATE,
    PEOPLE,
    document,
    grade,
    impact,
    incident,
)


def test_document_round_trips_through_json() -> None:
    doc = document("high")
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc
    assert doc["id"] == "BR-2026-0001"
    assert doc["schema_version"] == 1
    assert doc["assessed_at"] == "2026-12-05T02:30:00+00:00"


def test_incident_keeps_every_field_and_its_offset() -> None:
    got = document("high")["incident"]
    assert got == {
        "title": "มัลแวร์บนเว็บไซต์รับสมัครงาน",
        "aware_at": "2026-12-04T09:30:00+07:00",
        "occurred_from": "2026-11-01",
        "occurred_to": "2026-12-04",
        "kinds": ["confidentiality"],
        "description": incident().description,
        "encrypted_at_rest": False,
        "exfiltrated": "unknown",
        "restored_from_backup": True,
        "recipients_contained": False,
        "reported_by": "it-security@example.co.th",
        "origin": "incident.toml",
        "scope": [
            {"source": "skyport_pg", "datasets": ["jobs.*"], "affected_people": None},
            {"source": "fileshare", "datasets": ["Recruitment/**"], "affected_people": 15},
        ],
    }


def test_impact_per_dataset_totals_and_unscanned() -> None:
    got = document("high")["impact"]
    first = got["datasets"][0]
    assert set(first) == {
        "source",
        "dataset",
        "types",
        "sensitive",
        "rows",
        "people",
        "people_basis",
        "people_estimated",
        "minors",
        "minors_basis",
        "register_id",
        "owner",
        "scanned_in",
    }
    assert first["people"] == 1_204 and first["minors"] == 37 and first["sensitive"] == ["HEALTH"]
    assert got["datasets"][1]["minors"] is None and got["datasets"][1]["people_estimated"] is True
    totals = got["totals"]
    assert totals["people"] == PEOPLE and totals["rows"] == 1_265 and totals["minors"] == 37
    assert totals["minors_known"] is True
    assert totals["sensitive"] == ["HEALTH"]
    assert "TH_NATIONAL_ID" in totals["identifiers"] and "HEALTH" not in totals["identifiers"]
    assert got["unscanned"] == ["fileshare: Recruitment/archive/**"]


def test_grade_lists_every_factor_in_order() -> None:
    got = document("high")["grade"]
    assert (got["level"], got["likelihood"], got["severity"]) == ("high", 3, 4)
    assert got["notify_office"] is True and got["notify_subjects"] is True
    assert [f["code"] for f in got["factors"]] == [f.code for f in FACTORS]
    assert got["factors"][3] == {
        "code": "RESTORED_FROM_BACKUP",
        "effect": "lowers",
        "th": "กู้คืนจากข้อมูลสำรองแล้ว",
        "en": "Restored from backup",
    }
    assert HOSTILE in got["factors"][4]["en"]  # JSON keeps the text as given


def test_clock_in_the_incident_offset_and_in_utc_with_now_in_utc() -> None:
    clock = document("high")["clock"]  # now = 2026-12-05T02:30Z
    assert clock["aware_at"] == "2026-12-04T09:30:00+07:00"
    assert clock["aware_at_utc"] == "2026-12-04T02:30:00+00:00"
    assert clock["deadline"] == "2026-12-07T09:30:00+07:00"
    assert clock["deadline_utc"] == "2026-12-07T02:30:00+00:00"
    assert clock["as_of"] == "2026-12-05T02:30:00+00:00"
    assert clock["hours_left"] == 48.0 and isinstance(clock["hours_left"], float)
    assert clock["overdue"] is False
    assert clock["left"] == {"th": "เหลือ 48 ชั่วโมง 0 นาที", "en": "48 h 0 min left"}


def test_clock_after_the_deadline() -> None:
    clock = document("high", now=LATE)["clock"]  # 2026-12-07T08:00Z
    assert clock["hours_left"] == -5.5
    assert clock["overdue"] is True
    assert clock["left"] == {
        "th": "เลยกำหนดมาแล้ว 5 ชั่วโมง 30 นาที",
        "en": "overdue by 5 h 30 min",
    }


def test_hours_left_is_a_fraction_of_hours() -> None:
    now = datetime(2026, 12, 6, 12, 10, tzinfo=UTC)  # 14 h 20 min before 02:30Z next day
    assert document("risk", now=now)["clock"]["hours_left"] == 14.33


def test_naive_now_and_assessed_at_are_utc() -> None:
    naive = datetime(2026, 12, 5, 2, 30)
    doc = breach_document("B", incident(), impact(), grade("risk"), naive, naive)
    assert doc["assessed_at"] == "2026-12-05T02:30:00+00:00"
    assert doc["clock"]["hours_left"] == 48.0


def test_an_incident_in_utc_keeps_utc() -> None:
    aware = datetime(2026, 12, 4, 2, 30, tzinfo=UTC)
    doc = breach_document(
        "B", replace(incident(), aware_at=aware), impact(), grade("risk"), ASSESSED_AT, ASSESSED_AT
    )
    assert doc["incident"]["aware_at"] == "2026-12-04T02:30:00+00:00"
    assert doc["clock"]["deadline"] == doc["clock"]["deadline_utc"] == "2026-12-07T02:30:00+00:00"


def test_naive_aware_at_is_refused() -> None:
    naive = replace(incident(), aware_at=datetime(2026, 12, 4, 9, 30))
    with pytest.raises(ValueError, match="time zone"):
        breach_document("B", naive, impact(), grade("risk"), ASSESSED_AT, ASSESSED_AT)
