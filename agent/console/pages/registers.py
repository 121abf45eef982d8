"""``/disclosures`` and ``/breaches``: the disclosure log (s.37(2)) with each next follow-up
and whether it is overdue, and the breach register (s.37(4)) with the 72-hour deadline and
the time left on the console's clock. Roles outside ``DISCLOSURE_READERS`` /
``BREACH_READERS`` get 404 for every page of them.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from agent.console.auth import authenticate
from agent.console.context import Viewer, console_of, language, render
from agent.state.breaches import get_breach, list_breaches
from agent.state.disclosures import get_disclosure, list_disclosures
from scanners.breach.clock import describe_left, describe_left_th
from scanners.model.breach import BreachRecord
from scanners.model.roles import BREACH_READERS, DISCLOSURE_READERS


def _reader(request: Request, roles: tuple[str, ...]) -> Viewer:
    viewer = authenticate(request)
    if viewer.role not in roles:
        raise HTTPException(404)
    return viewer


async def disclosures_page(request: Request) -> Response:
    viewer = _reader(request, DISCLOSURE_READERS)
    console = console_of(request)
    return render(
        request,
        "disclosures.html",
        viewer,
        disclosures=list_disclosures(console.store),
        today=console.today(),
    )


async def disclosure_page(request: Request) -> Response:
    viewer = _reader(request, DISCLOSURE_READERS)
    console = console_of(request)
    record = get_disclosure(console.store, request.path_params["disclosure_id"])
    if record is None:
        raise HTTPException(404)
    return render(request, "disclosure.html", viewer, record=record, today=console.today())


def _left(request: Request, breach: BreachRecord) -> str:
    if not breach.is_open:
        return ""
    left = breach.deadline - console_of(request).now()
    return describe_left_th(left) if language(request) == "th" else describe_left(left)


async def breaches_page(request: Request) -> Response:
    viewer = _reader(request, BREACH_READERS)
    breaches = list_breaches(console_of(request).store)
    rows = [(breach, _left(request, breach)) for breach in breaches]
    return render(request, "breaches.html", viewer, rows=rows)


async def breach_page(request: Request) -> Response:
    viewer = _reader(request, BREACH_READERS)
    breach = get_breach(console_of(request).store, request.path_params["breach_id"])
    if breach is None:
        raise HTTPException(404)
    return render(request, "breach.html", viewer, breach=breach, left=_left(request, breach))
