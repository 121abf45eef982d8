"""Recognizers for Section 26 sensitive data (health, religion, ethnicity, …)."""

from __future__ import annotations

RECOGNIZERS: tuple[type, ...] = ()
