"""Retention-register entries (SPEC §5) as plain values, and matching them to datasets.

The agent validates the user's register file; the checks only ever see
these frozen values.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass, field

from connectors.errors import ConfigError


@dataclass(frozen=True)
class RegisterEntry:
    """One registered dataset: purpose, basis, owner, retention and minimisation rules."""

    id: str
    source: str
    match: str
    purpose: str = ""
    legal_basis: str = ""
    owner: str = ""
    retention: str | None = None
    clock_column: str | None = None
    on_expiry: str = "delete"
    allowed_pii: tuple[str, ...] = ()
    granularity: tuple[tuple[str, str], ...] = ()
    sensitive_basis: str = ""
    anonymised: bool = False
    quasi_identifiers: tuple[str, ...] = ()
    k_min: int = 5
    exemptions: tuple[str, ...] = ()
    subject_key: str | None = None
    origin: str = field(default="", compare=False)  # "file:line" for messages

    def covers(self, source: str, dataset: str) -> bool:
        return source == self.source and fnmatch.fnmatchcase(dataset, self.match)


def match_entry(
    entries: Sequence[RegisterEntry], source: str, dataset: str
) -> RegisterEntry | None:
    """The one entry covering ``source``/``dataset``; two entries are a ConfigError."""
    hits = [entry for entry in entries if entry.covers(source, dataset)]
    if len(hits) > 1:
        ids = ", ".join(f"{e.id} ({e.origin})" if e.origin else e.id for e in hits)
        raise ConfigError(f"register: dataset {source}/{dataset} is matched by {ids}")
    return hits[0] if hits else None
