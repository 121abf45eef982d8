"""The list of recognizers the detection engine loads, per language.

Each group package (``th``, ``generic``, ``sensitive``) lists its recognizer
classes in ``RECOGNIZERS``; this module only collects them. Every recognizer
handles Thai and Latin script alike, so the same set serves both languages
(the engine analyses with the Thai pipeline).
"""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from scanners.recognizers import generic, sensitive, th
from scanners.recognizers.base import ScannerRecognizer

RECOGNIZER_CLASSES: tuple[type[ScannerRecognizer], ...] = (
    *th.RECOGNIZERS,
    *generic.RECOGNIZERS,
    *sensitive.RECOGNIZERS,
)


def all_recognizers(language: str, scope: str = "all") -> list[EntityRecognizer]:
    """One fresh instance of every recognizer for ``language`` that serves ``scope``.

    ``scope`` is "values" (column cells), "text" (free text) or "all".
    """
    return [
        cls(supported_language=language)
        for cls in RECOGNIZER_CLASSES
        if scope == "all" or getattr(cls, "SCOPE", "all") in ("all", scope)
    ]
