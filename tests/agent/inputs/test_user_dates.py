"""Dates users write (access list, erasure requests, overrides) in either era and any Thai form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from agent.inputs.access_loader import load_access_list
from agent.inputs.erasure import load_erasure_requests
from agent.inputs.problems import ConfigProblems
from agent.inputs.user_dates import read_user_date

JUNE_1 = date(2026, 6, 1)


@pytest.mark.parametrize(
    "value",
    [
        "2569-06-01",
        "2026-06-01",
        date(2569, 6, 1),
        JUNE_1,
        "01/06/2569",
        "01/06/2026",
        "1 มิ.ย. 2569",
        "1 มิถุนายน 2569",
        "๐๑/๐๖/๒๕๖๙",
        "2569-06-01 09:30:00",
        "2026-06-01T09:30:00",
    ],
)
def test_reads_either_era_and_thai_forms(value: object) -> None:
    assert read_user_date(value) == JUNE_1


@pytest.mark.parametrize("value", ["next week", "", "2569-13-01", "31/02/2569", "20260601x", 42])
def test_rejects_what_is_not_a_date(value: object) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        read_user_date(value)


def test_buddhist_leap_day_that_is_not_a_date() -> None:
    with pytest.raises(ValueError, match="Buddhist era"):
        read_user_date(date(2568, 2, 29))  # C.E. 2025 had no 29 February


def test_access_list_reviewed_at_in_buddhist_era(tmp_path: Path) -> None:
    path = tmp_path / "access.toml"
    path.write_text(
        "[[grants]]\n"
        'source = "hr"\ndataset = "public.*"\nprincipal = "hr_app"\n'
        'privileges = ["SELECT"]\napproved_by = "owner@example.co.th"\n'
        'reviewed_at = 2569-06-01\nreview_every = "6m"\n\n'
        "[[grants]]\n"
        'source = "hr"\ndataset = "public.x"\nprincipal = "bi"\n'
        'privileges = ["SELECT"]\napproved_by = "owner@example.co.th"\n'
        'reviewed_at = "01/06/2569"\n',
        encoding="utf-8",
    )
    grants = load_access_list(path, {"hr"})
    assert [g.reviewed_at for g in grants] == [JUNE_1, JUNE_1]


def test_access_list_bad_date_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "access.csv"
    path.write_text(
        "source,dataset,principal,privileges,approved_by,reviewed_at\n"
        "hr,public.*,hr_app,SELECT,owner@example.co.th,soon\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigProblems) as caught:
        load_access_list(path, {"hr"})
    text = str(caught.value)
    assert "access.csv" in text and "reviewed_at" in text and "soon" not in text


def test_erasure_requested_at_in_buddhist_era(tmp_path: Path) -> None:
    path = tmp_path / "erasure.csv"
    path.write_text(
        "subject_type,subject_value,requested_at,kind\n"
        "EMAIL_ADDRESS,somchai@example.co.th,2569-06-01,erasure\n"
        "EMAIL_ADDRESS,malee@example.co.th,01/06/2569,consent_withdrawn\n"
        "EMAIL_ADDRESS,wanee@example.co.th,1 มิ.ย. 2569,erasure\n",
        encoding="utf-8",
    )
    requests = load_erasure_requests(path)
    assert [r.requested_at for r in requests] == [JUNE_1, JUNE_1, JUNE_1]


def test_erasure_bad_date_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "erasure.csv"
    path.write_text(
        "subject_type,subject_value,requested_at,kind\n"
        "EMAIL_ADDRESS,somchai@example.co.th,yesterday,erasure\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigProblems) as caught:
        load_erasure_requests(path)
    text = str(caught.value)
    assert "erasure.csv" in text and ":2" in text and "requested_at" in text
    assert "somchai" not in text
