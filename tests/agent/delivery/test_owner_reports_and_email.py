"""Per-owner reports and their delivery by e-mail to a real (local) SMTP server.

An owner must never see another owner's dataset or finding — not in the
split result, not in their report files, not in their e-mail. The SMTP
tests start an ``aiosmtpd`` server on 127.0.0.1 and read what it received.
"""

from __future__ import annotations

import email
import email.policy
import json
import logging
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from agent.delivery.notifier import send_owner_reports
from agent.inputs.config import EmailSettings
from reports.formats.owner_reports import (
    OWNERS_DIR,
    owner_folder_name,
    split_by_owner,
    write_owner_reports,
)
from scanners.model.result import (
    ColumnResult,
    DatasetResult,
    Finding,
    PiiMatch,
    ScanInfo,
    ScanResult,
    SourceStatus,
)

HR = "hr-owner@example.co.th"
CRM = "crm-owner@example.co.th"
SENDER = "pdpa-agent@example.co.th"
HR_DATASETS = ("public.พนักงาน_hr_only", "public.hr_registered_clean")
CRM_DATASETS = ("public.crm_customers_secret",)
UNOWNED_DATASET = "public.nobody_owns_this"


def _finding(fid: str, dataset: str | None, owner: str | None, **extra: Any) -> Finding:
    values: dict[str, Any] = {
        "id": fid,
        "type": "RETENTION_EXPIRED",
        "severity": "high",
        "source": "db",
        "dataset": dataset,
        "columns": ("terminated_at",),
        "count": 3,
        "register_id": None,
        "owner": owner,
        "principal": None,
        "privileges": (),
        "law": "PDPA s.37(3)",
        "message_th": f"ข้อความเกี่ยวกับ {dataset}",
        "message_en": f"message about {dataset}",
        "remediation": None,
    }
    values.update(extra)
    return Finding(**values)


def _dataset(name: str, register_id: str | None = None) -> DatasetResult:
    column = ColumnResult("citizen_id", 10, (PiiMatch("TH_NATIONAL_ID", 0.9, 0.9),), ("1-xxxx",))
    return DatasetResult("db", name, "table", 10, register_id, (column,))


@pytest.fixture
def result() -> ScanResult:
    return ScanResult(
        scan=ScanInfo("scan-1", "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", "0.1"),
        sources=(
            SourceStatus("db", "ok", None, 4, skipped=(("crm_dump_secret.bin", "too large"),)),
            SourceStatus("other", "ok", None, 0),
        ),
        datasets=(
            _dataset(HR_DATASETS[0], "HR-001"),
            # no finding names it, but its register entry (HR-001) is HR's
            _dataset(HR_DATASETS[1], "HR-001"),
            _dataset(CRM_DATASETS[0], "CRM-001"),
            _dataset(UNOWNED_DATASET),
        ),
        findings=(
            _finding("hr-1", HR_DATASETS[0], HR, register_id="HR-001", severity="critical"),
            _finding("hr-2", HR_DATASETS[0], f"  {HR} ", register_id="HR-001"),
            _finding("crm-1", CRM_DATASETS[0], CRM, register_id="CRM-001", severity="low"),
            _finding("none-1", UNOWNED_DATASET, None, type="PII_UNREGISTERED"),
        ),
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


# --- e-mail -----------------------------------------------------------------------------


@dataclass
class _Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes


@dataclass
class _KeepingHandler:
    """aiosmtpd handler: keeps every message; refuses the recipients in ``refuse``."""

    refuse: set[str] = field(default_factory=set)
    messages: list[_Received] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(
            _Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
        )
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[tuple[_KeepingHandler, int]]:
    import aiosmtpd.controller as controller_module  # a test dependency: missing must fail

    handler = _KeepingHandler()
    port = _free_port()
    controller = controller_module.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def _parse(received: _Received) -> EmailMessage:
    message = email.message_from_bytes(received.content, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _attachments(message: EmailMessage) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in message.iter_attachments():
        assert isinstance(part, EmailMessage)
        content = part.get_content()
        name = part.get_filename()
        assert name is not None
        out[name] = content if isinstance(content, str) else content.decode("utf-8-sig")
    return out


def test_each_owner_gets_one_message_with_only_their_report(
    result: ScanResult, tmp_path: Path, smtp_server: tuple[_KeepingHandler, int]
) -> None:
    handler, port = smtp_server
    per_owner = write_owner_reports(result, tmp_path, ["json", "html", "csv", "xlsx"], "th")
    settings = EmailSettings(smtp_url=f"smtp://127.0.0.1:{port}", sender=SENDER)

    sent, failed = send_owner_reports(settings, per_owner, "th", None, timeout=10)

    assert sorted(sent) == sorted([HR, CRM]) and failed == []
    assert len(handler.messages) == 2
    by_rcpt = {tuple(m.rcpt_tos): m for m in handler.messages}
    assert set(by_rcpt) == {(HR,), (CRM,)}
    for owner, mine, theirs in ((HR, HR_DATASETS, CRM_DATASETS), (CRM, CRM_DATASETS, HR_DATASETS)):
        received = by_rcpt[(owner,)]
        assert received.mail_from == SENDER
        message = _parse(received)
        assert message["To"] == owner
        assert message["From"] == SENDER
        subject = str(message["Subject"])
        assert "รายงานข้อมูลส่วนบุคคล" in subject  # RFC 2047-encoded Thai decodes back
        assert received.content.isascii()  # headers and parts are transfer-encoded
        attachments = _attachments(message)
        assert set(attachments) == {"report.html", "findings.csv"}
        assert mine[0] in attachments["report.html"]
        body = message.get_body(("plain",))
        assert body is not None
        body_text = body.get_content()
        assert "วิกฤต" in body_text  # counts per severity, in Thai
        everything = "\n".join([subject, body_text, *attachments.values()])
        for name in (*theirs, UNOWNED_DATASET):
            assert name not in everything, (owner, name)
        # the body carries no dataset names at all, only counts
        for name in mine:
            assert name not in body_text


def test_english_subject_and_counts(
    result: ScanResult, tmp_path: Path, smtp_server: tuple[_KeepingHandler, int]
) -> None:
    handler, port = smtp_server
    per_owner = write_owner_reports(result, tmp_path, ["html", "csv"], "en")
    settings = EmailSettings(smtp_url=f"smtp://127.0.0.1:{port}", sender=SENDER)
    sent, failed = send_owner_reports(settings, {HR: per_owner[HR]}, "en", None, timeout=10)
    assert (sent, failed) == ([HR], [])
    message = _parse(handler.messages[0])
    assert str(message["Subject"]).endswith(": 2")
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Critical: 1" in text and "High: 1" in text and "Low: 0" in text


def test_a_refused_owner_fails_and_the_others_still_go(
    result: ScanResult,
    tmp_path: Path,
    smtp_server: tuple[_KeepingHandler, int],
    caplog: pytest.LogCaptureFixture,
) -> None:
    handler, port = smtp_server
    handler.refuse.add(CRM)
    per_owner = write_owner_reports(result, tmp_path, ["html", "csv"], "th")
    ordered = {CRM: per_owner[CRM], HR: per_owner[HR]}  # the failing owner first
    settings = EmailSettings(smtp_url=f"smtp://127.0.0.1:{port}", sender=SENDER)

    with caplog.at_level(logging.WARNING, logger="agent.delivery.notifier"):
        sent, failed = send_owner_reports(settings, ordered, "th", None, timeout=10)

    assert sent == [HR] and failed == [CRM]
    assert [m.rcpt_tos for m in handler.messages] == [[HR]]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and CRM in warnings[0] and "\n" not in warnings[0]


def test_an_unreachable_server_fails_every_owner_without_raising(
    result: ScanResult, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    per_owner = write_owner_reports(result, tmp_path, ["html", "csv"], "en")
    closed = _free_port()  # nothing listens there: connection refused
    settings = EmailSettings(smtp_url=f"smtp://127.0.0.1:{closed}", sender=SENDER)
    password = "s3cret-Password"

    with caplog.at_level(logging.WARNING, logger="agent.delivery.notifier"):
        sent, failed = send_owner_reports(settings, per_owner, "en", password, timeout=5)

    assert sent == [] and sorted(failed) == sorted([HR, CRM])
    assert password not in caplog.text
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 2


def test_a_bad_smtp_url_is_a_value_error(tmp_path: Path) -> None:
    settings = EmailSettings(smtp_url="smtp://", sender=SENDER)
    with pytest.raises(ValueError):
        send_owner_reports(settings, {HR: []}, "th", None)


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
