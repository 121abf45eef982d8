"""Read a user's TOML file into plain data, with line-aware problems.

Shared by the config, register and access-list loaders: missing or
unreadable files, syntax errors, ``${ENV}`` interpolation and pydantic
validation errors all become :class:`Problem` values naming the file and line.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from agent.problems import ConfigProblems, Problem
from agent.toml_locator import TomlLocator

_ENV_REFERENCE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_TOML_POSITION = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class TomlDocument:
    """The parsed content of one TOML file and where its keys are."""

    path: Path
    data: dict[str, Any]
    locator: TomlLocator

    def problem(self, loc: tuple[str | int, ...], message: str, warning: bool = False) -> Problem:
        return Problem(self.path, self.locator.line_of(loc), message, warning)


def read_text(path: Path, what: str) -> str:
    """Read a user file as UTF-8, or raise ConfigProblems saying why not."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ConfigProblems([Problem(path, None, f"{what} not found")]) from None
    except IsADirectoryError:
        raise ConfigProblems([Problem(path, None, f"{what} is a directory")]) from None
    except OSError as exc:
        raise ConfigProblems([Problem(path, None, f"cannot read {what}: {exc.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ConfigProblems(
            [Problem(path, None, f"{what} is not UTF-8 text (byte {exc.start})")]
        ) from None


def load_toml(path: Path, what: str, interpolate: bool = True) -> TomlDocument:
    """Parse ``path``; substitute ``${NAME}`` from the environment in string values."""
    text = read_text(path, what)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) if position else None
        reason = _TOML_POSITION.sub("", message).strip(" ()")
        raise ConfigProblems([Problem(path, line, f"invalid TOML: {reason}")]) from None
    document = TomlDocument(path, data, TomlLocator(text))
    if interpolate:
        problems: list[Problem] = []
        data = _interpolate(data, (), document, problems)
        if problems:
            raise ConfigProblems(problems)
        document = TomlDocument(path, data, document.locator)
    return document


def _interpolate(
    value: Any, loc: tuple[str | int, ...], doc: TomlDocument, out: list[Problem]
) -> Any:
    if isinstance(value, str):

        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in os.environ:
                out.append(doc.problem(loc, f"environment variable {name} is not set"))
                return ""
            return os.environ[name]

        return _ENV_REFERENCE.sub(substitute, value)
    if isinstance(value, Mapping):
        return {k: _interpolate(v, (*loc, k), doc, out) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, (*loc, i), doc, out) for i, v in enumerate(value)]
    return value


def validation_problems(
    error: ValidationError, where: Any, prefix: tuple[str | int, ...] = ()
) -> list[Problem]:
    """Turn pydantic errors into problems; ``where(loc, message)`` builds each one."""
    problems = []
    for item in error.errors(include_url=False, include_input=False):
        loc = tuple(part for part in item["loc"] if not _is_union_tag(part))
        if item["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc = (*loc, "kind")
        field = ".".join(str(p) for p in (*prefix, *loc)) or "(top level)"
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown key"
        elif item["type"] == "missing":
            message = "required key is missing"
        problems.append(where((*prefix, *loc), f"{field}: {message}"))
    return problems


def _is_union_tag(part: str | int) -> bool:
    return part in ("database", "files") or (isinstance(part, str) and part.startswith("function-"))
