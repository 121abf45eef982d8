"""The console application: routes, error pages and the security middleware.

``create_app(loaded, clock=None)`` opens (and migrates) the state store of
``loaded`` and returns the Starlette application ``pdpa-agent serve`` runs.
``clock`` (a function returning the current moment) is for tests: sessions,
the login rate limit, acceptances and breach clocks all read it.

Routes (every page but ``/healthz``, ``/login`` and ``/static`` needs an
account; what a role may not see answers 404):

``GET /``, ``/inventory``, ``/inventory/{source}/{dataset}``, ``/findings``,
``/findings/{id}``, ``POST /findings/{id}/triage``, ``/access``,
``/disclosures``, ``/disclosures/{id}``, ``/breaches``, ``/breaches/{id}``,
``GET|POST /login``, ``POST /logout``, ``GET /healthz``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from agent.console.auth import LoginRequired, login, login_page, logout
from agent.console.context import Console, render, template_environment
from agent.console.pages.access import access_page
from agent.console.pages.dashboard import dashboard_page
from agent.console.pages.findings import finding_page, findings_page, triage_post
from agent.console.pages.inventory import dataset_page, inventory_page
from agent.console.pages.registers import (
    breach_page,
    breaches_page,
    disclosure_page,
    disclosures_page,
)
from agent.console.security import SecurityHeaders
from agent.inputs.config_loader import LoadedConfig
from agent.state.store import StateStore

STATIC = Path(__file__).with_name("static")

_ERROR_WORDS = {400: "bad_request", 403: "forbidden", 404: "not_found"}


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


async def _login_required(request: Request, exc: Exception) -> Response:
    if request.method in ("GET", "HEAD"):
        return RedirectResponse("/login", status_code=302)
    return await _http_error(request, HTTPException(403))


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    headers = dict(exc.headers or {}) if isinstance(exc, HTTPException) else {}
    key = _ERROR_WORDS.get(status, "bad_request")
    return render(request, "error.html", None, status, headers, status_code=status, key=key)


def routes() -> list[Route | Mount]:
    return [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/login", login_page, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/", dashboard_page, methods=["GET"]),
        Route("/inventory", inventory_page, methods=["GET"]),
        Route("/inventory/{source}/{dataset:path}", dataset_page, methods=["GET"]),
        Route("/findings", findings_page, methods=["GET"]),
        Route("/findings/{finding_id}", finding_page, methods=["GET"]),
        Route("/findings/{finding_id}/triage", triage_post, methods=["POST"]),
        Route("/access", access_page, methods=["GET"]),
        Route("/disclosures", disclosures_page, methods=["GET"]),
        Route("/disclosures/{disclosure_id}", disclosure_page, methods=["GET"]),
        Route("/breaches", breaches_page, methods=["GET"]),
        Route("/breaches/{breach_id}", breach_page, methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def _system_clock() -> datetime:
    return datetime.now(UTC)


def create_app(loaded: LoadedConfig, clock: Callable[[], datetime] | None = None) -> Starlette:
    """The console over the state store of ``loaded`` (opened and migrated here)."""
    store = StateStore(loaded.config.agent.state)
    app = Starlette(
        routes=routes(),
        middleware=[Middleware(SecurityHeaders)],
        exception_handlers={HTTPException: _http_error, LoginRequired: _login_required},
    )
    app.state.console = Console(loaded, store, clock or _system_clock, template_environment())
    return app
