"""The result model of one scan: what every report writer renders.

Plain frozen dataclasses, already masked: nothing in here may hold a raw
sample value, so a writer cannot leak one by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scanners.model.triage import Triage
from scanners.pii_types import SENSITIVE_TYPES


@dataclass(frozen=True)
class PiiMatch:
    """One personal-data type held by a column."""

    type: str
    confidence: float
    match_ratio: float


@dataclass(frozen=True)
class ColumnOverride:
    """A person's decision that replaced a column's detected types (SPEC §9)."""

    types: tuple[str, ...]  # the decided types; () = holds no personal data
    reason: str
    decided_by: str
    decided_at: date
    detected: tuple[PiiMatch, ...] = ()  # what detection gave, kept so a reviewer sees both
    origin: str = ""  # "overrides.toml:12": where the decision is written


@dataclass(frozen=True)
class ColumnResult:
    """How one column was classified, and why."""

    name: str
    sampled: int
    pii: tuple[PiiMatch, ...] = ()  # the final types: an override's, when one applies
    evidence: tuple[str, ...] = ()  # masked examples only
    reasons: tuple[str, ...] = ()  # e.g. "TH_NATIONAL_ID: recognizer ratio 0.97; name prior 'cid'"
    override: ColumnOverride | None = None  # set when a classification override applied


@dataclass(frozen=True)
class Exemption:
    """A finding not raised because the register entry claims an exemption (SPEC §5)."""

    check: str  # the finding type that was suppressed
    exemption: str  # e.g. "archives"
    count: int | None
    reason_en: str
    reason_th: str


@dataclass(frozen=True)
class Truncation:
    """A part of a dataset a read budget left out: why, and the column when it is one."""

    reason: str  # e.g. "cells longer than 65536 bytes cut to 65536 bytes: 1"
    column: str | None = None


@dataclass(frozen=True)
class DatasetResult:
    """One scanned dataset (table, view, file or sheet)."""

    source: str
    name: str
    kind: str
    row_count: int | None
    register_id: str | None = None
    columns: tuple[ColumnResult, ...] = ()
    error: str | None = None
    exemptions: tuple[Exemption, ...] = ()
    truncated: tuple[Truncation, ...] = ()  # what a read budget cut; () = read as a whole

    @property
    def pii_types(self) -> frozenset[str]:
        return frozenset(match.type for column in self.columns for match in column.pii)


@dataclass(frozen=True)
class Finding:
    """One thing someone must act on (SPEC §8 ``findings[]``)."""

    id: str
    type: str
    severity: str  # "low" | "medium" | "high" | "critical"
    source: str
    dataset: str | None
    columns: tuple[str, ...]
    count: int | None
    register_id: str | None
    owner: str | None
    principal: str | None
    privileges: tuple[str, ...]
    law: str
    message_th: str
    message_en: str
    remediation: str | None = None
    due: date | None = None  # when it should be dealt with (SPEC §8); set before reporting
    triage: Triage | None = None  # a person's decision on it (SPEC §9), as it stands today


@dataclass(frozen=True)
class AccessRow:
    """What one principal effectively holds on one dataset with personal data, vs the list."""

    source: str
    dataset: str
    principal: str
    principal_kind: str  # Principal.kind: "role" | "user" | "group" | "public"
    pii_types: tuple[str, ...]  # the personal-data types the dataset holds
    privileges: tuple[str, ...]  # held, SPEC order
    via: tuple[tuple[str, str], ...]  # (privilege, how held), every way it is held
    columns: tuple[tuple[str, tuple[str, ...]], ...]  # privileges held on some columns only
    approved_privileges: tuple[str, ...]  # union over the covering grants
    approved: bool  # at least one grant covers (principal, dataset)
    extra: tuple[str, ...]  # held − approved
    grants: tuple[str, ...]  # the covering grants' origins
    reviewed_at: date | None  # the oldest review among the covering grants
    review_due: date | None  # the earliest due date among them
    overdue: bool  # any covering grant is overdue (or was never reviewed)
    style: str = "sql"  # how the source grants: "sql" | "mysql" | "files" (remediation wording)

    @property
    def is_public(self) -> bool:
        return self.principal_kind == "public"

    @property
    def sensitive(self) -> bool:
        return any(t in SENSITIVE_TYPES for t in self.pii_types)


@dataclass(frozen=True)
class AccessReview:
    """The access review of one source: the rows for the security team and the findings."""

    source: str
    rows: tuple[AccessRow, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class SourceStatus:
    """Whether a source could be scanned, and how many datasets it had."""

    name: str
    status: str  # "ok" | "error"
    error: str | None
    datasets: int
    skipped: tuple[tuple[str, str], ...] = ()  # (file, reason): files listed but not scanned


@dataclass(frozen=True)
class ScanInfo:
    """Identity and timing of one scan."""

    id: str
    started_at: str  # ISO 8601, UTC
    finished_at: str
    tool_version: str


@dataclass(frozen=True)
class ScanResult:
    """Everything one scan produced."""

    scan: ScanInfo
    sources: tuple[SourceStatus, ...] = ()
    datasets: tuple[DatasetResult, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    access_reviews: tuple[AccessReview, ...] = ()  # one per source, when an access list is set
    complete: bool = True  # False: stopped (SIGTERM/SIGINT) before every dataset was scanned

    @property
    def failed(self) -> bool:
        return any(f.type == "SCAN_ERROR" for f in self.findings)
