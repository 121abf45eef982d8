"""Stream the extract out of the source, treating every cell, into CSV or XLSX.

Rows come through the connector's server-side cursor and go straight to the
file, so memory stays bounded whatever the row count; only the distinct
quasi-identifier combinations are counted on the way, to record the k of the
file actually written. The SHA-256 is taken of the finished file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from connectors.base import RowStreamer
from reports.disclosure.extract_file import write_csv, write_xlsx
from scanners.disclosure.apply import TreatmentTools, row_treatment
from scanners.disclosure.assessment import ColumnAssessment

_CHUNK = 1 << 20


@dataclass(frozen=True)
class ExtractFacts:
    """What was written: rows, the file's SHA-256, and k over the quasi-identifiers."""

    rows: int
    sha256: str
    k: int | None  # None: no quasi-identifier, or no row


def extract_name(file_format: str) -> str:
    return f"extract.{file_format}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def write_extract(
    source: RowStreamer,
    dataset: str,
    columns: tuple[ColumnAssessment, ...],
    tools: TreatmentTools,
    file_format: str,
    path: Path,
    count_k: bool,
    companions: tuple[tuple[str, str], ...] = (),
) -> ExtractFacts:
    """Write the treated ``columns`` of every row of ``dataset`` to ``path``; ``companions``
    (column, type) are read beside them to clean the row's free text, never written."""
    if not any(c.free_text and c.treatment == "keep" for c in columns):
        companions = ()
    treat = row_treatment(columns, tools, [kind for _, kind in companions])
    quasi = [i for i, c in enumerate(columns) if c.quasi_identifier] if count_k else []
    groups: Counter[tuple[object, ...]] = Counter()

    def treated() -> Iterator[tuple[object, ...]]:
        names = [c.name for c in columns] + [name for name, _ in companions]
        for row in source.stream_rows(dataset, names):
            out = treat(row)
            if quasi:
                groups[tuple(out[i] for i in quasi)] += 1
            yield out

    header = [c.name for c in columns]
    writer = write_xlsx if file_format == "xlsx" else write_csv
    rows = writer(path, header, treated())
    k = min(groups.values(), default=None) if quasi else None
    return ExtractFacts(rows, file_sha256(path), k)
