"""The rules one scan is done under: :class:`ScanContext`.

Built once by the coordinator and handed to every worker (in this process, a
local pool's processes or Celery workers), it holds the loaded config, the
retention register, the erasure requests past their grace period, the
approved access list, the classification overrides and the scan's date —
everything a task needs besides the task itself (:mod:`agent.scan.tasks`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.erasure import ErasureRequest
from connectors.errors import ConfigError
from scanners.classification.overrides import Override
from scanners.model.access import ApprovedGrant
from scanners.model.register import RegisterEntry


@dataclass(frozen=True)
class ScanContext:
    """The rules every task of one scan is done under."""

    loaded: LoadedConfig
    register: tuple[RegisterEntry, ...] = ()
    requests: tuple[ErasureRequest, ...] = ()  # erasure requests past their grace period
    today: date = date.min
    grants: tuple[ApprovedGrant, ...] | None = None
    overrides: tuple[Override, ...] = ()  # classification overrides, in file order
    decided: tuple[Override, ...] = ()  # recorded by false positives (SPEC §9), newest first

    @property
    def every_override(self) -> tuple[Override, ...]:
        """The overrides a column is decided by: a person's false positive first, then the
        overrides file in its order (the first that covers a column wins)."""
        return (*self.decided, *self.overrides)

    def source(self, name: str) -> DatabaseSource | FilesSource:
        """The configured source called ``name``; ConfigError when there is none."""
        for source in self.loaded.config.sources:
            if source.name == name:
                return source
        raise ConfigError(f"{self.loaded.path}: no source named {name!r}")

    def entry(self, register_id: str | None) -> RegisterEntry | None:
        """The register entry with ``register_id``; ConfigError when there is none."""
        if register_id is None:
            return None
        for entry in self.register:
            if entry.id == register_id:
                return entry
        raise ConfigError(f"{self.loaded.path}: the register has no entry {register_id!r}")
