"""Problems found in user files, each with the file and line it comes from.

A :class:`ConfigProblems` error carries every problem found, so
``check-config`` can print them all and every other command can show the
first one as a one-line reason before exiting 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from connectors.errors import ConfigError


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one user file."""

    file: Path
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        level = "warning: " if self.warning else ""
        return f"{where}: {level}{self.message}"


class ConfigProblems(ConfigError):
    """One or more problems that make a user file unusable."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid configuration"
        more = len([p for p in self.problems if not p.warning]) - 1
        super().__init__(first + (f" (and {more} more problem(s))" if more > 0 else ""))
