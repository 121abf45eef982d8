"""Fixtures for the report writer tests: ``result``, the hand-built scan they render.

The scan itself is :func:`tests.reports.sample_scan.sample_result`.
"""

from __future__ import annotations

import pytest

from scanners.model.result import ScanResult
from tests.reports.sample_scan import sample_result


@pytest.fixture
def result() -> ScanResult:
    return sample_result()
