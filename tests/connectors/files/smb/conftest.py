"""Fixtures for the SMB tests: one private Samba server on loopback per session.

``samba_server`` starts ``smbd`` through :mod:`samba` (tests/support/samba.py) and yields
a :class:`SambaShare` ``(url, username, password, share_dir, server)``; files
written into ``share_dir`` are served read-only as ``[pdpa]``; ``server`` sets
Windows ACLs and writes files through Samba (see :class:`SambaServer`). When Samba is not
installed or cannot start, the test is skipped, or fails when ``CI=true``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from tests.support.samba import SambaServer, SambaUnavailable, start_samba
from tests.support.unavailable import unavailable


class SambaShare(NamedTuple):
    url: str  # smb://127.0.0.1:<port>/pdpa
    username: str
    password: str
    share_dir: Path
    server: SambaServer


@pytest.fixture(scope="session")
def samba_server() -> Iterator[SambaShare]:
    try:
        server = start_samba()
    except SambaUnavailable as exc:
        message = f"Samba test server unavailable: {exc}"
        unavailable(message)
    try:
        yield SambaShare(server.url, server.username, server.password, server.share_dir, server)
    finally:
        server.stop()
