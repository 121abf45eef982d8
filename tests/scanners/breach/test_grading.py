"""The breach grade (SPEC §11): the three examples of the SPEC, the traps around them, and
that every grade explains itself with every factor in Thai and English."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from scanners.breach.grading import (
    FACTOR_CODES,
    LONG_EXPOSURE_DAYS,
    VOLUME_LARGE,
    VOLUME_SMALL,
    Grade,
    grade,
)
from scanners.breach.impact import DatasetImpact, Impact
from scanners.breach.incident import Incident, Scope
from scanners.pii_types import SENSITIVE_TYPES

BANGKOK = timezone(timedelta(hours=7))
AWARE = datetime(2026, 12, 4, 9, 30, tzinfo=BANGKOK)
SENSITIVE = {str(t) for t in SENSITIVE_TYPES}
HR = ("PERSON", "TH_NATIONAL_ID", "DATE_OF_BIRTH", "ADDRESS", "BANK_ACCOUNT")
CONTACT = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER")
APPLICANT = (
    "PERSON",
    "TH_NATIONAL_ID",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
)


def incident(*kinds: str, **facts: object) -> Incident:
    return replace(
        Incident("test", AWARE, kinds, (Scope("src", ("*",)),)),
        **facts,  # type: ignore[arg-type]
    )


def impact(
    types: tuple[str, ...],
    people: int,
    minors: int | None = None,
    *,
    scanned: bool = True,
    unscanned: tuple[str, ...] = (),
) -> Impact:
    sensitive = tuple(t for t in types if t in SENSITIVE)
    dataset = DatasetImpact(
        "src",
        "data",
        types,
        sensitive,
        rows=people,
        people=people,
        people_basis="rows",
        people_estimated=False,
        minors=minors,
        scanned_in="SCAN-1" if scanned else None,
    )
    return Impact((dataset,), people, False, people, minors or 0, types, sensitive, unscanned)


def effects(result: Grade) -> dict[str, str]:
    return {factor.code: factor.effect for factor in result.factors}


# The three examples of SPEC §11.
RANSOMWARE_ENCRYPTED = incident(
    "availability",
    "confidentiality",
    encrypted_at_rest=True,
    exfiltrated="no",
    restored_from_backup=True,
)
HR_DATA = impact(HR, 500, minors=0)
MISDIRECTED_EMAIL = incident("confidentiality", exfiltrated="yes", recipients_contained=True)
COURSE_LIST = impact(("PERSON", "EMAIL_ADDRESS", "HEALTH"), 15)
RECRUITMENT_MALWARE = incident(
    "confidentiality",
    exfiltrated="unknown",
    occurred_from=date(2026, 11, 1),
    occurred_to=date(2026, 12, 4),
)
APPLICATIONS = impact(APPLICANT, 800, minors=0)


def test_ransomware_on_data_encrypted_at_rest_and_restored_is_recorded_only() -> None:
    result = grade(RANSOMWARE_ENCRYPTED, HR_DATA)
    assert (result.level, result.likelihood) == ("none", 0)
    assert not result.notify_office and not result.notify_subjects
    assert effects(result)["ENCRYPTED_AT_REST"] == "lowers"
    assert effects(result)["RESTORED_FROM_BACKUP"] == "lowers"


def test_misdirected_email_to_contained_recipients_is_recorded_only() -> None:
    result = grade(MISDIRECTED_EMAIL, COURSE_LIST)
    assert (result.level, result.likelihood, result.severity) == ("none", 1, 3)
    assert not result.notify_office
    assert effects(result)["RECIPIENTS_CONTAINED"] == "lowers"
    assert effects(result)["VOLUME"] == "lowers"  # 15 people: a small breach
    assert effects(result)["SENSITIVE_DATA"] == "raises"  # weighed, not ignored
    volume = next(f for f in grade(MISDIRECTED_EMAIL, COURSE_LIST).factors if f.code == "VOLUME")
    assert "15" in volume.th and "15" in volume.en


def test_month_of_malware_on_application_forms_is_high() -> None:
    result = grade(RECRUITMENT_MALWARE, APPLICATIONS)
    assert result.level == "high"
    assert result.notify_office and result.notify_subjects
    assert (result.likelihood, result.severity) == (3, 2)
    assert effects(result)["DURATION"] == "raises"
    assert effects(result)["EXFILTRATED"] == "neutral"  # not known: the default assumption
    assert effects(result)["IDENTIFIABLE"] == "raises"
    assert effects(result)["FINANCIAL_OR_ID"] == "raises"
    duration = next(f for f in result.factors if f.code == "DURATION")
    assert "34" in duration.th and "34 days" in duration.en


C, A = "confidentiality", "availability"
LEAK, INSIDE, OUTAGE = incident(C, exfiltrated="yes"), incident(C, exfiltrated="no"), incident(A)
COURSE = ("PERSON", "EMAIL_ADDRESS", "HEALTH")
CASES: dict[str, tuple[Incident, Impact, str]] = {
    # trap: the same e-mail, recipients not contained → the data is out there
    "email not contained": (LEAK, COURSE_LIST, "high"),
    # trap: a contained e-mail to many people is not "small"; nor one about children
    "email contained, 150 people": (MISDIRECTED_EMAIL, impact(COURSE, 150), "risk"),
    "email contained, minors": (MISDIRECTED_EMAIL, impact(COURSE, 15, minors=4), "risk"),
    # trap: ransomware without encryption at rest, exfiltration unknown, national IDs
    "ransomware plain": (incident(A, C), HR_DATA, "high"),
    "ransomware plain, restored": (incident(A, C, restored_from_backup=True), HR_DATA, "high"),
    # encryption at rest does not bring back data that is gone
    "ransomware encrypted, lost": (incident(A, C, encrypted_at_rest=True), HR_DATA, "high"),
    # an outage, not restored, of contact data: the Office, not the people
    "outage not restored": (OUTAGE, impact(CONTACT, 300, minors=0), "risk"),
    "outage restored": (incident(A, restored_from_backup=True), impact(CONTACT, 300), "none"),
    # minors raise severity: the same outage over pupils' contact data
    "outage, minors": (OUTAGE, impact((*CONTACT, "DATE_OF_BIRTH"), 300, minors=120), "high"),
    "integrity, bank accounts": (
        incident("integrity"),
        impact(("PERSON", "BANK_ACCOUNT"), 40),
        "high",
    ),
    # nothing personal reached
    "nothing personal": (LEAK, impact((), 0), "none"),
    "quasi-identifiers only": (LEAK, impact(("GENDER", "POSTAL_CODE"), 5000), "none"),
    # seen inside only: small → record; large → the Office
    "seen inside, small": (INSIDE, impact(CONTACT, 40), "none"),
    "seen inside, large": (INSIDE, impact(CONTACT, 2000), "risk"),
    "leaked contact data": (LEAK, impact(CONTACT, 60), "risk"),
    "leaked contact data at scale": (LEAK, impact(CONTACT, VOLUME_LARGE), "high"),
    # health data without any direct identifier is still serious once it left
    "leaked health, no identifiers": (LEAK, impact(("HEALTH", "BIRTH_YEAR"), 500), "high"),
    # trap: a scope never scanned is not "nothing reached"
    "unscanned scope": (incident(C), impact((), 0, unscanned=("fileshare:HR/**",)), "high"),
    "never-scanned dataset": (INSIDE, impact((), 300, scanned=False), "risk"),
}


@pytest.mark.parametrize("name", CASES)
def test_cases(name: str) -> None:
    case, reached, level = CASES[name]
    result = grade(case, reached)
    assert result.level == level, (name, result.likelihood, result.severity)
    assert result.notify_office == (level != "none")
    assert result.notify_subjects == (level == "high")


def test_minors_raise_severity() -> None:
    adults = grade(incident("availability"), impact(CONTACT, 300, minors=0))
    pupils = grade(incident("availability"), impact(CONTACT, 300, minors=12))
    assert pupils.severity == adults.severity + 1
    assert effects(pupils)["MINORS"] == "raises" and effects(adults)["MINORS"] == "neutral"
    minors = next(f for f in pupils.factors if f.code == "MINORS")
    assert "12" in minors.th and "12" in minors.en


def test_severity_is_capped() -> None:
    worst = impact(
        ("PERSON", "HEALTH", "TH_NATIONAL_ID", "DATE_OF_BIRTH"), VOLUME_LARGE * 5, minors=9
    )
    assert grade(incident("confidentiality", exfiltrated="yes"), worst).severity == 4


def test_short_exposure_or_known_exfiltration_ignores_duration() -> None:
    week = LONG_EXPOSURE_DAYS - 1
    short = replace(RECRUITMENT_MALWARE, occurred_from=date(2026, 12, 4) - timedelta(days=week - 1))
    assert grade(short, APPLICATIONS).likelihood == 2
    assert effects(grade(short, APPLICATIONS))["DURATION"] == "neutral"
    open_ended = replace(RECRUITMENT_MALWARE, occurred_to=None)  # until aware_at
    assert grade(open_ended, APPLICATIONS).likelihood == 3


@pytest.mark.parametrize(
    ("case", "reached"),
    [
        (RANSOMWARE_ENCRYPTED, HR_DATA),
        (MISDIRECTED_EMAIL, COURSE_LIST),
        (RECRUITMENT_MALWARE, APPLICATIONS),
        (incident("integrity"), impact((), 0, unscanned=("db:x.*",))),
        (incident("confidentiality", "integrity", "availability"), impact(CONTACT, 3)),
    ],
)
def test_every_grade_lists_every_factor_in_thai_and_english(
    case: Incident, reached: Impact
) -> None:
    result = grade(case, reached)
    assert tuple(f.code for f in result.factors) == FACTOR_CODES
    for factor in result.factors:
        assert factor.effect in ("raises", "lowers", "neutral")
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in factor.th), factor.code
        assert factor.en and factor.en.isascii(), factor.code
        assert "\n" not in factor.th + factor.en


def test_a_neutral_factor_did_not_change_the_grade() -> None:
    malware = effects(grade(RECRUITMENT_MALWARE, APPLICATIONS))
    assert malware["ENCRYPTED_AT_REST"] == "neutral"  # a missing mitigation is the baseline
    assert malware["RECIPIENTS_CONTAINED"] == "neutral"
    assert malware["KIND_AVAILABILITY"] == "neutral"  # not this kind of breach
    assert malware["RESTORED_FROM_BACKUP"] == "neutral"  # does not apply to it
    assert malware["SENSITIVE_DATA"] == "neutral"  # none reached
    assert malware["VOLUME"] == "neutral"  # 800: between small and large


def test_each_fact_is_compared_with_its_neutral_state() -> None:
    contact = impact(CONTACT, 300)
    assert (
        effects(grade(incident("confidentiality", exfiltrated="yes"), contact))["EXFILTRATED"]
        == "raises"
    )
    assert (
        effects(grade(incident("confidentiality", exfiltrated="no"), contact))["EXFILTRATED"]
        == "lowers"
    )
    # health data with no direct identifier beside it: harder to tie to a person
    anonymous = grade(incident("confidentiality"), impact(("HEALTH", "GENDER"), 50))
    assert (anonymous.severity, effects(anonymous)["IDENTIFIABLE"]) == (2, "lowers")
    # a mitigation that does not apply to the kind of breach moves nothing
    outage = grade(incident("availability", encrypted_at_rest=True), contact)
    assert effects(outage)["ENCRYPTED_AT_REST"] == "neutral" and outage.level == "risk"


def test_volume_factor_says_when_people_are_estimated() -> None:
    reached = replace(impact(CONTACT, VOLUME_SMALL), people_estimated=True)
    volume = next(f for f in grade(incident("availability"), reached).factors if f.code == "VOLUME")
    assert "ประมาณ" in volume.th and "about 100" in volume.en


@pytest.mark.parametrize(
    "case",
    [
        incident(),
        incident("leak"),
        incident("confidentiality", exfiltrated="maybe"),
    ],
)
def test_an_invalid_incident_is_refused(case: Incident) -> None:
    with pytest.raises(ValueError):
        grade(case, COURSE_LIST)
