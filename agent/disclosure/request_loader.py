"""Load a disclosure request file (SPEC §10) into a :class:`DisclosureRequest`.

The file is TOML with one ``[request]`` table and ``[[request.columns]]``
entries. Every problem — an unknown key, a treatment or legal basis outside
the vocabulary, a source that is not configured, a column asked twice — is
reported with the file and line, like the register. What the assessment
judges (an empty legal basis or purpose, a column the dataset lacks) is not
an error here: it is a problem in the assessment, so the DPO sees it there.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from agent.inputs.config import StrictModel
from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.register_loader import LegalBasis, SensitiveBasis
from agent.inputs.toml_document import load_toml, shown, validation_problems
from scanners.dates.retention import DURATION_PATTERN
from scanners.disclosure.request import (
    DEFAULT_FOLLOW_UP,
    ColumnRequest,
    DisclosureRequest,
)

#: Request ids name folders and log entries: letters, digits and ``_.-`` only.
REQUEST_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,99}$"

Treatment = Literal[
    "keep", "drop", "pseudonym", "birth_year", "age_band", "postcode", "province", "mask"
]


class ColumnModel(StrictModel):
    name: str = Field(min_length=1, max_length=500, description="Column of the dataset")
    as_: Treatment = Field(alias="as", description="How the column is minimised")
    reason: str = Field("", max_length=2000, description="Why a direct identifier goes in clear")


class RequestModel(StrictModel):
    id: str | None = Field(None, pattern=REQUEST_ID_PATTERN, description="Assigned when absent")
    requested_by: str = Field(pattern=r"\S", max_length=500)
    recipient: str = Field(pattern=r"\S", max_length=500)
    recipient_contact: str = Field(pattern=r"\S", max_length=1000)
    legal_basis: LegalBasis | Literal[""] = Field("", description="SPEC §5 vocabulary")
    sensitive_basis: SensitiveBasis = ""
    purpose: str = Field("", max_length=2000)
    approved_by: str = Field("", max_length=500)
    follow_up_every: str = Field(DEFAULT_FOLLOW_UP, pattern=DURATION_PATTERN)
    source: str = Field(min_length=1)
    dataset: str = Field(min_length=1, max_length=2000)
    format: Literal["csv", "xlsx"] = "csv"
    k_min: int | None = Field(None, ge=2, le=10_000)
    calendar: Literal["ce", "be"] = Field("ce", description="Era of birth years in the extract")
    columns: list[ColumnModel] = Field(min_length=1, max_length=5000)


class RequestFile(StrictModel):
    request: RequestModel


def load_request(path: Path, source_names: set[str]) -> DisclosureRequest:
    """The validated request in ``path``; ConfigProblems lists every problem with its line."""
    document = load_toml(path, "disclosure request")
    try:
        model = RequestFile.model_validate(document.data).request
    except ValidationError as exc:
        raise ConfigProblems(validation_problems(exc, document.problem)) from None
    problems: list[Problem] = []
    if model.source not in source_names:
        problems.append(
            document.problem(
                ("request", "source"),
                f"request.source: {shown(model.source)!r} is not a configured source",
            )
        )
    counts = Counter(column.name for column in model.columns)
    for index, column in enumerate(model.columns):
        if counts[column.name] > 1:
            problems.append(
                document.problem(
                    ("request", "columns", index, "name"),
                    f"request.columns: column {shown(column.name)!r} is asked more than once",
                )
            )
    if problems:
        raise ConfigProblems(problems)
    return DisclosureRequest(
        id=model.id or "",
        requested_by=model.requested_by.strip(),
        recipient=model.recipient.strip(),
        recipient_contact=model.recipient_contact.strip(),
        legal_basis=model.legal_basis,
        purpose=model.purpose.strip(),
        source=model.source,
        dataset=model.dataset,
        columns=tuple(ColumnRequest(c.name, c.as_, c.reason.strip()) for c in model.columns),
        sensitive_basis=model.sensitive_basis,
        approved_by=model.approved_by.strip(),
        follow_up_every=model.follow_up_every,
        format=model.format,
        k_min=model.k_min,
        calendar=model.calendar,
        origin=str(path),
    )
