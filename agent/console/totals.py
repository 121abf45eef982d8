"""The dashboard's numbers, in SQL: open findings grouped four ways and the trend over scans.

One ``GROUP BY`` over the open findings (the status index finds them) with
their effective triage joined gives the counts by severity, type, source and
owner of those not set aside, and the set-aside counts. The trend is the
findings each of the last :data:`TREND_SCANS` complete scans raised, from
``pdpa_scan_totals``; for an owner, whose findings those totals do not
separate, the findings in their scope that each scan saw (first seen at or
before it, last seen at or after it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Engine

from agent.console.queries import JOINED, Scope, effective_triage, scoped
from agent.state.tables import FINDING_OPEN, FINDINGS, SCAN_COMPLETE, SCAN_TOTALS, SCANS
from scanners.checks.severity import SEVERITY_ORDER
from scanners.model.triage import SET_ASIDE

TREND_SCANS = 30


@dataclass(frozen=True)
class TrendPoint:
    """One scan of the trend: its id, start and the findings it raised by severity."""

    scan_id: str
    started_at: str
    by_severity: tuple[tuple[str, int], ...]

    @property
    def total(self) -> int:
        return sum(count for _, count in self.by_severity)


@dataclass(frozen=True)
class Dashboard:
    """Open findings not set aside, counted four ways; set-aside counts; the trend."""

    by_severity: tuple[tuple[str, int], ...]
    by_type: tuple[tuple[str, int], ...]
    by_source: tuple[tuple[str, int], ...]
    by_owner: tuple[tuple[str, int], ...]
    set_aside: tuple[tuple[str, int], ...]
    trend: tuple[TrendPoint, ...]

    @property
    def open_total(self) -> int:
        return sum(count for _, count in self.by_severity)


def _ranked(counts: Counter[str], order: tuple[str, ...] = ()) -> tuple[tuple[str, int], ...]:
    place = {name: i for i, name in enumerate(order)}
    return tuple(
        sorted(counts.items(), key=lambda kv: (place.get(kv[0], len(place)), -kv[1], kv[0]))
    )


def dashboard(engine: Engine, today: date, scope: Scope) -> Dashboard:
    """The dashboard's numbers: one GROUP BY over the open findings, and the trend."""
    triage = effective_triage(today).label("triage")
    columns = (FINDINGS.c.severity, FINDINGS.c.type, FINDINGS.c.source, FINDINGS.c.owner)
    query = scoped(
        select(*columns, triage, func.count().label("n"))
        .select_from(JOINED)
        .where(FINDINGS.c.status == FINDING_OPEN)
        .group_by(*columns, triage),
        scope,
    )
    severity: Counter[str] = Counter()
    kind: Counter[str] = Counter()
    source: Counter[str] = Counter()
    owner: Counter[str] = Counter()
    aside: Counter[str] = Counter()
    with engine.connect() as conn:
        for row in conn.execute(query):
            if row.triage in SET_ASIDE:
                aside[row.triage] += row.n
                continue
            severity[row.severity] += row.n
            kind[row.type] += row.n
            source[row.source] += row.n
            owner[row.owner or ""] += row.n
        trend = _trend(conn, scope)
    return Dashboard(
        _ranked(severity, SEVERITY_ORDER),
        _ranked(kind),
        _ranked(source),
        _ranked(owner),
        _ranked(aside, SET_ASIDE),
        trend,
    )


def _trend(conn: Any, scope: Scope) -> tuple[TrendPoint, ...]:
    scans = conn.execute(
        select(SCANS.c.id, SCANS.c.started_at)
        .where(SCANS.c.status == SCAN_COMPLETE)
        .order_by(SCANS.c.seq.desc())
        .limit(TREND_SCANS)
    ).all()
    scans.reverse()
    if not scans:
        return ()
    counts: dict[str, Counter[str]] = {scan.id: Counter() for scan in scans}
    if scope is None:
        totals = select(SCAN_TOTALS).where(SCAN_TOTALS.c.scan_id.in_([s.id for s in scans]))
        for row in conn.execute(totals):
            counts[row.scan_id][row.severity] += row.findings
    else:  # the scan totals are everyone's: count the owner's findings seen by each scan
        seen = [
            func.sum(
                case(
                    (
                        and_(
                            FINDINGS.c.first_seen_at <= scan.started_at,
                            FINDINGS.c.last_seen_at >= scan.started_at,
                        ),
                        1,
                    ),
                    else_=0,
                )
            )
            for scan in scans
        ]
        query = scoped(
            select(FINDINGS.c.severity, *seen)
            .where(FINDINGS.c.last_seen_at >= scans[0].started_at)
            .group_by(FINDINGS.c.severity),
            scope,
        )
        for row in conn.execute(query):
            for scan, value in zip(scans, row[1:], strict=True):
                counts[scan.id][row[0]] += int(value or 0)
    return tuple(
        TrendPoint(scan.id, scan.started_at, _ranked(counts[scan.id], SEVERITY_ORDER))
        for scan in scans
    )
