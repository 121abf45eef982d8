"""Load every user file the config points to, and validate them all for ``check-config``."""

from __future__ import annotations

import csv
import io
import os
from datetime import date
from pathlib import Path

from agent.access_loader import load_access_list
from agent.config import DatabaseSource
from agent.config_loader import LoadedConfig, load_config
from agent.problems import ConfigProblems, Problem
from agent.register_loader import load_register
from agent.toml_document import read_text
from scanners.register import RegisterEntry

ERASURE_HEADER = ("subject_type", "subject_value", "requested_at", "kind")
ERASURE_SUBJECT_TYPES = ("TH_NATIONAL_ID", "EMAIL_ADDRESS", "PHONE_NUMBER")
ERASURE_KINDS = ("erasure", "consent_withdrawn")


def load_register_for(loaded: LoadedConfig) -> tuple[RegisterEntry, ...]:
    """The register named by the config, or none when it names none."""
    if loaded.config.register is None:
        return ()
    names = {source.name for source in loaded.config.sources}
    return load_register(loaded.resolve(loaded.config.register.path), names)


def check_erasure_file(path: Path) -> list[Problem]:
    """Problems in an erasure-request CSV (SPEC §7); values themselves are never echoed."""
    rows = list(csv.reader(io.StringIO(read_text(path, "erasure requests"))))
    if not rows or tuple(cell.strip() for cell in rows[0]) != ERASURE_HEADER:
        return [Problem(path, 1, f"header must be {','.join(ERASURE_HEADER)}")]
    problems = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(ERASURE_HEADER):
            problems.append(
                Problem(path, number, f"expected {len(ERASURE_HEADER)} cells, got {len(row)}")
            )
            continue
        subject_type, value, requested_at, kind = (cell.strip() for cell in row)
        if subject_type not in ERASURE_SUBJECT_TYPES:
            problems.append(
                Problem(
                    path, number, f"subject_type must be one of {', '.join(ERASURE_SUBJECT_TYPES)}"
                )
            )
        if not value:
            problems.append(Problem(path, number, "subject_value is empty"))
        try:
            date.fromisoformat(requested_at[:10])
        except ValueError:
            problems.append(Problem(path, number, "requested_at must be a date YYYY-MM-DD"))
        if kind not in ERASURE_KINDS:
            problems.append(Problem(path, number, f"kind must be {' or '.join(ERASURE_KINDS)}"))
    return problems


def check_all(config_path: Path) -> tuple[list[Problem], str]:
    """Every problem in the config and the files it names, and a one-line summary."""
    try:
        loaded = load_config(config_path)
    except ConfigProblems as exc:
        return list(exc.problems), ""
    problems: list[Problem] = []
    config = loaded.config
    names = {source.name for source in config.sources}
    counts = {"register entries": 0, "grants": 0}
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
            problems.extend(check_erasure_file(loaded.resolve(config.erasure.path)))
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
        if (
            isinstance(source, DatabaseSource)
            and "@" in source.url.split("//", 1)[-1].split("/", 1)[0]
        ):
            userinfo = source.url.split("//", 1)[-1].split("@", 1)[0]
            if ":" in userinfo:
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
        f"{counts['register entries']} register entries, {counts['grants']} grant(s)"
    )
    return problems, summary
