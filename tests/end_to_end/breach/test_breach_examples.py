"""The three examples of SPEC §11, graded as the PDPC guideline does, on data built for them
on PostgreSQL, MariaDB and a file share; counts of affected people match SQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import column, create_engine, func, select, table

from tests.end_to_end.breach.conftest import Raw, read_json, run, write_incident
from tests.support.dpo.breach_org import (
    APPLICANTS,
    EMPLOYEES,
    MINOR_APPLICANTS,
    PARTICIPANTS,
    PAYROLL_ONLY,
    BreachOrg,
)

BANGKOK = timezone(timedelta(hours=7))


def _aware(hours_ago: float) -> Raw:
    moment = (datetime.now(UTC) - timedelta(hours=hours_ago)).astimezone(BANGKOK)
    return Raw(moment.replace(microsecond=0).isoformat())


def _open(
    capsys: pytest.CaptureFixture[str], config: Path, incident: Path, out: Path
) -> tuple[str, dict[str, object]]:
    code, said, err = run(
        capsys, "-c", str(config), "breach", "open", str(incident), "--out", str(out)
    )
    assert code == 0, err
    breach_id = said.split()[1]
    return breach_id, read_json(out / "breach.json")


def test_ransomware_on_encrypted_data_restored_from_backup_is_record_only(
    org: tuple[BreachOrg, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, config = org
    incident = write_incident(
        config.parent,
        "ransomware",
        [{"source": "hr", "datasets": ["public.*"]}],
        title="Ransomware on the HR file server",
        aware_at=_aware(3),
        kinds=["availability", "confidentiality"],
        encrypted_at_rest=True,
        exfiltrated="no",
        restored_from_backup=True,
        reported_by="it-security@example.co.th",
    )
    _, doc = _open(capsys, config, incident, config.parent / "ransomware-out")
    assert doc["grade"]["level"] == "none"
    assert not doc["grade"]["notify_office"] and not doc["grade"]["notify_subjects"]
    effects = {f["code"]: f["effect"] for f in doc["grade"]["factors"]}
    assert effects.get("ENCRYPTED_AT_REST") == "lowers"
    impact = doc["impact"]
    # one national ID once: payroll writes the employees' IDs dashed, plus its own people
    assert impact["totals"]["people"] == EMPLOYEES + PAYROLL_ONLY
    by_name = {d["dataset"]: d for d in impact["datasets"]}
    assert by_name["public.employees"]["people"] == EMPLOYEES
    assert by_name["public.payroll"]["people"] == 30 + PAYROLL_ONLY
    assert "TH_NATIONAL_ID" in by_name["public.employees"]["types"]
    files = sorted(p.name for p in (config.parent / "ransomware-out").iterdir())
    assert "internal-record.th.docx" in files and "office-notice.en.html" in files
    assert not any(name.startswith("subjects-notice") for name in files)


def test_a_misdirected_course_list_with_two_allergies_is_record_only(
    org: tuple[BreachOrg, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, config = org
    incident = write_incident(
        config.parent,
        "email",
        [{"source": "share", "datasets": ["courses/*"]}],
        title="Course participant list e-mailed to the wrong recipients",
        aware_at=_aware(1),
        kinds=["confidentiality"],
        exfiltrated="yes",
        recipients_contained=True,
    )
    _, doc = _open(capsys, config, incident, config.parent / "email-out")
    assert doc["grade"]["level"] == "none"
    assert doc["impact"]["totals"]["people"] == PARTICIPANTS  # files: rows
    dataset = doc["impact"]["datasets"][0]
    assert dataset["dataset"] == "courses/participants.csv"
    assert {"PERSON", "EMAIL_ADDRESS"} <= set(dataset["types"])


def test_malware_on_the_recruitment_site_must_be_notified_to_office_and_applicants(
    org: tuple[BreachOrg, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    built, config = org
    incident = write_incident(
        config.parent,
        "malware",
        [{"source": "jobs", "datasets": ["*.applications"]}],
        title="Malware on the recruitment web server",
        aware_at=_aware(5),
        occurred_from=Raw("2026-11-01"),
        occurred_to=Raw("2026-12-01"),
        kinds=["confidentiality"],
        exfiltrated="unknown",
    )
    breach_id, doc = _open(capsys, config, incident, config.parent / "malware-out")
    grade = doc["grade"]
    assert grade["level"] == "high" and grade["notify_office"] and grade["notify_subjects"]
    dataset = doc["impact"]["datasets"][0]
    engine = create_engine(built.jobs_url.update_query_dict({"charset": "utf8mb4"}))
    applications = table("applications", column("national_id"), column("date_of_birth"))
    since = datetime.now(UTC).date().replace(year=datetime.now(UTC).year - 20)
    with engine.connect() as conn:
        distinct = conn.execute(
            select(func.count(func.distinct(applications.c.national_id)))
        ).scalar_one()
        rows = conn.execute(select(func.count()).select_from(applications)).scalar_one()
        minors = conn.execute(  # people, not rows: two of them applied twice
            select(func.count(func.distinct(applications.c.national_id))).where(
                applications.c.date_of_birth > since
            )
        ).scalar_one()
    engine.dispose()
    assert dataset["people"] == distinct == APPLICANTS and dataset["rows"] == rows > distinct
    assert dataset["minors"] == minors == MINOR_APPLICANTS
    assert doc["impact"]["totals"]["minors"] == MINOR_APPLICANTS
    out = config.parent / "malware-out"
    assert (out / "subjects-notice.th.docx").is_file() and (
        out / "subjects-notice.en.html"
    ).is_file()
    code, shown, _ = run(capsys, "-c", str(config), "breach", "show", breach_id)
    assert code == 0 and "high" in shown and "left" in shown
