"""Erasure requests (SPEC §7): load them, and find which subjects are still present.

Requests name a subject in clear or as ``sha256:<hex>`` of its normalised
value (see :mod:`scanners.subjects.spellings`). They are looked for in every written
form (see :mod:`agent.scan.subject_lookup`): in the register's ``subject_key`` and
in the columns classified with the subject's type, inside the text of
free-text columns. Values never leave these modules: the result is a count
of distinct subjects and the request lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.records_file import csv_lines
from agent.inputs.toml_document import read_text
from agent.inputs.user_dates import MESSAGE as DATE_MESSAGE
from agent.inputs.user_dates import read_user_date
from agent.scan.subject_lookup import Target, present_in, search_targets
from connectors.base import SubjectFinder
from scanners.checks.facts import ErasureFacts
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult
from scanners.subjects.spellings import SUBJECT_TYPES, Subject, parse_subject

HEADER = ("subject_type", "subject_value", "requested_at", "kind")
KINDS = ("erasure", "consent_withdrawn")


@dataclass(frozen=True)
class ErasureRequest:
    """One request: whose data, since when, and whether erasure or withdrawn consent."""

    subject: Subject
    requested_at: date
    kind: str
    origin: str  # "file:line", for messages (never the value)
    deadline: date | None = None  # requested_at + grace_days, once the grace period is known


def load_erasure_requests(path: Path) -> tuple[ErasureRequest, ...]:
    """Every request of the CSV; ConfigProblems names the file, line and field of each problem."""
    rows = csv_lines(path, read_text(path, "erasure requests"))
    if not rows or tuple(cell.strip() for cell in rows[0]) != HEADER:
        raise ConfigProblems([Problem(path, 1, f"header must be {','.join(HEADER)}")])
    problems: list[Problem] = []
    requests: list[ErasureRequest] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(HEADER):
            problems.append(Problem(path, number, f"expected {len(HEADER)} cells, got {len(row)}"))
            continue
        subject_type, value, requested_at, kind = (cell.strip() for cell in row)
        line_problems = []
        if subject_type not in SUBJECT_TYPES:
            line_problems.append(f"subject_type must be one of {', '.join(SUBJECT_TYPES)}")
        if kind not in KINDS:
            line_problems.append(f"kind must be {' or '.join(KINDS)}")
        try:
            when = read_user_date(requested_at)
        except ValueError:
            line_problems.append(f"requested_at: {DATE_MESSAGE}")
        subject = None
        if subject_type in SUBJECT_TYPES:
            try:
                subject = parse_subject(subject_type, value)
            except ValueError as exc:
                line_problems.append(f"subject_value: {exc}")
        problems.extend(Problem(path, number, message) for message in line_problems)
        if not line_problems and subject is not None:
            requests.append(ErasureRequest(subject, when, kind, f"{path.name}:{number}"))
    if problems:
        raise ConfigProblems(problems)
    return tuple(requests)


def due(requests: Iterable[ErasureRequest], today: date, grace_days: int) -> list[ErasureRequest]:
    """Requests whose grace period is over, each with its legal deadline."""
    grace = timedelta(days=grace_days)
    return [
        replace(r, deadline=r.requested_at + grace)
        for r in requests
        if r.requested_at + grace < today
    ]


def present_subjects(
    finder: SubjectFinder,
    dataset: str,
    targets: Sequence[Target],
    requests: Sequence[ErasureRequest],
) -> tuple[set[str], tuple[str, ...]]:
    """Digests of the requested subjects still present, and the columns they were found in."""
    subjects = [r.subject for r in requests]
    found: set[str] = set()
    columns: list[str] = []
    for target in targets:
        if not any(s.type == target.subject_type for s in subjects):
            continue
        hits = present_in(finder, dataset, target, subjects, skip_hashed=found)
        found |= hits
        if hits and target.column not in columns:
            columns.append(target.column)
    return found, tuple(columns)


def erasure_facts(
    finder: SubjectFinder,
    dataset: DatasetResult,
    entry: RegisterEntry | None,
    requests: Sequence[ErasureRequest],
) -> ErasureFacts | None:
    """How many due subjects are still in ``dataset`` (None when there is nothing to look in)."""
    targets = search_targets(dataset, entry)
    if not requests or not targets:
        return None
    found, columns = present_subjects(finder, dataset.name, targets, requests)
    matched = [r for r in requests if r.subject.digest in found]
    lines = sorted({r.origin for r in matched})
    deadlines = [r.deadline for r in matched if r.deadline is not None]
    remediation = (
        f"Erase or anonymise the rows of the {len(found)} subject(s) of {', '.join(lines)} "
        f"in column(s) {', '.join(columns)}, or record why they must be kept."
        if found
        else None
    )
    return ErasureFacts(
        pending=len(found),
        requests_due=len(requests),
        columns=columns,
        remediation=remediation,
        deadline=min(deadlines, default=None),
    )
