"""Triage values: an acceptance holds through its ``until`` day and re-opens the day after."""

from __future__ import annotations

from datetime import date

import pytest

from scanners.model.triage import AGENT_ACTOR, Triage, effective, is_set_aside

UNTIL = date(2027, 1, 31)


def triage(status: str, until: date | None = None) -> Triage:
    return Triage("f-1", status, "dpo@example.co.th", "2026-12-05T00:00:00+00:00", "why", until)


@pytest.mark.parametrize(
    ("status", "until", "today", "set_aside"),
    [
        ("accepted", UNTIL, date(2027, 1, 30), True),
        ("accepted", UNTIL, UNTIL, True),  # the last day it holds
        ("accepted", UNTIL, date(2027, 2, 1), False),  # the day after: open again
        ("false_positive", None, date(2030, 1, 1), True),  # no expiry
        ("acknowledged", None, UNTIL, False),  # trap: seen is not set aside
        ("in_progress", None, UNTIL, False),
        ("open", None, UNTIL, False),
    ],
)
def test_set_aside(status: str, until: date | None, today: date, set_aside: bool) -> None:
    assert is_set_aside(triage(status, until), today) is set_aside


def test_no_triage_is_not_set_aside() -> None:
    assert is_set_aside(None, UNTIL) is False


def test_an_expired_acceptance_is_open_and_says_so() -> None:
    shown = effective(triage("accepted", UNTIL), date(2027, 2, 1))
    assert (shown.status, shown.by) == ("open", AGENT_ACTOR)
    assert "2027-01-31" in shown.reason and "expired" in shown.reason


def test_a_current_acceptance_is_unchanged() -> None:
    current = triage("accepted", UNTIL)
    assert effective(current, UNTIL) is current
