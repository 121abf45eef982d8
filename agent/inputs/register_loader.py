"""Load the retention register (SPEC §5) from TOML, CSV or XLSX into RegisterEntry values."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from agent.inputs.config import StrictModel
from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.records_file import read_records, validate_records
from scanners.dates.retention import DURATION_PATTERN
from scanners.model.register import RegisterEntry
from scanners.pii_types import PiiType

LegalBasis = Literal[
    "consent",
    "contract",
    "legal_obligation",
    "vital_interest",
    "public_task",
    "legitimate_interest",
    "archives_research",
]
SensitiveBasis = Literal[
    "",
    "explicit_consent",
    "employment_law",
    "vital_interest",
    "medical",
    "public_health",
    "legal_claims",
    "archives_research",
]
Exemption = Literal[
    "archives",
    "research_statistics",
    "public_interest",
    "employment_assessment",
    "medical",
    "public_health",
    "legal_claims",
]
Granularity = Literal["year", "month", "postcode", "province", "pseudonym", "masked", "none"]


class RegisterEntryModel(StrictModel):
    id: str = Field(min_length=1, max_length=100)
    source: str = Field(min_length=1)
    match: str = Field(min_length=1, description="Glob on dataset names within the source")
    purpose: str = ""
    legal_basis: LegalBasis
    owner: str = Field(pattern=r"^[^@\s]+@[^@\s]+$", description="Owner's e-mail address")
    retention: str | None = Field(None, pattern=DURATION_PATTERN)
    clock_column: str | None = Field(None, min_length=1)
    on_expiry: Literal["delete", "anonymise"] = "delete"
    allowed_pii: list[PiiType] = Field(default_factory=list)
    granularity: dict[PiiType, Granularity] = Field(default_factory=dict)
    sensitive_basis: SensitiveBasis = ""
    anonymised: bool = False
    quasi_identifiers: list[str] = Field(default_factory=list)
    k_min: int = Field(5, ge=2, le=10_000)
    exemptions: list[Exemption] = Field(default_factory=list)
    subject_key: str | None = Field(None, min_length=1)

    @field_validator("retention", "clock_column", "subject_key", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("anonymised", mode="before")
    @classmethod
    def _text_bool(cls, value: object) -> object:
        if isinstance(value, str) and value.strip().lower() in (
            "true",
            "yes",
            "1",
            "false",
            "no",
            "0",
        ):
            return value.strip().lower() in ("true", "yes", "1")
        return value


LIST_FIELDS = frozenset({"allowed_pii", "quasi_identifiers", "exemptions"})
MAP_FIELDS = frozenset({"granularity"})


def load_register(path: Path, source_names: set[str] | None = None) -> tuple[RegisterEntry, ...]:
    """Validated register entries; ConfigProblems lists every problem with file and line."""
    records = read_records(path, "datasets", "register", LIST_FIELDS, MAP_FIELDS)
    valid, problems = validate_records(records, RegisterEntryModel, source_names)
    entries = [_to_entry(model, record.origin) for record, model in valid]
    ids = Counter(entry.id for entry in entries)
    for (record, _), entry in zip(valid, entries, strict=True):
        if ids[entry.id] > 1:
            problems.append(record.where(("id",), f"id: duplicate register id {entry.id!r}"))
    seen: dict[tuple[str, str], str] = {}
    for entry in entries:
        key = (entry.source, entry.match)
        if key in seen and seen[key] != entry.id:
            problems.append(
                Problem(path, None, f"entries {seen[key]} and {entry.id} match the same datasets")
            )
        seen.setdefault(key, entry.id)
    if problems:
        raise ConfigProblems(problems)
    return tuple(entries)


def _to_entry(model: RegisterEntryModel, origin: str) -> RegisterEntry:
    return RegisterEntry(
        id=model.id,
        source=model.source,
        match=model.match,
        purpose=model.purpose,
        legal_basis=model.legal_basis,
        owner=model.owner,
        retention=model.retention,
        clock_column=model.clock_column,
        on_expiry=model.on_expiry,
        allowed_pii=tuple(str(t) for t in model.allowed_pii),
        granularity=tuple(sorted((str(k), v) for k, v in model.granularity.items())),
        sensitive_basis=model.sensitive_basis,
        anonymised=model.anonymised,
        quasi_identifiers=tuple(model.quasi_identifiers),
        k_min=model.k_min,
        exemptions=tuple(model.exemptions),
        subject_key=model.subject_key,
        origin=origin,
    )
