"""Erasure requests past their grace period whose subjects are still in a dataset (SPEC §7)."""

from __future__ import annotations

from collections.abc import Sequence

from agent.inputs.erasure import ErasureRequest
from agent.scan.facts.subjects import Target, present_in, search_targets
from connectors.base import SubjectFinder
from scanners.checks.facts import ErasureFacts
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult


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
