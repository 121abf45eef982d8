"""Load an incident file (SPEC §11) into an :class:`Incident`.

TOML with one ``[incident]`` table and ``[[incident.scope]]`` entries. Every
problem — an unknown key, a kind or ``exfiltrated`` outside the vocabulary, an
``aware_at`` without a time zone or in the future, an occurred window that ends
before it starts, a source that is not configured — is reported with the file
and line (exit 2). Dates may be written in the Buddhist era.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator

from agent.inputs.config import StrictModel
from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.toml_document import load_toml, shown, validation_problems
from agent.inputs.user_dates import UserDate
from scanners.breach.incident import Incident, Scope


class ScopeModel(StrictModel):
    source: str = Field(min_length=1)
    datasets: list[str] = Field(min_length=1, description="Globs on dataset names")
    affected_people: int | None = Field(None, ge=0, le=1_000_000_000)


class IncidentModel(StrictModel):
    title: str = Field(pattern=r"\S", max_length=500)
    aware_at: datetime = Field(description="When the organisation became aware, with its offset")
    occurred_from: UserDate | None = None
    occurred_to: UserDate | None = None
    kinds: list[Literal["confidentiality", "integrity", "availability"]] = Field(min_length=1)
    description: str = Field("", max_length=20_000)
    encrypted_at_rest: bool = False
    exfiltrated: Literal["yes", "no", "unknown"] = "unknown"
    restored_from_backup: bool = False
    recipients_contained: bool = False
    reported_by: str = Field("", max_length=500)
    scope: list[ScopeModel] = Field(min_length=1, max_length=1000)

    @field_validator("aware_at")
    @classmethod
    def _with_time_zone(cls, value: datetime) -> datetime:
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("needs a time zone, e.g. 2026-12-04T09:30:00+07:00")
        return value


class IncidentFile(StrictModel):
    incident: IncidentModel


def load_incident(path: Path, source_names: set[str], now: datetime) -> Incident:
    """The validated incident in ``path``; ConfigProblems lists every problem with its line."""
    document = load_toml(path, "incident file")
    try:
        model = IncidentFile.model_validate(document.data).incident
    except ValidationError as exc:
        raise ConfigProblems(validation_problems(exc, document.problem)) from None
    problems: list[Problem] = []
    if model.aware_at > now:
        problems.append(
            document.problem(("incident", "aware_at"), "incident.aware_at: is in the future")
        )
    if model.occurred_from and model.occurred_to and model.occurred_to < model.occurred_from:
        problems.append(
            document.problem(
                ("incident", "occurred_to"), "incident.occurred_to: is before occurred_from"
            )
        )
    for index, scope in enumerate(model.scope):
        if scope.source not in source_names:
            problems.append(
                document.problem(
                    ("incident", "scope", index, "source"),
                    f"incident.scope: {shown(scope.source)!r} is not a configured source",
                )
            )
    if problems:
        raise ConfigProblems(problems)
    return Incident(
        title=model.title.strip(),
        aware_at=model.aware_at,
        kinds=tuple(dict.fromkeys(model.kinds)),
        scope=tuple(Scope(s.source, tuple(s.datasets), s.affected_people) for s in model.scope),
        description=model.description.strip(),
        occurred_from=model.occurred_from,
        occurred_to=model.occurred_to,
        encrypted_at_rest=model.encrypted_at_rest,
        exfiltrated=model.exfiltrated,
        restored_from_backup=model.restored_from_backup,
        recipients_contained=model.recipients_contained,
        reported_by=model.reported_by.strip(),
        origin=str(path),
    )
