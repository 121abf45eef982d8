"""SCAN_ERROR: a source or dataset could not be scanned; the message says why.

Risk: a silent gap — personal data in an unreadable table is never checked.
The reason is the error's one-line message, which connectors keep free of
secrets and sample values. Raised by the agent (a source that cannot be
listed, a dataset that cannot be read, a state store that fails) through
:func:`scan_error`, and by the register checks for facts that could not be
gathered (:mod:`scanners.checks.fact_failures`). Severity: medium, high for
a whole source.
"""

from __future__ import annotations

from collections.abc import Callable

from scanners.checks.finding_type import Bilingual, FindingType, make_finding
from scanners.model.result import Finding


def scan_error(source: str, dataset: str | None, reason: str) -> Finding:
    """A SCAN_ERROR finding for a whole source (``dataset`` None) or one dataset."""
    what_en = f"dataset {dataset} of source {source}" if dataset else f"source {source}"
    what_th = f"ชุดข้อมูล {dataset} ของแหล่งข้อมูล {source}" if dataset else f"แหล่งข้อมูล {source}"
    return make_finding(
        SCAN_ERROR,
        source,
        dataset,
        severity="high" if dataset is None else None,
        message_th=f"ไม่สามารถสแกน{what_th}: {reason}",
        message_en=f"Could not scan {what_en}: {reason}",
    )


SCAN_ERROR: FindingType[Callable[[str, str | None, str], Finding]] = FindingType(
    code="SCAN_ERROR",
    severity="medium",
    law="n/a",
    name=Bilingual(th="สแกนไม่สำเร็จ", en="Scan error"),
    description=Bilingual(
        th="ไม่สามารถสแกนแหล่งข้อมูลหรือชุดข้อมูลได้ ดูสาเหตุในรายละเอียด",
        en="A source or dataset could not be scanned; the message says why.",
    ),
    action=Bilingual(
        th="แก้ไขสาเหตุที่สแกนไม่สำเร็จ (ดูรายละเอียด) แล้วสแกนใหม่",
        en="Fix the cause given in the details, then scan again.",
    ),
    count_unit="datasets",
    check=scan_error,
)
