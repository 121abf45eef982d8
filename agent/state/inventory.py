"""What the scans recorded about each dataset: the latest complete scan that read it.

A breach's impact (SPEC §11) starts from here: for every dataset of a source,
the row count, register entry and the PII types of each column as the most
recent *complete* scan that read it without error recorded them (a partial
scan with ``--source`` still counts for the sources it read).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from agent.state.store import StateStore
from agent.state.tables import COLUMNS, DATASETS, SCAN_COMPLETE, SCANS


@dataclass(frozen=True)
class StoredColumn:
    name: str
    types: tuple[str, ...]


@dataclass(frozen=True)
class StoredDataset:
    """One dataset as its latest complete scan recorded it."""

    source: str
    name: str
    kind: str
    scan_id: str
    row_count: int | None
    register_id: str | None
    columns: tuple[StoredColumn, ...]

    @property
    def types(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t for column in self.columns for t in column.types))


def latest_datasets(store: StateStore, source: str) -> dict[str, StoredDataset]:
    """Dataset name → its latest complete, error-free scan record, for ``source``."""
    query = (
        select(
            DATASETS.c.name,
            DATASETS.c.kind,
            DATASETS.c.scan_id,
            DATASETS.c.row_count,
            DATASETS.c.register_id,
        )
        .join(SCANS, SCANS.c.id == DATASETS.c.scan_id)
        .where(
            DATASETS.c.source == source,
            SCANS.c.status == SCAN_COMPLETE,
            DATASETS.c.error.is_(None),
        )
        .order_by(SCANS.c.seq)
    )
    with store.engine.connect() as conn:
        latest = {row.name: row for row in conn.execute(query)}  # the last scan wins
        scans = {row.scan_id for row in latest.values()}
        columns: dict[tuple[str, str], list[StoredColumn]] = {}
        if scans:
            rows = conn.execute(
                select(COLUMNS.c.scan_id, COLUMNS.c.dataset, COLUMNS.c.column, COLUMNS.c.pii)
                .where(COLUMNS.c.source == source, COLUMNS.c.scan_id.in_(sorted(scans)))
                .order_by(COLUMNS.c.pk)
            )
            for scan_id, dataset, column, pii in rows:
                types = tuple(str(match["type"]) for match in json.loads(pii or "[]"))
                columns.setdefault((scan_id, dataset), []).append(StoredColumn(column, types))
    return {
        name: StoredDataset(
            source,
            name,
            row.kind,
            row.scan_id,
            row.row_count,
            row.register_id,
            tuple(columns.get((row.scan_id, name), ())),
        )
        for name, row in latest.items()
    }
