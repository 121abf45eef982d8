"""Gather, from a connector, the facts the register checks need for one dataset.

Rows past retention are counted in the source (``count_before``), never by
pulling rows; k-anonymity comes from a ``GROUP BY`` in the source; erasure
requests are looked up in every written form of the subject, in the
source (see :mod:`agent.subject_lookup`). Remediation
statements are written by the connector for its dialect and never run.
Files have no SQL: their remediation is a sentence, and a file without a
date column is judged by its modification time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from agent.erasure import ErasureRequest, erasure_facts
from connectors.base import GroupCounter, RemediationWriter, RowCounter, SubjectFinder
from connectors.errors import DatasetError
from scanners.checks.facts import DatasetFacts, KAnonymityFacts, RetentionFacts
from scanners.pii_types import is_personal_data
from scanners.register import RegisterEntry
from scanners.result import DatasetResult
from scanners.retention import cutoff, parse_duration

MTIME = "file modification time"


def personal_columns(dataset: DatasetResult, exclude: Sequence[str] = ()) -> tuple[str, ...]:
    """Columns holding personal data (quasi-identifiers alone do not count)."""
    return tuple(
        column.name
        for column in dataset.columns
        if column.name not in exclude and any(is_personal_data(m.type) for m in column.pii)
    )


def _column_exists(dataset: DatasetResult, column: str, entry: RegisterEntry, field: str) -> None:
    if column not in {c.name for c in dataset.columns}:
        raise DatasetError(
            f"register {entry.id}: {field} '{column}' is not a column of {dataset.name}"
        )


def retention_facts(
    connector: object, dataset: DatasetResult, entry: RegisterEntry, today: date
) -> RetentionFacts | None:
    """Rows (or the file) past the entry's retention, and how to remove them."""
    if entry.retention is None:
        return None
    limit = cutoff(today, parse_duration(entry.retention))
    if dataset.kind == "file":
        return _file_retention(connector, dataset, entry, limit)
    if entry.clock_column is None or not isinstance(connector, RowCounter):
        return None
    _column_exists(dataset, entry.clock_column, entry, "clock_column")
    expired = connector.count_before(dataset.name, entry.clock_column, limit)
    remediation = None
    if isinstance(connector, RemediationWriter):
        if entry.on_expiry == "anonymise":
            columns = personal_columns(dataset, exclude=(entry.clock_column,))
            if columns:
                remediation = connector.anonymise_sql(
                    dataset.name, columns, entry.clock_column, limit
                )
        else:
            remediation = connector.delete_sql(dataset.name, entry.clock_column, limit)
    return RetentionFacts(limit, expired, entry.clock_column, remediation)


def _file_retention(
    connector: object, dataset: DatasetResult, entry: RegisterEntry, limit: date
) -> RetentionFacts | None:
    action = "anonymise" if entry.on_expiry == "anonymise" else "delete"
    if entry.clock_column is not None and isinstance(connector, RowCounter):
        _column_exists(dataset, entry.clock_column, entry, "clock_column")
        expired = connector.count_before(dataset.name, entry.clock_column, limit)
        remediation = (
            f"In {dataset.name}, {action} the {expired} row(s) whose {entry.clock_column} "
            f"is before {limit.isoformat()}."
        )
        return RetentionFacts(limit, expired, entry.clock_column, remediation)
    modified_before = getattr(connector, "modified_before", None)
    if modified_before is None:
        return None
    if not modified_before(dataset.name, limit):
        return RetentionFacts(limit, 0, MTIME, None)
    expired = dataset.row_count or 1
    remediation = f"{action.capitalize()} {dataset.name}: last modified before {limit.isoformat()}."
    return RetentionFacts(limit, expired, MTIME, remediation)


def k_anonymity_facts(
    connector: object, dataset: DatasetResult, entry: RegisterEntry
) -> KAnonymityFacts | None:
    """Group sizes over the declared quasi-identifiers of an anonymised dataset."""
    if (
        not entry.anonymised
        or not entry.quasi_identifiers
        or not isinstance(connector, GroupCounter)
    ):
        return None
    for column in entry.quasi_identifiers:
        _column_exists(dataset, column, entry, "quasi_identifiers")
    stats = connector.group_stats(dataset.name, entry.quasi_identifiers, entry.k_min)
    return KAnonymityFacts(tuple(entry.quasi_identifiers), entry.k_min, stats)


def gather_facts(
    connector: object,
    dataset: DatasetResult,
    entry: RegisterEntry,
    today: date,
    requests: Sequence[ErasureRequest],
) -> DatasetFacts:
    """Every fact the register checks need; DatasetError when one cannot be had."""
    erasure = None
    if requests and isinstance(connector, SubjectFinder):
        erasure = erasure_facts(connector, dataset, entry, requests)
    return DatasetFacts(
        retention=retention_facts(connector, dataset, entry, today),
        k_anonymity=k_anonymity_facts(connector, dataset, entry),
        erasure=erasure,
    )
