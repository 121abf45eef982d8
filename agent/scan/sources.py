"""Build a connector for each configured source (a small registry keyed by ``kind``).

Secrets come from the environment variable named by ``password_env``; a
missing variable is a SourceError for that source alone, so the rest of the
scan goes on. An ``smb://`` path is read by :mod:`connectors.files.smb_url`,
which refuses a password written in it.
"""

from __future__ import annotations

import os

from agent.inputs.config import DatabaseSource, FilesSource
from agent.inputs.config_loader import LoadedConfig
from connectors.base import Connector
from connectors.errors import SourceError
from connectors.files.smb_url import is_smb_url, smb_user


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
        from connectors.sql.database import DatabaseConnector

        return DatabaseConnector(
            name=source.name,
            url=source.url,
            include=source.include,
            exclude=source.exclude,
            password=password_for(source.password_env),
            statement_timeout_s=source.statement_timeout_s,
        )
    from connectors.files.connector import FilesConnector
    from connectors.files.local_fs import LocalFS
    from connectors.files.readers.ocr.settings import OcrSettings
    from connectors.files.share_fs import ShareFS

    fs: ShareFS
    if is_smb_url(source.path):
        from connectors.files.smb_fs import SmbFS

        username = smb_user(source.path)  # SourceError when the URL holds a password
        fs = SmbFS(source.path, username, password_for(source.password_env))
    else:
        fs = LocalFS(loaded.resolve(source.path))
    return FilesConnector(
        name=source.name,
        include=source.include,
        exclude=source.exclude,
        fs=fs,
        max_read_bytes=source.max_read_bytes,
        max_stream_bytes=max(source.max_stream_bytes, source.max_read_bytes),
        ocr=OcrSettings(
            enabled=source.ocr,
            languages=source.ocr_languages,
            max_pages_per_file=source.ocr_max_pages_per_file,
            max_pages_per_scan=source.ocr_max_pages_per_scan,
            max_pixels=source.ocr_max_pixels,
        ),
        public_groups=source.public_groups,
    )
