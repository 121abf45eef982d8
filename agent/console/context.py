"""What every console request shares: the config, the store, the clock, the templates.

:class:`Console` lives on ``app.state.console``; :class:`Viewer` is the
account a request is made by. :func:`render` renders a page template with
what every page needs (words in the chosen language, the navigation for
the viewer's role, the CSRF token, the language switch, label and date
helpers). The language is ``?lang=th|en`` (remembered in a cookie), else
the cookie, else ``[reports] language``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment
from sqlalchemy import select
from starlette.requests import Request
from starlette.responses import HTMLResponse

from agent.console.security import LANGUAGE_COOKIE, cookie_header, queue_cookie
from agent.console.text import LANGUAGES, words
from agent.inputs.config import ConsoleSettings
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.user_files import load_register_for
from agent.state.store import StateStore
from agent.state.tables import FINDING_OPEN, FINDINGS
from connectors.errors import PdpaAgentError
from reports.templating import template_environment as report_templates
from reports.text.dates import bangkok_date, format_date, format_moment
from reports.text.labels import finding_type_name, pii_type_name, severity_name
from scanners.model.register import RegisterEntry
from scanners.model.roles import BREACH_READERS, DISCLOSURE_READERS, OWNER, owns
from scanners.model.triage import TRIAGE_STATUSES

TEMPLATES = Path(__file__).with_name("templates")
_YEAR = 365 * 24 * 3600

TRIAGE_WORDS: Mapping[str, Mapping[str, str]] = {
    "th": {
        "open": "เปิด",
        "acknowledged": "รับทราบแล้ว",
        "in_progress": "กำลังดำเนินการ",
        "accepted": "ยอมรับความเสี่ยง",
        "false_positive": "ตรวจพบผิด",
    },
    "en": {
        "open": "open",
        "acknowledged": "acknowledged",
        "in_progress": "in progress",
        "accepted": "accepted",
        "false_positive": "false positive",
    },
}


def template_environment() -> Environment:
    """Jinja2 over the console's templates, as the reports have it: autoescape always on,
    an undefined name an error (``reports.templating``)."""
    return report_templates(TEMPLATES)


@dataclass(frozen=True)
class Viewer:
    """The account a request is made by, and its session's CSRF token."""

    name: str
    role: str
    email: str | None
    csrf_token: str


@dataclass(frozen=True)
class Console:
    """The application's shared state."""

    loaded: LoadedConfig
    store: StateStore
    clock: Callable[[], datetime]
    templates: Environment

    @property
    def settings(self) -> ConsoleSettings:
        return self.loaded.config.console

    def now(self) -> datetime:
        """The clock's time, as an aware UTC moment."""
        moment = self.clock()
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)

    def today(self) -> date:
        """Today in Bangkok (acceptances and due dates count Bangkok days)."""
        return bangkok_date(self.now().isoformat()) or self.now().date()

    def register(self) -> tuple[RegisterEntry, ...]:
        """The register as the config names it (read on each use: it may change)."""
        return load_register_for(self.loaded)

    def scope(self, viewer: Viewer) -> tuple[str, ...] | None:
        """The ``owner`` values of the findings ``viewer`` sees (None: every finding).

        An owner's e-mail as written, its lower case, and every register owner
        and open finding's owner that is the same e-mail (``roles.owns``).
        """
        if viewer.role != OWNER:
            return None
        email = (viewer.email or "").strip()
        if not email:
            return ()
        try:
            listed = {entry.owner for entry in self.register()}
        except PdpaAgentError:
            listed = set()
        query = select(FINDINGS.c.owner).where(FINDINGS.c.status == FINDING_OPEN).distinct()
        with self.store.engine.connect() as conn:
            listed |= {str(owner) for owner in conn.execute(query).scalars() if owner}
        return tuple(sorted({email, email.lower()} | {o for o in listed if owns(email, o)}))


def console_of(request: Request) -> Console:
    console: Console = request.app.state.console
    return console


def language(request: Request) -> str:
    """The page's language; a ``?lang=`` choice is remembered in a cookie."""
    console = console_of(request)
    chosen = request.query_params.get("lang", "")
    if chosen in LANGUAGES:
        secure = console.settings.secure_cookies
        queue_cookie(request, cookie_header(LANGUAGE_COOKIE, chosen, secure=secure, max_age=_YEAR))
        return chosen
    remembered = request.cookies.get(LANGUAGE_COOKIE, "")
    if remembered in LANGUAGES:
        return remembered
    return console.loaded.config.reports.language


def nav(viewer: Viewer) -> list[tuple[str, str]]:
    """(path, word key) of the pages the viewer's role may open."""
    items = [("/", "dashboard"), ("/inventory", "inventory"), ("/findings", "findings")]
    items.append(("/access", "access"))
    if viewer.role in DISCLOSURE_READERS:
        items.append(("/disclosures", "disclosures"))
    if viewer.role in BREACH_READERS:
        items.append(("/breaches", "breaches"))
    return items


def _switch(request: Request, code: str) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return request.url.path + "?" + urlencode([*params, ("lang", code)])


def render(
    request: Request,
    template: str,
    viewer: Viewer | None,
    status: int = 200,
    headers: Mapping[str, str] | None = None,
    **values: Any,
) -> HTMLResponse:
    """The page ``template`` for ``viewer`` in the request's language."""
    console = console_of(request)
    lang = language(request)
    era = console.loaded.config.reports.thai_dates
    context: dict[str, Any] = {
        "lang": lang,
        "t": words(lang),
        "viewer": viewer,
        "nav": nav(viewer) if viewer else [],
        "path": request.url.path,
        "switch": {code: _switch(request, code) for code in LANGUAGES},
        "severity_name": lambda code: severity_name(code, lang),
        "type_name": lambda code: finding_type_name(code, lang),
        "pii_name": lambda code: pii_type_name(code, lang),
        "triage_name": lambda code: TRIAGE_WORDS[lang].get(code, code),
        "triage_statuses": TRIAGE_STATUSES,
        "moment": lambda iso: format_moment(iso, lang, era) if iso else "",
        "day": lambda value: format_date(value, lang, era) if value else "",
        **values,
    }
    body = console.templates.get_template(template).render(context)
    return HTMLResponse(body, status_code=status, headers=dict(headers or {}))
