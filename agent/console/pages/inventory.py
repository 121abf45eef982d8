"""``/inventory``: sources and their datasets as the latest complete scan recorded them, and
``/inventory/{source}/{dataset}``: its columns, their PII types and masked evidence.

Only names, counts, types and the stored ``evidence`` (masked when the scan
recorded it) are shown; nothing else a scan read ever reaches a page. An
owner sees the datasets whose register entry names them as ``owner``; any
other dataset answers 404.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import select
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from agent.console.auth import authenticate
from agent.console.context import Console, Viewer, console_of, render
from agent.console.queries import dataset_findings
from agent.state.inventory import StoredDataset, latest_datasets
from agent.state.tables import COLUMNS, DATASETS
from connectors.errors import PdpaAgentError
from scanners.model.register import RegisterEntry
from scanners.model.roles import OWNER, owns


def register_owners(console: Console) -> dict[str, str]:
    """Register id → owner (an unreadable register: none, so an owner sees nothing)."""
    try:
        entries: Iterable[RegisterEntry] = console.register()
    except PdpaAgentError:
        entries = ()
    return {entry.id: entry.owner for entry in entries}


def visible(viewer: Viewer, dataset: StoredDataset, owners: dict[str, str]) -> bool:
    """Whether ``viewer`` may see ``dataset`` (an owner: only their registered datasets)."""
    if viewer.role != OWNER:
        return True
    return owns(viewer.email, owners.get(dataset.register_id or ""))


def stored_sources(console: Console) -> list[str]:
    with console.store.engine.connect() as conn:
        found = conn.execute(select(DATASETS.c.source).distinct()).scalars()
        return sorted(str(name) for name in found)


def visible_datasets(console: Console, viewer: Viewer) -> dict[str, list[StoredDataset]]:
    """Source → the datasets of it the viewer may see, by name."""
    owners = register_owners(console)
    shown: dict[str, list[StoredDataset]] = {}
    for source in stored_sources(console):
        datasets = latest_datasets(console.store, source)
        mine = [d for _, d in sorted(datasets.items()) if visible(viewer, d, owners)]
        if mine:
            shown[source] = mine
    return shown


async def inventory_page(request: Request) -> Response:
    viewer = authenticate(request)
    console = console_of(request)
    return render(
        request,
        "inventory.html",
        viewer,
        sources=visible_datasets(console, viewer),
        owners=register_owners(console),
    )


async def dataset_page(request: Request) -> Response:
    viewer = authenticate(request)
    console = console_of(request)
    source = request.path_params["source"]
    name = request.path_params["dataset"]
    owners = register_owners(console)
    dataset = latest_datasets(console.store, source).get(name)
    if dataset is None or not visible(viewer, dataset, owners):
        raise HTTPException(404)
    query = (
        select(COLUMNS.c.column, COLUMNS.c.sampled, COLUMNS.c.pii, COLUMNS.c.evidence)
        .where(
            COLUMNS.c.scan_id == dataset.scan_id,
            COLUMNS.c.source == source,
            COLUMNS.c.dataset == name,
        )
        .order_by(COLUMNS.c.pk)
    )
    with console.store.engine.connect() as conn:
        columns = [
            {
                "name": row.column,
                "sampled": row.sampled,
                "pii": json.loads(row.pii or "[]"),
                "evidence": [str(value) for value in json.loads(row.evidence or "[]")],
            }
            for row in conn.execute(query)
        ]
    return render(
        request,
        "dataset.html",
        viewer,
        dataset=dataset,
        owner=owners.get(dataset.register_id or "", ""),
        columns=columns,
        findings=dataset_findings(console.store.engine, source, name, console.scope(viewer)),
    )
