"""Incremental database scans: a table unchanged since it was last read is not read again.

The catalogue gives each table a change key when the source is listed
(:mod:`connectors.sql.change_keys`: columns plus change counters). A
table's classification is reused when the key, the detectors' fingerprint
and the detection settings all equal what was stored when the table was
last read in full, and that read is less than ``full_rescan_days`` old
(0: never reuse). What is stored is the classification detection gave,
before any override (overrides are applied again on every scan), masked
like everything in a result. Register counts (retention, erasure, k) are
never stored: a registered table's checks run on every scan, on the reused
classification. The rows live in the state store, table
``pdpa_table_cache`` (``agent.state.tables``); a failing store switches the
cache off for the rest of the scan, which then reads every table.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from agent.inputs.config import DetectionSettings
from agent.scan.file_cache import column_from_plain, column_to_plain, detectors_fingerprint
from agent.scan.tasks import ReusedClassification
from agent.state.tables import TABLE_CACHE
from scanners.classification.overrides import detected_columns
from scanners.model.result import DatasetResult
from scanners.reasons import error_reason

log = logging.getLogger(__name__)

#: The [detection] settings a classification depends on (not how often it is redone).
CLASSIFYING_SETTINGS = ("sample_rows", "min_match_ratio", "languages", "adaptive_sampling")
#: Rows written per statement when the cache is flushed.
FLUSH_EVERY = 500


def settings_digest(detection: DetectionSettings) -> str:
    """A digest of the detection settings a stored classification was made with."""
    chosen = detection.model_dump(mode="json", include=set(CLASSIFYING_SETTINGS))
    return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class StoredTable:
    """One table's row of the cache."""

    change_key: str
    detectors: str
    settings: str
    classified_at: datetime
    classification: ReusedClassification


class TableCache:
    """Stored classifications of tables, read per source and written in batches."""

    def __init__(self, engine: Engine, detection: DetectionSettings, now: datetime) -> None:
        """Use the (already migrated) state store behind ``engine``."""
        self.engine: Engine | None = engine
        self.settings = settings_digest(detection)
        self.oldest = now - timedelta(days=detection.full_rescan_days)
        self.reuse = detection.incremental and detection.full_rescan_days > 0
        self.now = now
        self._pending: list[dict[str, object]] = []

    def reusable(self, source: str, keys: dict[str, str]) -> dict[str, ReusedClassification]:
        """The stored classifications of ``source``'s tables whose change key still holds."""
        if not self.reuse or not keys or self.engine is None:
            return {}
        try:
            stored = self._stored(source)
        except Exception as exc:  # the state database failed: read every table instead
            self._give_up(exc)
            return {}
        detectors = detectors_fingerprint()
        return {
            name: row.classification
            for name, row in stored.items()
            if keys.get(name) == row.change_key
            and row.detectors == detectors
            and row.settings == self.settings
            and row.classified_at >= self.oldest
        }

    def _stored(self, source: str) -> dict[str, StoredTable]:
        assert self.engine is not None
        table = TABLE_CACHE
        found: dict[str, StoredTable] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(select(table).where(table.c.source == source)).mappings():
                columns = tuple(column_from_plain(item) for item in json.loads(row["columns"]))
                found[row["dataset"]] = StoredTable(
                    row["change_key"],
                    row["detectors"],
                    row["settings"],
                    datetime.fromisoformat(row["classified_at"]),
                    ReusedClassification(row["kind"], row["row_count"], columns),
                )
        return found

    def save(self, source: str, dataset: str, change_key: str, result: DatasetResult) -> None:
        """Remember a table read in full under ``change_key`` (written by :meth:`flush`)."""
        if self.engine is None:
            return
        columns = [column_to_plain(c) for c in detected_columns(result.columns)]
        self._pending.append(
            {
                "source": source,
                "dataset": dataset,
                "change_key": change_key,
                "detectors": detectors_fingerprint(),
                "settings": self.settings,
                "classified_at": self.now.astimezone(UTC).isoformat(),
                "kind": result.kind,
                "row_count": result.row_count,
                "columns": json.dumps(columns, ensure_ascii=False),
            }
        )
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write the tables saved since the last flush, in one transaction."""
        pending, self._pending = self._pending, []
        if not pending or self.engine is None:
            return
        table = TABLE_CACHE
        try:
            with self.engine.begin() as conn:
                for source in {str(row["source"]) for row in pending}:
                    names = [row["dataset"] for row in pending if row["source"] == source]
                    for start in range(0, len(names), FLUSH_EVERY):
                        chunk = names[start : start + FLUSH_EVERY]
                        conn.execute(
                            table.delete().where(
                                table.c.source == source, table.c.dataset.in_(chunk)
                            )
                        )
                conn.execute(table.insert(), pending)
        except Exception as exc:  # the next scan reads these tables again, nothing worse
            self._give_up(exc)

    def _give_up(self, exc: Exception) -> None:
        log.warning(
            "table cache unusable (%s); every table is read for the rest of the scan",
            error_reason(exc),
        )
        self.engine = None
        self._pending = []
