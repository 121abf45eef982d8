"""Per-owner reports: an owner must never see another owner's dataset or finding.

Not in the split result (``split_by_owner``), not in their report files
(``write_owner_reports``, one safe and readable folder per owner, distinct
even when owner addresses collide once made safe). An owner's report names
the owner and their datasets first, then what is due first.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports.formats.owner_reports import (
    OWNERS_DIR,
    owner_folder_name,
    split_by_owner,
    write_owner_reports,
)
from scanners.model.result import ScanInfo, ScanResult
from tests.agent.delivery.conftest import (
    CRM,
    CRM_DATASETS,
    HR,
    HR_DATASETS,
    UNOWNED_DATASET,
    _dataset,
    _finding,
)

# --- split ------------------------------------------------------------------------------


def test_split_gives_each_owner_only_their_share(result: ScanResult) -> None:
    split = split_by_owner(result)
    assert set(split) == {HR, CRM}

    hr, crm = split[HR], split[CRM]
    assert {f.id for f in hr.findings} == {"hr-1", "hr-2"}
    assert {d.name for d in hr.datasets} == set(HR_DATASETS)
    assert {f.id for f in crm.findings} == {"crm-1"}
    assert {d.name for d in crm.datasets} == set(CRM_DATASETS)

    for owner, part in split.items():
        assert all(f.owner is not None and f.owner.strip() == owner for f in part.findings)
        assert UNOWNED_DATASET not in {d.name for d in part.datasets}
        assert part.access_reviews == ()
        assert part.scan == result.scan
        # sources only where the owner has something; counts are the owner's; no skipped list
        assert [s.name for s in part.sources] == ["db"]
        assert part.sources[0].datasets == len(part.datasets)
        assert part.sources[0].skipped == ()


def test_split_of_a_scan_without_owners_is_empty() -> None:
    bare = ScanResult(scan=ScanInfo("s", "a", "b", "v"), findings=(_finding("x", "t", None),))
    assert split_by_owner(bare) == {}


@pytest.mark.parametrize(
    ("owner", "expected"),
    [
        ("hr-owner@example.co.th", "hr-owner_at_example.co.th"),
        ("../../etc/passwd@x", "etc_passwd_at_x"),
        ("a/b\\c@d", "a_b_c_at_d"),
        ("evil\x00\n\r\x1b@x.th", "evil__at_x.th"),
        ("..", "owner"),
        ("", "owner"),
        ("ผู้ดูแล@example.co.th", "at_example.co.th"),  # non-ASCII is dropped
        ("con", "_con"),
    ],
)
def test_owner_folder_name_is_safe_and_readable(owner: str, expected: str) -> None:
    name = owner_folder_name(owner)
    assert name == expected
    assert "/" not in name and "\\" not in name and ".." not in name
    assert all(ch.isprintable() and ch != " " for ch in name)
    assert name not in {"", ".", ".."}


def test_owner_folder_name_is_bounded() -> None:
    assert len(owner_folder_name("x" * 500 + "@example.com")) <= 100


def test_write_owner_reports_keeps_owners_apart(result: ScanResult, tmp_path: Path) -> None:
    written = write_owner_reports(result, tmp_path, ["json", "html", "csv"], "th")
    assert set(written) == {HR, CRM}
    assert {p.parent for p in written[HR]} == {tmp_path / OWNERS_DIR / "hr-owner_at_example.co.th"}
    for owner, mine, theirs in ((HR, HR_DATASETS, CRM_DATASETS), (CRM, CRM_DATASETS, HR_DATASETS)):
        assert [p.name for p in written[owner]] == ["findings.json", "report.html", "findings.csv"]
        document = json.loads(written[owner][0].read_text(encoding="utf-8"))
        assert {d["name"] for d in document["datasets"]} == set(mine)
        for path in written[owner]:
            text = path.read_text(encoding="utf-8-sig")
            for name in (*theirs, UNOWNED_DATASET, "crm_dump_secret.bin"):
                assert name not in text, (owner, path.name, name)


def test_colliding_folder_names_get_distinct_folders(tmp_path: Path) -> None:
    owners = ("a/b@x.th", "a_b@x.th", "A_B@x.th")
    findings = tuple(_finding(f"f{i}", f"t{i}", o) for i, o in enumerate(owners))
    scan = ScanResult(scan=ScanInfo("s", "a", "b", "v"), findings=findings)
    written = write_owner_reports(scan, tmp_path, ["json"], "en")
    folders = {paths[0].parent.name.lower() for paths in written.values()}
    assert len(folders) == 3


# --- what an owner's report says first ----------------------------------------------------


def test_owner_report_names_owner_and_puts_what_is_due_first(tmp_path: Path) -> None:
    import csv
    import io
    from datetime import date

    from reports.common import FINDING_COLUMNS

    owner = "dpo-hr@example.co.th"
    findings = (
        _finding("late-low", HR_DATASETS[0], owner, severity="low", due=date(2024, 12, 1)),
        _finding(
            "soon-critical",
            HR_DATASETS[0],
            owner,
            severity="critical",
            type="ACCESS_PUBLIC",
            due=date(2025, 1, 8),
        ),
        _finding(
            "soon-high",
            HR_DATASETS[1],
            owner,
            severity="high",
            type="ACCESS_UNAPPROVED",
            due=date(2025, 1, 8),
        ),
        _finding(
            "later-critical",
            HR_DATASETS[1],
            owner,
            severity="critical",
            type="SENSITIVE_NO_BASIS",
            due=date(2025, 3, 1),
        ),
    )
    result = ScanResult(
        scan=ScanInfo("scan-9", "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "0.1"),
        datasets=(_dataset(HR_DATASETS[0], "HR-001"), _dataset(HR_DATASETS[1], "HR-002")),
        findings=findings,
    )
    written = write_owner_reports(result, tmp_path, ["html", "csv"], "th")
    html_path, csv_path = written[owner]
    page = html_path.read_text(encoding="utf-8")
    heading = page.split('<h2 id="do-first">')[0]
    assert "รายงานสำหรับผู้รับผิดชอบข้อมูล" in heading and owner in heading
    assert f"db / {HR_DATASETS[0]}" in heading and "HR-001, HR-002" in heading
    do_first, rest = page.split('<h2 id="do-first">')[1].split('<h2 id="findings">')
    order = ["late-low", "soon-critical", "soon-high"]
    assert [do_first.index(f'id="finding-{fid}"') for fid in order] == sorted(
        do_first.index(f'id="finding-{fid}"') for fid in order
    )
    assert 'id="finding-later-critical"' in rest and "later-critical" not in do_first
    assert "เลยกำหนด 31 วัน" in do_first  # late-low: due 1 Dec 2024, scanned 1 Jan 2025
    rows = list(csv.reader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    due = FINDING_COLUMNS.index("due")
    assert [row[0] for row in rows[1:]] == [*order, "later-critical"]
    assert rows[1][due] == "2024-12-01"
