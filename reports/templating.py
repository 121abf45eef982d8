"""The one Jinja2 environment every HTML report renders in: autoescape on, strict undefined.

Each writer passes its own template folder (``reports/formats/templates``,
``reports/disclosure/templates``); the settings are the same for all, so no
page can forget to escape what a user or a database gave it.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def template_environment(folder: Path) -> Environment:
    """The environment over ``folder``'s templates."""
    return Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
