"""What the source says about a requested dataset: which types each column holds, which
columns are prose, and how many rows there are.

The dataset is sampled and classified exactly as a scan does it (the whole
sample, so a column is judged beside its neighbours), then the classification
overrides (SPEC §9) apply. The requested columns' facts are kept, and which
columns of the whole dataset hold direct identifiers (to clean free text).
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.inputs.config import DetectionSettings
from connectors.base import Connector, RowStreamer
from connectors.errors import ConfigError
from scanners.classification.classify import classify_dataset
from scanners.classification.overrides import Override, apply_overrides
from scanners.detection.engine import DetectionEngine
from scanners.disclosure.apply import companion_type
from scanners.disclosure.assess import ColumnFacts
from scanners.disclosure.request import DisclosureRequest
from scanners.disclosure.treatments.free_text import is_prose


@dataclass(frozen=True)
class DatasetView:
    """The requested dataset as the assessment needs it."""

    found: dict[str, ColumnFacts]  # requested columns that exist → their facts
    rows: int
    companions: tuple[tuple[str, str], ...] = ()  # (column, direct type) of every column
    # holding a direct identifier: its values are replaced inside the row's free text


def streamer(connector: Connector, request: DisclosureRequest) -> RowStreamer:
    """The connector as a row streamer, or a ConfigError naming the source."""
    if not isinstance(connector, RowStreamer):
        raise ConfigError(f"source {request.source} cannot stream rows for an extract")
    return connector


def inspect_dataset(
    connector: Connector,
    request: DisclosureRequest,
    detection: DetectionSettings,
    engine: DetectionEngine,
    overrides: tuple[Override, ...],
) -> DatasetView:
    """Sample, classify and count the requested dataset (ConfigError when it is not there)."""
    if request.dataset not in connector.list_datasets():
        raise ConfigError(
            f"{request.origin}: source {request.source} has no dataset {request.dataset!r} "
            "(or the source's include/exclude leaves it out)"
        )
    info = connector.describe(request.dataset)
    sample = connector.sample(info, detection.sample_rows)
    columns = classify_dataset(
        sample, engine, detection.min_match_ratio, adaptive=detection.adaptive_sampling
    )
    columns = apply_overrides(overrides, request.source, request.dataset, columns)
    documents = {c.column.name for c in sample.columns if c.column.free_text}
    values = {c.column.name: c.values for c in sample.columns}
    wanted = {c.name for c in request.columns}
    found = {}
    for column in columns:
        if column.name not in wanted:
            continue
        types = tuple(dict.fromkeys(m.type for m in column.pii))
        free = column.name in documents or is_prose(values.get(column.name, ()), types, engine)
        found[column.name] = ColumnFacts(types=types, free_text=free)
    rows = streamer(connector, request).count_rows(request.dataset)
    companions = tuple(
        (column.name, kind)
        for column in columns
        if (kind := companion_type([m.type for m in column.pii])) is not None
    )
    return DatasetView(found, rows, companions)
