"""Record a scan in the state store without ever losing the scan to the store.

A scan's reports matter more than its history. When the state store
(``agent.state``) cannot be opened, or fails when the scan begins or is
recorded — a SQLite file locked by another process past the busy timeout, a
PostgreSQL store that is down — the scan still runs and writes every report,
the store is left as it was (a scan is recorded in one transaction), and the
failure becomes a ``SCAN_ERROR`` finding of the agent itself: source
``pdpa-agent``, no dataset, the store's URL (password hidden) and the
reason in the message. The scan then exits 3, like any scan with a part that
failed, and its summary says in one line that it was not recorded and why.

It also gives the scan the decisions people made (SPEC §9): the overrides
that false positives recorded, applied like the overrides file's, and each
finding's triage as it stands on the scan's day (an expired acceptance is
re-opened first).

The store also says since when each finding has been open: a recorded scan
keeps every finding's first-seen date, and :meth:`ScanRecorder.with_problem`
gives each finding its ``due`` date from it (SPEC §8, ``reports.due_dates``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy.engine import make_url

from agent import __version__
from agent.state.breaches import open_breaches
from agent.state.decisions.triage import active_overrides, current_triage, expire_acceptances
from agent.state.disclosures import open_disclosures
from agent.state.store import AuditEntry, ScanDiff, StateStore
from connectors import urls as connector_urls
from reports.due_dates import DEFAULT_POLICY, DuePolicy, with_due
from reports.text.dates import bangkok_date
from scanners.checks.finding_type import make_finding
from scanners.checks.scan_error import SCAN_ERROR
from scanners.classification.overrides import Override
from scanners.model.breach import BreachRecord
from scanners.model.disclosure import DisclosureRecord
from scanners.model.result import Finding, ScanResult
from scanners.model.triage import effective
from scanners.reasons import error_reason

log = logging.getLogger(__name__)
T = TypeVar("T")

#: The ``source`` of a finding about the agent itself (its state store).
AGENT_SOURCE = "pdpa-agent"
STORE_KEY = "agent.state"


def begin(store: StateStore, scan_id: str) -> None:
    """Mark ``scan_id`` as running in ``store``, begun now by this version of the agent."""
    store.begin_scan(scan_id, datetime.now(UTC), __version__)


def shown_url(url: str) -> str:
    """The store's URL fit for a report: the password hidden, or the config key if unparsable."""
    return connector_urls.shown_url(url, unparsable=STORE_KEY)


def store_error(url: str, reason: str) -> Finding:
    """The SCAN_ERROR finding of a scan the state store did not record."""
    where = shown_url(url)
    return make_finding(
        SCAN_ERROR,
        AGENT_SOURCE,
        None,
        key=STORE_KEY,
        severity="high",
        message_th=(
            f"การสแกนนี้ไม่ได้ถูกบันทึกในฐานข้อมูลสถานะของเอเจนต์ ({where}): {reason} "
            "ผลการตรวจพบมีอยู่ในรายงานนี้เท่านั้น แก้ไขฐานข้อมูลสถานะแล้วสแกนใหม่"
        ),
        message_en=(
            f"This scan was not recorded in the agent's state store ({where}): {reason}. "
            "Its findings are in these reports only (new and resolved findings are not "
            "tracked for it); make the store usable and scan again."
        ),
    )


class ScanRecorder:
    """The state store of one scan; every failure is kept as :attr:`problem`, never raised."""

    def __init__(self, url: str, due_policy: DuePolicy = DEFAULT_POLICY) -> None:
        self.url = url
        self.due_policy = due_policy
        self.problem: str | None = None
        self.first_seen: dict[str, date] = {}  # finding id -> Bangkok date first recorded
        self._store: StateStore | None = None
        try:
            self._store = StateStore(url)
        except Exception as exc:  # the scan and its reports still matter without history
            self._fail(exc)

    @property
    def usable(self) -> bool:
        """Whether the store has not failed so far."""
        return self._store is not None and self.problem is None

    def begin(self, scan_id: str) -> None:
        """Mark the scan as running in the store."""
        if self._store is not None and self.problem is None:
            try:
                begin(self._store, scan_id)
            except Exception as exc:  # recorded as the scan's SCAN_ERROR
                self._fail(exc)

    def record(self, result: ScanResult) -> ScanDiff | None:
        """Record the finished scan (one transaction); None when it could not be."""
        if self._store is None or self.problem is not None:
            return None
        try:
            diff = self._store.record_scan(result, audit_entries(result))
        except Exception as exc:  # the transaction rolled back: the store is as it was
            self._fail(exc)
            return None
        self.first_seen = {
            fid: day for fid, at in diff.first_seen if (day := bangkok_date(at)) is not None
        }
        return diff

    def open_disclosures(self) -> list[DisclosureRecord]:
        """Open disclosures in the log (SPEC §10), for their follow-up findings."""
        return self._read(open_disclosures)

    def open_breaches(self) -> list[BreachRecord]:
        """Open breaches in the register (SPEC §11), for their notice findings."""
        return self._read(open_breaches)

    def triage_overrides(self) -> tuple[Override, ...]:
        """The classification overrides recorded by false positives (SPEC §9), newest first."""
        return tuple(self._read(lambda store: list(active_overrides(store.engine))))

    def with_triage(self, result: ScanResult, today: date, expire: bool = True) -> ScanResult:
        """``result`` with each finding's triage as it stands ``today`` (SPEC §9).

        With ``expire``, acceptances whose ``until`` has passed are first re-opened
        in the store (each with an ``expired`` event in the trail).
        """
        if expire:
            self._read(lambda store: expire_acceptances(store.engine, today))
        reviewed = [f for review in result.access_reviews for f in review.findings]
        ids = [finding.id for finding in (*result.findings, *reviewed)]
        found = self._read(lambda store: [current_triage(store.engine, ids)])
        triage = found[0] if found else {}
        if not triage:
            return result

        def decided(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
            return tuple(
                replace(f, triage=effective(triage[f.id], today)) if f.id in triage else f
                for f in findings
            )

        reviews = tuple(replace(r, findings=decided(r.findings)) for r in result.access_reviews)
        return replace(result, findings=decided(result.findings), access_reviews=reviews)

    def _read(self, query: Callable[[StateStore], list[T]]) -> list[T]:
        """What ``query`` reads from the store; none when the store has failed (its
        SCAN_ERROR says so), and a failure here becomes that SCAN_ERROR."""
        if self._store is None or self.problem is not None:
            return []
        try:
            return query(self._store)
        except Exception as exc:  # recorded as the scan's SCAN_ERROR
            self._fail(exc)
            return []

    def close(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except Exception as exc:  # closing must not hide the scan's outcome
                log.debug("closing the state store failed: %s", type(exc).__name__)

    def with_problem(self, result: ScanResult) -> ScanResult:
        """``result`` as the reports show it: every finding with its ``due`` date, and the
        store's SCAN_ERROR finding when the scan was not recorded.

        ``due`` counts from when the store first recorded each finding
        (:attr:`first_seen`; the scan date for a finding it never had, or when
        the store failed) under :attr:`due_policy` (``reports.due_dates``).
        """
        if self.problem is not None:
            error = store_error(self.url, self.problem)
            result = replace(result, findings=(*result.findings, error))
        return with_due(result, self.first_seen, self.due_policy)

    def problem_line(self) -> str:
        """The summary line saying that the scan was not recorded, and why."""
        return f"  scan NOT recorded in the state store {shown_url(self.url)}: {self.problem}"

    def _fail(self, exc: BaseException) -> None:
        reason = error_reason(exc)
        try:
            password = make_url(self.url).password
        except Exception:  # unparsable: nothing to mask beyond what error_reason kept
            password = None
        if password:
            reason = reason.replace(str(password), "***")
        self.problem = reason
        log.warning("state store %s unusable: %s", shown_url(self.url), reason)


def audit_entries(result: ScanResult) -> list[AuditEntry]:
    """What the agent itself read in ``result``: rows sampled per dataset."""
    return [
        AuditEntry(
            result.scan.id,
            dataset.source,
            dataset.name,
            max((column.sampled for column in dataset.columns), default=0),
            result.scan.finished_at,
        )
        for dataset in result.datasets
        if dataset.error is None
    ]
