"""The finding catalogue (SPEC §8): stable type codes, default severity, the law served."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SEVERITY_RANK = {"critical": 4, "high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class FindingKind:
    """What a finding type means: its code, default severity and legal basis."""

    type: str
    severity: str
    law: str


CATALOGUE: dict[str, FindingKind] = {
    kind.type: kind
    for kind in (
        FindingKind("PII_UNREGISTERED", "medium", "PDPA s.39"),
        FindingKind("MINIMISE_UNDECLARED_PII", "medium", "PDPA s.22, s.37(2)"),
        FindingKind("MINIMISE_GRANULARITY", "medium", "PDPA s.37(2)"),
        FindingKind("SENSITIVE_NO_BASIS", "high", "PDPA s.26"),
        FindingKind("RETENTION_UNDEFINED", "medium", "PDPA s.37(3), s.39"),
        FindingKind("RETENTION_EXPIRED", "high", "PDPA s.37(3)"),
        FindingKind("ERASURE_PENDING", "high", "PDPA s.33, s.37(3)"),
        FindingKind("ANONYMISATION_WEAK", "high", "PDPA s.33, s.37(3)"),
        FindingKind("ACCESS_UNAPPROVED", "high", "PDPA s.37(1)"),
        FindingKind("ACCESS_EXCESSIVE", "medium", "PDPA s.37(1)"),
        FindingKind("ACCESS_PUBLIC", "critical", "PDPA s.37(1)"),
        FindingKind("ACCESS_REVIEW_OVERDUE", "low", "PDPA s.37(1)"),
        FindingKind("ACCESS_STALE_ENTRY", "low", "PDPA s.37(1)"),
        FindingKind("SCAN_ERROR", "medium", "n/a"),
    )
}


def finding_id(finding_type: str, source: str, dataset: str | None, key: str | None = None) -> str:
    """Stable id: the same issue (type + source + dataset + column/principal) keeps its id."""
    material = "\x1f".join((finding_type, source, dataset or "", key or ""))
    return finding_type.lower() + "-" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]
