"""Build a connector for each configured source (a small registry keyed by ``kind``).

Secrets come from the environment variable named by ``password_env``; a
missing variable is a SourceError for that source alone, so the rest of the
scan goes on.
"""

from __future__ import annotations

import os

from agent.config import DatabaseSource, FilesSource
from agent.config_loader import LoadedConfig
from connectors.base import Connector
from connectors.errors import SourceError


def password_for(env_name: str | None) -> str | None:
    """The secret in ``env_name``, or None when no variable is configured."""
    if env_name is None:
        return None
    value = os.environ.get(env_name)
    if value is None:
        raise SourceError(f"environment variable {env_name} (password_env) is not set")
    return value


def build_connector(source: DatabaseSource | FilesSource, loaded: LoadedConfig) -> Connector:
    """The connector for ``source``; raises SourceError when it cannot be built."""
    if isinstance(source, DatabaseSource):
        from connectors.database import DatabaseConnector

        return DatabaseConnector(
            name=source.name,
            url=source.url,
            include=source.include,
            exclude=source.exclude,
            password=password_for(source.password_env),
            statement_timeout_s=source.statement_timeout_s,
        )
    if source.path.startswith("smb://"):
        raise SourceError("smb:// shares are not supported yet; mount the share and use its path")
    from connectors.files import FilesConnector

    return FilesConnector(
        name=source.name,
        root=loaded.resolve(source.path),
        include=source.include,
        exclude=source.exclude,
    )
