"""Load classification overrides (SPEC §9) from TOML, CSV or XLSX into Override values.

The file holds ``[[overrides]]`` tables (or one row per override under a
header row, lists separated by ``;``); every problem — an unknown field, a
wrong type, an unknown PII type or source, a missing reason, ``decided_by``
or ``decided_at``, a date that is not a date — is reported with its file and
line (row and column for CSV/XLSX), like the register and the access list.
``decided_at`` may be written in the Buddhist era (2569-12-04 is 2026-12-04;
a year above 2400 is B.E.), as a TOML date or as text (``YYYY-MM-DD``,
``DD/MM/YYYY``, Thai month names; see :mod:`agent.inputs.user_dates`). In CSV/XLSX
an empty ``types`` cell means ``[]``: the columns hold no personal data.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from agent.inputs.config import StrictModel
from agent.inputs.problems import ConfigProblems
from agent.inputs.records_file import read_records, validate_records
from agent.inputs.user_dates import UserDate
from scanners.classification.overrides import Override
from scanners.pii_types import PiiType

LIST_FIELDS = frozenset({"types"})


class OverrideModel(StrictModel):
    source: str = Field(min_length=1, description="Name of a configured source")
    dataset: str = Field(min_length=1, description="Glob on dataset names within the source")
    column: str = Field(min_length=1, description="Glob on column names")
    types: list[PiiType] = Field(
        description="Exactly the PII types the columns hold; [] = no personal data"
    )
    reason: str = Field(pattern=r"\S", description="Why detection is overruled")
    decided_by: str = Field(pattern=r"\S", description="Who decided (e.g. the DPO's e-mail)")
    decided_at: UserDate = Field(description="When it was decided; B.E. years are converted")


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
