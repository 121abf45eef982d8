"""The breach drafts as self-contained HTML pages, from a ``breach.json`` document.

``office_notice_html`` (to the PDPC office), ``subjects_notice_html`` (to the
data subjects) and ``internal_record_html`` (kept in every case), in Thai or
English. The words come from ``office_text``, ``subjects_text`` and
``record_text``; ``templates/draft.html.j2`` lays any draft out over
``_layout.html.j2`` (inline CSS, a Content-Security-Policy that loads nothing,
no scripts, fonts or images). Autoescape is on, and the ``blanks`` filter
escapes each piece of text before it marks the ``[… …]`` blanks an officer
fills in, so a title like ``<script>`` stays text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup, escape

from reports.breach.draft_model import Draft, segments
from reports.breach.office_text import office_notice
from reports.breach.record_text import internal_record
from reports.breach.subjects_text import subjects_notice
from reports.templating import template_environment
from reports.text.labels import check_language

TEMPLATES = Path(__file__).resolve().parent / "templates"


def mark_blanks(text: str) -> Markup:
    """``text`` escaped, each blank wrapped in ``<mark class="blank">``."""
    return Markup("").join(
        Markup('<mark class="blank">{}</mark>').format(part) if is_blank else escape(part)
        for part, is_blank in segments(str(text))
    )


def environment() -> Environment:
    """The environment the drafts render in (autoescape ON, with the ``blanks`` filter)."""
    env = template_environment(TEMPLATES)
    env.filters["blanks"] = mark_blanks
    return env


def render_draft(draft: Draft) -> str:
    """Any draft as an HTML page."""
    return environment().get_template("draft.html.j2").render(draft=draft)


def office_notice_html(doc: dict[str, Any], language: str, controller: str, dpo_email: str) -> str:
    """The notice to the PDPC office; for grade ``none`` marked "not required — for the record"."""
    return render_draft(office_notice(doc, check_language(language), controller, dpo_email))


def subjects_notice_html(
    doc: dict[str, Any], language: str, controller: str, dpo_email: str
) -> str:
    """The notice to the data subjects (required for grade ``high``; rendered whenever asked)."""
    return render_draft(subjects_notice(doc, check_language(language), controller, dpo_email))


def internal_record_html(doc: dict[str, Any], language: str) -> str:
    """The internal record, with every factor and, when no notice is required, why."""
    return render_draft(internal_record(doc, check_language(language)))
