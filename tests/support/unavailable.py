"""What a test does when this machine lacks what it needs: skip here, fail on CI.

CI sets ``CI=true`` and provides every server, tool and file the suite
needs, so there a missing one is a failure, never a silent skip.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def on_ci() -> bool:
    """Whether the suite runs on CI (``CI=true``)."""
    return os.environ.get("CI", "").lower() == "true"


def unavailable(message: str) -> NoReturn:
    """Skip the test with ``message`` on a developer's machine; fail it on CI."""
    if on_ci():
        pytest.fail(message)
    pytest.skip(message)
