"""Which capability protocols each connector offers, as the agent asks: with isinstance."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.base import (
    ClockReader,
    Connector,
    FileBacked,
    GrantReader,
    GroupCounter,
    ModificationDater,
    PrincipalLister,
    RemediationWriter,
    RowCounter,
    RowStreamer,
    SkipReporter,
    SubjectFinder,
    TruncationReporter,
    ValueStreamer,
)
from connectors.files.connector import FilesConnector
from connectors.files.local_fs import LocalFS
from connectors.files.share_fs import SessionShare, ShareFS
from connectors.files.smb_fs import SmbFS
from connectors.sql.database import DatabaseConnector

BOTH = (
    Connector,
    RowCounter,
    ClockReader,
    GroupCounter,
    ValueStreamer,
    RowStreamer,
    SubjectFinder,
    PrincipalLister,
    GrantReader,
)
FILES_ONLY = (SkipReporter, TruncationReporter, ModificationDater, FileBacked)


@pytest.mark.parametrize("capability", BOTH)
def test_both_connectors_offer(capability: type, tmp_path: Path) -> None:
    assert isinstance(DatabaseConnector("db", "sqlite://"), capability)
    assert isinstance(FilesConnector("share", tmp_path), capability)


@pytest.mark.parametrize("capability", FILES_ONLY)
def test_only_files_offer(capability: type, tmp_path: Path) -> None:
    assert isinstance(FilesConnector("share", tmp_path), capability)
    assert not isinstance(DatabaseConnector("db", "sqlite://"), capability)


def test_only_databases_write_remediation_sql(tmp_path: Path) -> None:
    assert isinstance(DatabaseConnector("db", "sqlite://"), RemediationWriter)
    assert not isinstance(FilesConnector("share", tmp_path), RemediationWriter)


def test_an_smb_share_holds_a_session_a_local_folder_none(tmp_path: Path) -> None:
    smb = SmbFS("smb://nas/pub", "bob", "pw")  # nothing is connected until used
    assert isinstance(smb, ShareFS) and isinstance(smb, SessionShare)
    local = LocalFS(tmp_path)
    assert isinstance(local, ShareFS) and not isinstance(local, SessionShare)
