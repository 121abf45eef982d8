"""Erasure requests (SPEC §7): load the file, and which requests are past their grace period.

Requests name a subject in clear or as ``sha256:<hex>`` of its normalised
value (see :mod:`scanners.subjects.spellings`). Which subjects are still
present is found by :mod:`agent.scan.facts.erasure`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.records_file import csv_lines
from agent.inputs.toml_document import read_text
from agent.inputs.user_dates import MESSAGE as DATE_MESSAGE
from agent.inputs.user_dates import read_user_date
from scanners.subjects.normal_forms import SUBJECT_TYPES
from scanners.subjects.spellings import Subject, parse_subject

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
