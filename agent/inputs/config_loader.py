"""Load and validate the agent's TOML configuration (SPEC §4).

Finds the file (``-c`` path, else ``./pdpa-agent.toml``, else
``config.example.toml``), validates it into :class:`agent.inputs.config.Config` and
resolves every relative path against the config file's folder — including
the file of a relative ``sqlite:///`` URL (the ``[agent] state`` store and
``kind = "database"`` sources), which is made absolute once, at load time, so
every consumer (scan, findings, the file cache, Celery workers) opens the same
file whatever the current directory. A files source whose folder is missing
is no config error: shares are mounted later, and a folder missing when a
scan runs is that source's ``SCAN_ERROR`` (``check-config`` warns about it).

A config file that every user of the machine can read and that holds a
secret (a password inside a database, broker, state-store, SMB or SMTP URL,
rather than a ``${NAME}`` reference to the environment; see
:func:`connectors.urls.url_holds_secret`) is reported once per process on
stderr, whichever command loaded it.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from agent.inputs.config import Config, DatabaseSource
from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.toml_document import load_toml, validation_problems
from connectors.urls import url_holds_secret

DEFAULT_CONFIG_NAMES = ("pdpa-agent.toml", "config.example.toml")
_warned: set[Path] = set()  # config files already reported as exposed in this process


@dataclass(frozen=True)
class LoadedConfig:
    """A validated config and the file it came from."""

    config: Config
    path: Path

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        """A path from the config, resolved against the config file's folder.

        ``~`` and ``~user`` are expanded; an unknown user leaves the path as
        written, so it is reported as not found rather than failing here.
        """
        try:
            candidate = Path(relative).expanduser()
        except RuntimeError:  # "~nosuchuser/…": no home directory to expand to
            candidate = Path(relative)
        return candidate if candidate.is_absolute() else self.base_dir / candidate


def find_config(explicit: str | None) -> Path:
    """The config path to use; raise ConfigProblems when there is none."""
    if explicit:
        return Path(explicit)
    for name in DEFAULT_CONFIG_NAMES:
        if Path(name).is_file():
            return Path(name)
    raise ConfigProblems(
        [Problem(Path(DEFAULT_CONFIG_NAMES[0]), None, "no config file; pass -c PATH")]
    )


def load_config(path: Path) -> LoadedConfig:
    """Parse and validate; raise ConfigProblems listing every problem found."""
    document = load_toml(path, "config file")
    try:
        config = Config.model_validate(document.data)
    except ValidationError as exc:
        raise ConfigProblems(validation_problems(exc, document.problem)) from None
    problems = []
    seen: set[str] = set()
    for index, source in enumerate(config.sources):
        if source.name in seen:
            where = ("sources", index, "name")
            problems.append(document.problem(where, f"duplicate source name {source.name!r}"))
        seen.add(source.name)
    if problems:
        raise ConfigProblems(problems)
    base = path.resolve().parent
    loaded = LoadedConfig(config=with_resolved_urls(config, base), path=path.resolve())
    warning = exposure_warning(loaded.path)
    if warning and loaded.path not in _warned:
        _warned.add(loaded.path)
        print(warning, file=sys.stderr)
    return loaded


def not_a_folder(folder: Path) -> str:
    """Why ``folder`` cannot be a share root ("" when it is a readable folder)."""
    try:
        if folder.is_dir():
            return "" if os.access(folder, os.R_OK | os.X_OK) else f"{folder} is not readable"
        if folder.exists():
            return f"{folder} is not a folder"
    except OSError as exc:  # a name too long, a folder on the way we may not enter
        return f"{folder} cannot be read ({exc.strerror or type(exc).__name__})"
    return f"{folder} not found"


_SQLITE_URL = re.compile(r"^(sqlite(?:\+[A-Za-z0-9_]+)?):///(.*)$", re.DOTALL)


def resolve_sqlite_url(url: str, base: Path) -> str:
    """``url`` with the file of a relative ``sqlite:///`` URL made absolute against ``base``.

    ``sqlite://`` and ``sqlite:///:memory:`` (in memory), absolute files
    (``sqlite:////abs.db``), ``file:`` URIs and every other kind of URL are
    returned unchanged; a query string (``?mode=ro``) is kept as written.
    """
    match = _SQLITE_URL.match(url)
    if match is None:
        return url
    scheme, rest = match.groups()
    file, separator, query = rest.partition("?")
    if not file or file.startswith((":memory:", "/", "file:")):
        return url
    try:
        candidate = Path(file).expanduser()
    except RuntimeError:  # "~nosuchuser/…": left as written, reported when opened
        candidate = Path(file)
    if not candidate.is_absolute():
        candidate = base / candidate
    return f"{scheme}:///{candidate}{separator}{query}"


def with_resolved_urls(config: Config, base: Path) -> Config:
    """``config`` with every relative ``sqlite:///`` URL resolved against ``base``."""
    state = resolve_sqlite_url(config.agent.state, base)
    sources = [
        source.model_copy(update={"url": resolve_sqlite_url(source.url, base)})
        if isinstance(source, DatabaseSource)
        else source
        for source in config.sources
    ]
    return config.model_copy(
        update={"agent": config.agent.model_copy(update={"state": state}), "sources": sources}
    )


def _urls(data: dict[str, Any]) -> Iterator[object]:
    """Every URL-valued setting of a raw config document (before ``${NAME}`` interpolation)."""
    agent = data.get("agent") if isinstance(data.get("agent"), dict) else {}
    for key in ("state", "broker", "result_backend"):
        yield agent.get(key)
    for source in data.get("sources") or ():
        if isinstance(source, dict):
            yield source.get("url")
            yield source.get("path")
    reports = data.get("reports") if isinstance(data.get("reports"), dict) else {}
    email = reports.get("email") if isinstance(reports.get("email"), dict) else {}
    yield email.get("smtp_url")


def exposure_warning(path: Path) -> str | None:
    """The one-line warning for a world-readable config holding secrets, else None."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return None
    if not mode & stat.S_IROTH:
        return None
    try:
        raw = load_toml(path, "config file", interpolate=False).data
    except ConfigProblems:
        return None
    if not any(url_holds_secret(url) for url in _urls(raw)):
        return None
    return (
        f"pdpa-agent: warning: {path} is readable by every user (mode {mode:04o}) "
        "and holds secrets; chmod 600 it"
    )
