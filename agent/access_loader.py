"""Load the approved access list (SPEC §6) from TOML, CSV or XLSX into ApprovedGrant values."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from agent.config import StrictModel
from agent.problems import ConfigProblems, Problem
from agent.records_file import read_records
from agent.register_loader import DURATION_PATTERN
from agent.toml_document import validation_problems
from scanners.access import ApprovedGrant

Privilege = Literal[
    "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "READ", "WRITE"
]


class GrantModel(StrictModel):
    source: str = Field(min_length=1)
    dataset: str = Field(min_length=1, description="Glob on dataset names")
    principal: str = Field(min_length=1)
    privileges: list[Privilege] = Field(min_length=1)
    approved_by: str = Field(min_length=1)
    reviewed_at: date | None = None
    review_every: str | None = Field(None, pattern=DURATION_PATTERN)


def load_access_list(path: Path, source_names: set[str] | None = None) -> tuple[ApprovedGrant, ...]:
    """Validated grants; ConfigProblems lists every problem with file and line."""
    records = read_records(path, "grants", "access list", frozenset({"privileges"}), frozenset())
    problems: list[Problem] = []
    grants: list[ApprovedGrant] = []
    for record in records:
        fields = dict(record.fields)
        if isinstance(fields.get("privileges"), list):
            fields["privileges"] = [str(p).upper() for p in fields["privileges"]]
        try:
            model = GrantModel.model_validate(fields)
        except ValidationError as exc:
            problems.extend(validation_problems(exc, record.where))
            continue
        if source_names is not None and model.source not in source_names:
            problems.append(
                record.where(("source",), f"source: no source named {model.source!r} in the config")
            )
        grants.append(
            ApprovedGrant(
                source=model.source,
                dataset=model.dataset,
                principal=model.principal,
                privileges=tuple(dict.fromkeys(model.privileges)),
                approved_by=model.approved_by,
                reviewed_at=model.reviewed_at,
                review_every=model.review_every,
                origin=record.origin,
            )
        )
    if problems:
        raise ConfigProblems(problems)
    return tuple(grants)
