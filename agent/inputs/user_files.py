"""Load every user file the config points to: register, access list, overrides, erasure requests."""

from __future__ import annotations

from datetime import date

from agent.inputs.access_loader import load_access_list
from agent.inputs.config_loader import LoadedConfig
from agent.inputs.erasure import ErasureRequest, due, load_erasure_requests
from agent.inputs.overrides_loader import load_overrides
from agent.inputs.register_loader import load_register
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
