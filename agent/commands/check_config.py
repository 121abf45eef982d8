"""``pdpa-agent check-config [--connect]``: every problem of every user file, then the paths.

Every user file the config points to is loaded and validated; ``--connect``
adds what only the sources can tell (:mod:`agent.commands.check_connect`).
It also prints where the agent reads and writes — the state store and every
source, relative paths resolved against the config file's folder — with any
password shown as ``***``.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from agent.commands.check_connect import UserFiles, connect_problems
from agent.commands.exit_codes import EXIT_OK, EXIT_USAGE
from agent.inputs.access_loader import load_access_list
from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig, find_config, load_config, not_a_folder
from agent.inputs.erasure import load_erasure_requests
from agent.inputs.overrides_loader import load_overrides
from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.register_loader import load_register
from agent.inputs.toml_document import load_toml
from connectors.files.smb_url import is_smb_url, shown_smb_url
from connectors.urls import shown_url, url_holds_secret


def check_config_command(args: argparse.Namespace) -> int:
    """Print each problem as ``file:line: problem``; exit 2 on any that is not a warning."""
    problems, summary = check_all(find_config(args.config), connect=args.connect)
    for problem in problems:
        print(problem)
    errors = [p for p in problems if not p.warning]
    if errors:
        print(f"{len(errors)} problem(s) found", file=sys.stderr)
        return EXIT_USAGE
    print(summary)
    return EXIT_OK


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
