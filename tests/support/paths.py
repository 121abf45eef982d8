"""Where things are, for tests at any depth: the repository root, the test data, the benchmarks."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
TESTS_DIR = REPO_ROOT / "tests"
TEST_DATA = TESTS_DIR / "data"
FIXTURES = TESTS_DIR / "fixtures"
BENCH = REPO_ROOT / "bench"
