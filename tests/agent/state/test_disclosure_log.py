"""The disclosure log in the state store (``agent.state.disclosures``) on SQLite and PostgreSQL.

A disclosure is recorded and read back field by field (UTC datetimes, dates,
the treatments in extract order, Thai text); an id already logged is refused;
each follow-up answer moves the disclosure on as SPEC §10 says (``still_needed``
sets the next date, ``deleted``/``returned`` close it, ``no_answer`` keeps it
due), and what the log refuses leaves it unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from agent.state.disclosures import (
    get_disclosure,
    list_disclosures,
    open_disclosures,
    record_disclosure,
    record_followup,
)
from agent.state.store import StateStore
from connectors.errors import ConfigError
from scanners.model.disclosure import FollowUp
from tests.agent.state.conftest import BANGKOK, _disclosure

ANSWERED = datetime(2027, 6, 5, 9, 15, 0, 250000, tzinfo=BANGKOK)


@pytest.fixture
def store(state_url: str) -> Iterator[StateStore]:
    with StateStore(state_url) as state:
        yield state


def test_record_and_get_round_trip_every_field(store: StateStore) -> None:
    record = _disclosure("REQ-2026-014")
    bare = _disclosure(
        "REQ-2026-015",
        day=2,
        register_id=None,
        owner=None,
        k=None,
        treatments=(),
        next_followup=None,
        sensitive_basis="explicit_consent",
        format="xlsx",
    )
    record_disclosure(store, record)
    record_disclosure(store, bare)

    got = get_disclosure(store, "REQ-2026-014")
    assert got == record  # every field, followups () and status "open" included
    assert got is not None
    assert got.disclosed_at.utcoffset() == timedelta(0)  # aware, in UTC
    assert got.disclosed_at == datetime(2026, 12, 4, 3, 30, 15, 123456, tzinfo=UTC)
    assert got.treatments == record.treatments  # the extract's order, Thai column kept
    assert type(got.next_followup) is date
    assert got.recipient == "คณะสาธารณสุขศาสตร์ มหาวิทยาลัยตัวอย่าง"
    assert get_disclosure(store, "REQ-2026-015") == bare
    assert get_disclosure(store, "REQ-nope") is None
    # Oldest first: REQ-2026-015 was disclosed two days earlier.
    assert [d.id for d in list_disclosures(store)] == ["REQ-2026-015", "REQ-2026-014"]
    assert [d.id for d in open_disclosures(store)] == ["REQ-2026-015", "REQ-2026-014"]


def test_record_with_followups_round_trips(store: StateStore) -> None:
    answers = (
        FollowUp("REQ-1", ANSWERED, "no_answer", "", "dpo@example.co.th", date(2027, 6, 4)),
        FollowUp("REQ-1", ANSWERED + timedelta(days=30), "deleted", "ลบแล้ว", "dpo", None),
    )
    record = _disclosure("REQ-1", status="closed", next_followup=None, followups=answers)
    record_disclosure(store, record)
    assert get_disclosure(store, "REQ-1") == record
    assert open_disclosures(store) == []


def test_an_id_already_logged_is_refused(store: StateStore) -> None:
    record_disclosure(store, _disclosure("REQ-2026-014"))
    with pytest.raises(ConfigError) as refused:
        record_disclosure(store, _disclosure("REQ-2026-014", day=9, recipient="someone else"))
    assert str(refused.value) == (
        "disclosure REQ-2026-014 is already in the log (recorded 2026-12-04 03:30 UTC); "
        "give the request a new id"
    )
    assert list_disclosures(store) == [_disclosure("REQ-2026-014")]


def test_still_needed_moves_the_next_followup(store: StateStore) -> None:
    record_disclosure(store, _disclosure("REQ-1"))
    record_disclosure(store, _disclosure("REQ-2"))
    now = record_followup(
        store,
        "REQ-1",
        "still_needed",
        "ยังใช้ข้อมูลอยู่ จนถึงสิ้นปีการศึกษา",
        "dpo@example.co.th",
        ANSWERED,
        date(2027, 12, 5),
    )
    assert (now.status, now.next_followup) == ("open", date(2027, 12, 5))
    assert now.followups == (
        FollowUp(
            disclosure_id="REQ-1",
            recorded_at=ANSWERED,
            status="still_needed",
            note="ยังใช้ข้อมูลอยู่ จนถึงสิ้นปีการศึกษา",
            by="dpo@example.co.th",
            next_followup=date(2027, 12, 5),
        ),
    )
    assert now.followups[0].recorded_at.utcoffset() == timedelta(0)
    assert get_disclosure(store, "REQ-1") == now
    assert not now.followup_due(date(2027, 6, 6))
    assert get_disclosure(store, "REQ-2") == _disclosure("REQ-2")  # the other one untouched


@pytest.mark.parametrize("answer", ["deleted", "returned"])
def test_deleted_or_returned_closes_the_disclosure(store: StateStore, answer: str) -> None:
    record_disclosure(store, _disclosure("REQ-1"))
    record_disclosure(store, _disclosure("REQ-2", day=5))
    # A date given with a closing answer is not kept: a closed disclosure has no follow-up.
    closed = record_followup(
        store, "REQ-1", answer, "ได้รับหนังสือยืนยัน", "dpo", ANSWERED, date(2027, 12, 5)
    )
    assert (closed.status, closed.next_followup, closed.is_open) == ("closed", None, False)
    assert [(f.status, f.next_followup) for f in closed.followups] == [(answer, None)]
    assert [d.id for d in open_disclosures(store)] == ["REQ-2"]
    assert [d.id for d in list_disclosures(store)] == ["REQ-1", "REQ-2"]
    assert not closed.followup_due(date(2030, 1, 1))


def test_no_answer_keeps_the_followup_due(store: StateStore) -> None:
    record_disclosure(store, _disclosure("REQ-1"))
    first = record_followup(store, "REQ-1", "no_answer", "โทรแล้วไม่มีผู้รับสาย", "dpo", ANSWERED, None)
    again = record_followup(
        store, "REQ-1", "no_answer", "", "dpo", ANSWERED + timedelta(days=7), date(2099, 1, 1)
    )
    for now in (first, again):
        assert (now.status, now.next_followup) == ("open", date(2027, 6, 4))
        assert now.followup_due(date(2027, 6, 5))  # still due: the recipient did not answer
    assert [(f.status, f.next_followup) for f in again.followups] == [
        ("no_answer", date(2027, 6, 4)),
        ("no_answer", date(2027, 6, 4)),
    ]
    assert [f.note for f in again.followups] == ["โทรแล้วไม่มีผู้รับสาย", ""]  # in order
    assert [d.id for d in open_disclosures(store)] == ["REQ-1"]


def test_a_followup_on_a_closed_disclosure_is_refused(store: StateStore) -> None:
    record_disclosure(store, _disclosure("REQ-1"))
    closed = record_followup(store, "REQ-1", "deleted", "", "dpo", ANSWERED, None)
    for answer in ("still_needed", "no_answer", "returned"):
        with pytest.raises(ConfigError, match=r"REQ-1 is closed \(deleted, 2027-06-05 02:15 UTC\)"):
            record_followup(store, "REQ-1", answer, "", "dpo", ANSWERED, date(2028, 1, 1))
    assert get_disclosure(store, "REQ-1") == closed


def test_unknown_id_or_status_is_refused_and_nothing_written(store: StateStore) -> None:
    record_disclosure(store, _disclosure("REQ-1"))
    with pytest.raises(ConfigError, match="REQ-9 is not in the log"):
        record_followup(store, "REQ-9", "deleted", "", "dpo", ANSWERED, None)
    with pytest.raises(ConfigError, match=r"unknown follow-up status 'gone'.*still_needed"):
        record_followup(store, "REQ-1", "gone", "", "dpo", ANSWERED, None)
    with pytest.raises(ValueError, match="still_needed"):
        record_followup(store, "REQ-1", "still_needed", "", "dpo", ANSWERED, None)
    assert list_disclosures(store) == [_disclosure("REQ-1")]
    assert get_disclosure(store, "REQ-9") is None


def test_a_record_the_log_could_not_read_back_is_refused(store: StateStore) -> None:
    stray = FollowUp("REQ-2", ANSWERED, "deleted", "", "dpo", None)
    for record in (
        _disclosure("REQ-1", status="archived"),
        _disclosure("REQ-1", followups=(stray,)),
        _disclosure(" "),
    ):
        with pytest.raises(ValueError):
            record_disclosure(store, record)
    assert list_disclosures(store) == []
