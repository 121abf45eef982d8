"""Five scans' worth of release 0.1.0 history, written into its frozen tables.

:func:`write_history` fills a store made with the tables of
:mod:`tests.support.legacy_state.tables` as release 0.1.0 filled it (ISO 8601
UTC timestamps of fixed width, JSON text lists, ``seq`` from the database)
and, unless told not to, the file cache of two files; :func:`dump` reads every
row back so a test can compare a store before and after today's agent opened it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import create_engine, inspect, select
from sqlalchemy.engine import URL

from tests.support.legacy_state.tables import (
    AUDIT,
    COLUMNS,
    DATASETS,
    FILE_CACHE,
    FINDINGS,
    SCANS,
    file_cache_metadata,
    metadata,
)

#: When each scan began (ISO UTC, as stored); s3 crashed and was failed by s4, s5 still runs.
SCAN_TIMES = {
    "s1": "2024-03-01T19:00:00.000000+00:00",
    "s2": "2024-03-08T19:00:00.000000+00:00",
    "s3": "2024-03-15T19:00:00.000000+00:00",
    "s4": "2024-03-22T19:00:00.000000+00:00",
    "s5": "2024-03-29T19:00:00.000000+00:00",
}
SCAN_STATUS = {
    "s1": "complete",
    "s2": "complete",
    "s3": "failed",
    "s4": "complete",
    "s5": "running",
}


def _finished(scan_id: str) -> str | None:
    if SCAN_STATUS[scan_id] != "complete":
        return None
    return SCAN_TIMES[scan_id].replace("T19:00:00", "T19:04:31")


def _finding(
    fid: str,
    source: str,
    dataset: str | None,
    history: tuple[str, str, str | None],
    **extra: Any,
) -> dict[str, Any]:
    first, last, resolved = history
    values: dict[str, Any] = {
        "id": fid,
        "type": "PII_UNREGISTERED",
        "severity": "high",
        "source": source,
        "dataset": dataset,
        "columns": json.dumps(["citizen_id", "phone"]),
        "count": None,
        "register_id": None,
        "owner": "hr-owner@example.co.th",
        "principal": None,
        "privileges": json.dumps([]),
        "law": "PDPA s.39",
        "message_th": "พบข้อมูลส่วนบุคคลที่ไม่ได้ลงทะเบียน",
        "message_en": "Personal data not in the register",
        "remediation": "ลงทะเบียนชุดข้อมูลในบันทึกรายการ (ROPA)",
        "first_seen_scan": first,
        "first_seen_at": SCAN_TIMES[first],
        "last_seen_scan": last,
        "last_seen_at": SCAN_TIMES[last],
        "status": "open" if resolved is None else "resolved",
        "resolved_scan": resolved,
        "resolved_at": None if resolved is None else SCAN_TIMES[resolved],
    }
    values.update(extra)
    return values


#: Every finding's (first seen, last seen, resolved in) scan, as four scans left them.
FINDINGS_ROWS = [
    _finding("f-employees", "hr", "public.employees", ("s1", "s4", None)),
    _finding("f-payroll", "hr", "public.payroll", ("s1", "s1", "s2"), severity="medium"),
    _finding("f-customers", "crm", "customers", ("s1", "s2", "s4"), owner=None),
    _finding(
        "f-grant",
        "crm",
        None,
        ("s2", "s4", None),
        type="EXCESS_PRIVILEGE",
        columns=json.dumps([]),
        principal="report_user",
        privileges=json.dumps(["SELECT", "UPDATE"]),
        law="PDPA s.37(1)",
        message_th="ผู้ใช้มีสิทธิ์เกินความจำเป็น",
        message_en="A principal holds more privileges than it needs",
    ),
    _finding("f-leads", "crm", "leads.csv", ("s4", "s4", None), count=812),
    _finding("f-old", "files", "exports/2023.xlsx", ("s1", "s2", "s2"), remediation=None),
]

#: Datasets each scan read: (source, name, kind, rows, register id, error).
_DATASETS = [
    ("hr", "public.employees", "table", 5231, "HR-001", None),
    ("hr", "public.payroll", "table", 5231, None, None),
    ("crm", "customers", "table", 120344, "CRM-002", None),
    ("crm", "leads.csv", "file", None, None, "PermissionError: leads.csv"),
]


#: The files source whose files the cache classified.
CACHE_SOURCE = "share"
#: Modification time (POSIX) of every cached file.
CACHED_MTIME = 1711738800.25
#: The files the cache classified: dataset name (path in the share) -> content.
CACHED_FILES: dict[str, bytes] = {
    "leads.csv": ("email,name\n" + "".join(f"u{i}@example.co.th,x\n" for i in range(20))).encode(),
    "exports/notes.txt": "ติดต่อ somchai@example.co.th\n".encode(),
}
#: Detectors fingerprint of the cached rows unless a test passes today's.
LEGACY_DETECTORS = "0" * 64
#: Every cached classification's reasons end with this: a scan that shows it did not read.
CACHE_MARK = "(pdpa-agent 0.1.0 file cache)"


def _cached_columns(dataset: str) -> list[dict[str, Any]]:
    """The masked classification 0.1.0 stored for ``dataset`` (ColumnResult, no override)."""

    def email(column: str, sampled: int, evidence: str, confidence: float) -> dict[str, Any]:
        return {
            "name": column,
            "sampled": sampled,
            "pii": [{"type": "EMAIL_ADDRESS", "confidence": confidence, "match_ratio": 1.0}],
            "evidence": [evidence],
            "reasons": [f"EMAIL_ADDRESS: evidence from EmailAddressRecognizer {CACHE_MARK}"],
        }

    if dataset == "leads.csv":
        return [
            email("email", 20, "u***@example.co.th", 0.99),
            {
                "name": "name",
                "sampled": 20,
                "pii": [],
                "evidence": [],
                "reasons": [f"PERSON: not reported, one value in every row {CACHE_MARK}"],
            },
        ]
    return [email("content", 1, "s***@example.co.th", 0.9)]


def file_cache_rows(detectors: str = LEGACY_DETECTORS) -> list[dict[str, Any]]:
    """The cache's rows for :data:`CACHED_FILES`, keyed as 0.1.0 keyed them.

    Key: size, modification time, SHA-256 of the first 128 KiB; ``detectors``
    is the detectors fingerprint they were classified under.
    """
    return [
        {
            "source": CACHE_SOURCE,
            "dataset": dataset,
            "size": len(content),
            "mtime": CACHED_MTIME,
            "digest": hashlib.sha256(content[: 128 * 1024]).hexdigest(),
            "detectors": detectors,
            "kind": "file",
            "row_count": 20 if dataset == "leads.csv" else 1,
            "columns": json.dumps(_cached_columns(dataset), ensure_ascii=False),
        }
        for dataset, content in CACHED_FILES.items()
    ]


def write_history(
    url: str | URL, *, file_cache: bool = True, detectors: str = LEGACY_DETECTORS
) -> None:
    """Create the 0.1.0 tables at ``url`` (``create_all``) and write their history.

    ``file_cache``: also the file cache's table, holding :func:`file_cache_rows`
    (classified under ``detectors``); without it, the store of an agent that
    never opened its file cache.
    """
    engine = create_engine(url)
    metadata.create_all(engine)
    if file_cache:
        file_cache_metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(FILE_CACHE.insert(), file_cache_rows(detectors))
    with engine.begin() as conn:
        for scan_id, started in SCAN_TIMES.items():  # seq comes from the database, as then
            conn.execute(
                SCANS.insert().values(
                    id=scan_id,
                    started_at=started,
                    finished_at=_finished(scan_id),
                    status=SCAN_STATUS[scan_id],
                    tool_version="0.1.0",
                )
            )
            if SCAN_STATUS[scan_id] != "complete":
                continue
            for source, name, kind, rows, register_id, error in _DATASETS:
                conn.execute(
                    DATASETS.insert().values(
                        scan_id=scan_id,
                        source=source,
                        name=name,
                        kind=kind,
                        row_count=rows,
                        register_id=register_id,
                        error=error,
                    )
                )
                if error is not None:
                    continue
                conn.execute(
                    COLUMNS.insert().values(
                        scan_id=scan_id,
                        source=source,
                        dataset=name,
                        column="citizen_id",
                        sampled=1000,
                        pii=json.dumps(
                            [{"type": "TH_NATIONAL_ID", "confidence": 0.98, "match_ratio": 0.97}]
                        ),
                        evidence=json.dumps(["1-1037-xxxxx-xx-5"]),
                        reasons=json.dumps(["TH_NATIONAL_ID: recognizer ratio 0.97"]),
                    )
                )
                conn.execute(
                    AUDIT.insert().values(
                        scan_id=scan_id,
                        source=source,
                        dataset=name,
                        rows_sampled=1000,
                        at=_finished(scan_id),
                    )
                )
        conn.execute(FINDINGS.insert(), FINDINGS_ROWS)
    engine.dispose()


def dump(url: str | URL) -> dict[str, list[dict[str, Any]]]:
    """Every row of every 0.1.0 table, in key order; the file cache's when the store has it."""
    engine = create_engine(url)
    with engine.connect() as conn:
        tables = list(metadata.sorted_tables)
        if inspect(conn).has_table(FILE_CACHE.name):
            tables.append(FILE_CACHE)
        rows = {
            table.name: [
                dict(row)
                for row in conn.execute(
                    select(table).order_by(*table.primary_key.columns)
                ).mappings()
            ]
            for table in tables
        }
    engine.dispose()
    return rows
