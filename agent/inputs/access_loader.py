"""Load the approved access list (SPEC §6) from TOML, CSV or XLSX into ApprovedGrant values."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from agent.inputs.config import StrictModel
from agent.inputs.problems import ConfigProblems
from agent.inputs.records_file import read_records, validate_records
from agent.inputs.user_dates import UserDate
from scanners.dates.retention import DURATION_PATTERN
from scanners.model.access import ApprovedGrant

Privilege = Literal[
    "SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "READ", "WRITE"
]


class GrantModel(StrictModel):
    source: str = Field(min_length=1)
    dataset: str = Field(min_length=1, description="Glob on dataset names")
    principal: str = Field(min_length=1)
    privileges: list[Privilege] = Field(min_length=1)
    approved_by: str = Field(min_length=1)
    reviewed_at: UserDate | None = None
    review_every: str | None = Field(None, pattern=DURATION_PATTERN)


def load_access_list(path: Path, source_names: set[str] | None = None) -> tuple[ApprovedGrant, ...]:
    """Validated grants; ConfigProblems lists every problem with file and line."""
    records = read_records(path, "grants", "access list", frozenset({"privileges"}), frozenset())
    for record in records:
        if isinstance(record.fields.get("privileges"), list):
            record.fields["privileges"] = [str(p).upper() for p in record.fields["privileges"]]
    valid, problems = validate_records(records, GrantModel, source_names)
    grants = [
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
        for record, model in valid
    ]
    if problems:
        raise ConfigProblems(problems)
    return tuple(grants)
