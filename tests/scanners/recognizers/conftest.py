"""Fixtures for the recognizer tests: one real detection engine per session."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from scanners.detection.engine import DetectionEngine

#: ``best(text, pii_type, context=None)`` -> (matched text, score) of the top match, or ("", 0).
BestMatch = Callable[..., tuple[str, float]]


@pytest.fixture(scope="session")
def engine() -> DetectionEngine:
    return DetectionEngine()


@pytest.fixture(scope="session")
def best(engine: DetectionEngine) -> BestMatch:
    """The highest-scoring match of one type, as (matched text, score).

    Uses the recognizers of column values (every recognizer but the free-text
    PERSON model, which has its own tests) through Presidio's full engine.
    """

    def _best(text: str, pii_type: str, context: Sequence[str] | None = None) -> tuple[str, float]:
        found = [
            e for e in engine.analyze(text, context=context, scope="values") if e.type == pii_type
        ]
        if not found:
            return "", 0.0
        top = max(found, key=lambda e: (e.score, e.end - e.start))
        return text[top.start : top.end], top.score

    return _best
