"""The risk grade of a breach (SPEC §11, PDPA s.37(4)): ``none`` | ``risk`` | ``high``.

s.37(4) asks for a notice to the Office within 72 hours unless the breach is unlikely
to result in a risk to people's rights and freedoms, and a notice to the people too
when the risk is high. The PDPC notification on breach notice (B.E. 2565) lists the
factors to weigh — the kind of breach, the kinds, sensitivity and volume of the data,
the number and status of the people (minors), the severity of the consequences and the
measures taken, the storage system and its security (encryption, backups) — but we
could verify no scoring of them. This module scores those factors, plus how easily the
people are identified and how long the breach lasted, on two small axes after the
common likelihood × severity reading, so that every grade can be explained:

* likelihood (0–3) that people's rights are affected, from the kinds of breach and
  the mitigations (encryption at rest, contained recipients, restored backups);
* severity (0–4) of the consequences, from the data reached, minors and volume.

Every threshold below is a named constant; every factor is listed in every grade,
with the direction in which it moved the grade compared with the same incident with
that fact in its neutral state (docs/breach-grading.md). Pure logic: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from scanners.breach import factor_text as text
from scanners.breach.impact import Impact
from scanners.breach.incident import EXFILTRATED, KINDS, Incident
from scanners.pii_types import DIRECT_TYPES, SENSITIVE_TYPES, PiiType

#: Likelihood of a confidentiality breach by whether the data left: confirmed, not
#: known (treated as likely), or confirmed not to have left (seen inside only).
LIKELIHOOD_EXFILTRATED: dict[str, int] = {"yes": 3, "unknown": 2, "no": 1}
#: Encrypted at rest with the key not exposed: whoever holds the data cannot read it.
LIKELIHOOD_ENCRYPTED = 0
#: Misdirected data whose recipients are known and deleted or returned it: at most this.
LIKELIHOOD_CONTAINED_MAX = 1
#: Integrity or availability breach not restored from backup: people may lose or rely on
#: wrong records; restored from backup: nothing lasting, likelihood 0.
LIKELIHOOD_NOT_RESTORED = 2
#: A confidentiality breach open this many days or more (occurred_from → occurred_to or
#: aware_at, both counted) with exfiltration unknown: +1, the longer the exposure the
#: likelier the data was taken (the recruitment-site malware of SPEC §11 ran a month).
LONG_EXPOSURE_DAYS = 7
LIKELIHOOD_MAX = 3

#: Section 26 data reached: discrimination, health and reputation harms.
SEVERITY_SENSITIVE = 3
#: Identity documents and money (national ID, passport, bank account, credit card).
SEVERITY_FINANCIAL_OR_ID = 2
#: Other direct identifiers only (names, contact details, dates of birth, …).
SEVERITY_IDENTIFIER = 1
#: Section 26 data with no direct identifier beside it is harder to tie to a person: −1.
NOT_IDENTIFIABLE_DISCOUNT = 1
#: Data in scope never scanned counts as at least identity data until a scan shows otherwise.
SEVERITY_UNSCANNED = SEVERITY_FINANCIAL_OR_ID
SEVERITY_MAX = 4
FINANCIAL_OR_ID_TYPES: frozenset[str] = frozenset(
    str(t)
    for t in (PiiType.TH_NATIONAL_ID, PiiType.PASSPORT, PiiType.BANK_ACCOUNT, PiiType.CREDIT_CARD)
)
_SENSITIVE: frozenset[str] = frozenset(str(t) for t in SENSITIVE_TYPES)
_DIRECT: frozenset[str] = frozenset(str(t) for t in DIRECT_TYPES)

#: Fewer people than this is a small breach: with likelihood 1 it is recorded only.
VOLUME_SMALL = 100
#: This many people or more: +1 severity (harm at scale, more people to reach).
VOLUME_LARGE = 1_000
#: Likelihood 1 and a small breach stay ``none`` up to this severity (Section 26 data
#: included: the e-mail to known recipients of SPEC §11); minors or volume push past it.
SMALL_MAX_SEVERITY = 3
#: From this likelihood, this severity or more is ``high`` (notify the people too).
HIGH_LIKELIHOOD = 2
HIGH_SEVERITY = 2

LEVELS: tuple[str, ...] = ("none", "risk", "high")
EFFECTS: tuple[str, ...] = ("raises", "lowers", "neutral")
#: Every grade lists these factors, in this order (likelihood first, then severity).
FACTOR_CODES: tuple[str, ...] = (
    *(f"KIND_{kind.upper()}" for kind in KINDS),
    "EXFILTRATED",
    "DURATION",
    "ENCRYPTED_AT_REST",
    "RECIPIENTS_CONTAINED",
    "RESTORED_FROM_BACKUP",
    "SENSITIVE_DATA",
    "FINANCIAL_OR_ID",
    "IDENTIFIABLE",
    "UNSCANNED",
    "MINORS",
    "VOLUME",
)


@dataclass(frozen=True)
class Factor:
    """One fact weighed, and how it moved the grade compared with the same breach with the fact
    in its neutral state (no mitigation, exfiltration not known, no minors, 100–999 people)."""

    code: str
    effect: str  # raises | lowers | neutral
    th: str
    en: str


@dataclass(frozen=True)
class Grade:
    """The grade, both axes, and every factor considered (the same codes, in the same order)."""

    level: str  # none | risk | high
    likelihood: int  # 0..3
    severity: int  # 0..4
    factors: tuple[Factor, ...]
    notify_office: bool
    notify_subjects: bool


@dataclass(frozen=True)
class _Facts:
    """What the score reads, so that a fact can be changed to see what it did."""

    kinds: frozenset[str]
    exfiltrated: str
    encrypted: bool
    contained: bool
    restored: bool
    exposure_days: int | None
    types: frozenset[str]
    unscanned: bool
    people: int
    minors: int


def _likelihood(f: _Facts) -> int:
    found = [0]
    if "confidentiality" in f.kinds:
        value = LIKELIHOOD_EXFILTRATED[f.exfiltrated]
        if f.exfiltrated == "unknown" and (f.exposure_days or 0) >= LONG_EXPOSURE_DAYS:
            value = min(value + 1, LIKELIHOOD_MAX)
        if f.encrypted:
            value = LIKELIHOOD_ENCRYPTED
        if f.contained:
            value = min(value, LIKELIHOOD_CONTAINED_MAX)
        found.append(value)
    if f.kinds & {"integrity", "availability"}:
        found.append(0 if f.restored else LIKELIHOOD_NOT_RESTORED)
    return max(found)


def _severity(f: _Facts) -> int:
    direct = f.types & _DIRECT
    base = 0
    if f.types & _SENSITIVE:
        base = SEVERITY_SENSITIVE - (0 if direct else NOT_IDENTIFIABLE_DISCOUNT)
    elif f.types & FINANCIAL_OR_ID_TYPES:
        base = SEVERITY_FINANCIAL_OR_ID
    elif direct:
        base = SEVERITY_IDENTIFIER
    if f.unscanned:
        base = max(base, SEVERITY_UNSCANNED)
    if base == 0:  # no personal data reached: no one to harm
        return 0
    raised = base + (1 if f.minors > 0 else 0) + (1 if f.people >= VOLUME_LARGE else 0)
    return min(raised, SEVERITY_MAX)


def _level(f: _Facts, likelihood: int, severity: int) -> str:
    if likelihood == 0 or severity == 0:
        return "none"
    if likelihood < HIGH_LIKELIHOOD:
        small = f.people < VOLUME_SMALL and severity <= SMALL_MAX_SEVERITY
        return "none" if small else "risk"
    return "high" if severity >= HIGH_SEVERITY else "risk"


def _score(f: _Facts) -> tuple[int, int, int]:
    likelihood, severity = _likelihood(f), _severity(f)
    return LEVELS.index(_level(f, likelihood, severity)), likelihood, severity


def _effect(actual: _Facts, without: _Facts | None) -> str:
    """Compare the grade (level, then likelihood, then severity) with the counterfactual."""
    if without is None:
        return "neutral"
    now, then = _score(actual), _score(without)
    return "raises" if now > then else "lowers" if now < then else "neutral"


def _exposure(incident: Incident) -> tuple[date, int | None]:
    end = incident.occurred_to or incident.aware_at.date()
    if incident.occurred_from is None:
        return end, None
    return end, max((end - incident.occurred_from).days + 1, 1)


def _check(incident: Incident) -> None:
    unknown = [k for k in incident.kinds if k not in KINDS]
    if not incident.kinds or unknown:
        raise ValueError(f"kinds must be some of {', '.join(KINDS)}: {incident.kinds!r}")
    if incident.exfiltrated not in EXFILTRATED:
        raise ValueError(f"exfiltrated must be one of {', '.join(EXFILTRATED)}")


def grade(incident: Incident, impact: Impact) -> Grade:
    """Grade ``incident`` on what it reached (``impact``), with every factor explained."""
    _check(incident)
    end, days = _exposure(incident)
    unscanned = (
        *impact.unscanned,
        *(f"{d.source}/{d.dataset}" for d in impact.datasets if d.scanned_in is None),
    )
    facts = _Facts(
        kinds=frozenset(incident.kinds),
        exfiltrated=incident.exfiltrated,
        encrypted=incident.encrypted_at_rest,
        contained=incident.recipients_contained,
        restored=incident.restored_from_backup,
        exposure_days=days,
        types=frozenset(impact.types),
        unscanned=bool(unscanned),
        people=impact.people,
        minors=impact.minors,
    )
    likelihood, severity = _likelihood(facts), _severity(facts)
    level = _level(facts, likelihood, severity)
    rows = (
        *_likelihood_factors(facts, incident.occurred_from, end),
        *_severity_factors(facts, impact, unscanned),
    )
    return Grade(
        level=level,
        likelihood=likelihood,
        severity=severity,
        factors=tuple(
            Factor(code, _effect(facts, other), th, en) for code, other, (th, en) in rows
        ),
        notify_office=level in ("risk", "high"),
        notify_subjects=level == "high",
    )


_Row = tuple[str, _Facts | None, text.Text]  # code, the same breach with the fact neutral, text


def _likelihood_factors(f: _Facts, start: date | None, end: date) -> list[_Row]:
    secret = "confidentiality" in f.kinds
    damage = bool(f.kinds & {"integrity", "availability"})
    kinds: list[_Row] = [
        (f"KIND_{k.upper()}", replace(f, kinds=f.kinds - {k}), text.kind(k, True))
        if k in f.kinds
        else (f"KIND_{k.upper()}", None, text.kind(k, False))
        for k in KINDS
    ]
    # Each fact is compared with its neutral state: exfiltration not known (the incident
    # file's default), no mitigation (encryption, containment, restore) in place.
    stated = replace(f, exfiltrated="unknown") if secret and f.exfiltrated != "unknown" else None
    return [
        *kinds,
        ("EXFILTRATED", stated, text.exfiltrated(f.exfiltrated, secret)),
        ("DURATION", replace(f, exposure_days=None), text.duration(start, end, f.exposure_days)),
        (
            "ENCRYPTED_AT_REST",
            replace(f, encrypted=False) if f.encrypted else None,
            text.encrypted_at_rest(f.encrypted, secret),
        ),
        (
            "RECIPIENTS_CONTAINED",
            replace(f, contained=False) if f.contained else None,
            text.recipients_contained(f.contained, secret),
        ),
        (
            "RESTORED_FROM_BACKUP",
            replace(f, restored=False) if f.restored else None,
            text.restored_from_backup(f.restored, damage),
        ),
    ]


def _severity_factors(f: _Facts, impact: Impact, unscanned: tuple[str, ...]) -> list[_Row]:
    sensitive = tuple(t for t in impact.types if t in _SENSITIVE)
    money = tuple(t for t in impact.types if t in FINANCIAL_OR_ID_TYPES)
    identifiers = impact.identifiers
    # No identifier: compared with the same data beside a name.
    named = replace(f, types=f.types - set(identifiers) if identifiers else f.types | {"PERSON"})
    counted = any(d.minors is not None for d in impact.datasets)
    return [
        (
            "SENSITIVE_DATA",
            replace(f, types=f.types - set(sensitive)),
            text.sensitive_data(sensitive),
        ),
        ("FINANCIAL_OR_ID", replace(f, types=f.types - set(money)), text.financial_or_id(money)),
        ("IDENTIFIABLE", named, text.identifiable(identifiers)),
        ("UNSCANNED", replace(f, unscanned=False), text.unscanned(unscanned)),
        ("MINORS", replace(f, minors=0), text.minors(f.minors, counted)),
        (
            "VOLUME",
            replace(f, people=min(max(f.people, VOLUME_SMALL), VOLUME_LARGE - 1)),
            text.volume(f.people, impact.people_estimated, VOLUME_SMALL, VOLUME_LARGE),
        ),
    ]
