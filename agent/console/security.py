"""What every console response carries, and the cookies and CSRF tokens of its forms.

:class:`SecurityHeaders` adds, to every response (errors and static files
included), a strict Content-Security-Policy (own styles only, no script at
all, no framing, forms posting only back to the console), ``nosniff``,
``no-referrer``, ``X-Frame-Options: DENY`` and ``Cross-Origin-Opener-Policy:
same-origin``; everything but the shipped stylesheet is ``no-store``. It also
sets the cookies a handler queued with :func:`queue_cookie` (a new session,
the chosen language), whatever response the handler gave.

Every cookie is ``HttpOnly`` and ``SameSite=Strict`` (``Secure`` with
``[console] secure_cookies``). A form carries a CSRF token in a hidden
``csrf_token`` field: the session's own for a logged-in account, and for the
login form a random one also set as a cookie (double submit). Tokens are
compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import MutableMapping
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "pdpa_session"
LOGIN_CSRF_COOKIE = "pdpa_login_csrf"
LANGUAGE_COOKIE = "pdpa_lang"
CSRF_FIELD = "csrf_token"

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
    "font-src 'self'; connect-src 'none'; frame-ancestors 'none'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)

HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
)

_STATIC_PREFIX = "/static/"
_QUEUE = "console_cookies"


def cookie_header(
    name: str, value: str, *, secure: bool, max_age: int | None = None, delete: bool = False
) -> str:
    """A ``Set-Cookie`` value: HttpOnly, SameSite=Strict, Path=/ (Secure when asked)."""
    parts = [f"{name}={'' if delete else value}", "Path=/", "HttpOnly", "SameSite=Strict"]
    if secure:
        parts.append("Secure")
    if delete:
        parts.append("Max-Age=0")
    elif max_age is not None:
        parts.append(f"Max-Age={max_age}")
    return "; ".join(parts)


def queue_cookie(request: Request, header: str) -> None:
    """Have :class:`SecurityHeaders` set this cookie on the response to ``request``."""
    state: MutableMapping[str, Any] = request.scope.setdefault("state", {})
    state.setdefault(_QUEUE, []).append(header)


def tokens_match(expected: str | None, given: str | None) -> bool:
    """Whether a submitted CSRF token is the expected one (constant time; empty never)."""
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8", "replace"))


class SecurityHeaders:
    """ASGI middleware: the security headers and queued cookies on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith(_STATIC_PREFIX)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                for name, value in HEADERS:
                    if name.encode() not in names:
                        headers.append((name.encode(), value.encode()))
                cache = "public, max-age=3600" if static else "no-store"
                headers = [(n, v) for n, v in headers if n.lower() != b"cache-control"]
                headers.append((b"cache-control", cache.encode()))
                if not static:
                    headers.append((b"pragma", b"no-cache"))
                for cookie in scope.get("state", {}).get(_QUEUE, ()):
                    headers.append((b"set-cookie", cookie.encode("latin-1")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
