"""``breach.json``: one assessment of a breach as JSON values (SPEC §11).

The incident as the DPO described it (every field; ``aware_at`` with its own
offset), the impact per dataset in scope with the totals and the scope entries
no scan covered, the grade with every factor that raised or lowered it, and
the 72-hour clock: ``aware_at`` and the deadline in the incident's offset and
in UTC, the hours left at ``now`` (negative once overdue) and the same in
words in Thai and English. Names, counts, grades and factors only: never a
value of the data. The drafts (:mod:`reports.breach.drafts`) are written from
this document alone.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from reports.text.dates import utc
from scanners.breach.clock import deadline, describe_left, describe_left_th, time_left
from scanners.breach.grading import Factor, Grade
from scanners.breach.impact import DatasetImpact, Impact
from scanners.breach.incident import Incident, Scope

#: Bumped when a field changes meaning or disappears.
SCHEMA_VERSION = 1


def _own_offset(moment: datetime) -> timezone:
    """The fixed offset ``moment`` carries (``+07:00`` for the incident file's times)."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("aware_at needs a time zone (e.g. 2026-12-04T09:30:00+07:00)")
    return timezone(offset)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def scope_to_dict(scope: Scope) -> dict[str, Any]:
    """One scope entry of the incident file."""
    return {
        "source": scope.source,
        "datasets": list(scope.datasets),
        "affected_people": scope.affected_people,
    }


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    """Every field of the incident; ``aware_at`` ISO 8601 with its own offset."""
    return {
        "title": incident.title,
        "aware_at": incident.aware_at.astimezone(_own_offset(incident.aware_at)).isoformat(),
        "occurred_from": _day(incident.occurred_from),
        "occurred_to": _day(incident.occurred_to),
        "kinds": list(incident.kinds),
        "description": incident.description,
        "encrypted_at_rest": incident.encrypted_at_rest,
        "exfiltrated": incident.exfiltrated,
        "restored_from_backup": incident.restored_from_backup,
        "recipients_contained": incident.recipients_contained,
        "reported_by": incident.reported_by,
        "origin": incident.origin,
        "scope": [scope_to_dict(scope) for scope in incident.scope],
    }


def dataset_to_dict(dataset: DatasetImpact) -> dict[str, Any]:
    """One dataset in scope: its types, counts and how they were counted."""
    return {
        "source": dataset.source,
        "dataset": dataset.dataset,
        "types": list(dataset.types),
        "sensitive": list(dataset.sensitive),
        "rows": dataset.rows,
        "people": dataset.people,
        "people_basis": dataset.people_basis,
        "people_estimated": dataset.people_estimated,
        "minors": dataset.minors,
        "minors_basis": dataset.minors_basis,
        "register_id": dataset.register_id,
        "owner": dataset.owner,
        "scanned_in": dataset.scanned_in,
    }


def impact_to_dict(impact: Impact) -> dict[str, Any]:
    """Every dataset in scope, the totals, and the scope entries no scan covered."""
    return {
        "datasets": [dataset_to_dict(dataset) for dataset in impact.datasets],
        "totals": {
            "people": impact.people,
            "people_estimated": impact.people_estimated,
            "rows": impact.rows,
            "minors": impact.minors,
            "minors_known": any(d.minors is not None for d in impact.datasets),
            "types": list(impact.types),
            "sensitive": list(impact.sensitive),
            "identifiers": list(impact.identifiers),
        },
        "unscanned": list(impact.unscanned),
    }


def factor_to_dict(factor: Factor) -> dict[str, str]:
    """One factor of the grade, with its words in both languages."""
    return {"code": factor.code, "effect": factor.effect, "th": factor.th, "en": factor.en}


def grade_to_dict(grade: Grade) -> dict[str, Any]:
    """The grade, what it requires, and every factor that raised, lowered or left it."""
    return {
        "level": grade.level,
        "likelihood": grade.likelihood,
        "severity": grade.severity,
        "notify_office": grade.notify_office,
        "notify_subjects": grade.notify_subjects,
        "factors": [factor_to_dict(factor) for factor in grade.factors],
    }


def clock_to_dict(aware_at: datetime, now: datetime) -> dict[str, Any]:
    """The 72-hour clock at ``now``: both moments in the incident's offset and in UTC."""
    offset = _own_offset(aware_at)
    due = deadline(aware_at)
    left = time_left(aware_at, utc(now))
    return {
        "aware_at": aware_at.astimezone(offset).isoformat(),
        "aware_at_utc": utc(aware_at).isoformat(),
        "deadline": due.astimezone(offset).isoformat(),
        "deadline_utc": utc(due).isoformat(),
        "as_of": utc(now).isoformat(),
        "hours_left": round(left / timedelta(hours=1), 2),
        "overdue": left < timedelta(0),
        "left": {"th": describe_left_th(left), "en": describe_left(left)},
    }


def breach_document(
    breach_id: str,
    incident: Incident,
    impact: Impact,
    grade: Grade,
    assessed_at: datetime,
    now: datetime,
) -> dict[str, Any]:
    """``breach.json`` of one assessment: JSON-ready (strings, numbers, booleans, lists, None).

    ``now`` is the moment the clock is read at (usually ``assessed_at``); a
    naive ``assessed_at`` or ``now`` is taken as UTC, a naive ``aware_at`` is a
    ``ValueError``.
    """
    return {
        "schema_version": SCHEMA_VERSION,
        "id": breach_id,
        "assessed_at": utc(assessed_at).isoformat(),
        "incident": incident_to_dict(incident),
        "impact": impact_to_dict(impact),
        "grade": grade_to_dict(grade),
        "clock": clock_to_dict(incident.aware_at, now),
    }
