"""The Jinja2 environment of the disclosure pages, and how they write a moment in time.

Built like :mod:`reports.formats.html_report`'s (autoescape on, strict
undefined, templates from the package folder) over this package's
``templates/``: that builder is private to its module and fixed to its own
folder. The templates share ``_layout.html.j2``: inline CSS, a
Content-Security-Policy that loads nothing, no scripts, fonts or images.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment

from reports.templating import template_environment
from reports.text.dates import bangkok_date, format_date, format_moment, utc

TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment() -> Environment:
    """The environment every disclosure page renders in (autoescape ON)."""
    return template_environment(TEMPLATES)


def render(template: str, context: dict[str, Any]) -> str:
    """``template`` rendered with ``context``."""
    return environment().get_template(template).render(context)


def iso(moment: datetime) -> str:
    """``moment`` as ISO 8601 UTC."""
    return utc(moment).isoformat()


def moment_text(moment: datetime, language: str) -> str:
    """``4 ธ.ค. 2569 09:30 น.`` (Thai, B.E., Bangkok) or ``2026-12-04 09:30 (UTC+7)``."""
    return format_moment(iso(moment), language)


def date_text(day: date | None, language: str) -> str:
    """``4 ธ.ค. 2569`` (Thai, B.E.) or ``2026-12-04``; empty for no date."""
    return "" if day is None else format_date(day, language)


def local_date_text(moment: datetime, language: str) -> str:
    """The Bangkok calendar date of ``moment``, as :func:`date_text` writes it."""
    return date_text(bangkok_date(iso(moment)), language)
