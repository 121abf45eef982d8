"""Gather a breach's impact (SPEC §11) from the latest complete scans and the sources.

For each scope entry, every dataset its globs match among those the scans
recorded: the PII types of the latest complete scan, Section 26 types, rows,
distinct data subjects and minors. People are counted in the source, read-only
and bounded by the source's statement timeout: the distinct values of the
register's ``subject_key`` or of an identifier column (a streamed ``GROUP BY``),
each normalised and hashed in memory so that one person written two ways is
one, and one identifier is counted once across datasets. Files count rows, as
SPEC says. Minors are the people (distinct on the same column, else rows) whose
date of birth (any Thai form, either era) is less than 20 years before
``aware_at``. A count that fails falls back to rows and says so; a scope entry
with ``affected_people`` counts that number.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from agent.inputs.config import FilesSource
from agent.inputs.config_loader import LoadedConfig
from agent.scan.sources import build_connector
from agent.state.inventory import StoredDataset, latest_datasets
from agent.state.store import StateStore
from connectors.base import ClockReader, Connector, RowStreamer
from scanners.breach.impact import DatasetImpact, Impact
from scanners.breach.incident import Incident, Scope
from scanners.dates.date_values import read_date
from scanners.dates.retention import cutoff
from scanners.model.register import RegisterEntry, match_entry
from scanners.pii_types import SENSITIVE_TYPES
from scanners.reasons import error_reason
from scanners.subjects.normal_forms import SUBJECT_TYPES, normalise_cell

log = logging.getLogger(__name__)

#: Identifier types that key a person, best first; one of them is counted per dataset.
IDENTIFIERS: tuple[str, ...] = (
    "TH_NATIONAL_ID",
    "PASSPORT",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "BANK_ACCOUNT",
    "CREDIT_CARD",
)
#: Minors: under this age on the day of awareness (Thai Civil and Commercial Code s.19).
MINOR_AGE = "20y"
_SENSITIVE = frozenset(str(t) for t in SENSITIVE_TYPES)
_NOT_WORD = re.compile(r"\W+")


@dataclass
class _Tally:
    """Identifiers seen across datasets (hashed), and people that cannot be matched."""

    seen: dict[str, set[bytes]] = field(default_factory=dict)
    unmatched: int = 0
    estimated: bool = False
    done: set[tuple[str, str]] = field(default_factory=set)  # datasets already counted


def _digest(kind: str, value: object) -> bytes | None:
    normal = normalise_cell(kind, value) if kind in SUBJECT_TYPES else None
    if normal is None:
        normal = _NOT_WORD.sub("", str(value)).casefold() if value is not None else ""
    return (
        hashlib.blake2b(f"{kind}\x1f{normal}".encode(), digest_size=12).digest() if normal else None
    )


def subject_column(dataset: StoredDataset, entry: RegisterEntry | None) -> tuple[str, str] | None:
    """(column, type) counted as people: the register's subject_key, else an identifier."""
    if entry is not None and entry.subject_key:
        for column in dataset.columns:
            if column.name == entry.subject_key:
                kinds = [t for t in IDENTIFIERS if t in column.types]
                return column.name, kinds[0] if kinds else "SUBJECT_KEY"
    for kind in IDENTIFIERS:
        for column in dataset.columns:
            if kind in column.types:
                return column.name, kind
    return None


def _people(connector: Connector, dataset: StoredDataset, column: str, kind: str) -> set[bytes]:
    if not isinstance(connector, RowStreamer):
        raise TypeError("the source cannot count groups")
    seen: set[bytes] = set()
    for (value,), _rows in connector.group_counts(dataset.name, [column]):
        if value is not None and (digest := _digest(kind, value)) is not None:
            seen.add(digest)
    return seen


def _is_minor(value: object, since: date) -> bool:
    reading = read_date(value)
    return reading is not None and reading.day_ce is None and reading.day > since


def _minors(
    connector: Connector,
    dataset: StoredDataset,
    incident: Incident,
    keyed: tuple[str, str] | None,
) -> tuple[int | None, str]:
    """Minors among the people (distinct on the subject column when there is one), else
    rows whose date of birth is a minor's."""
    born = [c.name for c in dataset.columns if "DATE_OF_BIRTH" in c.types]
    if not born:
        return None, ""
    since = cutoff(incident.aware_at.date(), MINOR_AGE)
    if keyed is not None and isinstance(connector, RowStreamer):
        column, kind = keyed
        people = {
            digest
            for (subject, birth), _rows in connector.group_counts(dataset.name, [column, born[0]])
            if subject is not None
            and _is_minor(birth, since)
            and (digest := _digest(kind, subject)) is not None
        }
        return len(people), f"{born[0]}, people by {column}"
    if not isinstance(connector, ClockReader):
        return None, ""
    rows = sum(
        count
        for value, count in connector.clock_value_counts(dataset.name, born[0])
        if _is_minor(value, since)
    )
    return rows, f"{born[0]}, rows"


@contextmanager
def _opened(loaded: LoadedConfig, source: str) -> Iterator[Connector | None]:
    config = next((s for s in loaded.config.sources if s.name == source), None)
    if config is None:
        yield None
        return
    connector = build_connector(config, loaded)
    try:
        connector.open()
    except Exception as exc:  # the impact still lists the scan's facts
        log.warning("source %s: cannot count people: %s", source, error_reason(exc))
        connector.close()
        yield None
        return
    try:
        yield connector
    finally:
        connector.close()


def _dataset_impact(
    loaded: LoadedConfig,
    connector: Connector | None,
    dataset: StoredDataset,
    register: tuple[RegisterEntry, ...],
    incident: Incident,
    tally: _Tally,
) -> DatasetImpact:
    entry = match_entry(register, dataset.source, dataset.name)
    types = dataset.types
    files = isinstance(
        next((s for s in loaded.config.sources if s.name == dataset.source), None), FilesSource
    )
    people: int | None = dataset.row_count
    basis, estimated = "rows", True
    keyed = subject_column(dataset, entry)
    if connector is not None and keyed is not None and not files:
        column, kind = keyed
        try:
            seen = _people(connector, dataset, column, kind)
            people, basis, estimated = len(seen), f"column {column} ({kind})", False
            tally.seen.setdefault(kind, set()).update(seen)
        except Exception as exc:  # a timeout or a failure: rows stand in, and it says so
            basis = f"rows (counting {column} failed: {error_reason(exc)})"
    if estimated:
        tally.unmatched += people or 0
        tally.estimated = True
    minors, born = (None, "")
    if connector is not None:
        try:
            minors, born = _minors(connector, dataset, incident, None if files else keyed)
        except Exception as exc:
            born = f"counting failed: {error_reason(exc)}"
    return DatasetImpact(
        source=dataset.source,
        dataset=dataset.name,
        types=types,
        sensitive=tuple(t for t in types if t in _SENSITIVE),
        rows=dataset.row_count,
        people=people,
        people_basis=basis,
        people_estimated=estimated,
        minors=minors,
        minors_basis=born,
        register_id=entry.id if entry is not None else dataset.register_id,
        owner=entry.owner if entry is not None else None,
        scanned_in=dataset.scan_id,
    )


def _scope_impacts(
    loaded: LoadedConfig,
    store: StateStore,
    scope: Scope,
    register: tuple[RegisterEntry, ...],
    incident: Incident,
    tally: _Tally,
) -> list[DatasetImpact]:
    stored = latest_datasets(store, scope.source)
    matched = [
        d
        for name, d in sorted(stored.items())
        if scope.covers(scope.source, name) and (scope.source, name) not in tally.done
    ]
    tally.done.update((scope.source, d.name) for d in matched)
    if not matched:
        return []
    own = _Tally() if scope.affected_people is not None else tally
    with _opened(loaded, scope.source) as connector:
        impacts = [_dataset_impact(loaded, connector, d, register, incident, own) for d in matched]
    if scope.affected_people is not None:
        tally.unmatched += scope.affected_people
        tally.estimated = True
    return impacts


def gather_impact(
    loaded: LoadedConfig,
    store: StateStore,
    incident: Incident,
    register: tuple[RegisterEntry, ...],
) -> Impact:
    """The impact of ``incident`` over every dataset its scope matches."""
    tally = _Tally()
    datasets: list[DatasetImpact] = []
    unscanned: list[str] = []
    for scope in incident.scope:
        found = _scope_impacts(loaded, store, scope, register, incident, tally)
        if not found:
            unscanned.append(f"{scope.source}: {', '.join(scope.datasets)}")
        datasets.extend(found)
    types = tuple(dict.fromkeys(t for d in datasets for t in d.types))
    return Impact(
        datasets=tuple(datasets),
        people=sum(len(seen) for seen in tally.seen.values()) + tally.unmatched,
        people_estimated=tally.estimated,
        rows=sum(d.rows or 0 for d in datasets),
        minors=sum(d.minors or 0 for d in datasets),
        types=types,
        sensitive=tuple(t for t in types if t in _SENSITIVE),
        unscanned=tuple(unscanned),
    )
