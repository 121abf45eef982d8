"""``/access``: the access review. Open ``ACCESS_*`` findings grouped by source and
principal, and the approved grants of the access list with when each was last reviewed
and when the next review is due. An owner sees only the rows about their datasets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from starlette.requests import Request
from starlette.responses import Response

from agent.console.auth import authenticate
from agent.console.context import Viewer, console_of, render
from agent.console.pages.inventory import visible_datasets
from agent.console.queries import access_findings
from agent.inputs.user_files import load_grants_for
from connectors.errors import PdpaAgentError
from scanners.checks.access.review_overdue import review_status
from scanners.model.access import ApprovedGrant
from scanners.model.roles import OWNER


@dataclass(frozen=True)
class GrantRow:
    grant: ApprovedGrant
    due: date | None
    overdue: bool


def _grants(request: Request, viewer: Viewer) -> tuple[list[GrantRow] | None, str]:
    """The grants the viewer may see (None: no access list), and a problem reading it."""
    console = console_of(request)
    try:
        grants = load_grants_for(console.loaded)
    except PdpaAgentError as exc:
        return [], str(exc)
    if grants is None:
        return None, ""
    if viewer.role == OWNER:
        mine = [
            (source, dataset.name)
            for source, datasets in visible_datasets(console, viewer).items()
            for dataset in datasets
        ]
        grants = tuple(g for g in grants if any(g.covers(s, d) for s, d in mine))
    today = console.today()
    rows = []
    for grant in sorted(grants, key=lambda g: (g.source, g.principal, g.dataset)):
        due, overdue = review_status(grant, today)
        rows.append(GrantRow(grant, due, overdue))
    return rows, ""


async def access_page(request: Request) -> Response:
    viewer = authenticate(request)
    console = console_of(request)
    groups: dict[tuple[str, str], list[dict[str, object]]] = {}
    for row in access_findings(console.store.engine, console.scope(viewer)):
        groups.setdefault((row.source, row.principal or ""), []).append(
            {
                "id": row.id,
                "type": row.type,
                "severity": row.severity,
                "dataset": row.dataset,
                "privileges": json.loads(row.privileges or "[]"),
            }
        )
    grants, problem = _grants(request, viewer)
    return render(
        request,
        "access.html",
        viewer,
        groups=sorted(groups.items()),
        grants=grants,
        problem=problem,
    )
