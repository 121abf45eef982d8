"""Approved grants from the access list (SPEC §6) as plain values."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import date

DATABASE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
FILE_PRIVILEGES = ("READ", "WRITE")


@dataclass(frozen=True)
class ApprovedGrant:
    """One approved grant: who may do what on which datasets, and when it was reviewed."""

    source: str
    dataset: str
    principal: str
    privileges: tuple[str, ...]
    approved_by: str
    reviewed_at: date | None
    review_every: str | None
    origin: str = field(default="", compare=False)

    def covers(self, source: str, dataset: str) -> bool:
        return source == self.source and fnmatch.fnmatchcase(dataset, self.dataset)
