"""Load every user file the config points to, and validate them all for ``check-config``.

``check-config`` also prints where the agent reads and writes — the state
store and every source, relative paths resolved against the config file's
folder — with any password shown as ``***``.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy.engine import make_url

from agent.commands.check_connect import UserFiles, connect_problems
from agent.inputs.access_loader import load_access_list
from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig, load_config, not_a_folder
from agent.inputs.erasure import ErasureRequest, due, load_erasure_requests
from agent.inputs.overrides_loader import load_overrides
from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.register_loader import load_register
from agent.inputs.toml_document import load_toml
from connectors.files.smb_url import is_smb_url, shown_smb_url
from connectors.urls import url_holds_secret
from scanners.classification.overrides import Override
from scanners.model.access import ApprovedGrant
from scanners.model.register import RegisterEntry


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


def check_all(config_path: Path, connect: bool = False) -> tuple[list[Problem], str]:
    """Every problem in the config and the files it names, and a summary.

    With ``connect``, every source is also opened read-only and the problems
    only it can reveal are added (:mod:`agent.commands.check_connect`). Without it, a
    files source whose folder is missing is a warning only: a share may be
    mounted later, and at scan time a missing folder is that source's
    ``SCAN_ERROR``.
    """
    try:
        loaded = load_config(config_path)
    except ConfigProblems as exc:
        return list(exc.problems), ""
    problems: list[Problem] = []
    config = loaded.config
    names = {source.name for source in config.sources}
    files = UserFiles()
    if config.register is not None:
        path = loaded.resolve(config.register.path)
        try:
            files = replace(files, register=load_register(path, names), register_path=path)
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    if config.access is not None:
        path = loaded.resolve(config.access.path)
        try:
            files = replace(files, grants=load_access_list(path, names), access_path=path)
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    requests = 0
    if config.erasure is not None:
        try:
            requests = len(load_erasure_requests(loaded.resolve(config.erasure.path)))
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    if config.classification.overrides is not None:
        path = loaded.resolve(config.classification.overrides)
        try:
            files = replace(files, overrides=load_overrides(path, names), overrides_path=path)
        except ConfigProblems as exc:
            problems.extend(exc.problems)
    document = load_toml(loaded.path, "config file")
    for index, source in enumerate(config.sources):
        if source.password_env and source.password_env not in os.environ:
            problems.append(
                Problem(
                    loaded.path,
                    None,
                    f"source {source.name}: environment variable {source.password_env} is not set",
                    warning=True,
                )
            )
        if isinstance(source, DatabaseSource) and url_holds_secret(source.url):
            problems.append(
                Problem(
                    loaded.path,
                    None,
                    f"source {source.name}: the url holds a password; use password_env instead",
                    warning=True,
                )
            )
        if isinstance(source, FilesSource) and not connect and not is_smb_url(source.path):
            missing = not_a_folder(loaded.resolve(source.path))
            if missing:
                message = f"source {source.name}: folder {missing} (scans report it as SCAN_ERROR)"
                problems.append(document.problem(("sources", index, "path"), message, warning=True))
    if connect:
        problems.extend(
            connect_problems(
                loaded, files, lambda i, m: document.problem(("sources", i, "name"), m)
            )
        )
    summary = "\n".join(
        [
            f"{loaded.path}: OK — {len(config.sources)} source(s), "
            f"{len(files.register)} register entries, {len(files.grants)} grant(s), "
            f"{requests} erasure request(s), "
            f"{len(files.overrides)} classification override(s)"
            + (", every source reached" if connect else ""),
            *resolved_lines(loaded),
        ]
    )
    return problems, summary


def shown_url(url: str) -> str:
    """A URL as it may be printed: its password, if any, shown as ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a SQLAlchemy URL: never print what might hold a secret
        return "(unparsable URL)" if url_holds_secret(url) or "@" in url else url


def resolved_lines(loaded: LoadedConfig) -> list[str]:
    """Where the agent will read and write, every relative path resolved (no password)."""
    config = loaded.config
    lines = [f"  state store: {shown_url(config.agent.state)}"]
    for source in config.sources:
        if isinstance(source, DatabaseSource):
            where = shown_url(source.url)
        elif is_smb_url(source.path):
            where = shown_smb_url(source.path)
        else:
            where = str(loaded.resolve(source.path))
        lines.append(f"  source {source.name} ({source.kind}): {where}")
    return lines
