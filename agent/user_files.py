"""Load every user file the config points to, and validate them all for ``check-config``."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from agent.access_loader import load_access_list
from agent.config import DatabaseSource
from agent.config_loader import LoadedConfig, load_config
from agent.erasure import ErasureRequest, due, load_erasure_requests
from agent.overrides_loader import load_overrides
from agent.problems import ConfigProblems, Problem
from agent.register_loader import load_register
from scanners.access import ApprovedGrant
from scanners.overrides import Override
from scanners.register import RegisterEntry


def load_register_for(loaded: LoadedConfig) -> tuple[RegisterEntry, ...]:
    """The register named by the config, or none when it names none."""
    if loaded.config.register is None:
        return ()
    names = {source.name for source in loaded.config.sources}
    return load_register(loaded.resolve(loaded.config.register.path), names)


def load_grants_for(loaded: LoadedConfig) -> tuple[ApprovedGrant, ...] | None:
    """The approved access list, or None when the config names none (no access review)."""
    if loaded.config.access is None:
        return None
    names = {source.name for source in loaded.config.sources}
    return load_access_list(loaded.resolve(loaded.config.access.path), names)


def load_overrides_for(loaded: LoadedConfig) -> tuple[Override, ...]:
    """The classification overrides named by the config, or none when it names none."""
    path = loaded.config.classification.overrides
    if path is None:
        return ()
    names = {source.name for source in loaded.config.sources}
    return load_overrides(loaded.resolve(path), names)


def load_due_requests(loaded: LoadedConfig, today: date) -> tuple[ErasureRequest, ...]:
    """Erasure requests whose grace period is over, or none when no file is configured."""
    settings = loaded.config.erasure
    if settings is None:
        return ()
    requests = load_erasure_requests(loaded.resolve(settings.path))
    return tuple(due(requests, today, settings.grace_days))


def _url_password(url: str) -> bool:
    """True when a SQLAlchemy URL carries a password (an unparsable URL is reported elsewhere)."""
    try:
        return bool(make_url(url).password)
    except Exception:  # ArgumentError and friends: the connector reports the bad URL
        return False


def check_all(config_path: Path) -> tuple[list[Problem], str]:
    """Every problem in the config and the files it names, and a one-line summary."""
    try:
        loaded = load_config(config_path)
    except ConfigProblems as exc:
        return list(exc.problems), ""
    problems: list[Problem] = []
    config = loaded.config
    names = {source.name for source in config.sources}
    counts = {"register entries": 0, "grants": 0, "erasure requests": 0, "overrides": 0}
    if config.register is not None:
        try:
            counts["register entries"] = len(
                load_register(loaded.resolve(config.register.path), names)
            )
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    if config.access is not None:
        try:
            counts["grants"] = len(load_access_list(loaded.resolve(config.access.path), names))
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    if config.erasure is not None:
        try:
            counts["erasure requests"] = len(
                load_erasure_requests(loaded.resolve(config.erasure.path))
            )
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    if config.classification.overrides is not None:
        try:
            counts["overrides"] = len(
                load_overrides(loaded.resolve(config.classification.overrides), names)
            )
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    for source in config.sources:
        if source.password_env and source.password_env not in os.environ:
            problems.append(
                Problem(
                    loaded.path,
                    None,
                    f"source {source.name}: environment variable {source.password_env} is not set",
                    warning=True,
                )
            )
        if isinstance(source, DatabaseSource) and _url_password(source.url):
            problems.append(
                Problem(
                    loaded.path,
                    None,
                    f"source {source.name}: the url holds a password; use password_env instead",
                    warning=True,
                )
            )
    summary = (
        f"{loaded.path}: OK — {len(config.sources)} source(s), "
        f"{counts['register entries']} register entries, {counts['grants']} grant(s), "
        f"{counts['erasure requests']} erasure request(s), "
        f"{counts['overrides']} classification override(s)"
    )
    return problems, summary
