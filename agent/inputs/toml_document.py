"""Read a user's TOML file into plain data, with line-aware problems.

Shared by the config, register and access-list loaders: missing or
unreadable files (directories, FIFOs, devices and files above 64 MiB are
refused, never read), syntax errors, ``${ENV}`` interpolation and pydantic
validation errors all become :class:`Problem` values naming the file and line.
Key names are echoed through :func:`shown`: escaped and cut, never raw.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from agent.inputs.problems import ConfigProblems, Problem
from agent.inputs.toml_locator import TomlLocator
from connectors.urls import ENV_REFERENCE

_TOML_POSITION = re.compile(r"at line (\d+)")
#: The largest user file (config, register, access list, erasure requests) read.
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class TomlDocument:
    """The parsed content of one TOML file and where its keys are."""

    path: Path
    data: dict[str, Any]
    locator: TomlLocator

    def problem(self, loc: tuple[str | int, ...], message: str, warning: bool = False) -> Problem:
        return Problem(self.path, self.locator.line_of(loc), message, warning)


def read_bytes(path: Path, what: str) -> bytes:
    """The bytes of a user file, or raise ConfigProblems saying why not.

    Only a regular file of at most :data:`MAX_FILE_BYTES` is read: a FIFO or a
    device (``/dev/zero``, a named pipe nobody writes to) would block or never end.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ConfigProblems([Problem(path, None, f"{what} not found")]) from None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigProblems([Problem(path, None, f"cannot read {what}: {reason}")]) from None
    except ValueError:  # a NUL byte in the path
        raise ConfigProblems([Problem(path, None, f"{what}: not a valid file name")]) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise ConfigProblems([Problem(path, None, f"{what} is a directory")])
        if not stat.S_ISREG(mode):
            raise ConfigProblems([Problem(path, None, f"{what} is not a regular file")])
        with os.fdopen(fd, "rb") as handle:
            fd = -1  # the handle owns it now
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigProblems([Problem(path, None, f"cannot read {what}: {reason}")]) from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(raw) > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise ConfigProblems([Problem(path, None, f"{what} is larger than {limit} MiB")])
    return raw


def read_text(path: Path, what: str) -> str:
    """Read a user file as UTF-8 (a BOM is dropped), or raise ConfigProblems saying why not."""
    raw = read_bytes(path, what)
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

        return ENV_REFERENCE.sub(substitute, value)
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
        field = shown(".".join(str(p) for p in (*prefix, *loc))) or "(top level)"
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown key"
        elif item["type"] == "missing":
            message = "required key is missing"
        problems.append(where((*prefix, *loc), f"{field}: {message}"))
    return problems


def shown(name: object, limit: int = 80) -> str:
    """A key or header name as it may be printed: control and bidirectional-override
    characters escaped (a hostile file must not drive the terminal), at most ``limit``
    characters."""
    text = "".join(
        ch if unicodedata.category(ch) not in ("Cc", "Cf", "Cs") else ascii(ch)[1:-1]
        for ch in str(name)[: limit + 1]
    )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_union_tag(part: str | int) -> bool:
    return part in ("database", "files") or (isinstance(part, str) and part.startswith("function-"))
