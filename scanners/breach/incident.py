"""An incident file (SPEC §11) as plain values: what happened, when, to which datasets."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date, datetime

#: Kinds of breach (the PDPC notification's three).
KINDS: tuple[str, ...] = ("confidentiality", "integrity", "availability")
#: Whether the data left the organisation.
EXFILTRATED: tuple[str, ...] = ("yes", "no", "unknown")


@dataclass(frozen=True)
class Scope:
    """Datasets of one source the breach reached."""

    source: str
    datasets: tuple[str, ...]  # globs on dataset names
    affected_people: int | None = None  # when known better than the data can tell

    def covers(self, source: str, dataset: str) -> bool:
        return source == self.source and any(
            fnmatch.fnmatchcase(dataset, pattern) for pattern in self.datasets
        )


@dataclass(frozen=True)
class Incident:
    """One breach as the DPO describes it."""

    title: str
    aware_at: datetime  # timezone-aware: the 72 hours count from here
    kinds: tuple[str, ...]
    scope: tuple[Scope, ...]
    description: str = ""
    occurred_from: date | None = None
    occurred_to: date | None = None
    encrypted_at_rest: bool = False  # the data was encrypted and the key was not exposed
    exfiltrated: str = "unknown"  # yes | no | unknown
    restored_from_backup: bool = False
    recipients_contained: bool = False  # misdirected: recipients known, data deleted/returned
    reported_by: str = ""
    origin: str = field(default="", compare=False)

    @property
    def confidentiality(self) -> bool:
        return "confidentiality" in self.kinds
