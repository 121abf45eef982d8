"""Gather, from a connector, the facts the register checks need for one dataset.

Rows past retention are counted in the calendar the clock column really
uses (see :mod:`agent.scan.facts.retention`), in the source where the storage
allows and otherwise from a streamed ``GROUP BY`` of its distinct values;
k-anonymity comes from a ``GROUP BY`` in the source; erasure
requests are looked up in every written form of the subject, in the
source (see :mod:`agent.scan.facts.subjects`). Remediation
statements are written by the connector for its dialect and never run.
Files have no SQL: their remediation is a sentence, and a file without a
date column is judged by its modification time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from agent.inputs.erasure import ErasureRequest
from agent.scan.facts.erasure import erasure_facts
from agent.scan.facts.retention import count_clock, no_sql_sentence, remediation_sql
from connectors.base import (
    ClockReader,
    GroupCounter,
    ModificationDater,
    RemediationWriter,
    RowCounter,
    SubjectFinder,
)
from connectors.errors import DatasetError
from connectors.sql.dialects import ConnectionLostError
from scanners.checks.facts import (
    FILE_MTIME_CLOCK,
    DatasetFacts,
    ErasureFacts,
    FactFailure,
    KAnonymityFacts,
    RetentionFacts,
)
from scanners.checks.registry import check_needing
from scanners.dates.retention import cutoff, parse_duration
from scanners.model.register import RegisterEntry
from scanners.model.result import DatasetResult
from scanners.pii_types import is_personal_data
from scanners.reasons import error_reason

T = TypeVar("T")


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
        return _file_retention(connector, dataset, entry, limit, today)
    if entry.clock_column is None:
        return None
    clock = entry.clock_column
    _column_exists(dataset, clock, entry, "clock_column")
    if not isinstance(connector, ClockReader):
        if not isinstance(connector, RowCounter):
            return None
        return RetentionFacts(
            limit, connector.count_before(dataset.name, clock, limit), clock, None
        )
    count = count_clock(connector, dataset.name, clock, limit, today)
    tally = count.tally
    action = "anonymise" if entry.on_expiry == "anonymise" else "delete"
    remediation = None
    if count.layout is not None and isinstance(connector, RemediationWriter):
        anonymise = personal_columns(dataset, exclude=(clock,)) if action == "anonymise" else None
        remediation = remediation_sql(
            connector, dataset.name, clock, limit, count.layout, anonymise
        )
    elif tally.expired:
        remediation = no_sql_sentence(dataset.name, clock, limit, count, action, is_file=False)
    return RetentionFacts(
        limit, tally.expired, clock, remediation, tally.calendar, tally.unreadable + tally.not_read
    )


def _file_retention(
    connector: object, dataset: DatasetResult, entry: RegisterEntry, limit: date, today: date
) -> RetentionFacts | None:
    action = "anonymise" if entry.on_expiry == "anonymise" else "delete"
    if entry.clock_column is not None and isinstance(connector, ClockReader):
        clock = entry.clock_column
        _column_exists(dataset, clock, entry, "clock_column")
        count = count_clock(connector, dataset.name, clock, limit, today)
        tally = count.tally
        remediation = no_sql_sentence(dataset.name, clock, limit, count, action, is_file=True)
        return RetentionFacts(
            limit,
            tally.expired,
            clock,
            remediation,
            tally.calendar,
            tally.unreadable + tally.not_read,
        )
    if not isinstance(connector, ModificationDater):
        return None
    if not connector.modified_before(dataset.name, limit):
        return RetentionFacts(limit, 0, FILE_MTIME_CLOCK, None)
    expired = dataset.row_count or 1
    remediation = f"{action.capitalize()} {dataset.name}: last modified before {limit.isoformat()}."
    return RetentionFacts(limit, expired, FILE_MTIME_CLOCK, remediation)


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


def _subject_key_exists(dataset: DatasetResult, entry: RegisterEntry) -> None:
    if entry.subject_key:
        _column_exists(dataset, entry.subject_key, entry, "subject_key")


def gather_facts(
    connector: object,
    dataset: DatasetResult,
    entry: RegisterEntry,
    today: date,
    requests: Sequence[ErasureRequest],
) -> DatasetFacts:
    """Every fact the register checks need. A fact that cannot be had (a register column
    that does not exist, a query the source refuses) is a :class:`FactFailure` of the one
    check that declares it needs it (:func:`scanners.checks.registry.check_needing`); the
    others still run. A lost connection is raised."""
    failures: list[FactFailure] = []

    def attempt(fact: str, gather: Callable[[], T]) -> T | None:
        try:
            return gather()
        except ConnectionLostError:
            raise
        except Exception as exc:  # one check's fact, not the dataset
            failures.append(FactFailure(check_needing(fact).code, error_reason(exc)))
            return None

    erasure = None
    if requests and isinstance(connector, SubjectFinder):

        def erasure_gather() -> ErasureFacts | None:
            _subject_key_exists(dataset, entry)
            return erasure_facts(connector, dataset, entry, requests)

        erasure = attempt("erasure", erasure_gather)
    return DatasetFacts(
        retention=attempt("retention", lambda: retention_facts(connector, dataset, entry, today)),
        k_anonymity=attempt("k_anonymity", lambda: k_anonymity_facts(connector, dataset, entry)),
        erasure=erasure,
        failures=tuple(failures),
    )
