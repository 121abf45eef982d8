"""Load and validate the agent's TOML configuration (SPEC §4).

Finds the file (``-c`` path, else ``./pdpa-agent.toml``, else
``config.example.toml``), validates it into :class:`agent.config.Config` and
resolves every relative path against the config file's folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from agent.config import Config, FilesSource
from agent.problems import ConfigProblems, Problem
from agent.toml_document import load_toml, validation_problems

DEFAULT_CONFIG_NAMES = ("pdpa-agent.toml", "config.example.toml")


@dataclass(frozen=True)
class LoadedConfig:
    """A validated config and the file it came from."""

    config: Config
    path: Path

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def resolve(self, relative: str) -> Path:
        """A path from the config, resolved against the config file's folder."""
        candidate = Path(relative).expanduser()
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
    loaded = LoadedConfig(config=config, path=path.resolve())
    for index, source in enumerate(config.sources):
        if isinstance(source, FilesSource) and not source.path.startswith("smb://"):
            folder = loaded.resolve(source.path)
            if not folder.is_dir():
                problems.append(
                    document.problem(
                        ("sources", index, "path"),
                        f"sources.{index}.path: folder {folder} not found",
                    )
                )
    if problems:
        raise ConfigProblems(problems)
    return loaded
