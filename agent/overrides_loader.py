"""Load classification overrides (SPEC §9) from TOML, CSV or XLSX into Override values.

The file holds ``[[overrides]]`` tables (or one row per override under a
header row, lists separated by ``;``); every problem — an unknown field, a
wrong type, an unknown PII type or source, a missing reason, ``decided_by``
or ``decided_at``, a date that is not a date — is reported with its file and
line (row and column for CSV/XLSX), like the register and the access list.
``decided_at`` may be written in the Buddhist era (2569-12-04 is 2026-12-04;
a year from 2400 on is B.E.), as a TOML date or as text (``YYYY-MM-DD`` or
``DD/MM/YYYY``). In CSV/XLSX an empty ``types`` cell means ``[]``: the
columns hold no personal data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field, field_validator

from agent.config import StrictModel
from agent.problems import ConfigProblems
from agent.records_file import read_records, validate_records
from connectors.file_tables import BUDDHIST_ERA_FROM, parse_date
from scanners.overrides import Override
from scanners.pii_types import PiiType

LIST_FIELDS = frozenset({"types"})
#: Years between the Buddhist and the common era.
BUDDHIST_ERA_OFFSET = 543


class OverrideModel(StrictModel):
    source: str = Field(min_length=1, description="Name of a configured source")
    dataset: str = Field(min_length=1, description="Glob on dataset names within the source")
    column: str = Field(min_length=1, description="Glob on column names")
    types: list[PiiType] = Field(
        description="Exactly the PII types the columns hold; [] = no personal data"
    )
    reason: str = Field(pattern=r"\S", description="Why detection is overruled")
    decided_by: str = Field(pattern=r"\S", description="Who decided (e.g. the DPO's e-mail)")
    decided_at: date = Field(description="When it was decided; B.E. years are converted")

    @field_validator("decided_at", mode="before")
    @classmethod
    def _common_era(cls, value: object) -> object:
        if isinstance(value, str):
            parsed = parse_date(value)
            if parsed is None:
                raise ValueError("not a date; write YYYY-MM-DD (a B.E. year is accepted)")
            return parsed
        if isinstance(value, date) and value.year >= BUDDHIST_ERA_FROM:
            try:
                return value.replace(year=value.year - BUDDHIST_ERA_OFFSET)
            except ValueError:  # 29 February of a B.E. year that is no C.E. leap year
                raise ValueError("not a date in the Buddhist era") from None
        return value


def load_overrides(path: Path, source_names: set[str] | None = None) -> tuple[Override, ...]:
    """Validated overrides in file order; ConfigProblems lists every problem with file and line."""
    records = read_records(
        path, "overrides", "overrides file", LIST_FIELDS, frozenset(), empty_lists=LIST_FIELDS
    )
    valid, problems = validate_records(records, OverrideModel, source_names)
    if problems:
        raise ConfigProblems(problems)
    return tuple(
        Override(
            source=model.source,
            dataset=model.dataset,
            column=model.column,
            types=tuple(dict.fromkeys(str(t) for t in model.types)),
            reason=model.reason.strip(),
            decided_by=model.decided_by.strip(),
            decided_at=model.decided_at,
            origin=record.origin,
        )
        for record, model in valid
    )
