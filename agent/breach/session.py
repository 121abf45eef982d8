"""One breach assessment from incident file to register: gather the impact, grade it, write
``breach.json`` and the drafts all or nothing, and record it (SPEC §11).

``open`` records a new breach; ``update`` re-assesses an open one with a changed incident
file and appends the assessment (the history is never rewritten). Each assessment's
files go to their own folder (``<reports.out_dir>/breaches/<id>/<when>`` unless ``--out``
says otherwise); they are written first, and removed again if the register cannot
record the assessment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from agent.breach.impact import gather_impact
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.user_files import load_register_for
from agent.state.breaches import new_breach_id, open_breach, update_breach
from agent.state.store import StateStore
from connectors.errors import ConfigError
from reports.breach.breach_json import breach_document
from reports.breach.files import draft_files
from reports.staging import write_all_or_nothing
from scanners.breach.clock import deadline
from scanners.breach.grading import Grade, grade
from scanners.breach.impact import Impact
from scanners.breach.incident import Incident
from scanners.model.breach import BreachAssessment, BreachRecord


@dataclass(frozen=True)
class Assessed:
    """What one assessment produced."""

    breach_id: str
    impact: Impact
    grade: Grade
    document: dict[str, object]
    written: tuple[Path, ...]


def out_dir_for(loaded: LoadedConfig, given: str | None, breach_id: str, now: datetime) -> Path:
    """``--out``, else ``<reports.out_dir>/breaches/<id>/<assessed at>``: every assessment
    keeps its own drafts."""
    if given:
        return Path(given)
    folder = loaded.resolve(loaded.config.reports.out_dir) / "breaches" / breach_id
    return folder / f"{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _assess(
    loaded: LoadedConfig,
    store: StateStore,
    incident: Incident,
    breach_id: str,
    now: datetime,
    out: str | None,
) -> Assessed:
    impact = gather_impact(loaded, store, incident, load_register_for(loaded))
    graded = grade(incident, impact)
    document = breach_document(breach_id, incident, impact, graded, now, now)
    files = draft_files(
        document, loaded.config.disclosure.controller, loaded.config.breach.dpo_email or ""
    )
    written = write_all_or_nothing(out_dir_for(loaded, out, breach_id, now), files)
    return Assessed(breach_id, impact, graded, document, tuple(written))


def _remove_files(assessed: Assessed) -> None:
    """Remove the files of an assessment the register could not record."""
    for path in assessed.written:
        path.unlink(missing_ok=True)


def _sources(incident: Incident) -> tuple[str, ...]:
    return tuple(dict.fromkeys(scope.source for scope in incident.scope))


def open_new(
    loaded: LoadedConfig, store: StateStore, incident: Incident, now: datetime, out: str | None
) -> Assessed:
    """Assess ``incident`` as a new breach and record it (under the next id when another
    agent took this one a moment ago)."""
    for attempt in range(2):
        breach_id = new_breach_id(store, incident.aware_at)
        assessed = _assess(loaded, store, incident, breach_id, now, out)
        try:
            open_breach(store, _record(incident, assessed, now), _assessment(assessed, now))
        except ConfigError:
            _remove_files(assessed)
            if attempt:
                raise
        except BaseException:
            _remove_files(assessed)
            raise
        else:
            return assessed
    raise AssertionError("unreachable")


def _record(incident: Incident, assessed: Assessed, now: datetime) -> BreachRecord:
    return BreachRecord(
        id=assessed.breach_id,
        title=incident.title,
        aware_at=incident.aware_at,
        deadline=deadline(incident.aware_at),
        opened_at=now,
        grade=assessed.grade.level,
        people=assessed.impact.people,
        reported_by=incident.reported_by,
        sources=_sources(incident),
    )


def reassess(
    loaded: LoadedConfig,
    store: StateStore,
    breach_id: str,
    incident: Incident,
    now: datetime,
    out: str | None,
) -> Assessed:
    """Assess ``incident`` again for the open breach ``breach_id`` and append it."""
    assessed = _assess(loaded, store, incident, breach_id, now, out)
    try:
        update_breach(
            store,
            breach_id,
            _assessment(assessed, now),
            incident.title,
            incident.aware_at,
            deadline(incident.aware_at),
            assessed.impact.people,
            _sources(incident),
        )
    except BaseException:
        _remove_files(assessed)
        raise
    return assessed


def _assessment(assessed: Assessed, now: datetime) -> BreachAssessment:
    text = json.dumps(assessed.document, ensure_ascii=False, indent=2)
    return BreachAssessment(assessed.breach_id, now, assessed.grade.level, text)
