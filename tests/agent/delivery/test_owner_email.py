"""Delivery of per-owner reports by e-mail to a real (local) SMTP server.

The tests start an ``aiosmtpd`` server on 127.0.0.1 and read what it
received: each owner gets one message with only their own report (Thai or
English subject and counts, transfer-encoded), a refused owner fails while
the others still get theirs, an unreachable server fails every owner without
raising or logging the password, and a bad SMTP URL is a ``ValueError``.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from agent.delivery.notifier import send_owner_reports
from agent.inputs.config import EmailSettings
from reports.formats.owner_reports import write_owner_reports
from scanners.model.result import ScanResult
from tests.agent.delivery.conftest import (
    CRM,
    CRM_DATASETS,
    HR,
    HR_DATASETS,
    UNOWNED_DATASET,
)
from tests.support.smtp import KeepingHandler, attachments, free_port, parse_message

SENDER = "pdpa-agent@example.co.th"


def test_each_owner_gets_one_message_with_only_their_report(
    result: ScanResult, tmp_path: Path, smtp_server: tuple[KeepingHandler, int]
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
        message = parse_message(received)
        assert message["To"] == owner
        assert message["From"] == SENDER
        subject = str(message["Subject"])
        assert "รายงานข้อมูลส่วนบุคคล" in subject  # RFC 2047-encoded Thai decodes back
        assert received.content.isascii()  # headers and parts are transfer-encoded
        attached = attachments(message)
        assert set(attached) == {"report.html", "findings.csv"}
        assert mine[0] in attached["report.html"]
        body = message.get_body(("plain",))
        assert body is not None
        body_text = body.get_content()
        assert "วิกฤต" in body_text  # counts per severity, in Thai
        everything = "\n".join([subject, body_text, *attached.values()])
        for name in (*theirs, UNOWNED_DATASET):
            assert name not in everything, (owner, name)
        # the body carries no dataset names at all, only counts
        for name in mine:
            assert name not in body_text


def test_english_subject_and_counts(
    result: ScanResult, tmp_path: Path, smtp_server: tuple[KeepingHandler, int]
) -> None:
    handler, port = smtp_server
    per_owner = write_owner_reports(result, tmp_path, ["html", "csv"], "en")
    settings = EmailSettings(smtp_url=f"smtp://127.0.0.1:{port}", sender=SENDER)
    sent, failed = send_owner_reports(settings, {HR: per_owner[HR]}, "en", None, timeout=10)
    assert (sent, failed) == ([HR], [])
    message = parse_message(handler.messages[0])
    assert str(message["Subject"]).endswith(": 2")
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Critical: 1" in text and "High: 1" in text and "Low: 0" in text


def test_a_refused_owner_fails_and_the_others_still_go(
    result: ScanResult,
    tmp_path: Path,
    smtp_server: tuple[KeepingHandler, int],
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
    closed = free_port()  # nothing listens there: connection refused
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
