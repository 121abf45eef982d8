"""What a finding type is (:class:`FindingType`), and the one function that builds a finding.

Each finding type is declared once, as a :class:`FindingType` at the end of
the module of its check (``scanners/checks/<group>/<type>.py``), and
collected in :mod:`scanners.checks.registry`. The declaration holds all the
rest of the product knows about the type: its stable code, default severity,
the law it serves, its name, description and first step in Thai and English,
what its ``count`` counts, the facts its check needs, and the check itself.
Every new finding is built by :func:`make_finding`; a stored one is read
back by :func:`restore_finding`. No other code lists the fields of a finding.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from datetime import date
from typing import Generic, TypeVar

from scanners.model.result import Finding

CheckT = TypeVar("CheckT", covariant=True)


@dataclass(frozen=True)
class Bilingual:
    """One text in both report languages."""

    th: str
    en: str

    def get(self, language: str) -> str:
        """The text in ``language``: Thai for ``th``, English for any other."""
        return self.th if language == "th" else self.en


@dataclass(frozen=True, kw_only=True)
class FindingType(Generic[CheckT]):
    """Everything one finding type is: declared once, next to its check."""

    code: str  # stable type code (SPEC §8), e.g. "RETENTION_EXPIRED"
    severity: str  # default severity (scanners.checks.severity); a check may raise it
    law: str  # the section it serves, as findings carry it ("PDPA s.37(3)")
    name: Bilingual  # the type's title in the reports
    description: Bilingual  # one line: what a finding of this type means
    action: Bilingual  # the first step to take about it
    count_unit: str  # what ``Finding.count`` counts: rows, subjects, columns, …
    check: CheckT  # the function that raises it (its runner's signature); None: none yet
    facts: tuple[str, ...] = ()  # the DatasetFacts fields its check needs (agent-gathered)
    check_th: str = ""  # its check named in a Thai sentence, when those facts fail
    due_days: int | None = None  # days from first seen, overriding its severity's (SPEC §8)


def finding_id(finding_type: str, source: str, dataset: str | None, key: str | None = None) -> str:
    """Stable id: the same issue (type + source + dataset + column/principal) keeps its id."""
    material = "\x1f".join((finding_type, source, dataset or "", key or ""))
    return finding_type.lower() + "-" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def make_finding(
    kind: FindingType[object],
    source: str,
    dataset: str | None,
    *,
    message_th: str,
    message_en: str,
    key: str | None = None,
    severity: str | None = None,
    columns: tuple[str, ...] = (),
    count: int | None = None,
    register_id: str | None = None,
    owner: str | None = None,
    principal: str | None = None,
    privileges: tuple[str, ...] = (),
    remediation: str | None = None,
    due: date | None = None,
) -> Finding:
    """A finding of ``kind``: its stable id over (type, source, dataset, ``key``), the type's
    law, and its default severity unless ``severity`` raises it."""
    return Finding(
        id=finding_id(kind.code, source, dataset, key),
        type=kind.code,
        severity=severity or kind.severity,
        source=source,
        dataset=dataset,
        columns=columns,
        count=count,
        register_id=register_id,
        owner=owner,
        principal=principal,
        privileges=privileges,
        law=kind.law,
        message_th=message_th,
        message_en=message_en,
        remediation=remediation,
        due=due,
    )


def restore_finding(stored: object) -> Finding:
    """A finding read back from storage: every :class:`Finding` field ``stored`` has, by name.

    Its id, severity and law stay as stored (a finding keeps its id for good);
    a field ``stored`` lacks (``due``, set again before reporting) takes its default.
    """
    values = {f.name: getattr(stored, f.name) for f in fields(Finding) if hasattr(stored, f.name)}
    return Finding(**values)
