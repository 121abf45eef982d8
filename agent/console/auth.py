"""Who is asking: password login with sessions, or a trusted single sign-on header.

With password login, ``POST /login`` checks the account's password (after
the rate limit of ``agent.state.decisions.accounts``: while an account name
or client address must wait, the answer is 429 with ``Retry-After`` and the
password is not even checked) and starts a session (``pdpa_session``
cookie). ``POST /logout`` ends it. A request without a live session is sent
to ``/login`` (a GET) or refused (403, any other method).

With ``[console] trusted_header`` set, the reverse proxy in front of the
console authenticates people and names them in that header: the named
account must exist and be enabled (else 403, as for a request without the
header), password login is off (``/login`` answers 404), and a session is
made on the fly so that forms still carry a per-session CSRF token. The
console must then listen only where the proxy alone can reach it
(``--host 127.0.0.1`` behind it), or anyone could send the header.
"""

from __future__ import annotations

import math
import secrets
from datetime import timedelta

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from agent.console.context import Console, Viewer, console_of, render
from agent.console.security import (
    CSRF_FIELD,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    cookie_header,
    queue_cookie,
    tokens_match,
)
from agent.state.decisions.accounts import (
    clear_failures,
    enabled_account,
    login_wait,
    record_failure,
    verify_login,
)
from agent.state.decisions.sessions import create_session, end_session, find_session

_FIELD_LIMIT = 1000  # longest account name or password read from the form


class LoginRequired(Exception):
    """No live session: a GET goes to the login page, anything else is refused."""


def _start_session(request: Request, console: Console, name: str) -> str:
    lifetime = timedelta(hours=console.settings.session_hours)
    token, session = create_session(console.store.engine, name, console.now(), lifetime)
    secure = console.settings.secure_cookies
    queue_cookie(request, cookie_header(SESSION_COOKIE, token, secure=secure))
    return session.csrf_token


def authenticate(request: Request) -> Viewer:
    """The viewer making ``request``; LoginRequired or 403 when there is none."""
    console = console_of(request)
    settings = console.settings
    engine = console.store.engine
    idle = timedelta(minutes=settings.idle_minutes)
    token = request.cookies.get(SESSION_COOKIE, "")
    session = find_session(engine, token, console.now(), idle) if token else None
    if settings.trusted_header:
        claimed = request.headers.get(settings.trusted_header, "").strip()
        account = enabled_account(engine, claimed) if claimed else None
        if account is None:
            raise HTTPException(403)
        if session is None or session.user_name != account.name:
            if session is not None:
                end_session(engine, token)
            csrf = _start_session(request, console, account.name)
        else:
            csrf = session.csrf_token
        return Viewer(account.name, account.role, account.email, csrf)
    if session is None:
        raise LoginRequired()
    account = enabled_account(engine, session.user_name)
    if account is None:
        end_session(engine, token)
        raise LoginRequired()
    return Viewer(account.name, account.role, account.email, session.csrf_token)


def _login_form(
    request: Request,
    status: int = 200,
    headers: dict[str, str] | None = None,
    **values: object,
) -> Response:
    console = console_of(request)
    token = secrets.token_urlsafe(32)
    secure = console.settings.secure_cookies
    queue_cookie(request, cookie_header(LOGIN_CSRF_COOKIE, token, secure=secure))
    return render(request, "login.html", None, status, headers, csrf=token, **values)


async def login_page(request: Request) -> Response:
    """``GET /login``: the form (404 under single sign-on)."""
    if console_of(request).settings.trusted_header:
        raise HTTPException(404)
    return _login_form(request, error="", name="")


async def login(request: Request) -> Response:
    """``POST /login``: CSRF, rate limit, password, then a session."""
    console = console_of(request)
    if console.settings.trusted_header:
        raise HTTPException(404)
    form = await request.form()
    given = str(form.get(CSRF_FIELD, ""))
    if not tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE), given):
        raise HTTPException(403)
    name = str(form.get("name", "")).strip()[:_FIELD_LIMIT]
    password = str(form.get("password", ""))[:_FIELD_LIMIT]
    client = request.client.host if request.client else "unknown"
    engine = console.store.engine
    now = console.now()
    wait = login_wait(engine, name, client, now)
    if wait > timedelta(0):
        record_failure(engine, name, client, now)  # hammering during the wait extends it
        wait = login_wait(engine, name, client, now)
        seconds = max(1, math.ceil(wait.total_seconds()))
        return _login_form(
            request,
            429,
            headers={"Retry-After": str(seconds)},
            error="login_wait",
            seconds=seconds,
            name=name,
        )
    account = verify_login(engine, name, password)
    if account is None:
        record_failure(engine, name, client, now)
        return _login_form(request, 401, error="login_failed", name=name)
    clear_failures(engine, name)
    _start_session(request, console, account.name)
    secure = console.settings.secure_cookies
    queue_cookie(request, cookie_header(LOGIN_CSRF_COOKIE, "", secure=secure, delete=True))
    return RedirectResponse("/", status_code=303)


async def logout(request: Request) -> Response:
    """``POST /logout``: ends the session (the form's CSRF token must be the session's)."""
    viewer = authenticate(request)
    form = await request.form()
    if not tokens_match(viewer.csrf_token, str(form.get(CSRF_FIELD, ""))):
        raise HTTPException(403)
    console = console_of(request)
    end_session(console.store.engine, request.cookies.get(SESSION_COOKIE, ""))
    secure = console.settings.secure_cookies
    queue_cookie(request, cookie_header(SESSION_COOKIE, "", secure=secure, delete=True))
    return RedirectResponse("/" if console.settings.trusted_header else "/login", status_code=303)


async def require_form(request: Request, viewer: Viewer) -> dict[str, str]:
    """The POSTed form as text fields, after its CSRF token was checked (403 otherwise)."""
    form = await request.form()
    if not tokens_match(viewer.csrf_token, str(form.get(CSRF_FIELD, ""))):
        raise HTTPException(403)
    return {key: value for key, value in form.items() if isinstance(value, str)}
